// Creating the identity part of a fiche de liaison, and extending the origins referential.
#include "harness.hpp"
#include "store/persons_repo.hpp"

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

// Every call about a person reads it first (store::find_person, typed columns): each field must
// come back as written, with its optional fields and referents present or absent.
TEST_P(PersonCreateTest, APersonIsReadBackFieldByFieldWithAndWithoutItsOptionalFields) {
  db_->with_session([&](soci::session& sql) {
    long long territory = 0, agence = 0, social_org = 0;
    std::string territory_name, agence_name, social_org_name, cons_org_name;
    sql << "SELECT t.id, t.name FROM territories t ORDER BY t.id LIMIT 1", soci::into(territory),
        soci::into(territory_name);
    sql << "SELECT id, name FROM organisations WHERE kind = 'agence' ORDER BY id LIMIT 1",
        soci::into(agence), soci::into(agence_name);
    sql << "SELECT o.id, o.name FROM users u JOIN organisations o ON o.id = u.organisation_id "
           "WHERE u.login = 'social.demo'",
        soci::into(social_org), soci::into(social_org_name);
    sql << "SELECT o.name FROM users u JOIN organisations o ON o.id = u.organisation_id WHERE "
           "u.login = 'conseiller.demo'",
        soci::into(cons_org_name);
    ASSERT_GT(agence, 0);

    domain::Person full;
    full.identity = {"Lefèvre",
                     "Élodie",
                     "1988-07-03",
                     "12 rue de l'Église",
                     "00100",
                     "Démoville-Nord",
                     "0601020304",
                     "elodie@example.org",
                     true,
                     "1234567A",
                     "7654321",
                     true,
                     true,
                     domain::FamilySituation::en_couple,
                     3};
    full.scope.departement = "00";
    full.scope.territory_id = territory;
    full.scope.agence_id = agence;
    full.scope.conseiller_id = user_id("conseiller.demo");
    full.scope.referent_social_id = user_id("social.demo");
    domain::Person bare;
    bare.identity = {"Durand",
                     "Paul",
                     "1970-01-31",
                     "1 place de la Mairie",
                     "00200",
                     "Démoville",
                     std::nullopt,
                     std::nullopt,
                     false,
                     std::nullopt,
                     std::nullopt,
                     false,
                     false,
                     domain::FamilySituation::seul,
                     0};
    bare.scope.departement = "00";
    bare.scope.territory_id = territory;

    for (const auto* written : {&full, &bare}) {
      const auto id = store::insert_person(sql, *written, "2026-11-23T08:00:00Z");
      const auto found = store::find_person(sql, id);
      ASSERT_TRUE(found);
      const auto& p = found->person.identity;
      const auto& w = written->identity;
      const auto& s = found->person.scope;
      EXPECT_EQ(found->person.id, id);
      EXPECT_EQ(p.last_name, w.last_name);
      EXPECT_EQ(p.first_name, w.first_name);
      EXPECT_EQ(p.birth_date, w.birth_date);
      EXPECT_EQ(p.street, w.street);
      EXPECT_EQ(p.postal_code, w.postal_code);
      EXPECT_EQ(p.commune, w.commune);
      EXPECT_EQ(p.phone, w.phone);
      EXPECT_EQ(p.email, w.email);
      EXPECT_EQ(p.consent_electronic, w.consent_electronic);
      EXPECT_EQ(p.ft_id, w.ft_id);
      EXPECT_EQ(p.caf_id, w.caf_id);
      EXPECT_EQ(p.brsa, w.brsa);
      EXPECT_EQ(p.rqth, w.rqth);
      EXPECT_EQ(p.family_situation, w.family_situation);
      EXPECT_EQ(p.dependent_children, w.dependent_children);
      EXPECT_EQ(s.departement, "00");
      EXPECT_EQ(s.territory_id, territory);
      EXPECT_EQ(s.agence_id, written->scope.agence_id);
      EXPECT_EQ(s.conseiller_id, written->scope.conseiller_id);
      EXPECT_EQ(s.referent_social_id, written->scope.referent_social_id);
      ASSERT_TRUE(found->territory);
      EXPECT_EQ(found->territory->name, territory_name);
      EXPECT_EQ(found->agence.has_value(), written->scope.agence_id.has_value());
      EXPECT_EQ(found->conseiller.has_value(), written->scope.conseiller_id.has_value());
      EXPECT_EQ(found->referent_social.has_value(), written->scope.referent_social_id.has_value());
    }
    const auto f = store::find_person(sql, store::insert_person(sql, full, "2026-11-23T08:00:00Z"));
    EXPECT_EQ(f->agence->name, agence_name);
    EXPECT_EQ(f->conseiller->name, "Camille Martin");
    EXPECT_EQ(f->conseiller->organisation, cons_org_name);
    EXPECT_EQ(f->referent_social->name, "Sophie Lambert");
    EXPECT_EQ(f->referent_social->organisation, social_org_name);
    EXPECT_EQ(f->person.scope.referent_social_org_id, social_org);
    const auto b = store::find_person(sql, store::insert_person(sql, bare, "2026-11-23T08:00:00Z"));
    EXPECT_FALSE(b->person.scope.referent_social_org_id.has_value());
    EXPECT_FALSE(store::find_person(sql, 999999999).has_value());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, PersonCreateTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
