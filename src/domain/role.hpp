// The six roles of binome's users and what each may do with a named person.
#pragma once
#include <optional>
#include <string_view>

namespace binome::domain {

enum class Role { conseiller, referent_social, coordinateur, pilotage, admin, dpo };

std::optional<Role> parse_role(std::string_view text);
std::string_view to_string(Role role);
// The role's name as users read it, in French.
std::string_view label_fr(Role role);

// Only the professionals who support people (and their coordinators) ever see a named
// person; pilotage reads aggregates, admin referentials, dpo the trail and registers.
bool may_see_named_persons(Role role);

// Accounts that reach the audit trail, the registers or every account must log in with a
// second factor (TOTP); it is optional for the others.
bool requires_second_factor(Role role);

}  // namespace binome::domain
