// Who sees which person, over real HTTP: referents, coordinateurs, and the roles that never
// see a named person. Every refusal is audited.
#include "harness.hpp"

namespace binome::testing {
namespace {

class AccessTest : public ApiTest {};

TEST_P(AccessTest, ReferentListsOnlyTheirPersons) {
  auto c = logged_in("conseiller.demo");
  auto r = c.get("/api/v1/persons?per_page=50");
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["total"], 120);
  EXPECT_EQ(j["items"].size(), 50u);
  for (const auto& item : j["items"]) EXPECT_EQ(item["territory"]["name"], "Territoire Nord");
  EXPECT_EQ(audit_count("person.list"), 1);
  // The dpo finds that read under each of the 50 persons shown.
  const long long shown = j["items"][49]["id"];
  auto dpo = logged_in("dpo.demo");
  auto trail =
      dpo.get("/api/v1/audit?action=person.list&person_id=" + std::to_string(shown)).json();
  EXPECT_EQ(trail["total"], 1);
  EXPECT_NE(trail["items"][0]["target"].get<std::string>().find(std::to_string(shown)),
            std::string::npos);
  auto south = logged_in("conseiller2.demo").get("/api/v1/persons");
  EXPECT_EQ(south.json()["total"], 80);
}

TEST_P(AccessTest, SearchIgnoresAccentsAndCaseAndPagesAreStable) {
  auto c = logged_in("social.demo");
  auto all = c.get("/api/v1/persons?per_page=100").json();
  // Take the last name of a listed person, typed in capitals without accents.
  std::string name = all["items"][0]["last_name"];
  std::string typed;
  for (char ch : name) typed += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto found = c.get("/api/v1/persons?q=" + typed.substr(0, 4));
  ASSERT_EQ(found.status, 200);
  EXPECT_GE(found.json()["total"].get<int>(), 1);
  const auto found_json = found.json();
  for (const auto& item : found_json["items"])
    EXPECT_EQ(item["territory"]["name"], "Territoire Nord");
  auto p1 = c.get("/api/v1/persons?per_page=10&page=1").json();
  auto p2 = c.get("/api/v1/persons?per_page=10&page=2").json();
  EXPECT_NE(p1["items"][0]["id"], p2["items"][0]["id"]);
  auto bad = c.get("/api/v1/persons?per_page=0");
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"][0]["field"], "per_page");
}

TEST_P(AccessTest, ReferentReadsAPersonWithItsReferents) {
  auto c = logged_in("conseiller.demo");
  const auto id = person_id_in_territory("Territoire Nord");
  auto r = c.get("/api/v1/persons/" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  auto j = r.json();
  EXPECT_EQ(j["referents"]["conseiller"]["display_name"], "Camille Martin");
  EXPECT_EQ(j["referents"]["referent_social"]["display_name"], "Sophie Lambert");
  EXPECT_TRUE(j.contains("family_situation"));
  EXPECT_FALSE(j.contains("search_key"));
  EXPECT_EQ(audit_count("person.read", id), 1);
}

TEST_P(AccessTest, CrossTerritoryReadIs403AndAudited) {
  auto c = logged_in("conseiller2.demo");
  const auto id = person_id_in_territory("Territoire Nord");
  auto r = c.get("/api/v1/persons/" + std::to_string(id));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["errors"][0]["code"], "hors_perimetre");
  EXPECT_EQ(audit_count("person.read.denied", id), 1);
  EXPECT_EQ(audit_count("person.read", id), 0);
  EXPECT_EQ(c.get("/api/v1/persons/999999").status, 404);
}

TEST_P(AccessTest, CoordinateurSeesTheirTerritoryOnly) {
  auto c = logged_in("coordo.demo");
  auto list = c.get("/api/v1/persons?per_page=5");
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.json()["total"], 120);
  EXPECT_EQ(
      c.get("/api/v1/persons/" + std::to_string(person_id_in_territory("Territoire Nord"))).status,
      200);
  EXPECT_EQ(
      c.get("/api/v1/persons/" + std::to_string(person_id_in_territory("Territoire Sud"))).status,
      403);
}

TEST_P(AccessTest, PilotageAdminAndDpoNeverSeeANamedPerson) {
  const auto id = person_id_in_territory("Territoire Nord");
  for (const char* login : {"pilotage.demo", "admin.demo", "dpo.demo"}) {
    auto c = logged_in(login);
    auto list = c.get("/api/v1/persons");
    EXPECT_EQ(list.status, 403) << login;
    EXPECT_EQ(list.json()["errors"][0]["code"], "role_sans_acces") << login;
    EXPECT_EQ(c.get("/api/v1/persons/" + std::to_string(id)).status, 403) << login;
  }
  EXPECT_EQ(audit_count("person.list.denied"), 3);
  EXPECT_EQ(audit_count("person.read.denied", id), 3);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
