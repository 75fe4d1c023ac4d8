// Storage of the communes of each département and of their EPCI (table `communes`, `epcis`).
#pragma once
#include <soci/soci.h>

#include <set>
#include <string>

#include "domain/commune_list.hpp"

namespace binome::store {

domain::CommuneList load_commune_list(soci::session& sql, const std::string& departement);
// Replaces the département's list, inside the caller's transaction.
void replace_commune_list(soci::session& sql, const std::string& departement,
                          const domain::CommuneList& list);
// SIREN of the EPCI known for the département.
std::set<std::string> epci_codes(soci::session& sql, const std::string& departement);
// EPCI named in the zone of a service of the département that is not archived.
std::set<std::string> epcis_in_zones(soci::session& sql, const std::string& departement);

}  // namespace binome::store
