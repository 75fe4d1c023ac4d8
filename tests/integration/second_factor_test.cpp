// The second factor (TOTP) and session renewal over real HTTP: admin and dpo cannot get a
// session without a code (nor before enrolling), a code works once, the others may enrol, and
// each login issues a fresh session token while the browser's previous one ends.
#include "app/demo_data.hpp"
#include "harness.hpp"
#include "security/totp.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

class SecondFactorTest : public ApiTest {
 protected:
  std::int64_t now_unix() const { return clock_.now().time_since_epoch().count(); }
  std::string code_of(const std::string& secret_base32, int delta = 0) const {
    return security::totp_code(security::base32_decode(secret_base32).value(),
                               security::totp_step(now_unix()) + delta);
  }
  std::string demo_code(int delta = 0) const { return code_of(app::kDemoTotpSecret, delta); }
  static std::string error_code(const HttpResult& r) {
    return r.json()["errors"][0]["code"].get<std::string>();
  }
};

TEST_P(SecondFactorTest, AdminAndDpoGetNoSessionWithoutTheirCode) {
  for (const char* login : {"admin.demo", "dpo.demo"}) {
    auto c = client();
    auto r = c.post_login(login, kDemoPassword);
    EXPECT_EQ(r.status, 401) << login;
    EXPECT_EQ(error_code(r), "code_requis");
    EXPECT_TRUE(r.header("Set-Cookie").empty()) << "no session before the code";
    EXPECT_EQ(r.body.find(app::kDemoTotpSecret), std::string::npos)
        << "an enrolled secret is never sent back";
    EXPECT_EQ(c.get("/api/v1/session").status, 401);
  }
  auto dpo = client();
  auto ok = dpo.post_login("dpo.demo", kDemoPassword, demo_code());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(dpo.get("/api/v1/audit").status, 200);
  EXPECT_TRUE(dpo.get("/api/v1/session").json()["totp_enabled"].get<bool>());
}

TEST_P(SecondFactorTest, ACodeIsAcceptedOnceAndWrongCodesCountAsFailures) {
  const auto code = demo_code();
  EXPECT_EQ(client().post_login("admin.demo", kDemoPassword, code).status, 200);
  auto replay = client().post_login("admin.demo", kDemoPassword, code);
  EXPECT_EQ(replay.status, 401) << "the same code, within its window, is refused";
  EXPECT_EQ(error_code(replay), "code_invalide");
  EXPECT_NE(replay.json()["errors"][0]["message"].get<std::string>().find("déjà utilisé"),
            std::string::npos);
  // The previous step is older than the one used: refused too. Two steps ahead: out of window.
  EXPECT_EQ(client().post_login("admin.demo", kDemoPassword, demo_code(-1)).status, 401);
  EXPECT_EQ(client().post_login("admin.demo", kDemoPassword, demo_code(2)).status, 401);
  EXPECT_EQ(audit_count("login.failed"), 3);
  // Three failures: the next attempt must wait, even with a good code.
  auto slowed = client().post_login("admin.demo", kDemoPassword, demo_code(1));
  EXPECT_EQ(slowed.status, 429);
  clock_.advance(30s);
  EXPECT_EQ(client().post_login("admin.demo", kDemoPassword, demo_code()).status, 200)
      << "the next step's code, after the wait";
  // A wrong password with a right code is still a wrong password.
  clock_.advance(30s);
  auto wrong = client().post_login("admin.demo", "Pas-Le-Bon-2026!", demo_code());
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(error_code(wrong), "identifiants_invalides");
}

