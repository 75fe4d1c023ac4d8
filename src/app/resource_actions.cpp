// A person linked to a service of the base during the support: which problématique, which
// service, proposed when, then done or abandoned when. Structured facts only, no free text;
// personal data, so scoped like the person and audited.
#include "app/guards.hpp"
#include "app/resource_base_service.hpp"
#include "store/persons_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

std::optional<domain::Date> checked_date(const std::string& text, const std::string& field,
                                         const std::string& label, domain::Date today,
                                         domain::FieldErrors& errors) {
  const auto d = domain::parse_date(text);
  if (!d)
    errors.push_back({field, "format", label + " doit être une date AAAA-MM-JJ."});
  else if (std::chrono::sys_days{*d} > std::chrono::sys_days{today})
    errors.push_back({field, "date_future", label + " ne peut pas être dans le futur."});
  return d;
}

}  // namespace

void ResourceBaseService::check_person_access(const domain::Actor& actor, std::int64_t person_id,
                                              const domain::PersonScope& scope,
                                              const Origin& origin) {
  const auto access = domain::person_access(actor, scope);
  if (access == domain::Access::allowed) return;
  audit_now(ctx_, audit_entry(actor, "resource_action.denied", person_id, origin));
  if (access == domain::Access::role_forbidden)
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "Votre rôle ne donne pas accès aux personnes accompagnées.");
  throw DomainError(DomainError::Kind::forbidden, "hors_perimetre",
                    "Vous n'êtes ni référent de cette personne ni coordinateur de son territoire "
                    "ou de son agence : l'accès est refusé et tracé.");
}

store::ResourceAction ResourceBaseService::propose(const domain::Actor& actor,
                                                   std::int64_t person_id, std::int64_t service_id,
                                                   const std::string& problematique,
                                                   const std::string& proposed_on,
                                                   const Origin& origin) {
  auto person =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, person_id); });
  if (!person)
    throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                      "Personne introuvable.");
  check_person_access(actor, person_id, person->person.scope, origin);
  domain::FieldErrors errors;
  checked_date(proposed_on, "proposed_on", "La date de proposition", today(), errors);
  auto service = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_service(sql, service_id); });
  if (!service || service->departement != person->person.scope.departement ||
      service->state != domain::ResourceState::publie)
    errors.push_back({"service_id", "introuvable",
                      "Choisissez un service publié de la base de ressources du département."});
  else {
    bool filed = false;
    for (const auto& st : service->sub_themes)
      if (st.substr(0, st.find('.')) == problematique) filed = true;
    if (!filed)
      errors.push_back({"problematique", "liste",
                        "Ce service n'est pas classé sous cette problématique : choisissez l'une "
                        "des siennes."});
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  store::ResourceAction a;
  a.person_id = person_id;
  a.service_id = service_id;
  a.problematique = problematique;
  a.status = "proposee";
  a.proposed_on = proposed_on;
  a.created_by = actor.user_id;
  const auto now = ctx_.now_iso();
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    const auto id = store::insert_action(sql, a, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource_action.create", person_id, origin,
                                     "service:" + std::to_string(service_id))});
    return id;
  });
  return *ctx_.db.with_session([&](soci::session& sql) { return store::find_action(sql, id); });
}

store::ResourceAction ResourceBaseService::set_action_status(const domain::Actor& actor,
                                                             std::int64_t action_id,
                                                             const std::string& status,
                                                             const std::string& on,
                                                             const Origin& origin) {
  auto a =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_action(sql, action_id); });
  if (!a)
    throw DomainError(DomainError::Kind::not_found, "action_introuvable",
                      "Mobilisation de ressource introuvable.");
  check_person_access(actor, a->person_id, a->person_scope, origin);
  domain::FieldErrors errors;
  if (status != "realisee" && status != "abandonnee")
    errors.push_back({"status", "liste", "Le nouveau statut est « realisee » ou « abandonnee »."});
  const auto d = checked_date(on, "on", "La date", today(), errors);
  if (d && domain::parse_date(a->proposed_on) &&
      std::chrono::sys_days{*d} < std::chrono::sys_days{*domain::parse_date(a->proposed_on)})
    errors.push_back({"on", "avant_proposition", "La date précède la proposition."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  if (a->status != "proposee")
    throw DomainError(DomainError::Kind::conflict, "etat",
                      "Seule une ressource proposée peut être marquée réalisée ou abandonnée.");
  a->status = status;
  (status == "realisee" ? a->done_on : a->abandoned_on) = on;
  const auto now = ctx_.now_iso();
  ctx_.db.transaction([&](soci::session& sql) {
    store::update_action(sql, *a, now);
    store::append_audit(sql, ctx_.db.dialect(), now,
                        {audit_entry(actor, "resource_action.update", a->person_id, origin,
                                     "service:" + std::to_string(a->service_id))});
  });
  return *ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_action(sql, action_id); });
}

std::vector<store::ResourceAction> ResourceBaseService::actions_of(const domain::Actor& actor,
                                                                   std::int64_t person_id,
                                                                   const Origin& origin) {
  auto person =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, person_id); });
  if (!person)
    throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                      "Personne introuvable.");
  check_person_access(actor, person_id, person->person.scope, origin);
  auto actions = ctx_.db.with_session(
      [&](soci::session& sql) { return store::actions_of_person(sql, person_id); });
  if (!actions.empty())
    audit_now(ctx_, audit_entry(actor, "resource_action.read", person_id, origin));
  return actions;
}

}  // namespace binome::app
