// What the load benchmarks rely on: the synthetic département (loaded in bulk, usable through
// the API, refused on a database holding persons) and the audit trail's group commit (many
// concurrent reads, each recorded once, the chain still verifiable).
#include <thread>
#include <vector>

#include "app/synthetic_data.hpp"
#include "cli/commands.hpp"
#include "harness.hpp"
#include "security/password.hpp"

namespace binome::testing {
namespace {

class LoadTest : public ApiTest {
 protected:
  long long count(const std::string& query) {
    return db_->with_session([&](soci::session& sql) {
      long long n = 0;
      sql << query, soci::into(n);
      return n;
    });
  }
};

TEST_P(LoadTest, SyntheticDepartementIsUsableThroughTheApi) {
  const long long persons_before = count("SELECT COUNT(*) FROM persons");
  std::vector<std::string> progress;
  const auto result =
      app::load_synthetic(*ctx_, 600, 60, security::hash_password(kDemoPassword),
                          [&](const std::string& line) { progress.push_back(line); });
  EXPECT_EQ(result.persons, 600);
  EXPECT_EQ(result.users, 60);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before + 600);
  EXPECT_FALSE(progress.empty());
  // Every step of an orientation, supports with their appointments: the pages are not empty.
  EXPECT_GT(result.orientations, 100);
  EXPECT_GT(result.supports, 20);
  // The demo of the harness has no support: every one is synthetic, with three appointments.
  EXPECT_EQ(result.appointments,
            3 * count("SELECT COUNT(*) FROM supports WHERE state = 'en_cours'"));
  EXPECT_GE(count("SELECT COUNT(DISTINCT status) FROM orientations"), 5);

  auto conseiller = logged_in(result.first_conseiller);
  const auto list = conseiller.get("/api/v1/persons?per_page=100");
  ASSERT_EQ(list.status, 200) << list.body;
  const auto total = list.json()["total"].get<long long>();
  EXPECT_EQ(total, count("SELECT COUNT(*) FROM persons p JOIN users u ON u.id = "
                         "p.conseiller_id WHERE u.login = '" +
                         result.first_conseiller + "'"));
  EXPECT_GT(total, 5);
  EXPECT_EQ(conseiller.get("/api/v1/worklist").status, 200);

  // New rows after the explicit ids of the bulk load: the identity sequences follow.
  const long long orientable = count(
      "SELECT COALESCE(MIN(p.id), 0) FROM persons p JOIN users u ON u.id = p.conseiller_id "
      "WHERE u.login = '" +
      result.first_conseiller +
      "' AND p.referent_social_id IS NOT NULL AND NOT EXISTS (SELECT 1 FROM orientations o "
      "WHERE o.person_id = p.id)");
  ASSERT_NE(orientable, 0);
  const auto created =
      conseiller.call("POST", "/api/v1/persons/" + std::to_string(orientable) + "/orientations",
                      R"({"origin":"france_travail","decision_mode":"accord_bilateral",)"
                      R"("registered_job_seeker":true,"social_criteria":["sante"],)"
                      R"("professional_criteria":["projet_a_definir"],"obstacles":["logement"],)"
                      R"("consent":{"signature_date":"2026-11-18","electronic_exchange":true}})");
  EXPECT_EQ(created.status, 201) << created.body;
}

TEST_P(LoadTest, SyntheticLoadRefusesADatabaseThatHoldsPersons) {
  const long long persons_before = count("SELECT COUNT(*) FROM persons");
  try {
    cli::run_demo({"--synthetic", "--db", testdb_->url(), "--password", kDemoPassword, "--persons",
                   "10", "--users", "10"});
    FAIL() << "chargement accepté sur une base non vide";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("base neuve"), std::string::npos) << e.what();
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons_before);
}

TEST_P(LoadTest, ConcurrentReadsAreEachAuditedAndTheChainStaysVerifiable) {
  const auto person = person_id_in_territory("Territoire Nord");
  const auto path = "/api/v1/persons/" + std::to_string(person);
  const long long before = audit_count("person.read", person);
  constexpr int kThreads = 8, kReads = 15;
  std::vector<Client> clients;
  for (int t = 0; t < kThreads; ++t) clients.push_back(logged_in("conseiller.demo"));
  std::vector<int> ok(kThreads, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < kReads; ++i)
        if (clients[static_cast<std::size_t>(t)].get(path).status == 200)
          ++ok[static_cast<std::size_t>(t)];
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(ok[static_cast<std::size_t>(t)], kReads);
  // Each answer left after its own record was committed: all of them are on the trail.
  EXPECT_EQ(audit_count("person.read", person), before + kThreads * kReads);

  auto dpo = logged_in("dpo.demo");
  const auto verify = dpo.get("/api/v1/audit/verify");
  ASSERT_EQ(verify.status, 200) << verify.body;
  EXPECT_TRUE(verify.json()["ok"].get<bool>()) << verify.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, LoadTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace binome::testing
