// Convention rules as JSON: how a profile version is stored and how the API shows it.
#pragma once
#include <nlohmann/json.hpp>

#include "domain/convention_profile.hpp"

namespace binome::store {

nlohmann::json rules_to_json(const domain::ConventionRules& rules);
// Reads rules, reporting every unknown key, wrong type or unknown code as a FieldError.
domain::ConventionRules rules_from_json(const nlohmann::json& json, domain::FieldErrors& errors);

}  // namespace binome::store
