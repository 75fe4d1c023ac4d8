#include "app/support_service.hpp"

#include <algorithm>

#include "app/guards.hpp"
#include "store/orientations_repo.hpp"
#include "store/profiles_repo.hpp"
#include "store/social_supports_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

domain::SupportFacts facts_of(const store::SupportRow& r) {
  return {r.start_date, r.total_months, r.renewals, r.bilan_since_period_start,
          domain::parse_support_state(r.state).value_or(domain::SupportState::termine)};
}

DomainError no_convention() {
  return DomainError(DomainError::Kind::conflict, "convention",
                     "Convention de l'accompagnement introuvable.");
}

// What the review of a support in progress may lead to under its convention.
void apply_terms(SupportView& v, const store::SupportRow& row,
                 const domain::ConventionRules& rules) {
  v.max_total_months = rules.axe2.max_total_months;
  v.renewal_steps = rules.axe2.renewal_months;
  // Renewable if the smallest step would pass, once the bilan is recorded.
  auto facts = facts_of(row);
  facts.bilan_since_period_start = true;
  for (int step : rules.axe2.renewal_months)
    if (domain::check_renewal(facts, step, rules, row.profile_label).empty()) v.renewable = true;
}

}  // namespace

void SupportService::record(soci::session& sql, const domain::Actor& actor,
                            const store::SupportRow& row, const std::string& kind,
                            const std::string& detail, const Origin& origin) {
  const auto now = ctx_.now_iso();
  store::insert_history_event(
      sql, store::History::support, row.id, now,
      actor.user_id ? std::optional<std::int64_t>(actor.user_id) : std::nullopt, kind, detail);
  store::append_audit(sql, ctx_.db.dialect(), now,
                      {audit_entry(actor, "support." + kind, row.person_id, origin,
                                   "accompagnement:" + std::to_string(row.id))});
}

domain::ConventionRules SupportService::rules_of(const store::SupportRow& row) {
  const auto profile = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_profile(sql, row.profile_id); });
  // The convention in force on the day of entry governs the whole support.
  if (profile)
    for (const auto& v : profile->versions)
      if (v.id == row.profile_version_id) return v.rules;
  throw no_convention();
}

SupportView SupportService::view(store::SupportRow row) {
  SupportView v;
  v.period_end = domain::to_iso(domain::period_end(facts_of(row)));
  if (row.state == "en_cours") apply_terms(v, row, rules_of(row));
  v.history = ctx_.db.with_session([&](soci::session& sql) {
    return store::history_events(sql, store::History::support, row.id);
  });
  v.row = std::move(row);
  return v;
}

SupportView SupportService::list_view(store::SupportRow row, ConventionRulesCache& rules) {
  SupportView v;
  v.period_end = domain::to_iso(domain::period_end(facts_of(row)));
  if (row.state == "en_cours") {
    const auto* version = rules.find(row.profile_id, row.profile_version_id);
    if (!version) throw no_convention();
    apply_terms(v, row, *version);
  }
  v.row = std::move(row);
  return v;
}

store::SupportRow SupportService::load(const domain::Actor& actor, std::int64_t id,
                                       const Origin& origin) {
  auto row = ctx_.db.with_session([&](soci::session& sql) { return store::find_support(sql, id); });
  if (!row)
    throw DomainError(DomainError::Kind::not_found, "accompagnement_introuvable",
                      "Accompagnement introuvable.");
  require_person_access(ctx_, actor, row->person_scope, row->person_id, "support.denied", origin);
  return *row;
}

