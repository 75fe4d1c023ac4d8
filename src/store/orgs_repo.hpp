// Départements, territories and organisations: the referential the admin keeps.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/organisation.hpp"

namespace binome::store {

struct TerritoryRow {
  std::int64_t id = 0;
  std::string departement;
  std::string name;
};

struct OrganisationRow {
  domain::Organisation org;
  std::optional<std::string> territory_name;
};

void upsert_departement(soci::session& sql, const std::string& code, const std::string& name);
bool departement_exists(soci::session& sql, const std::string& code);
std::vector<std::pair<std::string, std::string>> list_departements(soci::session& sql);
bool territory_name_taken(soci::session& sql, const std::string& departement,
                          const std::string& name);
std::int64_t insert_territory(soci::session& sql, const std::string& departement,
                              const std::string& name);
std::vector<TerritoryRow> list_territories(soci::session& sql);
std::optional<TerritoryRow> find_territory(soci::session& sql, std::int64_t id);

std::int64_t insert_organisation(soci::session& sql, const domain::Organisation& org,
                                 const std::string& now);
std::vector<OrganisationRow> list_organisations(soci::session& sql);
std::optional<OrganisationRow> find_organisation(soci::session& sql, std::int64_t id);
bool organisation_name_taken(soci::session& sql, const std::string& departement,
                             const std::string& name);

}  // namespace binome::store
