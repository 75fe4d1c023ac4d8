#include "store/pg_statement_cache.hpp"

#include <cctype>
#include <functional>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace binome::store {
namespace {

// A statement prepared on the server, with what SOCI derived from its text (the text with
// $1, $2… and the names of its binds in order), so that a reuse skips SOCI's rewriting too.
struct Kept {
  std::string query;
  std::string name;
  std::string rewritten;
  std::vector<std::string> bind_names;
};

// Only data statements: transaction control, SET and DDL stay one-time queries.
bool cacheable(const std::string& query) {
  std::size_t i = 0;
  while (i < query.size() && std::isspace(static_cast<unsigned char>(query[i]))) ++i;
  std::string word;
  while (i < query.size() && std::isalpha(static_cast<unsigned char>(query[i])))
    word += static_cast<char>(std::toupper(static_cast<unsigned char>(query[i++])));
  return word == "SELECT" || word == "INSERT" || word == "UPDATE" || word == "DELETE" ||
         word == "WITH";
}

// Idle prepared statements of one connection, most recently used first, and the texts it ran
// lately. A statement in use is not in here: two live statements with the same text get one
// each, and only one is kept afterwards.
class StatementCache {
 public:
  std::optional<Kept> take(const std::string& query) {
    auto found = index_.find(query);
    if (found == index_.end()) return std::nullopt;
    auto entry = found->second;
    index_.erase(found);
    Kept kept = std::move(*entry);
    idle_.erase(entry);
    ++stats.reused;
    return kept;
  }

  // True when this text ran on the connection lately; remembers it otherwise. Only texts run
  // again are worth a PQprepare (one more round trip) and a name on the server.
  bool seen_before(const std::string& query) {
    const auto h = std::hash<std::string>{}(query);
    auto found = seen_index_.find(h);
    if (found != seen_index_.end()) {
      seen_.splice(seen_.begin(), seen_, found->second);
      return true;
    }
    seen_.push_front(h);
    seen_index_.emplace(h, seen_.begin());
    if (seen_.size() > kPostgresTextsRemembered) {
      seen_index_.erase(seen_.back());
      seen_.pop_back();
    }
    return false;
  }

  void give(Kept kept, soci::postgresql_session_backend& session) {
    if (index_.count(kept.query) != 0) {
      deallocate(session, kept.name);
      return;
    }
    idle_.push_front(std::move(kept));
    index_.emplace(idle_.front().query, idle_.begin());
    while (idle_.size() > kPostgresStatementsKept) {
      auto& oldest = idle_.back();
      index_.erase(oldest.query);
      deallocate(session, oldest.name);
      idle_.pop_back();
    }
  }

  std::size_t size() const { return idle_.size(); }

  StatementCacheStats stats;

 private:
  static void deallocate(soci::postgresql_session_backend& session, const std::string& name) {
    try {
      session.deallocate_prepared_statement(name);
    } catch (...) {
      // In a failed transaction or on a lost connection the server refuses: the statement
      // then lives on until the connection closes, which frees it.
    }
  }

  std::list<Kept> idle_;
  std::unordered_map<std::string_view, std::list<Kept>::iterator> index_;
  std::list<std::size_t> seen_;
  std::unordered_map<std::size_t, std::list<std::size_t>::iterator> seen_index_;
};

struct CachingStatement : soci::postgresql_statement_backend {
  CachingStatement(soci::postgresql_session_backend& session, StatementCache& cache)
      : soci::postgresql_statement_backend(session, false), cache_(cache) {}

  // The statement goes back to the connection instead of being deallocated by the base class.
  ~CachingStatement() override {
    if (original_.empty() || statementName_.empty()) return;
    try {
      cache_.give({std::move(original_), statementName_, query_, names_}, session_);
    } catch (...) {
      // Out of memory while keeping it: the base class deallocates it.
      return;
    }
    statementName_.clear();
  }

  void prepare(std::string const& query, soci::details::statement_type type) override {
    if (!cacheable(query)) {
      soci::postgresql_statement_backend::prepare(query, type);
      return;
    }
    if (auto kept = cache_.take(query)) {
      query_ = std::move(kept->rewritten);
      names_ = std::move(kept->bind_names);
      statementName_ = std::move(kept->name);
      stType_ = soci::details::st_repeatable_query;
      original_ = query;
      return;
    }
    if (type == soci::details::st_repeatable_query || cache_.seen_before(query)) {
      soci::postgresql_statement_backend::prepare(query, soci::details::st_repeatable_query);
      ++cache_.stats.prepared;
      original_ = query;
      return;
    }
    soci::postgresql_statement_backend::prepare(query, type);
  }

 private:
  StatementCache& cache_;
  std::string original_;  // the text as SOCI was given it: the key of the cache
};

struct CachingSession : soci::postgresql_session_backend {
  explicit CachingSession(soci::connection_parameters const& parameters)
      : soci::postgresql_session_backend(parameters, false) {}

  soci::postgresql_statement_backend* make_statement_backend() override {
    return new CachingStatement(*this, cache);
  }

  // Declared after the base: destroyed first, with no round trip (closing the connection frees
  // the server's statements).
  StatementCache cache;
};

}  // namespace

const CachingPostgresFactory caching_postgresql;

soci::postgresql_session_backend* CachingPostgresFactory::make_session(
    soci::connection_parameters const& parameters) const {
  return new CachingSession(parameters);
}

StatementCacheStats postgres_statement_cache_stats(soci::session& sql) {
  auto* session = dynamic_cast<CachingSession*>(sql.get_backend());
  if (session == nullptr) return {};
  auto stats = session->cache.stats;
  stats.kept = session->cache.size();
  return stats;
}

}  // namespace binome::store
