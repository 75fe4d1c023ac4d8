// Creating the identity part of a fiche de liaison, and extending the origins referential.
#include "harness.hpp"

namespace binome::testing {
namespace {

class PersonCreateTest : public ApiTest {
 protected:
  Json identity() {
    return {{"last_name", "Lefèvre-D'Aubigné"},
            {"first_name", "Élodie"},
            {"birth_date", "1988-07-03"},
            {"street", "12 rue de l'Église"},
            {"postal_code", "00100"},
            {"commune", "Démoville-Nord"},
            {"consent_electronic", false},
            {"ft_id", "1234567A"},
            {"brsa", true},
            {"rqth", false},
            {"family_situation", "seul"},
            {"dependent_children", 2}};
  }
};

TEST_P(PersonCreateTest, AConseillerCreatesAPersonAndBecomesItsReferent) {
  auto c = logged_in("conseiller.demo");
  Json body = identity();
  body["referent_social_id"] = user_id("social.demo");
  auto r = c.call("POST", "/api/v1/persons", body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  const auto j = r.json();
  EXPECT_EQ(j["referents"]["conseiller"]["display_name"], "Camille Martin");
  EXPECT_EQ(j["referents"]["referent_social"]["display_name"], "Sophie Lambert");
  EXPECT_EQ(j["territory"]["name"], "Territoire Nord");
  EXPECT_EQ(audit_count("person.create", j["id"].get<long long>()), 1);
  // Found by a search that ignores accents and case.
  EXPECT_EQ(c.get("/api/v1/persons?q=LEFEVRE").json()["total"], 1);
  EXPECT_EQ(logged_in("social.demo")
                .get("/api/v1/persons/" + std::to_string(j["id"].get<long long>()))
                .status,
            200);
  EXPECT_EQ(logged_in("conseiller2.demo")
                .get("/api/v1/persons/" + std::to_string(j["id"].get<long long>()))
                .status,
            403);
}

TEST_P(PersonCreateTest, EveryFieldErrorAtOnceAndNoFieldOutsideTheFiche) {
  auto c = logged_in("conseiller.demo");
  Json body = identity();
  body["postal_code"] = "6200";
  body["email"] = "elodie@example.org";  // without consent
  body["birth_date"] = "2030-01-01";
  auto r = c.call("POST", "/api/v1/persons", body.dump());
  ASSERT_EQ(r.status, 422);
  std::set<std::string> fields;
  const auto errors = r.json()["errors"];
  for (const auto& e : errors) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields, (std::set<std::string>{"postal_code", "email", "birth_date"}));
  Json extra = identity();
  extra["observations"] = "texte libre";
  auto refused = c.call("POST", "/api/v1/persons", extra.dump());
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["errors"][0]["field"], "observations");
  Json wrong = identity();
  wrong["referent_social_id"] = user_id("conseiller2.demo");
  EXPECT_EQ(c.call("POST", "/api/v1/persons", wrong.dump()).json()["errors"][0]["field"],
            "referent_social_id");
  EXPECT_EQ(logged_in("pilotage.demo").call("POST", "/api/v1/persons", identity().dump()).status,
            403);
}

TEST_P(PersonCreateTest, ReferentsListAndOriginsReferentialAreKeptByTheirRoles) {
  auto referents =
      logged_in("conseiller.demo").get("/api/v1/referents?role=referent_social").json();
  EXPECT_EQ(referents["items"].size(), 2u);
  auto admin = logged_in("admin.demo");
  auto added = admin.call("POST", "/api/v1/referentials/orientation/origins",
                          Json{{"code", "mission_locale"}, {"label", "Mission locale"}}.dump());
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(admin
                .call("POST", "/api/v1/referentials/orientation/origins",
                      Json{{"code", "mission_locale"}, {"label", "Mission locale"}}.dump())
                .status,
            409);
  EXPECT_EQ(admin
                .call("POST", "/api/v1/referentials/orientation/origins",
                      Json{{"code", "Bad Code"}, {"label", ""}}.dump())
                .status,
            422);
  EXPECT_EQ(logged_in("coordo.demo")
                .call("POST", "/api/v1/referentials/orientation/origins",
                      Json{{"code", "autre"}, {"label", "Autre"}}.dump())
                .status,
            403);
  const auto ref = logged_in("conseiller.demo").get("/api/v1/referentials/orientation").json();
  EXPECT_EQ(ref["origins"].back()["code"], "mission_locale");
  EXPECT_EQ(audit_count("admin.origin.create"), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonCreateTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
