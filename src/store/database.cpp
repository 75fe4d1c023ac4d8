#include "store/database.hpp"

#include <libpq-fe.h>
#include <poll.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>

#include "store/pg_statement_cache.hpp"
#include "store/sqlite_statement_cache.hpp"

namespace binome::store {
namespace {

std::string mask_password(const std::string& url) {
  // postgresql://user:secret@host/db -> postgresql://user:***@host/db
  auto scheme = url.find("://");
  auto at = url.find('@');
  if (scheme == std::string::npos || at == std::string::npos) return url;
  auto colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

// libpq reads URLs itself, but SOCI rewrites its connect string first; key=value pairs pass
// through untouched.
std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out.push_back(static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(s[i]);
    }
  }
  return out;
}

std::string quote_value(const std::string& v) {
  std::string out = "'";
  for (char c : v) {
    if (c == '\\' || c == '\'') out.push_back('\\');
    out.push_back(c);
  }
  return out + "'";
}

}  // namespace

std::string postgres_conninfo(const std::string& url) {
  std::string rest = url.substr(url.find("://") + 3);
  std::string params;
  if (auto q = rest.find('?'); q != std::string::npos) {
    params = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string dbname;
  if (auto slash = rest.find('/'); slash != std::string::npos) {
    dbname = rest.substr(slash + 1);
    rest = rest.substr(0, slash);
  }
  std::string userinfo, hostport = rest;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    hostport = rest.substr(at + 1);
  }
  std::string out;
  auto add = [&out](const std::string& key, const std::string& value) {
    if (value.empty()) return;
    if (!out.empty()) out += ' ';
    out += key + "=" + quote_value(percent_decode(value));
  };
  if (auto colon = userinfo.find(':'); colon != std::string::npos) {
    add("user", userinfo.substr(0, colon));
    add("password", userinfo.substr(colon + 1));
  } else {
    add("user", userinfo);
  }
  if (!hostport.empty() && hostport.front() == '[') {
    auto close = hostport.find(']');
    add("host", hostport.substr(1, close - 1));
    if (close + 1 < hostport.size() && hostport[close + 1] == ':')
      add("port", hostport.substr(close + 2));
  } else if (auto colon = hostport.rfind(':'); colon != std::string::npos) {
    add("host", hostport.substr(0, colon));
    add("port", hostport.substr(colon + 1));
  } else {
    add("host", hostport);
  }
  add("dbname", dbname);
  std::size_t start = 0;
  while (start < params.size()) {
    auto amp = params.find('&', start);
    auto pair = params.substr(start, amp == std::string::npos ? std::string::npos : amp - start);
    if (auto eq = pair.find('='); eq != std::string::npos)
      add(pair.substr(0, eq), pair.substr(eq + 1));
    if (amp == std::string::npos) break;
    start = amp + 1;
  }
  return out;
}

std::unique_ptr<Database> Database::open(const std::string& url, std::size_t pool_size) {
  std::unique_ptr<Database> db(new Database());
  db->pool_size_ = pool_size == 0 ? 1 : pool_size;
  db->display_url_ = mask_password(url);
  const soci::backend_factory* factory = nullptr;
  if (url.rfind("sqlite:", 0) == 0) {
    const std::string path = url.substr(7);
    if (path.empty()) throw std::runtime_error("Chemin de base SQLite vide dans « " + url + " ».");
    const auto parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(parent, ec);
      if (ec)
        throw std::runtime_error("Impossible de créer le dossier « " + parent.string() +
                                 " » : " + ec.message());
    }
    db->dialect_ = Dialect::sqlite;
    db->connect_string_ = "db=" + path + " timeout=10";
    factory = &caching_sqlite3;  // statements kept per connection, not re-parsed
  } else if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) {
    db->dialect_ = Dialect::postgres;
    db->connect_string_ = postgres_conninfo(url);
    factory = &caching_postgresql;  // data statements prepared once per connection
  } else {
    throw std::runtime_error("Adresse de base de données non reconnue : « " + db->display_url_ +
                             " ». Attendu : sqlite:CHEMIN ou postgresql://…");
  }
  db->pool_ = std::make_unique<soci::connection_pool>(db->pool_size_);
  try {
    for (std::size_t i = 0; i < db->pool_size_; ++i) {
      db->pool_->at(i).open(*factory, db->connect_string_);
      db->configure(db->pool_->at(i));
    }
    if (db->dialect_ == Dialect::sqlite) {
      // A quarter of the pool: the scans are CPU-bound, and a connection costs memory.
      const std::size_t mapped = std::max<std::size_t>(2, db->pool_size_ / 4);
      db->mapped_pool_ = std::make_unique<soci::connection_pool>(mapped);
      db->writer_pool_ = std::make_unique<soci::connection_pool>(1);
      auto open_mapped = [&](soci::session& sql) {
        sql.open(*factory, db->connect_string_);
        db->configure(sql);
        // Address space, not memory: the map shows the kernel's cached pages of the file.
        sql << "PRAGMA mmap_size=268435456";
      };
      for (std::size_t i = 0; i < mapped; ++i) open_mapped(db->mapped_pool_->at(i));
      open_mapped(db->writer_pool_->at(0));
    }
  } catch (const std::exception& e) {
    throw std::runtime_error("Connexion à la base « " + db->display_url_ +
                             " » impossible : " + e.what());
  }
  return db;
}

