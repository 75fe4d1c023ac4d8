#include "app/review_service.hpp"

#include <algorithm>

#include "app/guards.hpp"
#include "domain/support.hpp"
#include "exports/xlsx.hpp"
#include "store/orgs_repo.hpp"
#include "store/orientations_repo.hpp"
#include "store/social_supports_repo.hpp"
#include "store/supports_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using Json = nlohmann::json;

DomainError invalid(const std::string& field, const std::string& code, const std::string& msg) {
  return DomainError(DomainError::Kind::invalid, domain::FieldErrors{{field, code, msg}});
}

// The agence as a person's scope: a coordinateur runs its review when their reach holds it.
domain::PersonScope agence_scope(std::int64_t agence_id, std::optional<std::int64_t> territory,
                                 const std::string& departement) {
  domain::PersonScope s;
  s.agence_id = agence_id;
  s.territory_id = territory;
  s.departement = departement;
  return s;
}

bool may_run(const domain::Actor& actor, const domain::PersonScope& agence) {
  return actor.role == domain::Role::coordinateur &&
         domain::person_access(actor, agence) == domain::Access::allowed;
}

DomainError not_yours() {
  return DomainError(DomainError::Kind::forbidden, "hors_perimetre",
                     "La revue de portefeuille de cette agence est conduite par ses "
                     "coordinateurs : l'accès est refusé et tracé.");
}

std::string side_label(const std::string& side) {
  return side == "france_travail" ? "France Travail (conseiller)" : "Département (référent social)";
}

const char* kind_label(const std::string& kind) {
  if (kind == "decision_attendue") return "Orientation en attente de décision";
  if (kind == "desaccord") return "Orientation en désaccord";
  if (kind == "entree_a_enregistrer") return "Entrée à enregistrer";
  if (kind == "revue_due") return "Réexamen ou renouvellement";
  if (kind == "sortie") return "Sortie du mois";
  if (kind == "axe3_a_valider") return "Axe 3 à valider";
  if (kind == "axe3_en_cours") return "Axe 3 en cours";
  return "Autre";
}

}  // namespace

store::ReviewRow ReviewService::load(const domain::Actor& actor, std::int64_t id,
                                     const Origin& origin) {
  auto row = ctx_.db.with_session([&](soci::session& sql) { return store::find_review(sql, id); });
  if (!row) throw DomainError(DomainError::Kind::not_found, "introuvable", "Revue introuvable.");
  if (!may_run(actor, agence_scope(row->agence_id, row->territory_id, row->departement))) {
    audit_now(ctx_, audit_entry(actor, "review.denied", std::nullopt, origin,
                                "revue:" + std::to_string(id)));
    throw not_yours();
  }
  return *row;
}

ReviewView ReviewService::open(const domain::Actor& actor, std::int64_t agence_id,
                               const std::string& held_on, const Origin& origin) {
  if (!domain::parse_date(held_on))
    throw invalid("held_on", "date_invalide", "Date attendue au format AAAA-MM-JJ.");
  const auto org = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_organisation(sql, agence_id); });
  if (!org || org->org.kind != domain::OrgKind::agence)
    throw DomainError(DomainError::Kind::not_found, "introuvable", "Agence introuvable.");
  if (!may_run(actor, agence_scope(agence_id, org->org.territory_id, org->org.departement))) {
    audit_now(ctx_, audit_entry(actor, "review.denied", std::nullopt, origin,
                                "organisation:" + std::to_string(agence_id)));
    throw not_yours();
  }
  store::ReviewRow row;
  row.agence_id = agence_id;
  row.month = held_on.substr(0, 7);
  row.held_on = held_on;
  row.created_by = actor.user_id;
  row.created_at = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    const auto previous = store::reviews_of_agence(sql, agence_id);
    for (const auto& p : previous)
      if (p.month == row.month)
        throw DomainError(DomainError::Kind::conflict, "deja_tenue",
                          "La revue de ce mois existe déjà pour cette agence.");
    // The secretariat alternates: the other side than the last review's.
    row.secretariat_side = previous.empty() || previous.front().secretariat_side == "departement"
                               ? "france_travail"
                               : "departement";
    row.id = store::insert_review(sql, row);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "review.open", std::nullopt, origin,
                                     "revue:" + std::to_string(row.id))});
  });
  return get(actor, row.id, origin);
}

std::vector<store::ReviewRow> ReviewService::of_agence(const domain::Actor& actor,
                                                       std::int64_t agence_id) {
  const auto org = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_organisation(sql, agence_id); });
  if (!org || !may_run(actor, agence_scope(agence_id, org->org.territory_id, org->org.departement)))
    throw not_yours();
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::reviews_of_agence(sql, agence_id); });
}

