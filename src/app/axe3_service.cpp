#include "app/axe3_service.hpp"

#include "app/guards.hpp"
#include "store/persons_repo.hpp"
#include "store/profiles_repo.hpp"
#include "store/supports_repo.hpp"

namespace binome::app {
namespace {

using domain::Axe3State;
using domain::DomainError;

domain::Axe3Facts facts_of(const store::SocialSupportRow& r) {
  return {r.start_date.value_or(""), r.total_months, r.renewals,
          domain::parse_axe3_state(r.state).value_or(Axe3State::termine)};
}

DomainError conflict(const std::string& code, const std::string& message) {
  return DomainError(DomainError::Kind::conflict, code, message);
}

}  // namespace

void Axe3Service::record(soci::session& sql, const domain::Actor& actor,
                         const store::SocialSupportRow& row, const std::string& kind,
                         const std::string& detail, const Origin& origin) {
  const auto now = ctx_.now_iso();
  store::insert_history_event(sql, store::History::social_support, row.id, now, actor.user_id, kind,
                              detail);
  store::append_audit(sql, ctx_.db.dialect(), now,
                      {audit_entry(actor, "axe3." + kind, row.person_id, origin,
                                   "axe3:" + std::to_string(row.id))});
}

domain::Axe3Rules Axe3Service::rules_of(const store::SocialSupportRow& row) {
  const auto profile = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_profile(sql, row.profile_id); });
  if (profile)
    for (const auto& v : profile->versions)
      if (v.id == row.profile_version_id) return v.rules.axe3;
  throw conflict("convention", "Convention de l'axe 3 introuvable.");
}

Axe3View Axe3Service::view(store::SocialSupportRow row) {
  auto v = list_view(std::move(row));
  v.history = ctx_.db.with_session([&](soci::session& sql) {
    return store::history_events(sql, store::History::social_support, v.row.id);
  });
  return v;
}

Axe3View Axe3Service::list_view(store::SocialSupportRow row) {
  Axe3View v;
  if (row.state == "en_cours" && row.start_date)
    v.review_due_on = domain::to_iso(domain::axe3_period_end(facts_of(row)));
  v.row = std::move(row);
  return v;
}

store::SocialSupportRow Axe3Service::load(const domain::Actor& actor, std::int64_t id,
                                          const Origin& origin) {
  auto row =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_social_support(sql, id); });
  if (!row)
    throw DomainError(DomainError::Kind::not_found, "axe3_introuvable", "Axe 3 introuvable.");
  require_person_access(ctx_, actor, row->person_scope, row->person_id, "axe3.denied", origin);
  return *row;
}

bool Axe3Service::running_for(std::int64_t person_id) {
  const auto rows = ctx_.db.with_session(
      [&](soci::session& sql) { return store::social_supports_of_person(sql, person_id); });
  for (const auto& r : rows)
    if (r.state == "en_cours") return true;
  return false;
}

Axe3View Axe3Service::request(const domain::Actor& actor, std::int64_t person_id,
                              const std::string& planned_start, const Origin& origin) {
  const auto person = person_in_reach(ctx_, actor, person_id, "axe3.denied", origin);
  auto errors = domain::check_axe3_request(planned_start);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  if (!person.person.scope.referent_social_id)
    throw conflict("referent_social_requis",
                   "L'axe 3 est conduit par le référent social : désignez-le d'abord.");
  const auto existing = ctx_.db.with_session(
      [&](soci::session& sql) { return store::social_supports_of_person(sql, person_id); });
  for (const auto& r : existing)
    if (r.state == "a_valider" || r.state == "en_cours")
      throw conflict("axe3_existant", "Un axe 3 est déjà demandé ou en cours pour cette personne.");
  const auto supports = ctx_.db.with_session(
      [&](soci::session& sql) { return store::supports_of_person(sql, person_id); });
  for (const auto& s : supports)
    if (s.state == "en_cours")
      throw conflict("axe2_en_cours",
                     "L'accompagnement global est en cours : enregistrez d'abord le bilan et la "
                     "sortie « Orientation vers l'axe 3 ».");
  const auto profile = ctx_.db.with_session([&](soci::session& sql) {
    return store::profile_for(sql, person.person.scope.departement, planned_start);
  });
  const auto* version =
      profile ? domain::version_in_force(*profile, *domain::parse_date(planned_start)) : nullptr;
  if (!version)
    throw conflict("convention_absente",
                   "Aucune convention en vigueur à cette date pour le département de la personne.");
  store::SocialSupportRow row;
  row.person_id = person_id;
  row.profile_id = profile->id;
  row.profile_version_id = version->id;
  row.service_org_id = person.person.scope.referent_social_org_id;
  row.state = "a_valider";
  row.requested_by = actor.user_id;
  row.planned_start = planned_start;
  row.total_months = version->rules.axe3.duration_months;
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    row.id = store::insert_social_support(sql, row, ctx_.now_iso());
    record(sql, actor, row, "request",
           "Demande d'accompagnement social exclusif à partir du " + french_date(planned_start) +
               " (" + std::to_string(row.total_months) + " mois), à valider",
           origin);
    return row.id;
  });
  return view(*ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_social_support(sql, id); }));
}

