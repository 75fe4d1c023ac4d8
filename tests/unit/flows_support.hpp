// Helpers of the flow tests: the contract's samples, edits that must apply, and a validation
// run that keeps every diagnostic.
#pragma once
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "flows/reader.hpp"

namespace binome::flows::testing {

inline std::string spec_path(const std::string& name) {
  return std::string(BINOME_SOURCE_DIR) + "/spec/flows/" + name;
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("missing fixture " + path);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "pecgm", "pecdh" or "cgpem": the valid sample of spec/flows/samples (ISO-8859-1 bytes).
inline std::string sample(const std::string& flow) {
  return read_bytes(spec_path("samples/" + flow + "-valid.xml"));
}

// Replaces the first occurrence of `from`; a fixture edit that does not apply is a test bug.
inline std::string edit(std::string doc, const std::string& from, const std::string& to) {
  const auto at = doc.find(from);
  if (at == std::string::npos) throw std::invalid_argument("edit not applicable: " + from);
  return doc.replace(at, from.size(), to);
}
inline std::string edit_all(std::string doc, const std::string& from, const std::string& to) {
  std::size_t at = doc.find(from);
  if (at == std::string::npos) throw std::invalid_argument("edit not applicable: " + from);
  for (; at != std::string::npos; at = doc.find(from, at + to.size()))
    doc.replace(at, from.size(), to);
  return doc;
}

struct Outcome {
  FileSummary summary;
  std::vector<Diagnostic> diagnostics;

  std::vector<Diagnostic> of(const std::string& rule, Severity s = Severity::error) const {
    std::vector<Diagnostic> out;
    for (const auto& d : diagnostics)
      if (d.rule == rule && d.severity == s) out.push_back(d);
    return out;
  }
  bool has(const std::string& rule, Severity s = Severity::error) const {
    return !of(rule, s).empty();
  }
  bool schema_invalid() const {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.from_schema || d.rule == "XML"; });
  }
  std::string dump() const {
    std::string out;
    for (const auto& d : diagnostics)
      out += "[" + d.rule + (d.severity == Severity::error ? " E" : " W") + " #" +
             std::to_string(d.dossier) + " l" + std::to_string(d.line) + " " + d.field + "] " +
             d.message + "\n";
    return out;
  }
};

// Feeds the document in chunks of `chunk` bytes, as a file read would.
inline Outcome validate(const std::string& doc, const char* today = "2024-09-20",
                        std::size_t chunk = 4096) {
  Outcome out;
  ReaderCallbacks cb;
  cb.on_diagnostic = [&](const Diagnostic& d) { out.diagnostics.push_back(d); };
  FlowReader reader(*domain::parse_date(today), cb);
  for (std::size_t i = 0; i < doc.size(); i += chunk)
    reader.feed(std::string_view(doc).substr(i, chunk));
  out.summary = reader.finish();
  return out;
}

}  // namespace binome::flows::testing
