// PostgreSQL statements kept per connection (store/pg_statement_cache): a data statement run
// again is prepared once and executed by name; a one-off text stays a one-time query; keeping
// them changes nothing a query returns, a failed transaction or a rollback does, or a
// reconnection after the server dropped the connection.
#include "store/pg_statement_cache.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>

#include "harness.hpp"
#include "serve_process.hpp"
#include "store/rows.hpp"

namespace binome::testing {
namespace {

class PostgresStatementCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* url = std::getenv("BINOME_TEST_PG_URL");
    if (!url || !*url)
      BINOME_SKIP_OR_FAIL_WITHOUT_PG("BINOME_TEST_PG_URL absent : pas de PostgreSQL de test");
    url_ = url;
    db_ = store::Database::open(url_, 1);
  }
  store::StatementCacheStats stats() {
    return db_->with_session(
        [](soci::session& sql) { return store::postgres_statement_cache_stats(sql); });
  }
  long long server_statements() {
    return db_->with_session([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM pg_prepared_statements", soci::into(n);
      return n;
    });
  }
  long long plus_one(long long v) {
    return db_->with_session([&](soci::session& sql) {
      long long out = 0;
      sql << "SELECT CAST(:v AS BIGINT) + 1", soci::use(v), soci::into(out);
      return out;
    });
  }

  std::string url_;
  std::unique_ptr<store::Database> db_;
};

TEST_F(PostgresStatementCacheTest, ATextRunAgainIsPreparedOnceThenReusedWithItsNewValues) {
  const auto before = stats();
  EXPECT_EQ(plus_one(1), 2);  // first sight: a one-time query
  EXPECT_EQ(stats().prepared, before.prepared);
  EXPECT_EQ(plus_one(41), 42);  // again: prepared under a name
  EXPECT_EQ(plus_one(-5), -4);  // and again: executed by that name
  EXPECT_EQ(plus_one(99), 100);
  const auto after = stats();
  EXPECT_EQ(after.prepared - before.prepared, 1u);
  EXPECT_GE(after.reused - before.reused, 2u);
}

TEST_F(PostgresStatementCacheTest, TextsRunOnceArePreparedNeverAndTransactionControlNever) {
  const auto before = stats();
  const auto on_server = server_statements();
  db_->with_session([](soci::session& sql) {
    for (int i = 0; i < 20; ++i) {
      int v = 0;
      sql << "SELECT " + std::to_string(1000 + i), soci::into(v);
      EXPECT_EQ(v, 1000 + i);
    }
  });
  for (int i = 0; i < 3; ++i)
    db_->transaction([](soci::session& sql) { sql << "SET LOCAL a.b = 1"; });
  EXPECT_EQ(stats().prepared, before.prepared);
  // Only the count itself (run twice now) was prepared.
  EXPECT_LE(server_statements() - on_server, 1);
}

TEST_F(PostgresStatementCacheTest, AQueryRunInsideTheLoopOfTheSameQueryGetsItsOwnStatement) {
  const std::string q = "SELECT g FROM generate_series(CAST(:from AS INT), 3) g ORDER BY g";
  std::vector<std::string> pairs;
  for (int round = 0; round < 2; ++round) {  // the second round runs on kept statements
    pairs.clear();
    db_->with_session([&](soci::session& sql) {
      int one = 1;
      store::for_each_row_once(
          sql, q,
          [&](const soci::row& outer) {
            int from = outer.get<int>(0);
            store::for_each_row_once(
                sql, q,
                [&](const soci::row& inner) {
                  pairs.push_back(std::to_string(from) + "/" + std::to_string(inner.get<int>(0)));
                },
                soci::use(from));
          },
          soci::use(one));
    });
    EXPECT_EQ(pairs, (std::vector<std::string>{"1/1", "1/2", "1/3", "2/2", "2/3", "3/3"}));
  }
}

TEST_F(PostgresStatementCacheTest, AFailedTransactionAndARollbackLeaveTheKeptStatementsWorking) {
  db_->with_session([](soci::session& sql) {
    sql << "CREATE TEMP TABLE kept_t (id INT PRIMARY KEY, name TEXT NOT NULL)";
    sql << "INSERT INTO kept_t VALUES (1, 'un')";
  });
  const auto name_of = [&](int id) {
    return db_->with_session([&](soci::session& sql) {
      std::string name;
      sql << "SELECT name FROM kept_t WHERE id = :id", soci::use(id), soci::into(name);
      return name;
    });
  };
  EXPECT_EQ(name_of(1), "un");
  EXPECT_EQ(name_of(1), "un");  // now kept
  const auto insert = [&](int id, const std::string& name) {
    db_->transaction([&](soci::session& sql) {
      sql << "INSERT INTO kept_t (id, name) VALUES (:id, :name)", soci::use(id), soci::use(name);
    });
  };
  insert(2, "deux");
  // The same kept INSERT fails on the key: the transaction aborts and rolls back.
  EXPECT_THROW(insert(2, "encore"), std::exception);
  EXPECT_THROW(db_->transaction([&](soci::session& sql) {
    sql << "UPDATE kept_t SET name = 'changé' WHERE id = 1";
    throw std::runtime_error("abandon");
  }),
               std::runtime_error);
  EXPECT_EQ(name_of(1), "un");
  EXPECT_EQ(name_of(2), "deux");
  insert(3, "trois");
  EXPECT_EQ(name_of(3), "trois");
}

TEST_F(PostgresStatementCacheTest, AConnectionTheServerDroppedComesBackWithoutItsOldStatements) {
  EXPECT_EQ(plus_one(1), 2);
  EXPECT_EQ(plus_one(2), 3);  // kept on this connection
  long long pid = 0;
  db_->with_session([&](soci::session& sql) { sql << "SELECT pg_backend_pid()", soci::into(pid); });
  auto other = store::Database::open(url_, 1);
  other->with_session(
      [&](soci::session& sql) { sql << "SELECT pg_terminate_backend(:p)", soci::use(pid); });
  // The next lease reconnects (Database::revive); the new connection prepares anew.
  long long now = pid;
  for (int i = 0; i < 100 && now == pid; ++i) {
    try {
      db_->with_session(
          [&](soci::session& sql) { sql << "SELECT pg_backend_pid()", soci::into(now); });
    } catch (const std::exception&) {
      // The first use may still meet the dying connection; the one after reconnects.
    }
    if (now == pid) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ASSERT_NE(now, pid);
  EXPECT_EQ(plus_one(10), 11);
  EXPECT_EQ(plus_one(20), 21);
  EXPECT_EQ(plus_one(30), 31);
}

TEST_F(PostgresStatementCacheTest, NoMoreStatementsAreKeptThanTheLimitOnEitherSide) {
  db_->with_session([](soci::session& sql) {
    for (std::size_t i = 0; i < store::kPostgresStatementsKept + 20; ++i)
      for (int run = 0; run < 2; ++run) {
        int v = 0;
        sql << "SELECT " + std::to_string(i) + " + 0 * :r", soci::use(run), soci::into(v);
        EXPECT_EQ(v, static_cast<int>(i));
      }
    EXPECT_EQ(store::postgres_statement_cache_stats(sql).kept, store::kPostgresStatementsKept);
    long long on_server = 0;
    sql << "SELECT COUNT(*) FROM pg_prepared_statements", soci::into(on_server);
    // The evicted ones were deallocated: the server holds the kept ones (and this count).
    EXPECT_LE(on_server, static_cast<long long>(store::kPostgresStatementsKept) + 1);
  });
}

}  // namespace
}  // namespace binome::testing
