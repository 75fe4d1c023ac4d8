// The JSON report of "binome flows validate --json": one object per file.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "flows/diagnostic.hpp"
#include "flows/reader.hpp"

namespace binome::flows {

// {"level","dossier","line","field","rule","message"}; null for an absent dossier, line, field.
nlohmann::json to_json(const Diagnostic& d);

// {"file","flow","departement","date_reference","dossiers","valid_dossiers","errors","warnings"}
nlohmann::json file_report(const std::string& file, const FileSummary& summary,
                           const std::vector<Diagnostic>& diagnostics);

}  // namespace binome::flows
