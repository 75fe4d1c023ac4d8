#include "store/sqlite_statement_cache.hpp"

#include <list>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace binome::store {
namespace {

using sqlite_api::sqlite3_stmt;

// Idle statements of one connection, most recently used first. A statement in use is not in
// here: two live statements with the same text (a query run inside the loop of the same
// query) simply get one each, and only one is kept afterwards.
class StatementCache {
 public:
  StatementCache() = default;
  StatementCache(const StatementCache&) = delete;
  StatementCache& operator=(const StatementCache&) = delete;
  ~StatementCache() { clear(); }

  sqlite3_stmt* take(const std::string& query) {
    auto found = index_.find(query);
    if (found == index_.end()) return nullptr;
    sqlite3_stmt* stmt = found->second->stmt;
    auto entry = found->second;
    index_.erase(found);
    idle_.erase(entry);
    ++stats.reused;
    return stmt;
  }

  // Takes back a statement SOCI is done with: reset (so it holds no read transaction and no
  // pointer to the caller's bound values), then kept or, beyond the limit, finalized.
  void give(std::string query, sqlite3_stmt* stmt) {
    sqlite_api::sqlite3_reset(stmt);
    sqlite_api::sqlite3_clear_bindings(stmt);
    if (index_.count(query) != 0) {
      sqlite_api::sqlite3_finalize(stmt);
      return;
    }
    idle_.push_front({std::move(query), stmt});
    index_.emplace(idle_.front().query, idle_.begin());
    while (idle_.size() > kSqliteStatementsKept) {
      auto& oldest = idle_.back();
      index_.erase(oldest.query);
      sqlite_api::sqlite3_finalize(oldest.stmt);
      idle_.pop_back();
    }
  }

  void clear() {
    index_.clear();
    for (auto& entry : idle_) sqlite_api::sqlite3_finalize(entry.stmt);
    idle_.clear();
  }

  std::size_t size() const { return idle_.size(); }

  StatementCacheStats stats;

 private:
  struct Entry {
    std::string query;
    sqlite3_stmt* stmt;
  };
  std::list<Entry> idle_;
  std::unordered_map<std::string_view, std::list<Entry>::iterator> index_;
};

struct CachingSession;

struct CachingStatement : soci::sqlite3_statement_backend {
  CachingStatement(soci::sqlite3_session_backend& session, StatementCache& cache)
      : soci::sqlite3_statement_backend(session), cache_(cache) {}
  ~CachingStatement() override { CachingStatement::clean_up(); }

  void prepare(std::string const& query, soci::details::statement_type type) override {
    clean_up();
    if (sqlite3_stmt* kept = cache_.take(query)) {
      stmt_ = kept;
      databaseReady_ = true;
    } else {
      soci::sqlite3_statement_backend::prepare(query, type);
      ++cache_.stats.prepared;
    }
    query_ = query;
  }

  // Where SOCI finalizes, the statement goes back to the connection's cache.
  void clean_up() override {
    rowsAffectedBulk_ = -1LL;
    if (stmt_ == nullptr) return;
    cache_.give(std::move(query_), stmt_);
    query_.clear();
    stmt_ = nullptr;
    databaseReady_ = false;
  }

 private:
  StatementCache& cache_;
  std::string query_;
};

struct CachingSession : soci::sqlite3_session_backend {
  explicit CachingSession(soci::connection_parameters const& parameters)
      : soci::sqlite3_session_backend(parameters) {}
  // The statements are finalized before the base class closes the connection: SQLite refuses
  // to close a connection that still has statements.
  ~CachingSession() override { cache.clear(); }

  soci::sqlite3_statement_backend* make_statement_backend() override {
    return new CachingStatement(*this, cache);
  }

  StatementCache cache;
};

}  // namespace

const CachingSqliteFactory caching_sqlite3;

soci::sqlite3_session_backend* CachingSqliteFactory::make_session(
    soci::connection_parameters const& parameters) const {
  return new CachingSession(parameters);
}

StatementCacheStats sqlite_statement_cache_stats(soci::session& sql) {
  auto* session = dynamic_cast<CachingSession*>(sql.get_backend());
  if (session == nullptr) return {};
  auto stats = session->cache.stats;
  stats.kept = session->cache.size();
  return stats;
}

}  // namespace binome::store
