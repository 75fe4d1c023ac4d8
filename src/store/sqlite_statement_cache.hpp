// SQLite connections that keep their prepared statements.
//
// SOCI prepares every statement anew and finalizes it at the end (sqlite3_prepare_v2, then
// sqlite3_finalize), so each request paid SQLite's parser and planner for every query it ran:
// about a fifth of a list of persons' CPU and a third of the "à faire" list's. This backend
// factory gives SQLite sessions whose statements, when SOCI is done with them, are reset and
// kept per connection, keyed by their SQL text, to be handed back the next time the same text
// is prepared. Nothing else changes: SOCI binds and steps them as before.
#pragma once
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <cstddef>

#include "store/statement_cache_stats.hpp"

namespace binome::store {

// Prepared statements kept per connection at most; the least recently used goes first.
inline constexpr std::size_t kSqliteStatementsKept = 96;

struct CachingSqliteFactory : soci::sqlite3_backend_factory {
  soci::sqlite3_session_backend* make_session(
      soci::connection_parameters const& parameters) const override;
};

extern const CachingSqliteFactory caching_sqlite3;

// What the session's cache holds and has saved; zeros for a session of another backend.
StatementCacheStats sqlite_statement_cache_stats(soci::session& sql);

}  // namespace binome::store
