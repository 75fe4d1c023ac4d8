#include "flows/report.hpp"

namespace binome::flows {

using nlohmann::json;

json to_json(const Diagnostic& d) {
  return json{{"level", d.level == Level::file ? "file" : "record"},
              {"dossier", d.dossier ? json(d.dossier) : json(nullptr)},
              {"line", d.line ? json(d.line) : json(nullptr)},
              {"field", d.field.empty() ? json(nullptr) : json(d.field)},
              {"rule", d.rule},
              {"message", d.message}};
}

json file_report(const std::string& file, const FileSummary& s,
                 const std::vector<Diagnostic>& diagnostics) {
  json errors = json::array(), warnings = json::array();
  for (const auto& d : diagnostics)
    (d.severity == Severity::error ? errors : warnings).push_back(to_json(d));
  auto value = [&](Field f) { return s.header.has(f) ? json(s.header.get(f)) : json(nullptr); };
  return json{{"file", file},
              {"flow", s.flow ? json(std::string(to_string(*s.flow))) : json(nullptr)},
              {"departement", value(Field::departement)},
              {"date_reference", value(Field::date_reference)},
              {"dossiers", s.dossiers},
              {"valid_dossiers", s.valid_dossiers},
              {"errors", std::move(errors)},
              {"warnings", std::move(warnings)}};
}

}  // namespace binome::flows