SupportView SupportService::enter(const domain::Actor& actor, std::int64_t orientation_id,
                                  const std::string& start_date, int initial_months,
                                  const Origin& origin) {
  auto o = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_orientation(sql, orientation_id); });
  if (!o)
    throw DomainError(DomainError::Kind::not_found, "orientation_introuvable",
                      "Orientation introuvable.");
  if (domain::person_access(actor, o->person_scope) != domain::Access::allowed)
    throw out_of_scope();
  if (o->status != "en_attente_entree")
    throw DomainError(DomainError::Kind::conflict, "entree_impossible",
                      "L'entrée suppose une décision OUI en attente d'entrée.");
  for (const auto& a : ctx_.db.with_session(
           [&](soci::session& sql) { return store::social_supports_of_person(sql, o->person_id); }))
    if (a.state == "en_cours")
      throw DomainError(DomainError::Kind::conflict, "axe3_en_cours",
                        "Un accompagnement social exclusif (axe 3) est en cours : "
                        "l'accompagnement France Travail est suspendu jusqu'à sa fin.");
  store::SupportRow probe;
  probe.profile_id = o->profile_id;
  probe.profile_version_id = o->profile_version_id;
  const auto rules = rules_of(probe);
  auto errors =
      domain::check_entry(initial_months, start_date, o->oriented_on, rules, o->profile_label);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  store::SupportRow row;
  row.person_id = o->person_id;
  row.orientation_id = o->id;
  row.profile_id = o->profile_id;
  row.profile_version_id = o->profile_version_id;
  row.start_date = start_date;
  row.initial_months = initial_months;
  row.total_months = initial_months;
  row.state = "en_cours";
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    // A simultaneous entry (or any other step) on this orientation wins: no second support.
    if (store::locked_orientation_version(sql, ctx_.db.dialect(), o->id) !=
        store::orientation_version(*o))
      throw DomainError(DomainError::Kind::conflict, "modification_concurrente",
                        "Cette orientation vient d'être modifiée par quelqu'un d'autre : "
                        "rechargez la page avant de réessayer.");
    row.id = store::insert_support(sql, row, now);
    auto updated = *o;
    updated.status = "entree";
    store::update_orientation(sql, updated, now);
    store::insert_history_event(sql, store::History::orientation, o->id, now, actor.user_id,
                                "entry", "Entrée effective le " + french_date(start_date));
    record(sql, actor, row, "entry",
           "Entrée le " + french_date(start_date) + " pour " + std::to_string(initial_months) +
               " mois",
           origin);
    return row.id;
  });
  return view(
      *ctx_.db.with_session([&](soci::session& sql) { return store::find_support(sql, id); }));
}

std::vector<SupportView> SupportService::of_person(const domain::Actor& actor,
                                                   std::int64_t person_id, const Origin& origin) {
  std::vector<SupportView> out;
  auto rows = ctx_.db.with_session(
      [&](soci::session& sql) { return store::supports_of_person(sql, person_id); });
  for (auto& r : rows) {
    if (domain::person_access(actor, r.person_scope) != domain::Access::allowed)
      throw out_of_scope();
    out.push_back(view(std::move(r)));
  }
  if (!out.empty()) audit_now(ctx_, audit_entry(actor, "support.read", person_id, origin));
  return out;
}

SupportView SupportService::bilan(const domain::Actor& actor, std::int64_t id,
                                  const std::string& result, const Origin& origin) {
  auto row = load(actor, id, origin);
  if (!domain::label_of(domain::kBilanResults, result))
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{"result", "obligatoire",
                                           "Choisissez le résultat du bilan dans la liste."}});
  if (row.state != "en_cours")
    throw DomainError(DomainError::Kind::conflict, "etat",
                      "Le bilan porte sur un accompagnement en cours.");
  const auto now = ctx_.now_iso();
  row.last_bilan_result = result;
  row.last_bilan_on = domain::to_iso(domain::france_today(ctx_.clock.now()));
  row.bilan_since_period_start = true;
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_support(sql, row, now);
    record(sql, actor, row, "bilan",
           "Bilan : " + std::string(*domain::label_of(domain::kBilanResults, result)), origin);
  });
  return view(row);
}

SupportView SupportService::renew(const domain::Actor& actor, std::int64_t id, int months,
                                  const Origin& origin) {
  auto row = load(actor, id, origin);
  auto errors = domain::check_renewal(facts_of(row), months, rules_of(row), row.profile_label);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  row.total_months += months;
  row.renewals += 1;
  row.bilan_since_period_start = false;  // the next period needs its own bilan
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_support(sql, row, now);
    record(sql, actor, row, "renewal",
           "Renouvellement de " + std::to_string(months) + " mois (durée totale " +
               std::to_string(row.total_months) + " mois)",
           origin);
  });
  return view(row);
}

SupportView SupportService::exit(const domain::Actor& actor, std::int64_t id,
                                 const std::string& outcome, const std::string& exit_date,
                                 const Origin& origin) {
  auto row = load(actor, id, origin);
  auto errors = domain::check_exit(facts_of(row), outcome, exit_date);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto rules = rules_of(row);
  const auto now = ctx_.now_iso();
  row.exit_outcome = outcome;
  row.exit_date = exit_date;
  if (domain::is_job_start(outcome)) {
    // After a job start the binôme stays available for the in-work follow-up.
    row.state = "suivi_emploi";
    row.followup_end = domain::to_iso(
        domain::plus_months(*domain::parse_date(exit_date), rules.axe2.in_work_followup_months));
  } else {
    row.state = "termine";
  }
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_support(sql, row, now);
    record(sql, actor, row, "exit",
           "Sortie le " + french_date(exit_date) + " : " +
               std::string(*domain::label_of(domain::kExitOutcomes, outcome)),
           origin);
  });
  return view(row);
}

