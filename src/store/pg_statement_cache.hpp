// PostgreSQL connections that keep their prepared statements.
//
// SOCI sends every `sql << ...` as a one-time query (PQexecParams): the server parses and
// analyses its text on each execution. This backend factory gives PostgreSQL sessions that,
// from the second time a data statement's text runs on a connection, prepare it once under a
// name (PQprepare) and then execute it by that name (PQexecPrepared), one round trip as before.
// A text seen once (SQL with values written into it, a list of ids) stays a one-time query, so
// it costs no extra round trip. The connections plan every execution with its own values
// (plan_cache_mode = force_custom_plan, set by Database::configure): the plans stay those of
// the one-time queries, only the parsing is saved.
#pragma once
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>

#include <cstddef>

#include "store/statement_cache_stats.hpp"

namespace binome::store {

// Prepared statements kept per connection at most; the least recently used is deallocated.
inline constexpr std::size_t kPostgresStatementsKept = 96;
// Texts remembered per connection to tell a statement run again from a one-off.
inline constexpr std::size_t kPostgresTextsRemembered = 512;

struct CachingPostgresFactory : soci::postgresql_backend_factory {
  soci::postgresql_session_backend* make_session(
      soci::connection_parameters const& parameters) const override;
};

extern const CachingPostgresFactory caching_postgresql;

// What the session's cache holds and has saved; zeros for a session of another backend.
StatementCacheStats postgres_statement_cache_stats(soci::session& sql);

}  // namespace binome::store
