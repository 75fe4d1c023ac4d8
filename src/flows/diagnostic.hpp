// One problem found in a flow file: where (file or record, dossier index, line, field), which
// rule of spec/flows/README.md (F1…F5, R1…R11, SCHEMA, XML) and what, in French.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

namespace binome::flows {

enum class Level { file, record };
enum class Severity { error, warning };

struct Diagnostic {
  Level level = Level::file;
  Severity severity = Severity::error;
  std::size_t dossier = 0;  // 1-based index of the <dossier>; 0 for file-level problems
  unsigned long line = 0;   // 0 when there is no line (e.g. an empty file)
  std::string field;        // element path ("individu/nir"), empty when none
  std::string rule;         // "F1"…"F5", "R1"…"R11", "SCHEMA", "XML"
  std::string message;
  // A violation of the XSD (structure or type facet), whatever its rule id: R3 and R8 also
  // name facets of cgpem.xsd/common.xsd. Tests compare exactly these with xmllint.
  bool from_schema = false;
};

using DiagnosticSink = std::function<void(const Diagnostic&)>;

}  // namespace binome::flows
