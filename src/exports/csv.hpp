// CSV for French spreadsheets: UTF-8 with a BOM, semicolons, quoted fields, and cells that a
// spreadsheet would run as a formula neutralised (CSV injection).
#pragma once
#include <string>
#include <vector>

namespace binome::exports {

inline std::string csv_bom() {
  return "\xEF\xBB\xBF";
}
std::string csv_field(const std::string& value);
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace binome::exports
