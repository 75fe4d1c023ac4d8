// Encrypted backups of a whole binome database and their restore into a new database.
// SQLite: a consistent copy of the file (VACUUM INTO), encrypted. PostgreSQL: a logical dump
// made by binome itself (every table of its schema, in foreign-key order, one JSON object per
// row, read in one REPEATABLE READ snapshot), encrypted; no pg_dump needed. See
// security/backup_cipher.hpp for the file format.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace binome::store {

struct BackupSummary {
  std::string backend;  // "sqlite" or "postgresql"
  std::vector<int> schema_versions;
  std::size_t tables = 0;
  std::size_t rows = 0;  // PostgreSQL only (the SQLite copy is a file)
  std::uintmax_t bytes = 0;
};

// Writes the encrypted backup of `db` to `out_path`, which must not exist (written under a
// temporary name, mode 0600, then renamed). Throws security::BackupError.
BackupSummary backup_database(Database& db, const std::string& key, const std::string& out_path,
                              const std::string& now_iso);

// Restores `in_path` into a new database at `url`: SQLite, the file must not exist;
// PostgreSQL, the database must hold no table. The whole file is decrypted and authenticated
// before anything is written; the PostgreSQL load is one transaction. Then applies the
// migrations this binome has beyond the backup's.
BackupSummary restore_database(const std::string& url, const std::string& key,
                               const std::string& in_path);

}  // namespace binome::store