TEST_P(SecondFactorTest, AnAdminNotYetEnrolledMustEnrolBeforeUsingTheApp) {
  const auto admin_id = user_id("admin.demo");
  db_->transaction([&](soci::session& sql) {
    sql << "DELETE FROM user_totp WHERE user_id = :u", soci::use(static_cast<long long>(admin_id));
  });
  auto c = client();
  auto first = c.post_login("admin.demo", kDemoPassword);
  ASSERT_EQ(first.status, 401) << first.body;
  EXPECT_EQ(error_code(first), "enrolement_requis");
  EXPECT_EQ(first.header("Cache-Control"), "no-store");
  const auto secret = first.json()["totp_enrolment"]["secret"].get<std::string>();
  EXPECT_EQ(security::base32_decode(secret)->size(), security::kTotpSecretBytes);
  EXPECT_EQ(first.json()["totp_enrolment"]["uri"].get<std::string>().rfind(
                "otpauth://totp/binome:admin.demo?secret=" + secret, 0),
            0u);
  // Asking again shows the same pending secret (the one already scanned).
  EXPECT_EQ(c.post_login("admin.demo", kDemoPassword).json()["totp_enrolment"]["secret"], secret);
  EXPECT_EQ(c.get("/api/v1/users").status, 401) << "no session while not enrolled";

  auto wrong = c.post_login("admin.demo", kDemoPassword, code_of(secret, 3));
  EXPECT_EQ(wrong.status, 401);
  EXPECT_EQ(error_code(wrong), "code_invalide");
  auto enrolled = c.post_login("admin.demo", kDemoPassword, code_of(secret));
  ASSERT_EQ(enrolled.status, 200) << enrolled.body;
  EXPECT_EQ(audit_count("totp.enrol"), 1);
  EXPECT_EQ(c.get("/api/v1/users").status, 200);

  // From now on a code is asked, and the secret is never shown again.
  auto again = client().post_login("admin.demo", kDemoPassword);
  EXPECT_EQ(error_code(again), "code_requis");
  EXPECT_EQ(again.body.find(secret), std::string::npos);
  EXPECT_EQ(client().post_login("admin.demo", kDemoPassword, code_of(secret, 1)).status, 200);
}