std::vector<ReviewAgendaItem> ReviewService::agenda(const domain::Actor& actor,
                                                    const store::ReviewRow& r) {
  std::vector<ReviewAgendaItem> out;
  const auto in_agence = [&](const domain::PersonScope& s) {
    return s.agence_id == r.agence_id && domain::person_access(actor, s) == domain::Access::allowed;
  };
  const auto held = std::chrono::sys_days{*domain::parse_date(r.held_on)};
  const auto reach = domain::reach_of(actor);
  ctx_.db.with_session([&](soci::session& sql) {
    // The reviewer's reach is filtered in SQL; the agence and the access rule below as before.
    for (const auto& o : store::pending_orientations_in_reach(sql, reach, store::Persons::all)) {
      if (!in_agence(o.person_scope)) continue;
      std::string kind;
      if (o.status == "desaccord")
        kind = "desaccord";
      else if (o.status == "en_attente_decision")
        kind = "decision_attendue";
      else if (o.status == "en_attente_entree")
        kind = "entree_a_enregistrer";
      else
        continue;
      out.push_back({kind, kind_label(kind), o.person_id, o.person_name, o.id,
                     kind == "entree_a_enregistrer" ? o.planned_start_on : std::nullopt});
    }
    for (const auto& s : store::all_supports_in_reach(sql, reach)) {
      if (!in_agence(s.person_scope)) continue;
      if (s.state == "en_cours") {
        domain::SupportFacts f{s.start_date, s.total_months, s.renewals, s.bilan_since_period_start,
                               domain::SupportState::en_cours};
        const auto end = domain::period_end(f);
        if (std::chrono::sys_days{end} - held <= std::chrono::days{31})
          out.push_back({"revue_due", kind_label("revue_due"), s.person_id, s.person_name, s.id,
                         domain::to_iso(end)});
      }
      if (s.exit_date && s.exit_date->rfind(r.month, 0) == 0)
        out.push_back({"sortie",
                       std::string(kind_label("sortie")) + " : " + s.exit_outcome.value_or(""),
                       s.person_id, s.person_name, s.id, s.exit_date});
    }
    for (const auto& a : store::open_social_supports(sql)) {
      if (!in_agence(a.person_scope)) continue;
      const std::string kind = a.state == "a_valider" ? "axe3_a_valider" : "axe3_en_cours";
      out.push_back({kind, kind_label(kind), a.person_id, a.person_name, a.id,
                     a.state == "a_valider" ? std::optional(a.planned_start) : a.start_date});
    }
  });
  return out;
}

ReviewView ReviewService::view(const domain::Actor& actor, store::ReviewRow r) {
  ReviewView v;
  ctx_.db.with_session([&](soci::session& sql) {
    v.attendees = store::attendees_of(sql, r.id);
    v.decisions = store::decisions_of(sql, r.id);
    v.sendings = store::sendings_of(sql, r.id);
    if (r.status == "close")
      for (auto& it : store::items_of(sql, r.id))
        v.agenda.push_back({it.kind, it.label, it.person_id, "", it.subject_id, it.due_on});
  });
  if (r.status != "close") {
    v.agenda = agenda(actor, r);
  } else {
    // Names of a frozen agenda are read again (a name may have been corrected since).
    ctx_.db.with_session([&](soci::session& sql) {
      for (auto& it : v.agenda) {
        long long pid = it.person_id;
        std::string first, last;
        sql << "SELECT first_name, last_name FROM persons WHERE id = :id", soci::use(pid),
            soci::into(first), soci::into(last);
        it.person_name = first + " " + last;
      }
    });
  }
  v.review = std::move(r);
  return v;
}

ReviewView ReviewService::get(const domain::Actor& actor, std::int64_t id, const Origin& origin) {
  auto v = view(actor, load(actor, id, origin));
  auto entry = audit_entry(actor, "review.read", std::nullopt, origin, "");
  for (const auto& it : v.agenda) entry.listed_persons.push_back(it.person_id);
  for (const auto& d : v.decisions) entry.listed_persons.push_back(d.person_id);
  std::sort(entry.listed_persons.begin(), entry.listed_persons.end());
  entry.listed_persons.erase(std::unique(entry.listed_persons.begin(), entry.listed_persons.end()),
                             entry.listed_persons.end());
  if (!entry.listed_persons.empty()) audit_now(ctx_, entry);
  return v;
}

