// Migrations: idempotent, and safe when several instances start at once on one database.
#include <thread>

#include "harness.hpp"
#include "store/migrations.hpp"

namespace binome::testing {
namespace {

class MigrationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(MigrationTest, ConcurrentStartsOnAnEmptyDatabaseAllSucceed) {
  TestDatabase testdb(GetParam());
  if (!testdb.available()) GTEST_SKIP() << testdb.skip_reason;
  std::vector<std::thread> starts;
  std::atomic<int> failures{0}, applied{0};
  for (int i = 0; i < 4; ++i)
    starts.emplace_back([&] {
      try {
        auto db = store::Database::open(testdb.url(), 1);
        applied += store::migrate(*db);
      } catch (const std::exception& e) {
        ADD_FAILURE() << e.what();
        failures++;
      }
    });
  for (auto& t : starts) t.join();
  EXPECT_EQ(failures, 0);
  EXPECT_EQ(applied, int(store::migration_count())) << "each migration applied exactly once";
  auto db = store::Database::open(testdb.url(), 1);
  EXPECT_EQ(store::migrate(*db), 0);
  EXPECT_EQ(store::schema_version(*db), store::latest_schema_version());
}

TEST_P(MigrationTest, AMigrationBelowTheHighestAppliedStillRuns) {
  // Branches land migrations out of order (0007 before 0005): a version recorded above the
  // others must not hide the ones still missing.
  TestDatabase testdb(GetParam());
  if (!testdb.available()) GTEST_SKIP() << testdb.skip_reason;
  auto db = store::Database::open(testdb.url(), 1);
  EXPECT_EQ(store::schema_version(*db), 0);  // creates the version table
  db->with_session([](soci::session& sql) {
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (9999, 'futur', 'x')";
  });
  EXPECT_EQ(store::migrate(*db), int(store::migration_count()));
  EXPECT_EQ(store::migrate(*db), 0);
}

TEST_P(MigrationTest, EmailWithoutConsentIsRefusedByTheSchemaItself) {
  TestDatabase testdb(GetParam());
  if (!testdb.available()) GTEST_SKIP() << testdb.skip_reason;
  auto db = store::Database::open(testdb.url(), 1);
  store::migrate(*db);
  EXPECT_THROW(db->with_session([](soci::session& sql) {
    sql << "INSERT INTO departements (code, name) VALUES ('99', 'x')";
    sql << "INSERT INTO territories (departement, name) VALUES ('99', 't')";
    sql << "INSERT INTO persons (last_name, first_name, birth_date, street, "
           "postal_code, commune, email, consent_electronic, family_situation, "
           "departement, territory_id, search_key, created_at, updated_at) VALUES "
           "('A', 'B', '1980-01-01', 'r', '00000', 'c', 'a@b.fr', 0, 'seul', '99', "
           "(SELECT MIN(id) FROM territories), 'a b', 'x', 'x')";
  }),
               std::exception);
}

INSTANTIATE_TEST_SUITE_P(Backends, MigrationTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
