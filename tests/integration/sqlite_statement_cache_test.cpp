// SQLite statements kept per connection (store/sqlite_statement_cache): a statement run again
// is not parsed again, and keeping it changes nothing a query returns, a rollback undoes, or a
// schema change sees.
#include "store/sqlite_statement_cache.hpp"

#include <filesystem>

#include "harness.hpp"
#include "store/rows.hpp"

namespace binome::testing {
namespace {

class SqliteStatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-stmt-cache-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    db_ = store::Database::open("sqlite:" + (dir_ / "t.db").string(), 1);
    db_->with_session([](soci::session& sql) {
      sql << "CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL)";
      sql << "INSERT INTO t (id, name) VALUES (1, 'un'), (2, 'deux'), (3, 'trois')";
    });
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::string name_of(long long id) {
    return db_->with_session([&](soci::session& sql) {
      std::string name;
      sql << "SELECT name FROM t WHERE id = :id", soci::use(id), soci::into(name);
      return name;
    });
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Database> db_;
};

TEST_F(SqliteStatementCacheTest, TheSameQueryRunTwiceIsPreparedOnceAndBindsItsNewValues) {
  const auto before = db_->with_session(
      [](soci::session& sql) { return store::sqlite_statement_cache_stats(sql); });
  EXPECT_EQ(name_of(1), "un");
  EXPECT_EQ(name_of(3), "trois");
  EXPECT_EQ(name_of(2), "deux");
  const auto after = db_->with_session(
      [](soci::session& sql) { return store::sqlite_statement_cache_stats(sql); });
  EXPECT_EQ(after.prepared - before.prepared, 1u);
  EXPECT_GE(after.reused - before.reused, 2u);
}

TEST_F(SqliteStatementCacheTest, AQueryRunInsideTheLoopOfTheSameQueryGetsItsOwnStatement) {
  std::vector<std::string> pairs;
  db_->with_session([&](soci::session& sql) {
    const std::string q = "SELECT id, name FROM t WHERE id >= :min ORDER BY id";
    long long one = 1;
    store::for_each_row_once(
        sql, q,
        [&](const soci::row& outer) {
          long long from = store::i64(outer, 0);
          store::for_each_row_once(
              sql, q,
              [&](const soci::row& inner) {
                pairs.push_back(store::str(outer, 1) + "/" + store::str(inner, 1));
              },
              soci::use(from));
        },
        soci::use(one));
  });
  EXPECT_EQ(pairs, (std::vector<std::string>{"un/un", "un/deux", "un/trois", "deux/deux",
                                             "deux/trois", "trois/trois"}));
}

TEST_F(SqliteStatementCacheTest, AnAbandonedReadHoldsNoLockAndARollbackStillUndoes) {
  db_->with_session([&](soci::session& sql) {
    // A read stopped after its first row: kept, it must not keep a read transaction open.
    soci::rowset<soci::row> rows = (sql.prepare << "SELECT id FROM t ORDER BY id");
    EXPECT_EQ(store::i64(*rows.begin(), 0), 1);
  });
  EXPECT_THROW(db_->transaction([](soci::session& sql) {
    sql << "UPDATE t SET name = 'changé' WHERE id = 1";
    throw std::runtime_error("abandon");
  }),
               std::runtime_error);
  EXPECT_EQ(name_of(1), "un");
  // Another connection can write: no statement left a lock behind.
  auto other = store::Database::open("sqlite:" + (dir_ / "t.db").string(), 1);
  other->with_session([](soci::session& sql) { sql << "UPDATE t SET name = 'uno' WHERE id = 1"; });
  EXPECT_EQ(name_of(1), "uno");
}

// Database::read_snapshot: the reads of one computation share one session (the pool holds one
// here, so a second lease would wait forever) and one state of the data; afterwards the
// session is back in the pool and holds no lock.
TEST_F(SqliteStatementCacheTest, AReadSnapshotSeesOneStateOfTheDataAndLeavesNoLock) {
  auto other = store::Database::open("sqlite:" + (dir_ / "t.db").string(), 1);
  const auto seen = db_->read_snapshot([&] {
    const auto first = name_of(1);
    other->with_session(
        [](soci::session& sql) { sql << "UPDATE t SET name = 'uno' WHERE id = 1"; });
    return std::pair{first, name_of(1)};
  });
  EXPECT_EQ(seen.first, "un");
  EXPECT_EQ(seen.second, "un") << "a commit made meanwhile is not seen within the snapshot";
  EXPECT_EQ(name_of(1), "uno") << "the next read sees it";
  db_->transaction([](soci::session& sql) { sql << "UPDATE t SET name = 'one' WHERE id = 1"; });
  EXPECT_EQ(name_of(1), "one");
}

// The file is mapped only for the reads that ask (with_mapped_session, read_snapshot: a pool of
// their own); the sessions of the short reads never are, so they do not pay for unmapping it
// at each other connection's commit.
TEST_F(SqliteStatementCacheTest, TheFileIsMappedOnlyForTheReadsThatAskAndUnmappedAfter) {
  auto map_size = [](soci::session& sql) {
    long long n = -1;
    sql << "PRAGMA mmap_size", soci::into(n);
    return n;
  };
  EXPECT_EQ(db_->with_session(map_size), 0);
  EXPECT_EQ(db_->with_mapped_session(map_size), 268435456);
  EXPECT_EQ(db_->with_session(map_size), 0) << "unmapped after with_mapped_session";
  const auto in_snapshot = db_->read_snapshot([&] {
    // Within the snapshot: the same (mapped) session, whichever door the read takes.
    return std::pair{db_->with_session(map_size), db_->with_mapped_session(map_size)};
  });
  EXPECT_EQ(in_snapshot.first, 268435456);
  EXPECT_EQ(in_snapshot.second, 268435456);
  EXPECT_EQ(db_->with_session(map_size), 0) << "unmapped after the snapshot";
  EXPECT_THROW(db_->with_mapped_session([](soci::session& sql) { sql << "SELECT nope FROM t"; }),
               soci::soci_error);
  EXPECT_EQ(db_->with_session(map_size), 0) << "unmapped after a failed read";
  // The writers' one session is mapped too: it stays warm from one write to the next.
  EXPECT_EQ(db_->transaction(map_size), 268435456);
  EXPECT_EQ(db_->with_session(map_size), 0);
  // What /metrics reports as the pool in use is the --db-pool sessions only.
  EXPECT_EQ(db_->with_session([&](soci::session&) { return db_->in_use(); }), 1u);
  EXPECT_EQ(db_->with_mapped_session([&](soci::session&) { return db_->in_use(); }), 0u);
  EXPECT_EQ(db_->transaction([&](soci::session&) { return db_->in_use(); }), 0u);
  EXPECT_EQ(db_->in_use(), 0u);
  std::string name;
  db_->with_mapped_session(
      [&](soci::session& sql) { sql << "SELECT name FROM t WHERE id = 2", soci::into(name); });
  EXPECT_EQ(name, "deux");
}

TEST_F(SqliteStatementCacheTest, AKeptStatementSeesASchemaChangeAndTheTableCanBeDropped) {
  db_->with_session([](soci::session& sql) {
    int n = 0;
    sql << "SELECT COUNT(*) FROM t", soci::into(n);
    EXPECT_EQ(n, 3);
    sql << "ALTER TABLE t ADD COLUMN extra TEXT";
    sql << "INSERT INTO t (id, name, extra) VALUES (4, 'quatre', 'x')";
    sql << "SELECT COUNT(*) FROM t", soci::into(n);
    EXPECT_EQ(n, 4);
    sql << "DROP TABLE t";
    EXPECT_THROW((sql << "SELECT COUNT(*) FROM t", soci::into(n)), soci::soci_error);
  });
}

TEST_F(SqliteStatementCacheTest, NoMoreStatementsAreKeptThanTheLimit) {
  db_->with_session([](soci::session& sql) {
    for (std::size_t i = 0; i < store::kSqliteStatementsKept + 20; ++i) {
      int v = 0;
      sql << "SELECT " + std::to_string(i), soci::into(v);
      EXPECT_EQ(v, static_cast<int>(i));
    }
    EXPECT_EQ(store::sqlite_statement_cache_stats(sql).kept, store::kSqliteStatementsKept);
  });
}

}  // namespace
}  // namespace binome::testing
