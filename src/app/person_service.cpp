#include "app/person_service.hpp"

#include "app/guards.hpp"
#include "domain/errors.hpp"
#include "domain/text.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

DomainError role_refusal() {
  return DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                     "Votre rôle ne donne accès à aucune personne nommée : seuls les référents "
                     "d'une personne et leurs coordinateurs peuvent la consulter.");
}

}  // namespace

store::PersonListPage PersonService::list(const domain::Actor& actor, const PersonQuery& query,
                                          const Origin& origin) {
  const auto reach = domain::reach_of(actor);
  if (reach.kind == domain::Reach::Kind::none) {
    audit_now(ctx_, audit_entry(actor, "person.list.denied", std::nullopt, origin));
    throw role_refusal();
  }
  const std::string folded = domain::fold_for_search(query.search);
  // A read is recorded before anything is returned: the page is read first (readers run side
  // by side), then its audit record is committed; if that fails, nothing leaves.
  auto page = ctx_.db.with_session([&](soci::session& sql) {
    return store::list_persons(sql, reach, folded, query.per_page,
                               (query.page - 1) * query.per_page);
  });
  // Each person shown is a read of that person's data: the record names every one of them,
  // so the trail can tell a person everyone who saw their name.
  if (!page.items.empty()) {
    auto entry = audit_entry(actor, "person.list", std::nullopt, origin);
    for (const auto& p : page.items) entry.listed_persons.push_back(p.id);
    audit_now(ctx_, entry);
  }
  return page;
}

std::vector<store::UserRow> PersonService::referents(const domain::Actor& actor,
                                                     const std::string& role) {
  if (!domain::may_see_named_persons(actor.role)) throw role_refusal();
  if (role != "conseiller" && role != "referent_social")
    throw DomainError(
        DomainError::Kind::invalid,
        domain::FieldErrors{{"role", "invalide", "Rôle attendu : conseiller ou referent_social."}});
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::users_with_role(sql, role, actor.departement); });
}

store::PersonRecord PersonService::create(const domain::Actor& actor, const NewPerson& input,
                                          const Origin& origin) {
  if (!domain::may_see_named_persons(actor.role)) throw role_refusal();
  const auto today = domain::france_today(ctx_.clock.now());
  domain::FieldErrors errors = domain::validate(input.identity, today);
  domain::Person person;
  person.identity = input.identity;
  auto& scope = person.scope;
  scope.departement = actor.departement;
  scope.conseiller_id = actor.role == domain::Role::conseiller
                            ? std::optional<std::int64_t>(actor.user_id)
                            : input.conseiller_id;
  scope.referent_social_id = actor.role == domain::Role::referent_social
                                 ? std::optional<std::int64_t>(actor.user_id)
                                 : input.referent_social_id;
  if (actor.role == domain::Role::coordinateur) {
    if (!input.conseiller_id)
      errors.push_back(
          {"conseiller_id", "obligatoire", "Choisissez le conseiller France Travail référent."});
    if (!input.referent_social_id)
      errors.push_back({"referent_social_id", "obligatoire", "Choisissez le référent social."});
  }
  ctx_.db.with_session([&](soci::session& sql) {
    // Each named referent must hold that role in the same département.
    auto check = [&](const std::optional<std::int64_t>& id, const char* role, const char* field) {
      if (!id) return std::optional<store::UserRow>();
      auto user = store::find_user_by_id(sql, *id);
      if (!user || user->role != role || user->org_departement != actor.departement ||
          !user->active) {
        errors.push_back(
            {field, "inconnu", "Référent inconnu pour ce rôle dans votre département."});
        return std::optional<store::UserRow>();
      }
      return user;
    };
    const auto conseiller = check(scope.conseiller_id, "conseiller", "conseiller_id");
    const auto social = check(scope.referent_social_id, "referent_social", "referent_social_id");
    // The agence follows the France Travail referent; the territory, the first organisation
    // that has one.
    if (conseiller && conseiller->org_kind == "agence") scope.agence_id = conseiller->org_id;
    for (const auto& territory :
         {actor.territory_id, conseiller ? conseiller->org_territory_id : std::nullopt,
          social ? social->org_territory_id : std::nullopt})
      if (!scope.territory_id && territory) scope.territory_id = territory;
  });
  if (errors.empty() && !scope.territory_id)
    errors.push_back({"referent_social_id", "territoire",
                      "Le territoire de la personne ne peut être déduit : choisissez un référent "
                      "rattaché à un territoire."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  if (domain::person_access(actor, scope) != domain::Access::allowed)
    throw DomainError(
        DomainError::Kind::invalid,
        domain::FieldErrors{
            {std::nullopt, "hors_perimetre",
             "Cette personne serait hors de votre périmètre : vérifiez les référents choisis."}});
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    const auto new_id = store::insert_person(sql, person, ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "person.create", new_id, origin)});
    return new_id;
  });
  return *ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, id); });
}

store::PersonRecord PersonService::get(const domain::Actor& actor, std::int64_t id,
                                       const Origin& origin) {
  enum class Outcome { ok, missing, denied_role, denied_scope };
  const auto found =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, id); });
  const Outcome outcome = [&] {
    if (!found) return Outcome::missing;
    const auto access = domain::person_access(actor, found->person.scope);
    const bool ok = access == domain::Access::allowed;
    // Granted or refused, the attempt is on the trail before the answer leaves.
    audit_now(ctx_, audit_entry(actor, ok ? "person.read" : "person.read.denied", id, origin));
    if (ok) return Outcome::ok;
    return access == domain::Access::role_forbidden ? Outcome::denied_role : Outcome::denied_scope;
  }();
  switch (outcome) {
    case Outcome::ok:
      return *found;
    case Outcome::missing:
      throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                        "Personne introuvable.");
    case Outcome::denied_role:
      throw role_refusal();
    case Outcome::denied_scope:
      throw DomainError(DomainError::Kind::forbidden, "hors_perimetre",
                        "Vous n'êtes ni référent de cette personne ni coordinateur de son "
                        "territoire ou de son agence : l'accès est refusé et tracé.");
  }
  throw DomainError(DomainError::Kind::not_found, "personne_introuvable", "Personne introuvable.");
}

}  // namespace binome::app
