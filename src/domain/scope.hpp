// Who may read or write a named person (seed 003, convention d'application art. 4.2): the
// person's designated referents, and the coordinateurs of the person's territory or agence.
// The same Reach drives the one-person check below and the list filter of the store, so the
// two can never disagree.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "domain/organisation.hpp"
#include "domain/role.hpp"

namespace binome::domain {

// The user behind a request or a command.
struct Actor {
  std::int64_t user_id = 0;
  std::string login;
  Role role = Role::pilotage;
  std::int64_t org_id = 0;
  OrgKind org_kind = OrgKind::departement;
  std::optional<std::int64_t> territory_id;
  std::string departement;
};

// The facts about a person that decide who may see it.
struct PersonScope {
  std::optional<std::int64_t> conseiller_id;
  std::optional<std::int64_t> referent_social_id;
  std::optional<std::int64_t> referent_social_org_id;
  std::optional<std::int64_t> territory_id;
  std::optional<std::int64_t> agence_id;
  std::string departement;
};

// The set of persons an actor reaches, as one rule with one value.
struct Reach {
  enum class Kind {
    none,         // pilotage, admin, dpo: never a named person
    referent,     // persons whose conseiller or référent social is the user
    agence,       // coordinateur of a France Travail agence: persons followed by it
    territory,    // coordinateur of a territorial service: persons of the territory
    partner,      // coordinateur of a mandated partner: persons of its social referents
    departement,  // coordinateur at département or direction level: its département
  };
  Kind kind = Kind::none;
  std::int64_t id = 0;      // user, agence, territory or partner id
  std::string departement;  // for Kind::departement
};

Reach reach_of(const Actor& actor);

enum class Access { allowed, not_in_scope, role_forbidden };

Access person_access(const Actor& actor, const PersonScope& person);

}  // namespace binome::domain
