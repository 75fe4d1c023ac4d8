// What a connection's cache of prepared statements holds and has saved (for tests): shared by
// the SQLite and the PostgreSQL caches.
#pragma once
#include <cstddef>

namespace binome::store {

struct StatementCacheStats {
  std::size_t kept = 0;      // statements held, idle, ready for their text to run again
  std::size_t reused = 0;    // executions that took a held statement
  std::size_t prepared = 0;  // statements prepared to be held
};

}  // namespace binome::store
