// The audit trail over real HTTP and through the CLI: append-only, hash-chained, verifiable,
// searchable and exportable by the dpo only.
#include <sys/wait.h>

#include <array>
#include <cstdio>

#include "harness.hpp"

namespace binome::testing {
namespace {

class AuditTest : public ApiTest {
 protected:
  // What an attacker with database access would do: lift the guard, rewrite a record.
  void tamper(long long seq) {
    db_->with_session([&](soci::session& sql) {
      if (db_->dialect() == store::Dialect::sqlite) {
        sql << "DROP TRIGGER audit_log_no_update";
      } else {
        sql << "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change";
      }
      sql << "UPDATE audit_log SET action = 'falsifie' WHERE seq = :s", soci::use(seq);
    });
  }

  // Runs the binome binary; returns the exit code and what it printed.
  std::pair<int, std::string> run_cli(const std::string& args) {
    const std::string cmd = std::string(BINOME_BIN) + " " + args + " 2>&1";
    std::array<char, 512> buf{};
    std::string out;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    while (pipe && std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pipe ? ::pclose(pipe) : -1;
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }
};

TEST_P(AuditTest, RecordsAreAppendOnly) {
  logged_in("conseiller.demo");
  EXPECT_THROW(db_->with_session([](soci::session& sql) {
    sql << "UPDATE audit_log SET action = 'rien' WHERE seq = 1";
  }),
               std::exception);
  EXPECT_THROW(db_->with_session([](soci::session& sql) { sql << "DELETE FROM audit_log"; }),
               std::exception);
}

TEST_P(AuditTest, DpoVerifiesTheChainThenTamperingIsFoundByApiAndCli) {
  auto conseiller = logged_in("conseiller.demo");
  conseiller.get("/api/v1/persons?per_page=5");
  auto dpo = logged_in("dpo.demo");
  auto ok = dpo.get("/api/v1/audit/verify");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json()["ok"].get<bool>());
  EXPECT_GE(ok.json()["records"].get<int>(), 4);

  auto [code, out] = run_cli("audit verify --db " + testdb_->url());
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("intègre"), std::string::npos) << out;

  tamper(4);
  auto broken = dpo.get("/api/v1/audit/verify");
  EXPECT_FALSE(broken.json()["ok"].get<bool>());
  EXPECT_EQ(broken.json()["first_bad_seq"], 4);
  auto [bad_code, bad_out] = run_cli("audit verify --db " + testdb_->url());
  EXPECT_EQ(bad_code, 1) << bad_out;
  EXPECT_NE(bad_out.find("n° 4"), std::string::npos) << bad_out;
}

TEST_P(AuditTest, OnlyTheDpoSearchesAndExportsTheTrail) {
  auto conseiller = logged_in("conseiller.demo");
  const auto id = person_id_in_territory("Territoire Nord");
  conseiller.get("/api/v1/persons/" + std::to_string(id));
  EXPECT_EQ(conseiller.get("/api/v1/audit").status, 403);
  EXPECT_EQ(logged_in("admin.demo").get("/api/v1/audit/export").status, 403);
  EXPECT_EQ(audit_count("audit.denied"), 2);

  auto dpo = logged_in("dpo.demo");
  auto search = dpo.get("/api/v1/audit?person_id=" + std::to_string(id));
  ASSERT_EQ(search.status, 200) << search.body;
  ASSERT_GE(search.json()["total"].get<int>(), 1);
  EXPECT_EQ(search.json()["items"][0]["user_login"], "conseiller.demo");
  EXPECT_EQ(search.json()["items"][0]["route"], "GET /api/v1/persons/{id}");

  auto csv = dpo.get("/api/v1/audit/export?action=person.read");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_NE(csv.body.find("Date (UTC);"), std::string::npos);
  EXPECT_NE(csv.body.find(";conseiller.demo;"), std::string::npos);
  EXPECT_EQ(audit_count("audit.export"), 1);
  EXPECT_EQ(dpo.get("/api/v1/audit?from=2026-13-01").status, 422);
}

TEST_P(AuditTest, ConcurrentWritersKeepTheChainWhole) {
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([this] {
      auto c = logged_in("conseiller.demo");
      for (int i = 0; i < 5; ++i) c.get("/api/v1/persons?per_page=3");
    });
  for (auto& th : threads) th.join();
  auto report = services_->audit.verify();
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_EQ(audit_count("person.list"), 4 * 5);
}

TEST_P(AuditTest, ThePersonsShownByAListAreAppendOnlyAndVerified) {
  auto conseiller = logged_in("conseiller.demo");
  ASSERT_EQ(conseiller.get("/api/v1/persons?per_page=5").status, 200);
  long long rows = 0;
  db_->with_session(
      [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM audit_person", soci::into(rows); });
  ASSERT_EQ(rows, 5);
  EXPECT_THROW(db_->with_session([](soci::session& sql) { sql << "DELETE FROM audit_person"; }),
               std::exception);
  EXPECT_THROW(db_->with_session([](soci::session& sql) {
    sql << "UPDATE audit_person SET person_id = person_id + 1";
  }),
               std::exception);
  auto dpo = logged_in("dpo.demo");
  auto ok = dpo.get("/api/v1/audit/verify");
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(ok.json()["ok"].get<bool>()) << ok.body;

  // An attacker with database access lifts the guard and hides one access to a person: the
  // chain itself is untouched, the verification still sees it.
  db_->with_session([&](soci::session& sql) {
    if (db_->dialect() == store::Dialect::sqlite)
      sql << "DROP TRIGGER audit_person_no_delete";
    else
      sql << "ALTER TABLE audit_person DISABLE TRIGGER audit_person_no_change";
    sql << "DELETE FROM audit_person WHERE person_id = (SELECT MIN(person_id) FROM audit_person)";
  });
  auto broken = dpo.get("/api/v1/audit/verify");
  EXPECT_FALSE(broken.json()["ok"].get<bool>()) << broken.body;
  EXPECT_NE(broken.json()["message"].get<std::string>().find("personnes consultées"),
            std::string::npos)
      << broken.body;
  auto [code, out] = run_cli("audit verify --db " + testdb_->url());
  EXPECT_EQ(code, 1) << out;
  EXPECT_NE(out.find("audit_person en contient 4"), std::string::npos) << out;
}

TEST_P(AuditTest, AnAccessAddedToTheIndexOfPersonsShownIsFound) {
  auto conseiller = logged_in("conseiller.demo");
  ASSERT_EQ(conseiller.get("/api/v1/persons?per_page=3").status, 200);
  // A row naming a record that listed nobody (the login's), as if that record had shown a person.
  db_->with_session([&](soci::session& sql) {
    sql << "INSERT INTO audit_person (person_id, seq) SELECT (SELECT MIN(person_id) FROM "
           "audit_person), (SELECT MIN(seq) FROM audit_log WHERE target NOT LIKE 'personnes:%')";
  });
  auto report = services_->audit.verify();
  EXPECT_FALSE(report.ok) << report.message;
  EXPECT_NE(report.message.find("en contient 4"), std::string::npos) << report.message;
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