Axe3View Axe3Service::validate(const domain::Actor& actor, std::int64_t id, bool accept,
                               bool override_quota, const Origin& origin) {
  auto row = load(actor, id, origin);
  const auto rules = rules_of(row);
  if (!domain::may_validate_axe3(actor, rules))
    throw DomainError(
        DomainError::Kind::forbidden, "validation_reservee",
        "La validation de l'axe 3 revient à : " +
            (rules.validated_by.empty() ? std::string("un coordinateur du Département")
                                        : rules.validated_by) +
            " (convention " + row.profile_label + ").");
  if (row.state != "a_valider") throw conflict("etat", "Cette demande d'axe 3 est déjà traitée.");
  const auto now = ctx_.now_iso();
  if (!accept) {
    row.state = "refuse";
    row.validated_by = actor.user_id;
    row.validated_at = now;
    ctx_.db.transaction([&](soci::session& sql) {
      store::update_social_support(sql, row, now);
      record(sql, actor, row, "refusal", "Axe 3 non validé", origin);
    });
    return view(row);
  }
  const int year = static_cast<int>(domain::parse_date(row.planned_start)->year());
  return ctx_.db.transaction([&](soci::session& sql) {
    // Counted inside the transaction that starts it: two validations cannot both take the
    // last place.
    const int in_service = row.service_org_id ? store::axe3_starts_in_service(
                                                    sql, row.profile_id, *row.service_org_id, year)
                                              : 0;
    const int in_all = store::axe3_starts_in_all(sql, row.profile_id, year);
    const auto refusal = domain::axe3_quota_refusal(in_service, in_all, rules, row.profile_label);
    if (refusal && !override_quota) throw conflict("quota_axe3", *refusal);
    if (refusal && actor.role != domain::Role::coordinateur)
      throw DomainError(DomainError::Kind::forbidden, "derogation_reservee",
                        "Seul un coordinateur peut accorder une dérogation au quota de l'axe 3.");
    row.state = "en_cours";
    row.start_date = row.planned_start;
    row.validated_by = actor.user_id;
    row.validated_at = now;
    row.quota_override = refusal.has_value();
    store::update_social_support(sql, row, now);
    if (refusal)
      record(sql, actor, row, "quota_override",
             "Dérogation au quota accordée (" + std::to_string(in_service) +
                 " entrées du service cette année)",
             origin);
    record(sql, actor, row, "start",
           "Axe 3 validé : début le " + french_date(*row.start_date) +
               " ; accompagnement France Travail suspendu",
           origin);
    return view(row);
  });
}

Axe3View Axe3Service::renew(const domain::Actor& actor, std::int64_t id, const Origin& origin) {
  auto row = load(actor, id, origin);
  const auto rules = rules_of(row);
  auto errors = domain::check_axe3_renewal(facts_of(row), rules, row.profile_label);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  row.total_months += rules.duration_months;
  row.renewals += 1;
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_social_support(sql, row, now);
    record(sql, actor, row, "renewal",
           "Réexamen : axe 3 renouvelé de " + std::to_string(rules.duration_months) +
               " mois (durée totale " + std::to_string(row.total_months) + " mois)",
           origin);
  });
  return view(row);
}

Axe3View Axe3Service::end(const domain::Actor& actor, std::int64_t id, const std::string& reason,
                          const std::string& end_date, const Origin& origin) {
  auto row = load(actor, id, origin);
  auto errors = domain::check_axe3_end(facts_of(row), reason, end_date);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto now = ctx_.now_iso();
  row.state = "termine";
  row.end_date = end_date;
  row.end_reason = reason;
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_social_support(sql, row, now);
    record(sql, actor, row, "end",
           "Fin de l'axe 3 le " + french_date(end_date) + " : " +
               std::string(*domain::label_of(domain::kAxe3EndReasons, reason)),
           origin);
  });
  return view(row);
}

std::vector<Axe3View> Axe3Service::of_person(const domain::Actor& actor, std::int64_t person_id,
                                             const Origin& origin) {
  std::vector<Axe3View> out;
  auto rows = ctx_.db.with_session(
      [&](soci::session& sql) { return store::social_supports_of_person(sql, person_id); });
  for (auto& r : rows) {
    require_person_access(ctx_, actor, r.person_scope, person_id, "axe3.denied", origin);
    out.push_back(view(std::move(r)));
  }
  if (!out.empty()) audit_now(ctx_, audit_entry(actor, "axe3.read", person_id, origin));
  return out;
}

std::vector<Axe3View> Axe3Service::to_validate(const domain::Actor& actor,
                                               ConventionRulesCache& rules) {
  std::vector<Axe3View> out;
  for (auto& r : ctx_.db.with_session([&](soci::session& sql) {
         return store::social_supports_in_reach(sql, domain::reach_of(actor), "a_valider");
       })) {
    if (domain::person_access(actor, r.person_scope) != domain::Access::allowed) continue;
    const auto* version = rules.find(r.profile_id, r.profile_version_id);
    if (!version) throw conflict("convention", "Convention de l'axe 3 introuvable.");
    if (!domain::may_validate_axe3(actor, version->axe3)) continue;
    out.push_back(list_view(std::move(r)));
  }
  return out;
}

std::vector<Axe3View> Axe3Service::reexams_due(const domain::Actor& actor, int days) {
  std::vector<Axe3View> out;
  const auto day = std::chrono::sys_days{today(ctx_)};
  for (auto& r : ctx_.db.with_session([&](soci::session& sql) {
         return store::social_supports_in_reach(sql, domain::reach_of(actor), "en_cours");
       })) {
    // The counsellor re-examines; coordinateurs see it too.
    const bool concerned =
        actor.role == domain::Role::coordinateur || r.person_scope.conseiller_id == actor.user_id;
    if (!concerned || domain::person_access(actor, r.person_scope) != domain::Access::allowed)
      continue;
    const auto end = std::chrono::sys_days{domain::axe3_period_end(facts_of(r))};
    if (end - day <= std::chrono::days{days}) out.push_back(list_view(std::move(r)));
  }
  return out;
}

}  // namespace binome::app
