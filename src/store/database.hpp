// The one door to the database: a pool of SOCI sessions over SQLite (embedded, default) or
// PostgreSQL (production), with transactions that commit or roll back as a whole.
#pragma once
#include <soci/soci.h>

#include <atomic>
#include <condition_variable>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace binome::store {

enum class Dialect { sqlite, postgres };

class Database {
 public:
  // url: "sqlite:PATH" or "postgresql://…". Throws std::runtime_error with a French message.
  static std::unique_ptr<Database> open(const std::string& url, std::size_t pool_size);
  ~Database();

  Dialect dialect() const { return dialect_; }
  std::size_t pool_size() const { return pool_size_; }
  // The --db-pool sessions in use (SQLite's mapped and writer sessions are not counted): equal
  // to pool_size() when requests wait for one.
  std::size_t in_use() const { return in_use_.load(); }
  // The URL with any password masked, for logs and messages.
  const std::string& display_url() const { return display_url_; }

  // Runs f(soci::session&) on a pooled session, outside any transaction (inside the
  // thread's read snapshot, when one is open: see read_snapshot).
  template <class F>
  auto with_session(F&& f) {
    if (soci::session* pinned = pinned_session()) return guarded(*pinned, f);
    Lease lease(*this);
    return guarded(lease.session(), f);
  }

  // Runs f(soci::session&) like with_session, on SQLite on a session of the smaller pool that
  // reads the file through a memory map: for the queries that read many pages (searches,
  // aggregates over a département), which would otherwise copy each page from the kernel into
  // the connection's 2 MB page cache. Not the default: a mapped connection unmaps the file at
  // each read transaction that follows another connection's commit, which for a short read
  // costs more than the copies it saves (docs/PERFORMANCE.md). Inside a read snapshot, the
  // snapshot's session (mapped) is used.
  template <class F>
  auto with_mapped_session(F&& f) {
    if (soci::session* pinned = pinned_session()) return guarded(*pinned, f);
    Lease lease(*this, Lease::mapped);
    return guarded(lease.session(), f);
  }

  // Runs f() with the with_session calls this thread makes meanwhile sharing one pooled
  // session and, on SQLite, one read transaction over the mapped file. The queries of one
  // computation then see one state of the data, and SQLite keeps its page cache between them: a
  // connection drops it at the start of each read transaction that follows another connection's
  // commit, which with every read audited is nearly every query. For reads only: a write made
  // through with_session in f would be rolled back (transaction() still takes a session of its
  // own).
  template <class F>
  auto read_snapshot(F&& f) {
    if (pinned_session()) return f();
    Lease lease(*this, Lease::mapped);
    Pin pin(*this, lease.session());
    return f();
  }

  // Runs f(soci::session&) in a transaction: committed when f returns, rolled back when it
  // throws. On SQLite the transaction takes the write lock at once, so two writers never
  // deadlock on a lock upgrade.
  template <class F>
  auto transaction(F&& f) {
    // SQLite has one writer at a time; queueing this process's writers on a mutex spares them
    // SQLite's busy-wait sleeps (other processes still meet the busy timeout).
    std::unique_lock<std::mutex> writer;
    if (dialect_ == Dialect::sqlite) writer = std::unique_lock<std::mutex>(sqlite_writer_);
    Lease lease(*this, Lease::writer);
    soci::session& s = lease.session();
    auto body = [&](soci::session& sql) {
      begin(sql);
      try {
        if constexpr (std::is_void_v<decltype(f(sql))>) {
          f(sql);
          commit(sql);
        } else {
          auto result = f(sql);
          commit(sql);
          return result;
        }
      } catch (...) {
        rollback(sql);
        throw;
      }
    };
    return guarded(s, body);
  }

  // Runs work(session) in a transaction shared with the calls that other threads make
  // meanwhile (group commit): many small appends, one commit. Returns once its work is
  // committed; a batch that fails is replayed one work per transaction, so that a failing
  // work fails only its own caller. For short writes that read nothing back (audit records).
  void grouped_transaction(const std::function<void(soci::session&)>& work);

  // Runs a script of several statements (migrations).
  void exec_script(soci::session& sql, const std::string& script);
  // True when the database answers a trivial query.
  bool ping();

 private:
  class Lease {
   public:
    enum Pool { plain, mapped, writer };
    explicit Lease(Database& db, Pool pool = plain);
    ~Lease();
    soci::session& session() { return *session_; }

   private:
    Database& db_;
    std::unique_ptr<soci::session> session_;
    bool counted_ = false;  // a session of the --db-pool pool, the one in_use() reports
  };

  // Makes a session the thread's read snapshot for as long as it lives.
  class Pin {
   public:
    Pin(Database& db, soci::session& sql);
    ~Pin();
    Pin(const Pin&) = delete;
    Pin& operator=(const Pin&) = delete;

   private:
    Database& db_;
    soci::session& sql_;
  };
  soci::session* pinned_session() const;

  template <class F>
  auto guarded(soci::session& s, F& f) {
    try {
      return f(s);
    } catch (...) {
      recover(s);
      throw;
    }
  }

  struct GroupItem {
    const std::function<void(soci::session&)>* work = nullptr;
    std::exception_ptr error;
    bool done = false;
  };
  void run_group(std::vector<GroupItem*>& batch);

  Database() = default;
  void begin(soci::session& sql);
  void commit(soci::session& sql);
  void rollback(soci::session& sql) noexcept;
  // After an error, reconnects a session whose server went away (PostgreSQL restart).
  void recover(soci::session& sql) noexcept;
  // Before a pooled PostgreSQL session is used: reconnects it when its server went away while
  // it sat idle (a restart closes every connection), so that the first request after the
  // database's return does not fail on a dead socket. Throws when the server is still down.
  void revive(soci::session& sql);
  void configure(soci::session& sql);

  Dialect dialect_ = Dialect::sqlite;
  std::size_t pool_size_ = 0;
  std::string connect_string_;
  std::string display_url_;
  std::unique_ptr<soci::connection_pool> pool_;
  // SQLite only: the sessions that read through a map of the file (with_mapped_session), and
  // the one session of the writers, queued on sqlite_writer_ (also mapped: after its own commit
  // it finds the file unchanged, so its map and page cache stay warm from one write to the next).
  std::unique_ptr<soci::connection_pool> mapped_pool_;
  std::unique_ptr<soci::connection_pool> writer_pool_;
  std::atomic<std::size_t> in_use_{0};
  std::mutex sqlite_writer_;
  // Group commit: callers queue their work; the first to find no leader runs the queue.
  std::mutex group_mutex_;
  std::condition_variable group_done_;
  std::vector<GroupItem*> group_queue_;
  bool group_leader_ = false;
};

// "postgresql://user:pw@host:port/db?sslmode=require" as libpq key=value pairs.
std::string postgres_conninfo(const std::string& url);

// Maps a database error to the one question operators ask: is the database there at all?
bool is_connection_error(const std::exception& e);

// What a failed statement means for the person using binome, whatever the engine said.
enum class StorageFault {
  other,        // a bug or an unexpected state: an internal error
  unavailable,  // the database server cannot be reached (stopped, restarting, network)
  disk_full,    // no space left where the database writes
  read_only,    // the database (file, directory or server) refuses writes
  io_error,     // the disk failed a read or a write
  conflict,     // a concurrent change won (unique key, serialization failure)
};
StorageFault classify_storage_error(const std::exception& e);

}  // namespace binome::store
