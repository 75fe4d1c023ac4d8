// The statements an import runs for every dossier (read the previous snapshot, write the new
// one, add an event), prepared once per import. Two implementations: SOCI (PostgreSQL), and
// SQLite's own API for SQLite, which binds the row's strings in place where SOCI copies each
// value into its own buffers on every execution (bench/flows-bench, docs/PERFORMANCE.md).
#pragma once
#include <soci/soci.h>

#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace binome::store {

// Columns of job_seeker_snapshots after kind and date_reference, in this order: nir_sealed,
// nir_hash, then the 13 optional columns of flows::JobSeekerSnapshot (flows_repo.cpp).
inline constexpr std::size_t kSnapshotValues = 15;

struct SnapshotRow {
  std::int64_t person = 0, import = 0;
  std::string kind, date_reference;
  std::array<std::string, kSnapshotValues> values;
  std::array<bool, kSnapshotValues> present{};  // false: NULL
};

class SnapshotStatements {
 public:
  virtual ~SnapshotStatements() = default;
  // The stored row of `person` into `row` (person and import left as they are); false if none.
  virtual bool select(std::int64_t person, SnapshotRow& row) = 0;
  // A person without a row (or with one: it is replaced whole).
  virtual void upsert(const SnapshotRow& row) = 0;
  // A person with a row: every column rewritten, but the NIR's two only when `with_nir` (an
  // unchanged NIR leaves the nir_hash index alone).
  virtual void update(const SnapshotRow& row, bool with_nir) = 0;
  // May be buffered (SQLite: written 64 at a time, in order): flush() writes what is left.
  virtual void event(std::int64_t person, std::int64_t import, const std::string& kind,
                     const std::string& date, const std::string& detail,
                     const std::string& created_at) = 0;
  virtual void flush() {}
};

// SQLite's API on a SQLite session, SOCI on any other.
std::unique_ptr<SnapshotStatements> snapshot_statements(soci::session& sql);

}  // namespace binome::store
