// The demo département's base of social resources (about 40 published services).
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace binome::app {

// Inserts the demo structures and services in the caller's transaction; returns the number of
// services. The validators are the demo's France Travail and Département users.
int load_demo_resources(soci::session& sql, store::Dialect dialect, const std::string& departement,
                        std::int64_t ft_validator, std::int64_t departement_validator,
                        const std::string& now);

}  // namespace binome::app
