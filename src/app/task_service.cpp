#include "app/task_service.hpp"

#include "app/guards.hpp"
#include "store/history_repo.hpp"
#include "store/persons_repo.hpp"
#include "store/supports_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

}  // namespace

std::string task_label(const std::string& kind) {
  if (kind == "procedure_sanction")
    return "Allocataire du RSA absent deux fois : procédure de sanction à examiner, puis "
           "décision de l'équipe pluridisciplinaire à enregistrer";
  if (kind == "absences_repetees")
    return "Deux absences non excusées de suite : reprendre contact et statuer sur la suite";
  return "Deuxième absence au rendez-vous d'entrée : vous êtes informé(e) en tant qu'orienteur";
}

std::string task_rule(const std::string& kind) {
  if (kind == "procedure_sanction")
    return "Après une seconde absence, le référent du Département d'un allocataire du RSA peut "
           "engager la procédure de sanction devant l'équipe pluridisciplinaire";
  if (kind == "absences_repetees")
    return "Après deux absences non excusées, le conseiller statue sur la poursuite de "
           "l'accompagnement";
  return "Après une seconde absence, l'orienteur est informé";
}

std::vector<store::TaskRow> TaskService::open_for_person(const domain::Actor& actor,
                                                         std::int64_t person_id,
                                                         const Origin& origin) {
  const auto person = person_in_reach(ctx_, actor, person_id, "task.denied", origin);
  std::vector<store::TaskRow> out;
  for (auto& t : ctx_.db.with_session(
           [&](soci::session& sql) { return store::open_tasks(sql, actor.user_id); }))
    if (t.person_id == person_id) out.push_back(std::move(t));
  audit_now(ctx_, audit_entry(actor, "task.read", person_id, origin));
  return out;
}

store::TaskRow TaskService::own_task(const domain::Actor& actor, std::int64_t task_id,
                                     const Origin& origin) {
  auto task =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_task(sql, task_id); });
  if (!task)
    throw DomainError(DomainError::Kind::not_found, "tache_introuvable", "Tâche introuvable.");
  if (task->user_id != actor.user_id) {
    audit_now(ctx_, audit_entry(actor, "task.denied", task->person_id, origin));
    throw DomainError(DomainError::Kind::forbidden, "tache_d_un_autre",
                      "Cette tâche est dans la liste « à faire » d'un autre utilisateur.");
  }
  if (task->done_at)
    throw DomainError(DomainError::Kind::conflict, "tache_close", "Cette tâche est déjà traitée.");
  return *task;
}

void TaskService::acknowledge(const domain::Actor& actor, std::int64_t task_id,
                              const Origin& origin) {
  const auto task = own_task(actor, task_id, origin);
  if (task.kind == "procedure_sanction")
    throw DomainError(DomainError::Kind::conflict, "decision_ep_requise",
                      "Une procédure de sanction se clôt par la décision de l'équipe "
                      "pluridisciplinaire : enregistrez-la.");
  ctx_.db.transaction([&](soci::session& sql) {
    const auto now = ctx_.now_iso();
    store::close_task(sql, task_id, actor.user_id, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "task.done", task.person_id, origin,
                                     "tache:" + std::to_string(task_id) + ":" + task.kind)});
  });
}

void TaskService::ep_decision(const domain::Actor& actor, std::int64_t task_id,
                              const std::string& decision, const std::string& decided_on,
                              const Origin& origin) {
  const auto task = own_task(actor, task_id, origin);
  domain::FieldErrors errors;
  if (task.kind != "procedure_sanction")
    errors.push_back({std::nullopt, "tache_incompatible",
                      "La décision de l'équipe pluridisciplinaire porte sur une procédure de "
                      "sanction."});
  if (!domain::label_of(kEpDecisions, decision))
    errors.push_back(
        {"decision", "obligatoire", "Choisissez : orientation maintenue ou réorientation."});
  if (!domain::parse_date(decided_on))
    errors.push_back({"decided_on", "invalide", "La date de la décision doit être valide."});
  else if (decided_on > domain::to_iso(today(ctx_)))
    errors.push_back({"decided_on", "futur", "La date de la décision ne peut être future."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto now = ctx_.now_iso();
    store::insert_ep_decision(sql, {0, task.person_id, task_id, decided_on, decision, {}, now},
                              actor.user_id);
    store::close_task(sql, task_id, actor.user_id, now);
    if (task.support_id)
      store::insert_history_event(
          sql, store::History::support, *task.support_id, now, actor.user_id, "ep_decision",
          "Équipe pluridisciplinaire du " + french_date(decided_on) + " : " +
              std::string(*domain::label_of(kEpDecisions, decision)));
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "task.ep_decision", task.person_id, origin,
                                     "tache:" + std::to_string(task_id) + ":" + decision)});
  });
}

std::vector<store::EpDecisionRow> TaskService::ep_decisions(const domain::Actor& actor,
                                                            std::int64_t person_id,
                                                            const Origin& origin) {
  const auto person = person_in_reach(ctx_, actor, person_id, "ep.denied", origin);
  audit_now(ctx_, audit_entry(actor, "ep.read", person_id, origin));
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::ep_decisions_of_person(sql, person_id); });
}

}  // namespace binome::app
