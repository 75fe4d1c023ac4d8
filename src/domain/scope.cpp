#include "domain/scope.hpp"

namespace binome::domain {

Reach reach_of(const Actor& actor) {
  switch (actor.role) {
    case Role::conseiller:
    case Role::referent_social:
      return {Reach::Kind::referent, actor.user_id, {}};
    case Role::coordinateur:
      if (actor.org_kind == OrgKind::agence) return {Reach::Kind::agence, actor.org_id, {}};
      if (actor.org_kind == OrgKind::partenaire) return {Reach::Kind::partner, actor.org_id, {}};
      if (actor.territory_id) return {Reach::Kind::territory, *actor.territory_id, {}};
      return {Reach::Kind::departement, 0, actor.departement};
    case Role::pilotage:
    case Role::admin:
    case Role::dpo:
      break;
  }
  return {};
}

Access person_access(const Actor& actor, const PersonScope& person) {
  const Reach reach = reach_of(actor);
  switch (reach.kind) {
    case Reach::Kind::none:
      return Access::role_forbidden;
    case Reach::Kind::referent:
      return (person.conseiller_id == reach.id || person.referent_social_id == reach.id)
                 ? Access::allowed
                 : Access::not_in_scope;
    case Reach::Kind::agence:
      return person.agence_id == reach.id ? Access::allowed : Access::not_in_scope;
    case Reach::Kind::territory:
      return person.territory_id == reach.id ? Access::allowed : Access::not_in_scope;
    case Reach::Kind::partner:
      return person.referent_social_org_id == reach.id ? Access::allowed : Access::not_in_scope;
    case Reach::Kind::departement:
      return (!reach.departement.empty() && person.departement == reach.departement)
                 ? Access::allowed
                 : Access::not_in_scope;
  }
  return Access::not_in_scope;
}

}  // namespace binome::domain
