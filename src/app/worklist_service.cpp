#include "app/worklist_service.hpp"

#include <algorithm>
#include <iterator>

#include "app/appointment_service.hpp"
#include "app/axe3_service.hpp"
#include "app/convention_rules_cache.hpp"
#include "app/flow_calendar_items.hpp"
#include "app/guards.hpp"
#include "app/orientation_service.hpp"
#include "app/resource_base_service.hpp"
#include "app/rgpd_service.hpp"
#include "app/support_service.hpp"
#include "app/task_service.hpp"
#include "domain/support.hpp"
#include "store/flow_worklist_repo.hpp"
#include "store/flows_repo.hpp"
#include "store/persons_repo.hpp"
#include "store/tasks_repo.hpp"

namespace binome::app {
namespace {

// How long ahead the list warns.
constexpr int kReviewWarningDays = 30;
constexpr int kFollowupWarningDays = 15;
// Resource sheets listed at most, so that a département-wide backlog does not drown the list.
constexpr std::size_t kStaleResourcesShown = 20;

std::string person_link(std::int64_t person_id, const char* anchor) {
  return "/personnes/" + std::to_string(person_id) + "#" + anchor;
}

WorklistItem make_item(std::string kind, std::string label, std::int64_t person_id,
                       std::string person_name, std::optional<std::string> due_on, std::string rule,
                       std::string convention, std::string link) {
  WorklistItem item;
  item.kind = std::move(kind);
  item.label = std::move(label);
  item.person_id = person_id;
  item.person_name = std::move(person_name);
  item.due_on = std::move(due_on);
  item.rule = std::move(rule);
  item.convention = std::move(convention);
  item.link = std::move(link);
  return item;
}

}  // namespace

WorklistService::Page WorklistService::of(const domain::Actor& actor, int page, int per_page,
                                          const Origin& origin) {
  // A dozen reads, one snapshot; the audit record is written after it, on its own session.
  auto all = ctx_.db.read_snapshot([&] { return compute(actor); });
  // The order is by due date across all the sources: the page is cut from the whole list. A
  // territory's coordinator has thousands of items; only the page's are sent and traced.
  Page out;
  out.total = all.size();
  const auto first = std::min(all.size(), static_cast<std::size_t>(page - 1) * per_page);
  const auto last = std::min(all.size(), first + static_cast<std::size_t>(per_page));
  out.items.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(first)),
                   std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(last)));
  // The list names persons: its reading is on the trail like any list of persons.
  auto entry = audit_entry(actor, "worklist.read", std::nullopt, origin);
  for (const auto& item : out.items)
    if (item.person_id) entry.listed_persons.push_back(item.person_id);
  if (!entry.listed_persons.empty()) audit_now(ctx_, entry);
  return out;
}

std::size_t WorklistService::count(const domain::Actor& actor) {
  return ctx_.db.read_snapshot([&] { return compute(actor); }).size();
}

void WorklistService::acknowledge_flow_event(const domain::Actor& actor, std::int64_t event_id,
                                             const Origin& origin) {
  const auto person_id = ctx_.db.with_session(
      [&](soci::session& sql) { return store::open_flow_event_person(sql, event_id); });
  if (person_id == 0)
    throw domain::DomainError(domain::DomainError::Kind::not_found, "evenement_introuvable",
                              "Événement introuvable ou déjà pris en compte.");
  const auto person =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, person_id); });
  if (!person) throw out_of_scope();
  require_person_access(ctx_, actor, person->person.scope, person_id, "flow_event.denied", origin);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto now = ctx_.now_iso();
    store::close_flow_event(sql, event_id, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "flow_event.done", person_id, origin,
                                     "evenement-flux:" + std::to_string(event_id))});
  });
}

