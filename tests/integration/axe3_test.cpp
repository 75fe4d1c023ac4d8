// Axe 3 over real HTTP: asked by the binôme, validated only by the Département's coordinateur,
// the France Travail support suspended meanwhile, re-examined by the counsellor, renewed within
// the convention, and the yearly quota per service with its traced override.
#include "harness.hpp"
#include "store/rows.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

class Axe3Test : public ApiTest {
 protected:
  std::vector<long long> north_persons(int n) {
    std::vector<long long> ids;
    db_->with_session([&](soci::session& sql) {
      store::for_each_row(sql,
                          "SELECT p.id FROM persons p JOIN territories t ON t.id = p.territory_id "
                          "WHERE t.name = 'Territoire Nord' ORDER BY p.id",
                          std::nullopt, [&](const soci::row& r) {
                            if (static_cast<int>(ids.size()) < n) ids.push_back(store::i64(r, 0));
                          });
    });
    return ids;
  }
  std::vector<std::string> worklist_kinds(const char* login) {
    std::vector<std::string> kinds;
    const auto list = logged_in(login).get("/api/v1/worklist").json();
    for (const auto& item : list["items"]) kinds.push_back(item["kind"]);
    return kinds;
  }
  static bool has(const std::vector<std::string>& v, const std::string& x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }
  // Sets one axe 3 rule of the demo convention directly, as a new profile version would.
  void set_axe3_rule(const std::string& key, int value) {
    db_->with_session([&](soci::session& sql) {
      std::string rules;
      sql << "SELECT rules FROM convention_profile_versions ORDER BY id LIMIT 1", soci::into(rules);
      auto j = Json::parse(rules);
      j["axe3"][key] = value;
      const auto text = j.dump();
      sql << "UPDATE convention_profile_versions SET rules = :r", soci::use(text);
    });
  }
};