void ReviewService::set_attendance(const domain::Actor& actor, std::int64_t id,
                                   const std::vector<store::AttendeeRow>& attendees,
                                   const Origin& origin) {
  const auto r = load(actor, id, origin);
  if (r.status == "close")
    throw DomainError(DomainError::Kind::conflict, "revue_close",
                      "La revue est close : elle ne change plus.");
  domain::FieldErrors errors;
  std::vector<store::AttendeeRow> rows;
  ctx_.db.with_session([&](soci::session& sql) {
    for (std::size_t i = 0; i < attendees.size(); ++i) {
      auto a = attendees[i];
      if (a.user_id) {
        const auto u = store::find_user_by_id(sql, *a.user_id);
        if (!u) {
          errors.push_back({"attendees", "utilisateur_inconnu",
                            "Participant " + std::to_string(i + 1) + " : utilisateur inconnu."});
          continue;
        }
        a.role = std::string(domain::label_fr(*domain::parse_role(u->role)));
        a.organisation = u->org_name;
      } else if (a.role.empty() || a.organisation.empty() || a.role.size() > 80 ||
                 a.organisation.size() > 120) {
        errors.push_back({"attendees", "role_organisation",
                          "Participant " + std::to_string(i + 1) +
                              " : fonction (80 caractères au plus) et organisation (120) "
                              "obligatoires, sans nom de personne."});
        continue;
      }
      rows.push_back(a);
    }
  });
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  ctx_.db.transaction([&](soci::session& sql) {
    store::replace_attendees(sql, id, rows);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "review.attendance", std::nullopt, origin,
                                     "revue:" + std::to_string(id))});
  });
}

