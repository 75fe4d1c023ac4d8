// Streaming reader and validator of PECGM, PECDH and CGPEM files: expat events walk the schema
// tree (schema.hpp), values go into one reused Values per dossier, rules run when a dossier
// closes. Memory: the current dossier, the header, the R10 key table (bounded: at most 24 MiB,
// then a temporary file, see person_keys.hpp) and the 64 KiB read buffer — not the file. DOCTYPE
// and entity declarations stop the parse (rule XML): nothing is expanded or fetched.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "domain/time.hpp"
#include "flows/diagnostic.hpp"
#include "flows/fields.hpp"
#include "flows/schema.hpp"

namespace binome::flows {

struct FileSummary {
  std::optional<Flow> flow;  // from entete/fichier; nullopt when unknown
  Values header;             // entete and fin values
  std::size_t dossiers = 0;
  // Dossiers without record-level error, 0 when the file itself is rejected.
  std::size_t valid_dossiers = 0;
  std::size_t errors = 0, warnings = 0;
  bool file_error = false;
};

struct ReaderCallbacks {
  DiagnosticSink on_diagnostic;
  // Each dossier once read and checked (index from 1); valid: no record-level error.
  std::function<void(std::size_t index, unsigned long line, const Values& dossier, bool valid)>
      on_dossier;
  // Once </entete> is read and the flow is known; header_ok: no file-level error so far.
  std::function<void(Flow flow, const Values& header, bool header_ok)> on_header;
};

class FlowReader {
 public:
  // today: the processing day (F4, R4, R7).
  FlowReader(domain::Date today, ReaderCallbacks callbacks);
  ~FlowReader();
  FlowReader(const FlowReader&) = delete;
  FlowReader& operator=(const FlowReader&) = delete;

  // The file's bytes, in order, in chunks of any size.
  void feed(std::string_view bytes);
  FileSummary finish();
  // From inside a callback: parse no further (e.g. the import refuses the file). finish()
  // still returns what was read; nothing is reported for the rest.
  void stop();
  bool stopped() const;

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// Reads a file in 64 KiB chunks. Throws std::runtime_error (French) when it cannot be read.
FileSummary read_flow_file(const std::string& path, domain::Date today, ReaderCallbacks callbacks);

}  // namespace binome::flows