TEST_P(Axe3Test, ValidatedByTheDepartementReexaminedRenewedOnceAndEnded) {
  const auto person = north_persons(1)[0];
  const auto base = "/api/v1/persons/" + std::to_string(person);
  auto c = logged_in("conseiller.demo");
  auto bad = c.call("POST", base + "/axe3", Json{{"planned_start", "le 1er"}}.dump());
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "planned_start");
  auto asked = c.call("POST", base + "/axe3", Json{{"planned_start", "2026-12-01"}}.dump());
  ASSERT_EQ(asked.status, 201) << asked.body;
  EXPECT_EQ(asked.json()["state"], "a_valider");
  EXPECT_EQ(asked.json()["total_months"], 6);
  const auto axe3 = "/api/v1/axe3/" + std::to_string(asked.json()["id"].get<long long>());
  EXPECT_EQ(c.call("POST", base + "/axe3", Json{{"planned_start", "2026-12-01"}}.dump()).status,
            409)
      << "one axe 3 at a time";

  // The social referent and the counsellor may not validate: the convention names the CD.
  auto refused =
      logged_in("social.demo").call("POST", axe3 + "/validation", Json{{"accept", true}}.dump());
  ASSERT_EQ(refused.status, 403);
  EXPECT_EQ(refused.json()["errors"][0]["code"], "validation_reservee");
  EXPECT_TRUE(has(worklist_kinds("coordo.demo"), "axe3_a_valider"));
  auto validated =
      logged_in("coordo.demo").call("POST", axe3 + "/validation", Json{{"accept", true}}.dump());
  ASSERT_EQ(validated.status, 200) << validated.body;
  EXPECT_EQ(validated.json()["state"], "en_cours");
  EXPECT_EQ(validated.json()["france_travail_suspended"], true);
  EXPECT_EQ(validated.json()["review_due_on"], "2027-06-01");
  EXPECT_FALSE(has(worklist_kinds("coordo.demo"), "axe3_a_valider"));

  // Meanwhile no axe 2 entry: an orientation decided OUI cannot be entered.
  Json orientation = {
      {"origin", "france_travail"},
      {"decision_mode", "accord_tacite"},
      {"tacit_public", "de_non_brsa"},
      {"registered_job_seeker", true},
      {"social_criteria", {"logement"}},
      {"professional_criteria", {"mobilite"}},
      {"obstacles", {"logement"}},
      {"consent", {{"signature_date", "2026-11-17"}, {"electronic_exchange", false}}}};
  auto o = c.call("POST", base + "/orientations", orientation.dump());
  ASSERT_EQ(o.status, 201) << o.body;
  auto entry = c.call(
      "POST", "/api/v1/orientations/" + std::to_string(o.json()["id"].get<long long>()) + "/entry",
      Json{{"start_date", "2026-12-02"}, {"initial_months", 6}}.dump());
  ASSERT_EQ(entry.status, 409);
  EXPECT_EQ(entry.json()["errors"][0]["code"], "axe3_en_cours");

  // The counsellor re-examines at the end of the period.
  EXPECT_FALSE(has(worklist_kinds("conseiller.demo"), "axe3_reexamen"));
  clock_.advance(24h * 180);  // 2027-05-17
  const auto kinds = worklist_kinds("conseiller.demo");
  EXPECT_TRUE(has(kinds, "axe3_reexamen"));
  EXPECT_FALSE(has(worklist_kinds("social.demo"), "axe3_reexamen")) << "the counsellor's task";
  c = logged_in("conseiller.demo");
  auto renewed = c.call("POST", axe3 + "/renewal");
  ASSERT_EQ(renewed.status, 200) << renewed.body;
  EXPECT_EQ(renewed.json()["total_months"], 12);
  auto again = c.call("POST", axe3 + "/renewal");
  ASSERT_EQ(again.status, 422);
  EXPECT_EQ(again.json()["errors"][0]["code"], "renouvellements_max");
  EXPECT_NE(again.json()["errors"][0]["message"].get<std::string>().find("Val-de-Démo"),
            std::string::npos)
      << "the refusal names the convention: " << again.body;
  auto ended = c.call("POST", axe3 + "/end",
                      Json{{"reason", "retour_axe2"}, {"end_date", "2027-06-15"}}.dump());
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.json()["state"], "termine");
  EXPECT_EQ(ended.json()["history"].size(), 4u);  // request, start, renewal, end
  EXPECT_EQ(audit_count("axe3.start", person), 1);
  EXPECT_EQ(logged_in("conseiller2.demo").get(base + "/axe3").status, 403);
  EXPECT_EQ(audit_count("axe3.denied", person), 1);
}

TEST_P(Axe3Test, TheYearlyQuotaPerServiceRefusesUnlessACoordinateurOverrides) {
  set_axe3_rule("quota_per_service_year", 1);
  const auto persons = north_persons(2);
  auto c = logged_in("conseiller.demo");
  std::vector<std::string> ids;
  for (auto p : persons) {
    auto r = c.call("POST", "/api/v1/persons/" + std::to_string(p) + "/axe3",
                    Json{{"planned_start", "2026-12-01"}}.dump());
    ASSERT_EQ(r.status, 201) << r.body;
    ids.push_back("/api/v1/axe3/" + std::to_string(r.json()["id"].get<long long>()));
  }
  auto coordo = logged_in("coordo.demo");
  ASSERT_EQ(coordo.call("POST", ids[0] + "/validation", Json{{"accept", true}}.dump()).status, 200);
  auto full = coordo.call("POST", ids[1] + "/validation", Json{{"accept", true}}.dump());
  ASSERT_EQ(full.status, 409);
  EXPECT_EQ(full.json()["errors"][0]["code"], "quota_axe3");
  EXPECT_NE(full.json()["errors"][0]["message"].get<std::string>().find("au plus 1 entrées"),
            std::string::npos)
      << full.body;
  auto forced = coordo.call("POST", ids[1] + "/validation",
                            Json{{"accept", true}, {"override_quota", true}}.dump());
  ASSERT_EQ(forced.status, 200) << forced.body;
  EXPECT_EQ(forced.json()["quota_override"], true);
  EXPECT_EQ(audit_count("axe3.quota_override"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, Axe3Test, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace binome::testing
