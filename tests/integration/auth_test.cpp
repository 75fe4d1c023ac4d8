// Logging in and out over real HTTP: cookies, CSRF, slowing and locking, idle timeout.
#include "harness.hpp"
#include "store/sessions_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

TEST_P(ApiTest, LoginSetsAHardenedCookieAndReturnsTheUser) {
  auto c = client();
  auto r = c.login("conseiller.demo");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto cookie = r.header("Set-Cookie");
  EXPECT_NE(cookie.find("HttpOnly"), std::string::npos);
  EXPECT_NE(cookie.find("SameSite=Strict"), std::string::npos);
  EXPECT_EQ(r.json()["user"]["role"], "conseiller");
  EXPECT_EQ(r.json()["user"]["organisation"]["name"], "Agence France Travail de Démoville-Nord");
  EXPECT_FALSE(c.csrf.empty());
  auto me = c.get("/api/v1/session");
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.json()["user"]["login"], "conseiller.demo");
  EXPECT_EQ(audit_count("login"), 1);
}

TEST_P(ApiTest, WrongPasswordIs401InFrenchAndAudited) {
  auto c = client();
  auto r = c.login("conseiller.demo", "mauvais-mot-de-passe");
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.json()["errors"][0]["message"], "Identifiant ou mot de passe incorrect.");
  EXPECT_EQ(audit_count("login.failed"), 1);
  // An unknown login answers exactly the same way.
  auto unknown = c.login("personne.inconnue", "x");
  EXPECT_EQ(unknown.status, 401);
  EXPECT_EQ(unknown.json()["errors"][0]["message"], "Identifiant ou mot de passe incorrect.");
  EXPECT_EQ(audit_count("login.failed"), 2);
  EXPECT_EQ(client().get("/api/v1/persons").status, 401);
}

TEST_P(ApiTest, RepeatedFailuresSlowThenLockTheAccount) {
  auto c = client();
  for (int i = 0; i < 3; ++i) EXPECT_EQ(c.login("social.demo", "faux").status, 401);
  // Third failure: the next attempt must wait, even with the right password.
  auto slowed = c.login("social.demo");
  EXPECT_EQ(slowed.status, 429);
  EXPECT_NE(slowed.json()["errors"][0]["message"].get<std::string>().find("Réessayez dans"),
            std::string::npos);
  clock_.advance(2s);
  EXPECT_EQ(c.login("social.demo").status, 200) << "the wait is over and the password is right";

  // Ten failures in a row (each after its wait) lock the account for 30 minutes.
  auto other = client();
  for (int i = 0; i < 10; ++i) {
    EXPECT_EQ(other.login("conseiller2.demo", "faux").status, 401) << "attempt " << i;
    clock_.advance(61s);
  }
  auto locked = other.login("conseiller2.demo");
  EXPECT_EQ(locked.status, 429);
  EXPECT_NE(locked.json()["errors"][0]["message"].get<std::string>().find("verrouillé"),
            std::string::npos);
  EXPECT_EQ(audit_count("account.locked"), 1);
  clock_.advance(30min);
  EXPECT_EQ(other.login("conseiller2.demo").status, 200);
}

TEST_P(ApiTest, UnknownLoginsAreSlowedLikeRealOnesSoAccountsCannotBeGuessed) {
  auto c = client();
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(c.login("social.demo", "faux").status, 401);
    EXPECT_EQ(c.login("compte.inexistant", "faux").status, 401);
  }
  const auto real = c.login("social.demo", "faux");
  const auto ghost = c.login("compte.inexistant", "faux");
  EXPECT_EQ(real.status, 429);
  EXPECT_EQ(ghost.status, 429);
  EXPECT_EQ(real.json()["errors"][0]["message"], ghost.json()["errors"][0]["message"]);
  // What was typed as an unknown login is never kept: it may be a password.
  EXPECT_EQ(db_->with_session([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM audit_log WHERE user_login = 'compte.inexistant'", soci::into(n);
    return n;
  }),
            0);
}

TEST_P(ApiTest, AdminUnlocksALockedAccount) {
  auto c = client();
  for (int i = 0; i < 10; ++i) {
    c.login("social.demo", "faux");
    clock_.advance(61s);
  }
  EXPECT_EQ(c.login("social.demo").status, 429);
  auto admin = logged_in("admin.demo");
  auto r =
      admin.call("POST", "/api/v1/users/" + std::to_string(user_id("social.demo")) + "/unlock");
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(c.login("social.demo").status, 200);
  EXPECT_EQ(db_->with_session([](soci::session& sql) {
    std::string target;
    sql << "SELECT target FROM audit_log WHERE action = 'admin.user.unlock'", soci::into(target);
    return target;
  }),
            "utilisateur:" + std::to_string(user_id("social.demo")));
}

TEST_P(ApiTest, StateChangingRequestWithoutCsrfTokenIs403AndAudited) {
  auto c = logged_in("conseiller.demo");
  auto r = c.call("DELETE", "/api/v1/session", "", false);
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.json()["errors"][0]["code"], "csrf");
  EXPECT_EQ(audit_count("csrf.denied"), 1);
  EXPECT_EQ(c.get("/api/v1/session").status, 200) << "the session survived the forged request";
  auto wrong = c;
  wrong.csrf = "jeton-forge";
  EXPECT_EQ(wrong.call("DELETE", "/api/v1/session").status, 403);
}

