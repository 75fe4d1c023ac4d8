// Axe 2 over real HTTP with the test's clock: entry, the review in the worklist at the end of
// the period, bilan, renewal within the convention, exit with its outcome.
#include "harness.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

class SupportTest : public ApiTest {
 protected:
  // An orientation decided OUI for a person of the north, as the conseiller.
  long long decided_orientation(Client& conseiller) {
    const auto person =
        "/api/v1/persons/" + std::to_string(person_id_in_territory("Territoire Nord"));
    Json body = tacit_brsa_orientation();
    db_->with_session([](soci::session& sql) {
      sql << "UPDATE persons SET brsa = 1 WHERE id = (SELECT MIN(p.id) FROM persons p JOIN "
             "territories t ON "
             "t.id = p.territory_id WHERE t.name = 'Territoire Nord')";
    });
    auto r = conseiller.call("POST", person + "/orientations", body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
};

TEST_P(SupportTest, EnterReviewRenewAndExitUnderTheConventionInForce) {
  auto c = logged_in("conseiller.demo");
  const auto oid = decided_orientation(c);
  const std::string entry = "/api/v1/orientations/" + std::to_string(oid) + "/entry";
  auto wrong =
      c.call("POST", entry, Json{{"start_date", "2026-11-25"}, {"initial_months", 9}}.dump());
  ASSERT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.json()["errors"][0]["code"], "duree_initiale");
  auto entered =
      c.call("POST", entry, Json{{"start_date", "2026-11-25"}, {"initial_months", 6}}.dump());
  ASSERT_EQ(entered.status, 201) << entered.body;
  EXPECT_EQ(entered.json()["review_due_on"], "2027-05-25");
  const std::string support =
      "/api/v1/supports/" + std::to_string(entered.json()["id"].get<long long>());

  auto worklist = [&](const char* login) {
    std::vector<std::string> kinds;
    const auto list = logged_in(login).get("/api/v1/worklist").json();
    for (const auto& item : list["items"])
      if (item["kind"] != "ressource_a_mettre_a_jour") kinds.push_back(item["kind"]);
    return kinds;
  };
  EXPECT_TRUE(worklist("conseiller.demo").empty());
  clock_.advance(24h * 170);  // 2027-05-07: the review is due within 30 days
  EXPECT_EQ(worklist("social.demo"), std::vector<std::string>{"revue_due"});

  c = logged_in("conseiller.demo");
  auto no_bilan = c.call("POST", support + "/renewal", Json{{"months", 6}}.dump());
  ASSERT_EQ(no_bilan.status, 422);
  EXPECT_EQ(no_bilan.json()["errors"][0]["code"], "bilan_requis");
  ASSERT_EQ(
      c.call("POST", support + "/bilan", Json{{"result", "objectif_partiellement_atteint"}}.dump())
          .status,
      200);
  auto renewed = c.call("POST", support + "/renewal", Json{{"months", 12}}.dump());
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(renewed.json()["total_months"], 18);
  EXPECT_EQ(renewed.json()["review_due_on"], "2028-05-25");
  c.call("POST", support + "/bilan", Json{{"result", "objectif_atteint"}}.dump());
  auto beyond = c.call("POST", support + "/renewal", Json{{"months", 6}}.dump());
  ASSERT_EQ(beyond.status, 422);
  EXPECT_NE(beyond.json()["errors"][0]["message"].get<std::string>().find("maximum de 18 mois"),
            std::string::npos);

  auto exited = c.call("POST", support + "/exit",
                       Json{{"outcome", "emploi_cdi"}, {"exit_date", "2027-09-01"}}.dump());
  ASSERT_EQ(exited.status, 200) << exited.body;
  EXPECT_EQ(exited.json()["state"], "suivi_emploi");
  EXPECT_EQ(exited.json()["followup_end"], "2027-11-01");
  EXPECT_EQ(exited.json()["history"].size(), 5u);  // entry, bilan, renewal, bilan, exit
  EXPECT_EQ(audit_count("support.exit"), 1);
  EXPECT_EQ(logged_in("conseiller2.demo")
                .call("POST", support + "/bilan", Json{{"result", "objectif_atteint"}}.dump())
                .status,
            403);
}

TEST_P(SupportTest, PortfoliosCountActiveSupportsAgainstTheConventionsTargets) {
  auto c = logged_in("conseiller.demo");
  const auto oid = decided_orientation(c);
  ASSERT_EQ(c.call("POST", "/api/v1/orientations/" + std::to_string(oid) + "/entry",
                   Json{{"start_date", "2026-11-25"}, {"initial_months", 6}}.dump())
                .status,
            201);
  auto mine = c.get("/api/v1/portfolio");
  ASSERT_EQ(mine.status, 200) << mine.body;
  const auto j = mine.json();
  EXPECT_EQ(j["targets"]["portfolio_min"], 70);
  EXPECT_EQ(j["targets"]["brsa_share_target_pct"], 80);
  ASSERT_EQ(j["counsellors"].size(), 1u);
  EXPECT_EQ(j["counsellors"][0]["conseiller"]["name"], "Camille Martin");
  EXPECT_EQ(j["counsellors"][0]["active"], 1);
  EXPECT_EQ(j["counsellors"][0]["brsa_share_pct"], 100);
  EXPECT_EQ(j["counsellors"][0]["bounds_state"], "sous") << "1 active support, 70 at least";
  EXPECT_EQ(j["counsellors"][0]["binomes"][0]["referent_social"]["name"], "Sophie Lambert");
  EXPECT_EQ(j["counsellors"][0]["binomes"][0]["new_entries_year"], 1);
  EXPECT_EQ(logged_in("coordo.demo").get("/api/v1/portfolio").json()["counsellors"].size(), 1u);
  EXPECT_TRUE(logged_in("conseiller2.demo").get("/api/v1/portfolio").json()["counsellors"].empty());
  EXPECT_EQ(logged_in("pilotage.demo").get("/api/v1/portfolio").status, 403);
}

INSTANTIATE_TEST_SUITE_P(Backends, SupportTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
