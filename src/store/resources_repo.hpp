// Storage of the base of social resources: problématiques and sub-themes (with their mapping to
// data·inclusion thématiques), structures, services with their search columns, and the actions
// linking a person to a service.
#pragma once
#include <soci/soci.h>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "domain/resource.hpp"
#include "store/database.hpp"

namespace binome::store {

struct SubTheme {
  std::string code, label;
  std::vector<std::string> thematiques;
};
struct Problematique {
  std::string code, label;
  std::vector<SubTheme> sub_themes;
};

std::vector<Problematique> list_problematiques(soci::session& sql);
std::set<std::string> sub_theme_codes(soci::session& sql);
// thématique -> the sub-themes it is filed under.
std::map<std::string, std::vector<std::string>> thematique_mapping(soci::session& sql);
void set_sub_theme_thematiques(soci::session& sql, const std::string& sub_theme,
                               const std::vector<std::string>& thematiques);

std::int64_t insert_structure(soci::session& sql, const domain::ResourceStructure& s,
                              const std::string& now);
void update_structure(soci::session& sql, const domain::ResourceStructure& s,
                      const std::string& now);
std::optional<domain::ResourceStructure> find_structure(soci::session& sql, std::int64_t id);
std::optional<domain::ResourceStructure> find_structure_by_source(soci::session& sql,
                                                                  const std::string& source,
                                                                  const std::string& source_id);
// Structures of a département (all when empty), by name.
std::vector<domain::ResourceStructure> list_structures(soci::session& sql,
                                                       const std::string& departement);

// Writes the service, its sub-themes, its zone and its search columns (and the FTS row).
std::int64_t insert_service(soci::session& sql, Dialect dialect, const domain::ResourceService& s,
                            const std::string& now);
void update_service(soci::session& sql, Dialect dialect, const domain::ResourceService& s,
                    const std::string& now);
std::optional<domain::ResourceService> find_service(soci::session& sql, std::int64_t id);
std::optional<domain::ResourceService> find_service_by_source(soci::session& sql,
                                                              const std::string& source,
                                                              const std::string& source_id);
// Services not archived of a département (all when empty), by id: what an export holds.
std::vector<domain::ResourceService> services_for_export(soci::session& sql,
                                                         const std::string& departement);
// Published or validated services whose update is past due on `today`.
std::vector<domain::ResourceService> stale_services(soci::session& sql,
                                                    const std::string& departement,
                                                    const std::string& today);
// The stale services of the département a user is to update, oldest update first, at most
// `limit`: those the user validated, and when `unvalidated_too` (a coordinateur) those nobody
// validated (imported).
std::vector<domain::ResourceService> stale_services_to_update(
    soci::session& sql, const std::string& departement, const std::string& today,
    std::int64_t user_id, bool unvalidated_too, std::size_t limit);

struct ResourceQuery {
  std::string departement;
  std::vector<std::string> states{"publie"};
  std::optional<std::string> text, problematique, sub_theme, commune, public_code;
  std::optional<std::int64_t> structure_id;
  int page = 1, per_page = 20;
};
struct ResourceHit {
  domain::ResourceService service;
  std::string structure_nom;
  bool stale = false;
};
// A search counts its matches up to this many; past it the page says "plus de 500".
inline constexpr long long kSearchCountCap = 500;
struct ResourcePage {
  std::vector<ResourceHit> items;
  long long total = 0;        // at most kSearchCountCap
  bool total_capped = false;  // more matches than kSearchCountCap
};
// The EPCI a commune belongs to (admin-loaded table `communes`); empty when unknown.
std::vector<std::string> epcis_of_commune(soci::session& sql, const std::string& commune);
// After a bulk write (an import): the planner's statistics of the searched tables, at once.
void refresh_search_statistics(soci::session& sql, Dialect dialect);
// Ranked: fresh before stale, then by relevance to the text (the name weighs more), then name.
ResourcePage search_services(soci::session& sql, Dialect dialect, const ResourceQuery& q,
                             const std::string& today);

struct ResourceAction {
  std::int64_t id = 0, person_id = 0, service_id = 0, created_by = 0;
  std::string problematique, status, proposed_on;
  std::optional<std::string> done_on, abandoned_on;
  std::string created_at, updated_at;
  std::string service_nom, structure_nom, problematique_label;
  domain::PersonScope person_scope;
};
std::int64_t insert_action(soci::session& sql, const ResourceAction& a, const std::string& now);
void update_action(soci::session& sql, const ResourceAction& a, const std::string& now);
std::optional<ResourceAction> find_action(soci::session& sql, std::int64_t id);
std::vector<ResourceAction> actions_of_person(soci::session& sql, std::int64_t person_id);

}  // namespace binome::store
