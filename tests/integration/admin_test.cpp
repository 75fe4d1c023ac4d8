// Accounts and organisations through the API: admin only, validated, audited.
#include "harness.hpp"

namespace binome::testing {
namespace {

class AdminTest : public ApiTest {};

TEST_P(AdminTest, AdminCreatesAUserWhoCanLogIn) {
  auto admin = logged_in("admin.demo");
  auto orgs = admin.get("/api/v1/organisations").json()["items"];
  long long agence = 0;
  for (const auto& o : orgs)
    if (o["kind"] == "agence") agence = o["id"];
  ASSERT_GT(agence, 0);
  Json body = {{"login", "nouveau.conseiller"},
               {"display_name", "Nouveau Conseiller"},
               {"role", "conseiller"},
               {"organisation_id", agence},
               {"password", "Bienvenue-2026!"}};
  auto r = admin.call("POST", "/api/v1/users", body.dump());
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(audit_count("admin.user.create"), 1);
  EXPECT_EQ(client().login("nouveau.conseiller", "Bienvenue-2026!").status, 200);
  EXPECT_EQ(admin.call("POST", "/api/v1/users", body.dump()).status, 409);
}

TEST_P(AdminTest, InvalidUserGetsEveryErrorAtOnce) {
  auto admin = logged_in("admin.demo");
  Json body = {{"login", "X"},
               {"display_name", ""},
               {"role", "chef"},
               {"organisation_id", 999999},
               {"password", "court"}};
  auto r = admin.call("POST", "/api/v1/users", body.dump());
  ASSERT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  const auto j = r.json();
  for (const auto& e : j["errors"]) fields.insert(e["field"].get<std::string>());
  EXPECT_EQ(fields,
            (std::set<std::string>{"login", "display_name", "role", "organisation_id", "password"}))
      << r.body;
  auto extra = admin.call("POST", "/api/v1/users", Json{{"login", "a.b"}, {"nir", "1"}}.dump());
  EXPECT_EQ(extra.status, 422);
  EXPECT_EQ(extra.json()["errors"][0]["field"], "nir");
}

TEST_P(AdminTest, OnlyAdminsManageAccounts) {
  auto c = logged_in("coordo.demo");
  EXPECT_EQ(c.get("/api/v1/users").status, 403);
  EXPECT_EQ(c.call("POST", "/api/v1/organisations", Json{{"name", "x"}}.dump()).status, 403);
  EXPECT_EQ(audit_count("admin.denied"), 2);
}

TEST_P(AdminTest, PartnerNeedsItsContractDates) {
  auto admin = logged_in("admin.demo");
  Json partner = {
      {"name", "Association Entraide Démo"}, {"kind", "partenaire"}, {"departement", "00"}};
  auto refused = admin.call("POST", "/api/v1/organisations", partner.dump());
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["errors"][0]["field"], "contract_start");
  partner["contract_start"] = "2026-01-01";
  partner["contract_end"] = "2027-06-30";
  auto created = admin.call("POST", "/api/v1/organisations", partner.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["contract_end"], "2027-06-30");
  EXPECT_EQ(audit_count("admin.organisation.create"), 1);
}

TEST_P(AdminTest, AdminSetsUpANewDepartementAndItsTerritories) {
  auto admin = logged_in("admin.demo");
  auto bad = admin.call("POST", "/api/v1/departements", Json{{"code", "6"}, {"name", ""}}.dump());
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"].size(), 2u);
  ASSERT_EQ(
      admin.call("POST", "/api/v1/departements", Json{{"code", "59"}, {"name", "Nord"}}.dump())
          .status,
      201);
  EXPECT_EQ(
      admin.call("POST", "/api/v1/departements", Json{{"code", "59"}, {"name", "Nord"}}.dump())
          .status,
      409);
  auto t = admin.call("POST", "/api/v1/territories",
                      Json{{"departement", "59"}, {"name", "Territoire du Hainaut"}}.dump());
  ASSERT_EQ(t.status, 201) << t.body;
  auto unknown = admin.call("POST", "/api/v1/territories",
                            Json{{"departement", "63"}, {"name", "Ailleurs"}}.dump());
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(audit_count("admin.departement.create"), 1);
  EXPECT_EQ(audit_count("admin.territory.create"), 1);
  EXPECT_EQ(
      logged_in("coordo.demo")
          .call("POST", "/api/v1/departements", Json{{"code", "80"}, {"name", "Somme"}}.dump())
          .status,
      403);
}

INSTANTIATE_TEST_SUITE_P(Backends, AdminTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