TEST_P(SecondFactorTest, OtherRolesMayEnrolAndThenNeedTheirCode) {
  auto c = logged_in("conseiller.demo");  // no code asked
  EXPECT_FALSE(c.get("/api/v1/session").json()["totp_enabled"].get<bool>());
  auto start = c.call("POST", "/api/v1/session/totp", Json{{"password", kDemoPassword}}.dump());
  ASSERT_EQ(start.status, 200) << start.body;
  const auto secret = start.json()["secret"].get<std::string>();
  auto bad = c.call("POST", "/api/v1/session/totp/confirm", Json{{"code", "000000"}}.dump());
  if (code_of(secret) != "000000") {
    EXPECT_EQ(bad.status, 422);
    EXPECT_EQ(bad.json()["errors"][0]["field"], "code");
  }
  auto ok = c.call("POST", "/api/v1/session/totp/confirm", Json{{"code", code_of(secret)}}.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_TRUE(c.get("/api/v1/session").json()["totp_enabled"].get<bool>());
  EXPECT_EQ(c.call("POST", "/api/v1/session/totp", Json{{"password", kDemoPassword}}.dump()).status,
            409)
      << "already active";

  EXPECT_EQ(error_code(client().post_login("conseiller.demo", kDemoPassword)), "code_requis");
  EXPECT_EQ(client().post_login("conseiller.demo", kDemoPassword, code_of(secret)).status, 401)
      << "the confirming code was used";
  EXPECT_EQ(client().post_login("conseiller.demo", kDemoPassword, code_of(secret, 1)).status, 200);
  // Someone who never enrolled logs in as before.
  EXPECT_EQ(client().post_login("social.demo", kDemoPassword).status, 200);
}

TEST_P(SecondFactorTest, EnrollingAndDisablingAskThePasswordAgain) {
  auto c = logged_in("conseiller.demo");
  EXPECT_FALSE(c.get("/api/v1/session").json()["totp_required"].get<bool>());
  // No password, or a wrong one: no secret, and the wrong one counts as a failed login.
  auto none = c.call("POST", "/api/v1/session/totp", "{}");
  EXPECT_EQ(none.status, 422);
  EXPECT_EQ(none.json()["errors"][0]["field"], "password");
  auto wrong =
      c.call("POST", "/api/v1/session/totp", Json{{"password", "Pas-Le-Bon-2026!"}}.dump());
  EXPECT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_EQ(wrong.json()["errors"][0]["field"], "password");
  EXPECT_EQ(wrong.json()["errors"][0]["message"], "Mot de passe incorrect.");
  EXPECT_FALSE(wrong.json().contains("secret"));
  EXPECT_EQ(audit_count("reauth.failed"), 1);
  EXPECT_EQ(audit_count("totp.start"), 0);
  // Three wrong passwords slow the account down, as at the login form.
  for (int i = 0; i < 2; ++i)
    c.call("POST", "/api/v1/session/totp", Json{{"password", "Pas-Le-Bon-2026!"}}.dump());
  EXPECT_EQ(c.call("POST", "/api/v1/session/totp", Json{{"password", kDemoPassword}}.dump()).status,
            429);
  clock_.advance(5min);

  auto start = c.call("POST", "/api/v1/session/totp", Json{{"password", kDemoPassword}}.dump());
  ASSERT_EQ(start.status, 200) << start.body;
  EXPECT_EQ(start.header("Cache-Control"), "no-store");
  const auto secret = start.json()["secret"].get<std::string>();
  ASSERT_EQ(
      c.call("POST", "/api/v1/session/totp/confirm", Json{{"code", code_of(secret)}}.dump()).status,
      200);
  EXPECT_EQ(audit_count("totp.start"), 1);
  EXPECT_EQ(audit_count("totp.enrol"), 1);

  // Disabling: the password again; then the login asks no code.
  auto bad =
      c.call("POST", "/api/v1/session/totp/disable", Json{{"password", "Pas-Le-Bon-2026!"}}.dump());
  EXPECT_EQ(bad.status, 422);
  EXPECT_TRUE(c.get("/api/v1/session").json()["totp_enabled"].get<bool>()) << "still active";
  auto off =
      c.call("POST", "/api/v1/session/totp/disable", Json{{"password", kDemoPassword}}.dump());
  ASSERT_EQ(off.status, 200) << off.body;
  EXPECT_EQ(audit_count("totp.disable"), 1);
  EXPECT_FALSE(c.get("/api/v1/session").json()["totp_enabled"].get<bool>());
  EXPECT_EQ(client().post_login("conseiller.demo", kDemoPassword).status, 200);
  auto again =
      c.call("POST", "/api/v1/session/totp/disable", Json{{"password", kDemoPassword}}.dump());
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(error_code(again), "non_active");
}

TEST_P(SecondFactorTest, AdminAndDpoCannotDisableTheirSecondFactor) {
  for (const char* login : {"admin.demo", "dpo.demo"}) {
    auto c = logged_in(login);
    EXPECT_TRUE(c.get("/api/v1/session").json()["totp_required"].get<bool>());
    auto r =
        c.call("POST", "/api/v1/session/totp/disable", Json{{"password", kDemoPassword}}.dump());
    EXPECT_EQ(r.status, 409) << login;
    EXPECT_EQ(error_code(r), "obligatoire");
    EXPECT_TRUE(c.get("/api/v1/session").json()["totp_enabled"].get<bool>());
  }
  EXPECT_EQ(audit_count("totp.disable"), 0);
}

TEST_P(SecondFactorTest, EachLoginIssuesANewSessionAndEndsTheBrowsersPreviousOne) {
  auto c = logged_in("social.demo");
  const auto first = c.cookie;
  auto other_browser = logged_in("social.demo");
  ASSERT_EQ(c.login("social.demo").status, 200);
  EXPECT_NE(c.cookie, first) << "a fresh token at each login";
  auto stale = client();
  stale.cookie = first;
  EXPECT_EQ(stale.get("/api/v1/session").status, 401) << "the previous token is not reused";
  EXPECT_EQ(c.get("/api/v1/session").status, 200);
  EXPECT_EQ(other_browser.get("/api/v1/session").status, 200)
      << "another browser's session is not this browser's";
  // Logout ends the session server-side: the token is refused even if replayed.
  const auto current = c.cookie;
  EXPECT_EQ(c.call("DELETE", "/api/v1/session").status, 204);
  auto replayed = client();
  replayed.cookie = current;
  EXPECT_EQ(replayed.get("/api/v1/session").status, 401);
  EXPECT_EQ(db_->with_session([](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM sessions", soci::into(n);
    return n;
  }),
            1)
      << "only the other browser's session is left";
}

INSTANTIATE_TEST_SUITE_P(Backends, SecondFactorTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
