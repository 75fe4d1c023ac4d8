// libFuzzer target: the streaming reader and validator of the RSA flow files (PECGM, PECDH,
// CGPEM) — expat events, schema walk, XSD facets, rules F1–F5 and R1–R11 — on arbitrary
// bytes cut into chunks at arbitrary places (the reader is fed 64 KiB at a time in real use,
// so element and UTF-8 boundaries fall anywhere). Any crash, sanitizer report, uncaught
// exception or diagnostic without a rule is a bug.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "flows/reader.hpp"
#include "flows/rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace binome;
  if (size == 0) return 0;
  // The first byte chooses the chunk size (1 to 256 bytes), the rest is the file.
  const std::size_t chunk = static_cast<std::size_t>(data[0]) + 1;
  const std::string_view file(reinterpret_cast<const char*>(data + 1), size - 1);
  const auto today = domain::parse_date("2026-11-18").value();
  std::size_t seen = 0;
  flows::ReaderCallbacks callbacks;
  callbacks.on_diagnostic = [&](const flows::Diagnostic& d) {
    if (d.rule.empty() || d.message.empty()) std::abort();  // every problem names its rule
    ++seen;
  };
  callbacks.on_dossier = [&](std::size_t, unsigned long, const flows::Values& dossier, bool) {
    for (std::size_t i = 0; i < flows::kFieldCount; ++i)
      if (dossier.present[i]) seen += dossier.text[i].size() > 0 ? 1 : 0;
  };
  callbacks.on_header = [&](flows::Flow, const flows::Values&, bool) { ++seen; };
  flows::FlowReader reader(today, callbacks);
  for (std::size_t at = 0; at < file.size() && !reader.stopped(); at += chunk)
    reader.feed(file.substr(at, chunk));
  const auto summary = reader.finish();
  // The counts must agree with themselves whatever the input.
  if (summary.valid_dossiers > summary.dossiers) std::abort();
  (void)seen;
  return 0;
}