TEST_P(ApiTest, LogoutEndsTheSession) {
  auto c = logged_in("conseiller.demo");
  auto r = c.call("DELETE", "/api/v1/session");
  EXPECT_EQ(r.status, 204);
  EXPECT_NE(r.header("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(c.get("/api/v1/persons").status, 401);
  EXPECT_EQ(audit_count("logout"), 1);
}

TEST_P(ApiTest, IdleSessionExpiresAfterThirtyMinutes) {
  auto c = logged_in("conseiller.demo");
  clock_.advance(29min);
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  clock_.advance(29min);  // activity at 29 minutes pushed the deadline
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  clock_.advance(31min);
  auto r = c.get("/api/v1/persons");
  EXPECT_EQ(r.status, 401);
  EXPECT_NE(r.json()["errors"][0]["message"].get<std::string>().find("session"), std::string::npos);
}

TEST_P(ApiTest, MalformedLoginBodyGetsFrenchErrors) {
  auto bad_json = raw("POST", "/api/v1/session", "{pas du json", {});
  EXPECT_EQ(bad_json.status, 400);
  auto missing = raw("POST", "/api/v1/session", R"({"login":""})", {});
  EXPECT_EQ(missing.status, 422);
  EXPECT_EQ(missing.json()["errors"].size(), 2u);
  auto unknown =
      raw("POST", "/api/v1/session", R"({"login":"a","password":"b","role":"admin"})", {});
  EXPECT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.json()["errors"][0]["field"], "role");
}

// Every authenticated request reads its user through the session (store::find_session_user,
// typed columns); the user must be the one the rest of binome reads by id, nullable fields
// (an organisation without territory, no phone) and all.
TEST_P(ApiTest, TheSessionReadsTheSameUserAsTheUserLookup) {
  db_->with_session([&](soci::session& sql) {
    sql << "UPDATE users SET function_title = 'Coordinatrice', phone = '0102030405', email = "
           "'coordo@demo.test' WHERE login = 'coordo.demo'";
    sql << "UPDATE users SET function_title = NULL, phone = NULL, email = NULL, active = 0 "
           "WHERE login = 'conseiller.demo'";
    int n = 0, without_territory = 0;
    for (const char* login : {"coordo.demo", "conseiller.demo", "pilotage.demo", "admin.demo"}) {
      const auto by_id = store::find_user_by_id(sql, user_id(login));
      ASSERT_TRUE(by_id) << login;
      if (!by_id->org_territory_id) ++without_territory;
      store::SessionRow row{"hash-" + std::to_string(++n),
                            by_id->id,
                            "csrf-" + std::to_string(n),
                            "2026-11-18T08:00:00Z",
                            "2026-11-18T08:05:00Z",
                            "2026-11-18T20:00:00Z",
                            "192.0.2.7"};
      store::insert_session(sql, row);
      const auto found = store::find_session_user(sql, row.token_hash);
      ASSERT_TRUE(found) << login;
      const auto& u = found->user;
      EXPECT_EQ(u.id, by_id->id);
      EXPECT_EQ(u.login, by_id->login);
      EXPECT_EQ(u.display_name, by_id->display_name);
      EXPECT_EQ(u.role, by_id->role);
      EXPECT_EQ(u.org_id, by_id->org_id);
      EXPECT_EQ(u.org_name, by_id->org_name);
      EXPECT_EQ(u.org_kind, by_id->org_kind);
      EXPECT_EQ(u.org_territory_id, by_id->org_territory_id) << login;
      EXPECT_EQ(u.org_departement, by_id->org_departement);
      EXPECT_EQ(u.function_title, by_id->function_title) << login;
      EXPECT_EQ(u.phone, by_id->phone) << login;
      EXPECT_EQ(u.email, by_id->email) << login;
      EXPECT_EQ(u.password_hash, by_id->password_hash);
      EXPECT_EQ(u.active, by_id->active) << login;
      EXPECT_EQ(found->session.user_id, by_id->id);
      EXPECT_EQ(found->session.csrf_token, row.csrf_token);
      EXPECT_EQ(found->session.created_at, row.created_at);
      EXPECT_EQ(found->session.last_seen_at, row.last_seen_at);
      EXPECT_EQ(found->session.expires_at, row.expires_at);
      EXPECT_EQ(found->session.client_ip, row.client_ip);
    }
    // What the comparison relies on: the fixture has both kinds of each nullable field.
    const auto coordo = store::find_user_by_id(sql, user_id("coordo.demo"));
    const auto conseiller = store::find_user_by_id(sql, user_id("conseiller.demo"));
    EXPECT_EQ(coordo->phone, "0102030405");
    EXPECT_TRUE(coordo->org_territory_id.has_value());
    EXPECT_GT(without_territory, 0);
    EXPECT_FALSE(conseiller->phone.has_value());
    EXPECT_FALSE(conseiller->active);
    EXPECT_FALSE(store::find_session_user(sql, "hash-inconnu").has_value());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, ApiTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace binome::testing
