#include "app/binome_service.hpp"

#include "app/guards.hpp"
#include "store/persons_repo.hpp"
#include "store/tasks_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

store::PersonRecord find_or_throw(soci::session& sql, std::int64_t person_id) {
  auto person = store::find_person(sql, person_id);
  if (!person)
    throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                      "Personne introuvable.");
  return *person;
}

// The binôme in force, as a history row; before any change, the one set at creation.
store::BinomeAssignmentRow current_of(const store::PersonRecord& p,
                                      const std::vector<store::BinomeAssignmentRow>& history) {
  if (!history.empty()) return history.back();
  store::BinomeAssignmentRow row;
  row.person_id = p.person.id;
  row.conseiller_id = p.person.scope.conseiller_id;
  row.referent_social_id = p.person.scope.referent_social_id;
  if (p.conseiller) row.conseiller_name = p.conseiller->name;
  if (p.referent_social) row.referent_social_name = p.referent_social->name;
  row.reason = "initial";
  return row;
}

void check_referent(soci::session& sql, std::optional<std::int64_t> id, const char* role,
                    const char* field, const std::string& departement,
                    domain::FieldErrors& errors) {
  if (!id) return;
  const auto user = store::find_user_by_id(sql, *id);
  if (!user || !user->active || user->role != role || user->org_departement != departement)
    errors.push_back({field, "invalide",
                      std::string(role == std::string("conseiller")
                                      ? "Choisissez un conseiller France Travail actif"
                                      : "Choisissez un référent social actif") +
                          " du département de la personne."});
}

}  // namespace

BinomeView BinomeService::of_person(const domain::Actor& actor, std::int64_t person_id,
                                    const Origin& origin) {
  const auto person =
      ctx_.db.with_session([&](soci::session& sql) { return find_or_throw(sql, person_id); });
  require_person_access(ctx_, actor, person.person.scope, person_id, "binome.denied", origin);
  BinomeView v;
  v.history = ctx_.db.with_session(
      [&](soci::session& sql) { return store::binome_history(sql, person_id); });
  v.current = current_of(person, v.history);
  audit_now(ctx_, audit_entry(actor, "binome.read", person_id, origin));
  return v;
}

BinomeView BinomeService::reassign(const domain::Actor& actor, std::int64_t person_id,
                                   std::optional<std::int64_t> conseiller_id,
                                   std::optional<std::int64_t> referent_social_id,
                                   const std::string& reason, const Origin& origin) {
  const auto person =
      ctx_.db.with_session([&](soci::session& sql) { return find_or_throw(sql, person_id); });
  require_person_access(ctx_, actor, person.person.scope, person_id, "binome.denied", origin);
  if (actor.role != domain::Role::coordinateur)
    throw DomainError(DomainError::Kind::forbidden, "reserve_coordinateur",
                      "La personne garde son binôme : seul un coordinateur peut le modifier "
                      "(absence, départ…).");
  domain::FieldErrors errors;
  if (!domain::label_of(kReassignmentReasons, reason))
    errors.push_back({"reason", "obligatoire", "Choisissez le motif du changement dans la liste."});
  if (!conseiller_id && !referent_social_id)
    errors.push_back({std::nullopt, "rien_a_changer",
                      "Indiquez le nouveau conseiller, le nouveau référent social, ou les deux."});
  const auto& scope = person.person.scope;
  if ((conseiller_id && conseiller_id == scope.conseiller_id) ||
      (referent_social_id && referent_social_id == scope.referent_social_id))
    errors.push_back(
        {std::nullopt, "identique", "Le référent choisi est déjà celui de la personne."});
  ctx_.db.with_session([&](soci::session& sql) {
    check_referent(sql, conseiller_id, "conseiller", "conseiller_id", scope.departement, errors);
    check_referent(sql, referent_social_id, "referent_social", "referent_social_id",
                   scope.departement, errors);
  });
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto new_conseiller = conseiller_id ? conseiller_id : scope.conseiller_id;
  const auto new_social = referent_social_id ? referent_social_id : scope.referent_social_id;
  ctx_.db.transaction([&](soci::session& sql) {
    const auto now = ctx_.now_iso();
    auto history = store::binome_history(sql, person_id);
    if (history.empty()) {  // keep the binôme set at creation in the history
      auto first = current_of(person, history);
      first.at = store::person_created_at(sql, person_id);
      store::insert_binome_assignment(sql, first);
    }
    store::insert_binome_assignment(
        sql, {0, person_id, new_conseiller, new_social, {}, {}, reason, now, actor.user_id, {}});
    store::set_person_referents(sql, person_id, new_conseiller, new_social, now);
    // The open tasks follow the person to the new referent.
    if (conseiller_id && scope.conseiller_id)
      store::hand_over_tasks(sql, person_id, *scope.conseiller_id, *conseiller_id);
    if (referent_social_id && scope.referent_social_id)
      store::hand_over_tasks(sql, person_id, *scope.referent_social_id, *referent_social_id);
    store::append_audit(
        sql, ctx_.db.dialect(), now,
        {audit_entry(actor, "binome.reassign", person_id, origin, "binome:" + reason)});
  });
  return of_person(actor, person_id, origin);
}

}  // namespace binome::app