std::vector<ReviewDecisionResult> ReviewService::decide(const domain::Actor& actor, std::int64_t id,
                                                        const Json& items, const Origin& origin) {
  const auto r = load(actor, id, origin);
  if (r.status == "close")
    throw DomainError(DomainError::Kind::conflict, "revue_close",
                      "La revue est close : elle ne change plus.");
  if (!items.is_array() || items.empty())
    throw invalid("items", "obligatoire", "Au moins une décision est attendue.");
  std::vector<ReviewDecisionResult> out;
  for (const auto& item : items) {
    ReviewDecisionResult res;
    try {
      if (!item.is_object()) throw invalid("items", "invalide", "Décision mal formée.");
      const auto kind = item.value("kind", std::string{});
      const auto num = [&](const char* f) -> std::int64_t {
        if (!item.contains(f) || !item[f].is_number_integer())
          throw invalid(f, "obligatoire", std::string("Champ ") + f + " obligatoire (entier).");
        return item[f].get<std::int64_t>();
      };
      const auto text = [&](const char* f) -> std::string {
        if (!item.contains(f) || !item[f].is_string())
          throw invalid(f, "obligatoire", std::string("Champ ") + f + " obligatoire.");
        return item[f].get<std::string>();
      };
      const auto opt_text = [&](const char* f) -> std::optional<std::string> {
        if (item.contains(f) && item[f].is_string()) return item[f].get<std::string>();
        return std::nullopt;
      };
      store::ReviewDecisionRow d;
      d.kind = kind;
      d.decided_at = ctx_.now_iso();
      // The same application services as the single actions: same checks, same audit.
      if (kind == "decision") {
        const bool oui = item.value("oui", false);
        auto v = orientations_.decide(actor, num("orientation_id"), oui, opt_text("planned_start"),
                                      opt_text("reason"), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = oui ? "Décision : OUI" : "Décision : NON";
      } else if (kind == "entree") {
        auto v = supports_.enter(actor, num("orientation_id"), text("start_date"),
                                 static_cast<int>(num("initial_months")), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = "Entrée le " + french_date(v.row.start_date);
      } else if (kind == "bilan") {
        auto v = supports_.bilan(actor, num("support_id"), text("result"), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = "Bilan : " + v.row.last_bilan_result.value_or("");
      } else if (kind == "renouvellement") {
        auto v = supports_.renew(actor, num("support_id"), static_cast<int>(num("months")), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = "Renouvellement : " + std::to_string(num("months")) + " mois";
      } else if (kind == "sortie") {
        auto v =
            supports_.exit(actor, num("support_id"), text("outcome"), text("exit_date"), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = "Sortie : " + v.row.exit_outcome.value_or("");
      } else if (kind == "axe3_validation") {
        const bool accept = item.value("accept", false);
        auto v = axe3_.validate(actor, num("axe3_id"), accept, item.value("override_quota", false),
                                origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = accept ? "Axe 3 validé" : "Axe 3 refusé";
      } else if (kind == "axe3_renouvellement") {
        auto v = axe3_.renew(actor, num("axe3_id"), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = "Axe 3 renouvelé (durée totale " + std::to_string(v.row.total_months) + " mois)";
      } else if (kind == "axe3_fin") {
        auto v = axe3_.end(actor, num("axe3_id"), text("reason"), text("end_date"), origin);
        d.person_id = v.row.person_id;
        d.subject_id = v.row.id;
        d.detail = "Fin de l'axe 3 le " + french_date(v.row.end_date.value_or(""));
      } else {
        throw invalid("kind", "inconnu",
                      "Nature de décision inconnue (decision, entree, bilan, renouvellement, "
                      "sortie, axe3_validation, axe3_renouvellement, axe3_fin).");
      }
      ctx_.db.transaction(
          [&](soci::session& sql) { store::insert_review_decision(sql, id, d, actor.user_id); });
      res.ok = true;
    } catch (const DomainError& e) {
      res.errors = e.errors();
      if (res.errors.empty()) res.errors.push_back({std::nullopt, "refus", e.what()});
    }
    out.push_back(std::move(res));
  }
  return out;
}

ReviewView ReviewService::close(const domain::Actor& actor, std::int64_t id, const Origin& origin) {
  auto r = load(actor, id, origin);
  if (r.status == "close")
    throw DomainError(DomainError::Kind::conflict, "revue_close", "La revue est déjà close.");
  const auto items = agenda(actor, r);
  ctx_.db.transaction([&](soci::session& sql) {
    std::vector<store::ReviewItemRow> rows;
    for (const auto& it : items)
      rows.push_back({it.kind, it.person_id, it.subject_id, it.label, it.due_on});
    store::insert_review_items(sql, id, rows);
    store::close_review(sql, id, actor.user_id, ctx_.now_iso());
    store::append_audit(
        sql, ctx_.db.dialect(), ctx_.now_iso(),
        {audit_entry(actor, "review.close", std::nullopt, origin, "revue:" + std::to_string(id))});
  });
  r.status = "close";
  return view(actor, r);
}

std::string ReviewService::tableau_bytes(const ReviewView& v) {
  exports::XlsxSheet s;
  s.name = "Tableau de suivi";
  s.title_lines = {"Revue de portefeuille — " + v.review.agence_name,
                   "Mois " + v.review.month + ", tenue le " + french_date(v.review.held_on) +
                       (v.review.status == "close" ? " (close)" : " (ouverte)"),
                   "Secrétariat : " + side_label(v.review.secretariat_side),
                   "Destinataires (seed 002 annexe 1) : conseiller, référent social, directeur "
                   "d'agence et chargé FSE, conseillers en insertion territoriaux, chargé de "
                   "mission du Département"};
  s.header = {"Point", "Personne", "Échéance", "Décision prise en revue"};
  s.widths = {40, 30, 14, 50};
  for (const auto& it : v.agenda) {
    std::string decided;
    for (const auto& d : v.decisions)
      if (d.person_id == it.person_id) decided += (decided.empty() ? "" : " ; ") + d.detail;
    s.rows.push_back({exports::XlsxCell::of(it.label), exports::XlsxCell::of(it.person_name),
                      exports::XlsxCell::of(it.due_on ? french_date(*it.due_on) : ""),
                      exports::XlsxCell::of(decided)});
  }
  exports::XlsxSheet d;
  d.name = "Décisions";
  d.header = {"Nature", "Détail", "Par", "Le"};
  d.widths = {18, 50, 24, 22};
  for (const auto& x : v.decisions)
    d.rows.push_back({exports::XlsxCell::of(x.kind), exports::XlsxCell::of(x.detail),
                      exports::XlsxCell::of(x.decided_by_name),
                      exports::XlsxCell::of(x.decided_at)});
  exports::XlsxSheet a;
  a.name = "Présents";
  a.header = {"Fonction", "Organisation", "Présent"};
  a.widths = {30, 40, 10};
  for (const auto& x : v.attendees)
    a.rows.push_back({exports::XlsxCell::of(x.role), exports::XlsxCell::of(x.organisation),
                      exports::XlsxCell::of(x.present ? "Oui" : "Non")});
  return exports::xlsx_workbook({s, d, a});
}

std::vector<std::int64_t> persons_listed(const ReviewView& v) {
  std::vector<std::int64_t> out;
  for (const auto& it : v.agenda) out.push_back(it.person_id);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::string ReviewService::tableau_xlsx(const domain::Actor& actor, std::int64_t id,
                                        const Origin& origin) {
  const auto v = view(actor, load(actor, id, origin));
  auto bytes = tableau_bytes(v);
  auto entry =
      audit_entry(actor, "review.export", std::nullopt, origin, "revue:" + std::to_string(id));
  entry.listed_persons = persons_listed(v);
  audit_now(ctx_, entry);
  return bytes;
}

}  // namespace binome::app