SupportService::Portfolio SupportService::portfolio(const domain::Actor& actor) {
  if (!domain::may_see_named_persons(actor.role))
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "Les portefeuilles sont suivis par les conseillers, les référents sociaux et "
                      "leurs coordinateurs.");
  Portfolio out;
  const auto today = domain::france_today(ctx_.clock.now());
  const auto profile = ctx_.db.with_session([&](soci::session& sql) {
    return store::profile_for(sql, actor.departement, domain::to_iso(today));
  });
  if (profile)
    if (const auto* v = domain::version_in_force(*profile, today))
      out.convention = ProfileInForce{profile->code, profile->label, v->rules};
  std::vector<domain::SupportFact> facts;
  // Filtered in SQL first, as the persons list: the whole base's supports took 150 ms.
  const auto rows = ctx_.db.with_session([&](soci::session& sql) {
    return store::all_supports_in_reach(sql, domain::reach_of(actor));
  });
  for (const auto& r : rows) {
    if (!r.person_scope.conseiller_id ||
        domain::person_access(actor, r.person_scope) != domain::Access::allowed)
      continue;
    facts.push_back({*r.person_scope.conseiller_id, r.person_scope.referent_social_id,
                     r.state == "en_cours", r.person_brsa, r.start_date});
  }
  out.counsellors = domain::portfolio_figures(
      facts, out.convention ? out.convention->rules : domain::ConventionRules{},
      static_cast<int>(today.year()));
  // One query for the names: one per counsellor and binôme took 0.7 s for a territory on
  // PostgreSQL.
  std::vector<std::int64_t> users;
  for (const auto& c : out.counsellors) {
    users.push_back(c.conseiller_id);
    for (const auto& b : c.binomes)
      if (b.referent_social_id) users.push_back(*b.referent_social_id);
  }
  std::sort(users.begin(), users.end());
  users.erase(std::unique(users.begin(), users.end()), users.end());
  out.names = ctx_.db.with_session(
      [&](soci::session& sql) { return store::display_names_of(sql, ctx_.db.dialect(), users); });
  return out;
}

std::vector<SupportView> SupportService::reviews_due(const domain::Actor& actor, int days,
                                                     ConventionRulesCache& rules) {
  std::vector<SupportView> out;
  const auto today = std::chrono::sys_days{domain::france_today(ctx_.clock.now())};
  for (auto& row : ctx_.db.with_session([&](soci::session& sql) {
         return store::supports_in_reach(sql, domain::reach_of(actor), "en_cours");
       })) {
    if (domain::person_access(actor, row.person_scope) != domain::Access::allowed) continue;
    const auto end = std::chrono::sys_days{domain::period_end(facts_of(row))};
    if (end - today <= std::chrono::days{days}) out.push_back(list_view(std::move(row), rules));
  }
  return out;
}

std::vector<SupportView> SupportService::portfolio_persons(
    const domain::Actor& actor, std::int64_t conseiller_id,
    std::optional<std::int64_t> referent_social_id, const Origin& origin) {
  if (!domain::may_see_named_persons(actor.role))
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "Votre rôle ne donne pas accès aux personnes accompagnées.");
  std::vector<SupportView> out;
  for (auto& row : ctx_.db.with_session([&](soci::session& sql) {
         return store::all_supports_in_reach(sql, domain::reach_of(actor));
       })) {
    if (row.state != "en_cours" || row.person_scope.conseiller_id != conseiller_id ||
        (referent_social_id && row.person_scope.referent_social_id != referent_social_id) ||
        domain::person_access(actor, row.person_scope) != domain::Access::allowed)
      continue;
    out.push_back(view(std::move(row)));
  }
  auto entry = audit_entry(actor, "portfolio.persons", std::nullopt, origin,
                           "conseiller:" + std::to_string(conseiller_id));
  for (const auto& v : out) entry.listed_persons.push_back(v.row.person_id);
  if (!out.empty()) audit_now(ctx_, entry);
  return out;
}

std::vector<SupportView> SupportService::followups_ending(const domain::Actor& actor, int days,
                                                          ConventionRulesCache& rules) {
  std::vector<SupportView> out;
  const auto day = std::chrono::sys_days{today(ctx_)};
  for (auto& row : ctx_.db.with_session([&](soci::session& sql) {
         return store::supports_in_reach(sql, domain::reach_of(actor), "suivi_emploi");
       })) {
    if (!row.followup_end ||
        domain::person_access(actor, row.person_scope) != domain::Access::allowed)
      continue;
    const auto end = std::chrono::sys_days{*domain::parse_date(*row.followup_end)};
    if (end >= day && end - day <= std::chrono::days{days})
      out.push_back(list_view(std::move(row), rules));
  }
  return out;
}

}  // namespace binome::app
