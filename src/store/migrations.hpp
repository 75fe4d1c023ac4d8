// Versioned schema migrations, embedded in the binary (src/store/migrations/NNNN_name.sql).
// A file holds SQL common to both backends, with sections marked "-- @sqlite" and
// "-- @postgres" for what differs, and {{PK}} for an auto-numbered primary key.
#pragma once
#include <string>
#include <vector>

#include "store/database.hpp"

namespace binome::store {

struct Migration {
  int version = 0;
  std::string name;
  std::string sql;  // already specialised for the dialect
};

std::vector<Migration> migrations_for(Dialect dialect);

// Applies the missing migrations (any version not yet recorded, gaps included), each in its own
// transaction; returns how many were applied.
// Several processes may call it at once on PostgreSQL: an advisory lock serialises them.
int migrate(Database& db);
int schema_version(Database& db);
int latest_schema_version();
// How many migrations the binary embeds (versions may have gaps).
std::size_t migration_count();

}  // namespace binome::store
