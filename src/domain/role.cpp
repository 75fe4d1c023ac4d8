#include "domain/role.hpp"

#include <array>
#include <utility>

namespace binome::domain {
namespace {
constexpr std::array<std::pair<Role, std::string_view>, 6> kNames{{
    {Role::conseiller, "conseiller"},
    {Role::referent_social, "referent_social"},
    {Role::coordinateur, "coordinateur"},
    {Role::pilotage, "pilotage"},
    {Role::admin, "admin"},
    {Role::dpo, "dpo"},
}};
}

std::optional<Role> parse_role(std::string_view text) {
  for (const auto& [role, name] : kNames)
    if (name == text) return role;
  return std::nullopt;
}

std::string_view to_string(Role role) {
  for (const auto& [r, name] : kNames)
    if (r == role) return name;
  return "inconnu";
}

std::string_view label_fr(Role role) {
  switch (role) {
    case Role::conseiller:
      return "Conseiller France Travail";
    case Role::referent_social:
      return "Référent social";
    case Role::coordinateur:
      return "Coordinateur";
    case Role::pilotage:
      return "Pilotage";
    case Role::admin:
      return "Administrateur";
    case Role::dpo:
      return "Délégué à la protection des données";
  }
  return "inconnu";
}

bool may_see_named_persons(Role role) {
  return role == Role::conseiller || role == Role::referent_social || role == Role::coordinateur;
}

bool requires_second_factor(Role role) {
  return role == Role::admin || role == Role::dpo;
}

}  // namespace binome::domain
