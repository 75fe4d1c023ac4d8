// What every service that touches a named person does the same way: refuse and trace a call
// out of the caller's reach, write dates the French way, know today's date.
#pragma once
#include <string>

#include "app/context.hpp"
#include "domain/errors.hpp"
#include "store/persons_repo.hpp"

namespace binome::app {

// 2026-11-22 -> 22/11/2026; anything else unchanged.
std::string french_date(const std::string& iso);

domain::DomainError out_of_scope();

// Traces the refusal under `denied_action`, then throws out_of_scope(), unless the actor may
// reach the person.
void require_person_access(Context& ctx, const domain::Actor& actor,
                           const domain::PersonScope& scope, std::int64_t person_id,
                           const std::string& denied_action, const Origin& origin);

// The person, once the actor is known to reach it: 404 when there is none, the refusal traced
// under `denied_action` otherwise.
store::PersonRecord person_in_reach(Context& ctx, const domain::Actor& actor,
                                    std::int64_t person_id, const std::string& denied_action,
                                    const Origin& origin);

domain::Date today(const Context& ctx);

// Appends one audit record, committed before it returns (in a commit shared with the records
// other requests append meanwhile).
void audit_now(Context& ctx, const store::AuditEntry& entry);

}  // namespace binome::app
