// Structures and services as data·inclusion schema v1 JSON: what an import reads and an export
// writes, and the content fields the API shares with them.
#pragma once
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "domain/resource.hpp"

namespace binome::store {

using Json = nlohmann::json;

// Schema fields binome does not keep (coordinates, durations, quality scores…): accepted on
// import and dropped. Any other unknown key is an error.
const std::set<std::string>& ignored_datainclusion_fields();

// The content fields of a service (nom, description, lists, contacts, date_maj is apart), read
// with a French error per wrong type; absent and null are the same.
void read_service_content(const Json& j, domain::ResourceService& s, domain::FieldErrors& errors);
void read_structure_content(const Json& j, domain::ResourceStructure& s,
                            domain::FieldErrors& errors);
const std::set<std::string>& service_content_fields();
const std::set<std::string>& structure_content_fields();

// Whole records of a data·inclusion file (source, id, structure_id, date_maj included).
domain::ResourceService service_from_json(const Json& j, domain::FieldErrors& errors);
domain::ResourceStructure structure_from_json(const Json& j, domain::FieldErrors& errors);
Json service_to_json(const domain::ResourceService& s);
Json structure_to_json(const domain::ResourceStructure& s);

}  // namespace binome::store
