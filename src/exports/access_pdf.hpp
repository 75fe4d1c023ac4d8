// The answer to a data-subject access request, as a readable French PDF: sections of records,
// each a list of "label : value" lines, already translated and formatted by the caller.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace binome::exports {

struct AccessRecord {
  std::vector<std::pair<std::string, std::string>> fields;
};

struct AccessSection {
  std::string title;
  std::string empty_text;  // shown when there is no record
  std::vector<AccessRecord> records;
};

struct AccessDocument {
  std::string person_name;
  std::string request_label;  // "Demande d'accès n° 3 reçue le 02/11/2026"
  std::string generated_on;   // "22/11/2026"
  std::vector<std::string> preamble;
  std::vector<AccessSection> sections;
};

std::string render_access_pdf(const AccessDocument& doc);

}  // namespace binome::exports
