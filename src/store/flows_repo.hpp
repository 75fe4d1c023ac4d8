// Storage of the RSA flow imports: history, last snapshot per person, events.
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "flows/cgpem_writer.hpp"
#include "flows/reconcile.hpp"
#include "flows/snapshot.hpp"
#include "security/nir_keys.hpp"

namespace binome::store {

struct FlowImportRow {
  std::int64_t id = 0;
  std::string kind, departement, date_reference, date_fabrication, file_name, file_sha256;
  long long dossiers = 0, matched = 0, unmatched = 0, rejected = 0, events = 0;
  bool forced = false;
  std::string imported_at, imported_by;
};

std::int64_t insert_flow_import(soci::session& sql, const FlowImportRow& row);
void update_flow_import_counts(soci::session& sql, const FlowImportRow& row);
// The latest import of a kind for a département (by date-reference, then id).
std::optional<FlowImportRow> last_flow_import(soci::session& sql, const std::string& kind,
                                              const std::string& departement);
std::optional<FlowImportRow> flow_import_by_sha(soci::session& sql, const std::string& sha256);
// Whether an import has this kind, département, date-reference and date-fabrication.
bool flow_import_with_header(soci::session& sql, const FlowImportRow& header);
std::vector<FlowImportRow> recent_flow_imports(soci::session& sql, int limit);

// The raw exchange file kept for an import (absolute path).
void set_flow_import_raw_file(soci::session& sql, std::int64_t import_id, const std::string& path);
struct RawFlowFile {
  std::int64_t import_id = 0;
  std::string kind, departement, file_name, raw_file, imported_at;
};
// Raw files still kept (not yet removed by the purge), oldest first.
std::vector<RawFlowFile> kept_raw_flow_files(soci::session& sql);
void mark_raw_flow_file_removed(soci::session& sql, std::int64_t import_id, const std::string& now);

// Persons of a département and the ids earlier imports stored for them (the NIR by its
// keyed hash: nothing is decrypted).
void load_person_index(soci::session& sql, const std::string& departement,
                       flows::PersonIndex& index);

// Prepared statements for one import, reused for every dossier. The NIR is sealed on save
// and opened on load with `keys`; without keys, load leaves the NIR out and save refuses.
// A NIR the key cannot open (another key, an altered row) is std::runtime_error (French).
class SnapshotStore {
 public:
  SnapshotStore(soci::session& sql, const security::NirKeys* keys);
  ~SnapshotStore();
  std::optional<flows::JobSeekerSnapshot> load(std::int64_t person_id);
  // nir_hash: the lookup hash of s.nir when the caller has it already (else computed).
  void save(std::int64_t person_id, std::int64_t import_id, const flows::JobSeekerSnapshot& s,
            const std::optional<std::string>& nir_hash = std::nullopt);
  // Events may be buffered: flush() writes them (before the transaction commits).
  void add_event(std::int64_t person_id, std::int64_t import_id, const flows::FlowEvent& e,
                 const std::string& now);
  void flush();
  // Motif 46: the person is now known under another France Travail id.
  void set_ft_id(std::int64_t person_id, const std::string& ft_id, const std::string& now);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

struct FlowEventRow {
  std::int64_t id = 0, person_id = 0, import_id = 0;
  std::string kind, event_date, detail, created_at;
  std::optional<std::string> closed_at;
};
// Events not yet closed for these persons, oldest first (for the "à faire" list).
std::vector<FlowEventRow> open_flow_events(soci::session& sql,
                                           const std::vector<std::int64_t>& person_ids);
// Marks an event as dealt with; false when it does not exist or is already closed.
bool close_flow_event(soci::session& sql, std::int64_t id, const std::string& now);
// The NIR is read only with keys (else left out).
std::optional<flows::JobSeekerSnapshot> job_seeker_snapshot(soci::session& sql,
                                                            std::int64_t person_id,
                                                            const security::NirKeys* keys);
// Persons whose snapshot holds this NIR (by its keyed hash).
std::vector<std::int64_t> persons_with_nir(soci::session& sql, const security::NirKeys& keys,
                                           const std::string& nir);
// The fingerprint of the key that seals this database's NIRs, if one was recorded.
std::optional<std::string> nir_key_fingerprint(soci::session& sql);
void record_nir_key_fingerprint(soci::session& sql, const std::string& fingerprint,
                                const std::string& now);
// Rows imported before the NIR was sealed (migration 0014): how many still hold it in clear.
long long clear_nir_count(soci::session& sql);
// Seals them with `keys` and empties the clear column; returns how many were sealed.
long long seal_clear_nirs(soci::session& sql, const security::NirKeys& keys);

// Persons of a département whose latest orientation decision is OUI (towards accompagnement
// global), with what CGPEM needs: identity, the ids the imports stored, the decision day and
// the social referent as correspondant. `nature` is left for the caller.
std::vector<flows::CgpemRecord> cgpem_records(soci::session& sql, const std::string& departement,
                                              const security::NirKeys& keys);

}  // namespace binome::store