Database::~Database() = default;

namespace {
// Two processes opening a new file at once (serve and a command started with it) both switch it
// to WAL. SQLite answers one of them "database is locked" at once, without waiting in its busy
// handler (the lock upgrade could deadlock), so the switch is tried again for as long as the
// busy timeout would have waited.
void switch_to_wal(soci::session& sql) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  for (;;) {
    try {
      sql << "PRAGMA journal_mode=WAL";
      return;
    } catch (const soci::sqlite3_soci_error& e) {
      const int code = e.result() & 0xff;  // the primary code of an extended one
      const bool busy = code == SQLITE_BUSY || code == SQLITE_LOCKED;
      if (!busy || std::chrono::steady_clock::now() >= deadline) throw;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}
}  // namespace

void Database::configure(soci::session& sql) {
  if (dialect_ == Dialect::sqlite) {
    // WAL lets readers go on while one writer commits; NORMAL sync is durable across a crash
    // of the process (not of the machine's power), which is the trade-off SQLite documents.
    sql << "PRAGMA busy_timeout=10000";
    switch_to_wal(sql);
    sql << "PRAGMA synchronous=NORMAL";
    sql << "PRAGMA foreign_keys=ON";
    // No memory map of the file by default (SQLite's default, said for a build that differs):
    // the searches and aggregates ask for one (with_mapped_session, read_snapshot).
    sql << "PRAGMA mmap_size=0";
  } else {
    sql << "SET TIME ZONE 'UTC'";
    // "relation already exists, skipping" and the like are not for operators' eyes.
    sql << "SET client_min_messages TO warning";
    // Statements are kept prepared (store/pg_statement_cache): each execution is still planned
    // with its own values, as a one-time query was, rather than with a generic plan that
    // PostgreSQL may pick after five runs (a date range or a text search has no good one).
    sql << "SET plan_cache_mode = force_custom_plan";
  }
}

Database::Lease::Lease(Database& db, Pool pool) : db_(db) {
  soci::connection_pool* from = db.pool_.get();
  if (pool == mapped && db.mapped_pool_) from = db.mapped_pool_.get();
  if (pool == writer && db.writer_pool_) from = db.writer_pool_.get();
  session_ = std::make_unique<soci::session>(*from);
  if (db_.dialect_ == Dialect::postgres) db_.revive(*session_);
  counted_ = from == db.pool_.get();
  if (counted_) db_.in_use_++;
}

Database::Lease::~Lease() {
  session_.reset();
  if (counted_) db_.in_use_--;
}

namespace {
// The read snapshot open on this thread, if any (Database::read_snapshot).
thread_local const Database* snapshot_db = nullptr;
thread_local soci::session* snapshot_session = nullptr;
}  // namespace

Database::Pin::Pin(Database& db, soci::session& sql) : db_(db), sql_(sql) {
  // Deferred: a shared lock at the first read, kept until the end; no write lock.
  auto begin_read = [](soci::session& s) { s << "BEGIN"; };
  if (db_.dialect_ == Dialect::sqlite) db_.guarded(sql_, begin_read);
  snapshot_db = &db_;
  snapshot_session = &sql_;
}

Database::Pin::~Pin() {
  snapshot_db = nullptr;
  snapshot_session = nullptr;
  // Nothing was written: ending the read transaction either way is the same, and ROLLBACK
  // cannot fail on something left to commit.
  if (db_.dialect_ == Dialect::sqlite) db_.rollback(sql_);
}

soci::session* Database::pinned_session() const {
  return snapshot_db == this ? snapshot_session : nullptr;
}

void Database::begin(soci::session& sql) {
  sql << (dialect_ == Dialect::sqlite ? "BEGIN IMMEDIATE" : "BEGIN");
}

void Database::commit(soci::session& sql) {
  sql << "COMMIT";
}

void Database::rollback(soci::session& sql) noexcept {
  try {
    sql << "ROLLBACK";
  } catch (...) {
    // The connection may be gone; recover() deals with it.
  }
}

void Database::recover(soci::session& sql) noexcept {
  if (dialect_ != Dialect::postgres) return;
  try {
    auto* be = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    if (be && be->conn_ && PQstatus(be->conn_) == CONNECTION_OK) return;
    sql.reconnect();
    configure(sql);
  } catch (...) {
    // Still down: the next request tries again.
  }
}

void Database::grouped_transaction(const std::function<void(soci::session&)>& work) {
  GroupItem mine;
  mine.work = &work;
  std::unique_lock<std::mutex> lock(group_mutex_);
  group_queue_.push_back(&mine);
  while (!mine.done) {
    if (group_leader_) {
      group_done_.wait(lock);
      continue;
    }
    // Leader: runs everything queued so far (its own work included) while the next callers
    // queue up behind it.
    group_leader_ = true;
    std::vector<GroupItem*> batch;
    batch.swap(group_queue_);
    lock.unlock();
    run_group(batch);
    lock.lock();
    for (auto* item : batch) item->done = true;
    group_leader_ = false;
    group_done_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

void Database::run_group(std::vector<GroupItem*>& batch) {
  try {
    transaction([&](soci::session& sql) {
      for (auto* item : batch) (*item->work)(sql);
    });
    return;
  } catch (...) {
    if (batch.size() == 1) {
      batch.front()->error = std::current_exception();
      return;
    }
  }
  for (auto* item : batch) {
    try {
      transaction([&](soci::session& sql) { (*item->work)(sql); });
    } catch (...) {
      item->error = std::current_exception();
    }
  }
}

void Database::revive(soci::session& sql) {
  auto* be = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
  bool alive = be && be->conn_ && PQstatus(be->conn_) == CONNECTION_OK;
  if (alive) {
    // An idle connection has nothing to read (binome uses no LISTEN): a readable socket means
    // the server closed it, or sent the FATAL that precedes closing. One poll(), no round trip.
    pollfd p{PQsocket(be->conn_), POLLIN, 0};
    alive = p.fd >= 0 && ::poll(&p, 1, 0) == 0;
  }
  if (alive) return;
  sql.reconnect();
  configure(sql);
}

void Database::exec_script(soci::session& sql, const std::string& script) {
  if (dialect_ == Dialect::sqlite) {
    auto* be = static_cast<soci::sqlite3_session_backend*>(sql.get_backend());
    char* err = nullptr;
    if (sqlite_api::sqlite3_exec(be->conn_, script.c_str(), nullptr, nullptr, &err) != 0) {
      std::string msg = err ? err : "erreur inconnue";
      sqlite_api::sqlite3_free(err);
      throw std::runtime_error(msg);
    }
  } else {
    auto* be = static_cast<soci::postgresql_session_backend*>(sql.get_backend());
    PGresult* res = PQexec(be->conn_, script.c_str());
    const auto status = PQresultStatus(res);
    std::string msg = PQresultErrorMessage(res);
    PQclear(res);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error(msg);
  }
}

bool Database::ping() {
  try {
    return with_session([](soci::session& sql) {
      int one = 0;
      sql << "SELECT 1", soci::into(one);
      return one == 1;
    });
  } catch (...) {
    return false;
  }
}

bool is_connection_error(const std::exception& e) {
  const std::string what = e.what();
  return what.find("connection") != std::string::npos ||
         what.find("server closed") != std::string::npos ||
         what.find("terminating connection") != std::string::npos ||
         what.find("could not connect") != std::string::npos ||
         what.find("Session is not connected") != std::string::npos ||
         what.find("the database system is") != std::string::npos;
}

StorageFault classify_storage_error(const std::exception& e) {
  if (const auto* lite = dynamic_cast<const soci::sqlite3_soci_error*>(&e)) {
    switch (lite->result() & 0xff) {  // the primary code of an extended result code
      case SQLITE_FULL:
        return StorageFault::disk_full;
      case SQLITE_READONLY:
        return StorageFault::read_only;
      case SQLITE_IOERR:
      case SQLITE_CORRUPT:
      case SQLITE_NOTADB:
        return StorageFault::io_error;
      case SQLITE_CANTOPEN:
      case SQLITE_BUSY:
      case SQLITE_LOCKED:
        return StorageFault::unavailable;
      case SQLITE_CONSTRAINT: {
        const std::string what = e.what();
        return what.find("UNIQUE") != std::string::npos ? StorageFault::conflict
                                                        : StorageFault::other;
      }
      default:
        return StorageFault::other;
    }
  }
  if (const auto* pg = dynamic_cast<const soci::postgresql_soci_error*>(&e)) {
    const std::string state = pg->sqlstate();
    if (state.rfind("08", 0) == 0 || state.rfind("57P", 0) == 0) return StorageFault::unavailable;
    if (state == "53100") return StorageFault::disk_full;
    if (state == "25006") return StorageFault::read_only;
    if (state.rfind("58", 0) == 0) return StorageFault::io_error;
    if (state == "23505" || state == "40001" || state == "40P01") return StorageFault::conflict;
  }
  return is_connection_error(e) ? StorageFault::unavailable : StorageFault::other;
}

}  // namespace binome::store
