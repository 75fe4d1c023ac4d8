// Import of France Travail's PECGM and PECDH files: validate while reading, reconcile each
// usable dossier with a person of binome, store the job-seeker snapshot and the events it
// brings — all in one transaction, so a rejected, refused, repeated or interrupted import
// leaves the database as it was.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "flows/cgpem_writer.hpp"
#include "flows/reader.hpp"

namespace binome::app {

struct FlowImportRequest {
  std::string path;
  bool force = false;  // import a file older than the last one of its kind
  domain::Date today;  // processing day for the date rules
};

struct FlowImportResult {
  enum class Outcome {
    imported,          // committed (maybe with rejected dossiers)
    rejected,          // file-level error: nothing written
    older,             // older than the last import of its kind and département, no --force
    already_imported,  // the very same bytes were imported before: nothing written
    not_importable,    // a CGPEM (or unknown) file: binome writes CGPEM, it does not read it
  } outcome = Outcome::rejected;
  flows::FileSummary summary;
  std::vector<flows::Diagnostic> diagnostics;
  std::int64_t import_id = 0;      // the new import, or the earlier one (already_imported)
  std::string previous_reference;  // older: the last imported date-reference
  long long matched = 0, unmatched = 0, ambiguous = 0, rejected = 0;
  std::map<std::string, long long> events;      // per kind
  std::map<std::string, long long> matched_by;  // "nir", "identifiant_ft", "identite"
  std::string sha256;
  std::string raw_file;  // where the file was kept (when a directory is configured)
};

// actor: who runs the import (audited as "flows.import", target "import:ID").
FlowImportResult import_flow_file(Context& ctx, const domain::Actor& actor, const Origin& origin,
                                  const FlowImportRequest& request);

struct CgpemExportRequest {
  std::string departement;
  domain::Date date_reference;
  domain::Date today;         // date-fabrication
  std::string nature = "06";  // accompagnement global: France Travail, offre complémentaire RSA
  std::string path;           // written whole or not at all (temporary file, then renamed)
};

struct CgpemExportResult {
  std::size_t written = 0;
  std::vector<flows::CgpemSkip> skipped;
};

// Audited as "flows.export" naming every person written (audit_person).
CgpemExportResult export_cgpem(Context& ctx, const domain::Actor& actor, const Origin& origin,
                               const CgpemExportRequest& request);

// The context's NIR key must be the one this database's NIRs are sealed with (recorded at its
// first use): std::runtime_error (French) otherwise, before anything is written.
void check_nir_key(Context& ctx, soci::session& sql);

// NIRs stored in clear before migration 0014: sealed with the context's key in one
// transaction (SQLite erases the freed bytes: secure_delete), audited « flows.nir_sealed »;
// returns how many. Without a key, std::runtime_error (French) when any remain, else 0.
long long seal_clear_nirs(Context& ctx, const Origin& origin);

}  // namespace binome::app
