// Convention profiles over the API: the four conventions of the seeds, versions in force from
// a date, successor parties, admin only.
#include "harness.hpp"

namespace binome::testing {
namespace {

class ProfileTest : public ApiTest {
 protected:
  Json profile(Client& c, const std::string& code) {
    auto list = c.get("/api/v1/convention-profiles").json();
    for (const auto& p : list["items"])
      if (p["code"] == code)
        return c.get("/api/v1/convention-profiles/" + std::to_string(p["id"].get<long long>()))
            .json();
    return nullptr;
  }
};

TEST_P(ProfileTest, TheFourConventionsOfTheSeedsShipAsData) {
  auto c = logged_in("conseiller.demo");
  auto p62 = profile(c, "62-2024");
  ASSERT_FALSE(p62.is_null());
  const auto& r62 = p62["versions"][0]["rules"];
  EXPECT_EQ(r62["decision_modes"], Json({"accord_tacite", "accord_bilateral"}));
  EXPECT_EQ(r62["entry_deadline_days"], 21);
  EXPECT_EQ(r62["axe2"]["max_total_months"], 18);
  EXPECT_EQ(r62["brsa_share_target_pct"], 80);
  EXPECT_NE(std::find(r62["metiers_en_tension"].begin(), r62["metiers_en_tension"].end(), "G1602"),
            r62["metiers_en_tension"].end());
  auto p67 = profile(c, "67-2021");
  EXPECT_EQ(p67["versions"][0]["rules"]["axe2"]["max_total_months"], 12);
  EXPECT_EQ(p67["versions"][0]["rules"]["decision_modes"],
            Json({"diagnostic_partage", "confiance_reciproque"}));
  auto p77 = profile(c, "77-2015");
  EXPECT_EQ(p77["versions"][0]["rules"]["axe3"]["quota_per_service_year"], 24);
  auto p68 = profile(c, "68-2020");
  ASSERT_EQ(p68["parties"].size(), 2u);
  EXPECT_EQ(p68["parties"][1]["name"], "Collectivité européenne d'Alsace");
  EXPECT_EQ(p68["parties"][1]["from"], "2021-01-01");
}

TEST_P(ProfileTest, AChangeAppliesOnlyFromItsDateAndKeepsTheHistory) {
  // The clock of the tests is in November 2026: give 62's convention a later end first.
  db_->with_session([](soci::session& sql) {
    sql << "UPDATE convention_profiles SET valid_to = '2027-12-31' WHERE code = '62-2024'";
  });
  auto admin = logged_in("admin.demo");
  auto p = profile(admin, "62-2024");
  const auto id = std::to_string(p["id"].get<long long>());
  Json rules = p["versions"][0]["rules"];
  rules["entry_deadline_days"] = 15;

  auto past = admin.call("POST", "/api/v1/convention-profiles/" + id + "/versions",
                         Json{{"effective_from", "2024-06-01"}, {"rules", rules}}.dump());
  EXPECT_EQ(past.status, 422);
  EXPECT_EQ(past.json()["errors"][0]["code"], "passee");

  auto ok = admin.call("POST", "/api/v1/convention-profiles/" + id + "/versions",
                       Json{{"effective_from", "2027-01-01"}, {"rules", rules}}.dump());
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json()["versions"].size(), 2u);
  EXPECT_EQ(ok.json()["versions"][1]["changed_by"], "admin.demo");
  EXPECT_EQ(ok.json()["rules_today"]["entry_deadline_days"], 21) << "not yet in force";
  using namespace std::chrono;
  auto before = services_->profiles.in_force("62", domain::Date{year{2026}, month{12}, day{31}});
  auto after = services_->profiles.in_force("62", domain::Date{year{2027}, month{1}, day{1}});
  ASSERT_TRUE(before && after);
  EXPECT_EQ(*before->version.rules.entry_deadline_days, 21);
  EXPECT_EQ(*after->version.rules.entry_deadline_days, 15);
  EXPECT_EQ(audit_count("admin.profile.version"), 1);
}

TEST_P(ProfileTest, InvalidRulesAndNonAdminsAreRefused) {
  auto admin = logged_in("admin.demo");
  auto p = profile(admin, "67-2021");
  const auto id = std::to_string(p["id"].get<long long>());
  Json rules = p["versions"][0]["rules"];
  rules["decision_modes"] = Json::array({"vote_a_main_levee"});
  rules["couleur"] = "bleu";
  rules["axe2"]["review_months"] = nullptr;
  auto bad = admin.call("POST", "/api/v1/convention-profiles/" + id + "/versions",
                        Json{{"effective_from", "2026-12-01"}, {"rules", rules}}.dump());
  ASSERT_EQ(bad.status, 422);
  std::set<std::string> fields;
  const auto errors = bad.json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_TRUE(fields.count("couleur"));
  EXPECT_TRUE(fields.count("decision_modes"));
  EXPECT_TRUE(fields.count("axe2.review_months")) << "a required number cannot be null";
  auto c = logged_in("coordo.demo");
  EXPECT_EQ(c.call("POST", "/api/v1/convention-profiles/" + id + "/parties",
                   Json{{"name", "x"}, {"from", "2026-12-01"}}.dump())
                .status,
            403);
  auto party = admin.call(
      "POST", "/api/v1/convention-profiles/" + id + "/parties",
      Json{{"name", "Collectivité européenne d'Alsace (avenant)"}, {"from", "2021-06-01"}}.dump());
  EXPECT_EQ(party.status, 201) << party.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, ProfileTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing

namespace binome::testing {
namespace {

class NewProfileTest : public ApiTest {};

// The conventions of the seeds have ended: a Département's IT enters the one now in force.
TEST_P(NewProfileTest, AdminEntersANewConventionWithoutOverlap) {
  auto admin = logged_in("admin.demo");
  const auto p62 = admin.get("/api/v1/convention-profiles").json();
  Json rules;
  for (const auto& p : p62["items"])
    if (p["code"] == "62-2024")
      rules = admin.get("/api/v1/convention-profiles/" + std::to_string(p["id"].get<long long>()))
                  .json()["versions"][0]["rules"];
  ASSERT_FALSE(rules.is_null());
  Json body = {{"code", "62-2026"},
               {"departement", "62"},
               {"label", "Pas-de-Calais × France Travail, 2026-2027"},
               {"valid_from", "2026-01-01"},
               {"valid_to", "2027-12-31"},
               {"party", "Département du Pas-de-Calais"},
               {"rules", rules}};
  auto created = admin.call("POST", "/api/v1/convention-profiles", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["rules_today"]["entry_deadline_days"], 21);
  auto overlap = body;
  overlap["code"] = "62-2027";
  overlap["valid_from"] = "2027-06-01";
  auto refused = admin.call("POST", "/api/v1/convention-profiles", overlap.dump());
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["errors"][0]["code"], "chevauchement");
  auto bad = body;
  bad["code"] = "62-2030";
  bad["valid_from"] = "2030-01-01";
  bad["valid_to"] = "2030-12-31";
  bad["rules"]["axe2"]["initial_months"] = Json::array();
  EXPECT_EQ(
      admin.call("POST", "/api/v1/convention-profiles", bad.dump()).json()["errors"][0]["field"],
      "rules.axe2.initial_months");
  EXPECT_EQ(
      logged_in("coordo.demo").call("POST", "/api/v1/convention-profiles", body.dump()).status,
      403);
  EXPECT_EQ(audit_count("admin.profile.create"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, NewProfileTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