std::vector<WorklistItem> WorklistService::compute(const domain::Actor& actor) {
  // The flows operator's deposit calendar (not about a person).
  std::vector<WorklistItem> out = flow_calendar_items(actor, ctx_.clock.now());
  if (actor.role == domain::Role::dpo) {
    // Requests are named by what the requester wrote, not by a person binome shows.
    for (auto& d : rgpd_.dpo_items()) {
      auto item = make_item(d.kind, d.label, 0, "", d.due_on, d.rule, "", d.link);
      item.rgpd_request_id = d.request_id;
      item.breach_id = d.breach_id;
      out.push_back(std::move(item));
    }
  }
  if (domain::reach_of(actor).kind == domain::Reach::Kind::none) {
    std::stable_sort(out.begin(), out.end(), [](const WorklistItem& a, const WorklistItem& b) {
      return a.due_on && b.due_on && *a.due_on < *b.due_on;
    });
    return out;
  }

  // The rows below share a handful of convention versions: each is read once.
  ConventionRulesCache rules(ctx_.db);
  for (const auto& v : orientations_.entries_due(actor, rules)) {
    const auto due = domain::to_iso(*v.deadline.due);
    const auto days = (std::chrono::sys_days{*v.deadline.due} -
                       std::chrono::sys_days{*domain::parse_date(v.row.oriented_on)})
                          .count();
    const bool late = v.deadline.state == domain::Deadline::State::depasse;
    auto item =
        make_item(late ? "echeance_depassee" : "echeance_proche",
                  (late ? "Échéance d'entrée dépassée depuis le " : "Entrée à réaliser avant le ") +
                      french_date(due),
                  v.row.person_id, v.row.person_name, due,
                  "Entrée dans les " + std::to_string(days) + " jours suivant l'orientation",
                  v.row.profile_label, person_link(v.row.person_id, "orientations"));
    item.orientation_id = v.row.id;
    out.push_back(std::move(item));
  }

  for (const auto& t : ctx_.db.with_session(
           [&](soci::session& sql) { return store::open_tasks(sql, actor.user_id); })) {
    auto item = make_item(t.kind, task_label(t.kind), t.person_id, t.person_name, t.due_on,
                          task_rule(t.kind), "", person_link(t.person_id, "taches"));
    item.task_id = t.id;
    item.orientation_id = t.orientation_id;
    item.support_id = t.support_id;
    out.push_back(std::move(item));
  }

  // Events of the RSA flows reach the person's referents; the radiation of a BrSa in support
  // opens the sanction path for the Département's referent (seed 000).
  for (const auto& e : ctx_.db.with_session([&](soci::session& sql) {
         return store::open_flow_events_of_referent(sql, actor.user_id);
       })) {
    const bool sanction = e.kind == "radiation" && e.brsa && e.in_support;
    auto item =
        sanction && e.user_is_referent_social
            ? make_item("radiation_brsa",
                        "Radiation de France Travail le " + french_date(e.event_date) +
                            " d'un allocataire du RSA en accompagnement : procédure à examiner",
                        e.person_id, e.person_name, e.event_date,
                        "La radiation d'un allocataire du RSA accompagné est signalée au référent "
                        "du Département, qui peut saisir l'équipe pluridisciplinaire",
                        "", person_link(e.person_id, "taches"))
            : make_item("evenement_flux", "Flux France Travail : " + e.detail, e.person_id,
                        e.person_name, e.event_date,
                        "Les événements des flux RSA sont signalés aux référents de la personne",
                        "", person_link(e.person_id, "accompagnement"));
    item.flow_event_id = e.id;
    out.push_back(std::move(item));
  }

  const auto day = std::chrono::sys_days{today(ctx_)};
  for (const auto& s : supports_.reviews_due(actor, kReviewWarningDays, rules)) {
    const bool late = std::chrono::sys_days{*domain::parse_date(s.period_end)} < day;
    WorklistItem item;
    item.person_id = s.row.person_id;
    item.person_name = s.row.person_name;
    item.due_on = s.period_end;
    item.convention = s.row.profile_label;
    item.link = person_link(s.row.person_id, "accompagnement");
    item.support_id = s.row.id;
    if (s.renewable) {
      item.kind = late ? "revue_depassee" : "revue_due";
      item.label =
          (late ? "Réexamen en retard depuis le " : "Bilan et réexamen à faire avant le ") +
          french_date(s.period_end) + " : renouvellement ou sortie";
      item.rule = "Clause de réexamen : un bilan précède tout renouvellement ou sortie";
    } else {
      item.kind = "duree_maximale";
      item.label = "Durée maximale atteinte le " + french_date(s.period_end) +
                   " : bilan et sortie à enregistrer";
      item.rule = s.max_total_months ? "Durée totale d'accompagnement limitée à " +
                                           std::to_string(*s.max_total_months) + " mois"
                                     : "Plus de renouvellement possible";
    }
    out.push_back(std::move(item));
  }

  for (const auto& s : supports_.followups_ending(actor, kFollowupWarningDays, rules)) {
    auto item = make_item("suivi_emploi_fin",
                          "Fin du suivi dans l'emploi le " + french_date(*s.row.followup_end),
                          s.row.person_id, s.row.person_name, s.row.followup_end,
                          "Suivi dans l'emploi après une reprise d'emploi", s.row.profile_label,
                          person_link(s.row.person_id, "accompagnement"));
    item.support_id = s.row.id;
    out.push_back(std::move(item));
  }

  for (const auto& a : appointments_.attendance_to_record(actor)) {
    auto item = make_item("presence_a_saisir",
                          "Présence à enregistrer pour le rendez-vous du " +
                              french_date(a.scheduled_at.substr(0, 10)),
                          a.person_id, a.person_name, a.scheduled_at.substr(0, 10),
                          "La présence aux rendez-vous alimente la règle des absences", "",
                          person_link(a.person_id, "rendez-vous"));
    item.appointment_id = a.id;
    out.push_back(std::move(item));
  }

  for (const auto& v : axe3_.to_validate(actor, rules)) {
    auto item =
        make_item("axe3_a_valider",
                  "Accompagnement social exclusif (axe 3) à valider, début prévu le " +
                      french_date(v.row.planned_start),
                  v.row.person_id, v.row.person_name, v.row.planned_start,
                  "Le démarrage de l'axe 3 est validé par l'autorité désignée par la convention",
                  v.row.profile_label, person_link(v.row.person_id, "axe3"));
    item.axe3_id = v.row.id;
    out.push_back(std::move(item));
  }
  for (const auto& v : axe3_.reexams_due(actor, kReviewWarningDays)) {
    auto item =
        make_item("axe3_reexamen",
                  "Réexamen de l'axe 3 par le conseiller avant le " + french_date(*v.review_due_on),
                  v.row.person_id, v.row.person_name, v.review_due_on,
                  "Le conseiller réexamine la situation au terme de chaque période de l'axe 3",
                  v.row.profile_label, person_link(v.row.person_id, "axe3"));
    item.axe3_id = v.row.id;
    out.push_back(std::move(item));
  }

  // Resource sheets past their update frequency (seed 003 annexe 1) go to the editors who
  // validated them; sheets nobody validated (imported) to the coordinateurs. Oldest first.
  for (const auto& r : resources_.to_update_by(actor, kStaleResourcesShown)) {
    const auto due =
        domain::to_iso(domain::plus_months(*domain::parse_date(r.date_maj), r.update_every_months));
    out.push_back(
        make_item("ressource_a_mettre_a_jour",
                  "Fiche « " + r.nom + " » à mettre à jour (dernière mise à jour le " +
                      french_date(r.date_maj) + ")",
                  0, "", due,
                  "Les fiches de la base de ressources sont actualisées au moins tous les " +
                      std::to_string(r.update_every_months) + " mois",
                  "", "/ressources/" + std::to_string(r.id)));
  }

  std::stable_sort(out.begin(), out.end(), [](const WorklistItem& a, const WorklistItem& b) {
    if (a.due_on.has_value() != b.due_on.has_value()) return a.due_on.has_value();
    return a.due_on && *a.due_on < *b.due_on;
  });
  return out;
}

}  // namespace binome::app
