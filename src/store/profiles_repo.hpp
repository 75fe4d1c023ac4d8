// Storage of convention profiles, their parties and their versions (append-only).
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/convention_profile.hpp"

namespace binome::store {

// Profiles with their parties and versions; a version whose stored rules cannot be read
// is an error (the migration and the service only ever write valid rules).
std::vector<domain::ConventionProfile> list_profiles(soci::session& sql);
std::optional<domain::ConventionProfile> find_profile(soci::session& sql, std::int64_t id);
// The profile of a département whose validity covers the date.
std::optional<domain::ConventionProfile> profile_for(soci::session& sql,
                                                     const std::string& departement,
                                                     const std::string& date);
// The rules of one version of a profile, or nothing when the profile has no such version.
// Versions are append-only: what this returns for a version never changes.
std::optional<domain::ConventionRules> find_version_rules(soci::session& sql,
                                                          std::int64_t profile_id,
                                                          std::int64_t version_id);
std::int64_t insert_profile_version(soci::session& sql, std::int64_t profile_id,
                                    const std::string& effective_from,
                                    const domain::ConventionRules& rules,
                                    const std::string& changed_by, const std::string& changed_at);
void insert_party(soci::session& sql, std::int64_t profile_id, const std::string& name,
                  const std::string& from);
std::int64_t insert_profile(soci::session& sql, const domain::ConventionProfile& profile);

}  // namespace binome::store
