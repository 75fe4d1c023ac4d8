// The TOTP secrets at rest (migration 0018): sealed with a subkey of the NIR key file, never
// written in clear (no key, no new secret), and the clear ones of an earlier version sealed
// by the first start with the key.
#include "app/totp_secrets.hpp"

#include <fstream>
#include <sstream>

#include "app/demo_data.hpp"
#include "cli/nir_key_option.hpp"
#include "harness.hpp"
#include "security/totp.hpp"
#include "store/totp_repo.hpp"

namespace binome::testing {
namespace {

class TotpSecretsTest : public ApiTest {
 protected:
  std::string code_of(const std::string& secret_base32, int delta = 0) const {
    return security::totp_code(
        security::base32_decode(secret_base32).value(),
        security::totp_step(clock_.now().time_since_epoch().count()) + delta);
  }
  long long count(const std::string& where) {
    return db_->with_session([&](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM user_totp WHERE " + where, soci::into(n);
      return n;
    });
  }
  store::TotpRow row_of(const std::string& login) {
    const auto id = user_id(login);
    return db_->with_session([&](soci::session& sql) { return *store::find_totp(sql, id); });
  }
  // Every byte of the SQLite database (main file, WAL, journal) once everything is closed.
  std::string close_and_read_sqlite() {
    server_->stop(std::chrono::seconds(5));
    server_.reset();
    services_.reset();
    ctx_.reset();
    db_.reset();
    std::string out;
    const std::string path = testdb_->url().substr(std::string("sqlite:").size());
    for (const auto& p : {path, path + "-wal", path + "-journal"}) {
      std::ifstream in(p, std::ios::binary);
      std::stringstream s;
      s << in.rdbuf();
      out += s.str();
    }
    return out;
  }
};

TEST_P(TotpSecretsTest, AnEnrolledSecretIsSealedAndOnlyTheKeyOpensIt) {
  auto c = logged_in("conseiller.demo");
  auto start = c.call("POST", "/api/v1/session/totp", Json{{"password", kDemoPassword}}.dump());
  ASSERT_EQ(start.status, 200) << start.body;
  const auto secret = start.json()["secret"].get<std::string>();
  auto pending = row_of("conseiller.demo");
  EXPECT_FALSE(pending.pending_secret) << "the pending secret is not in clear either";
  ASSERT_TRUE(pending.pending_sealed);
  EXPECT_EQ(pending.pending_sealed->find(secret), std::string::npos);
  ASSERT_EQ(
      c.call("POST", "/api/v1/session/totp/confirm", Json{{"code", code_of(secret)}}.dump()).status,
      200);

  const auto row = row_of("conseiller.demo");
  EXPECT_FALSE(row.secret);
  EXPECT_FALSE(row.pending_secret);
  EXPECT_FALSE(row.pending_sealed);
  ASSERT_TRUE(row.secret_sealed);
  const auto id = user_id("conseiller.demo");
  EXPECT_EQ(test_nir_keys()->open_totp_secret(*row.secret_sealed, id), secret);
  EXPECT_FALSE(test_nir_keys()->open_totp_secret(*row.secret_sealed, user_id("social.demo")))
      << "bound to its account: copied onto another, it does not open";
  security::NirKeys::Key other{};
  other.fill(7);
  EXPECT_FALSE(security::NirKeys(other).open_totp_secret(*row.secret_sealed, id))
      << "another key cannot read it";
  // The demo's published secret is sealed too.
  EXPECT_EQ(count("secret IS NOT NULL OR pending_secret IS NOT NULL"), 0);
  EXPECT_EQ(count("secret_sealed IS NOT NULL"), 3);

  // The login opens it.
  EXPECT_EQ(client().post_login("conseiller.demo", kDemoPassword, code_of(secret, 1)).status, 200);

  if (GetParam() == "sqlite") {
    const auto bytes = close_and_read_sqlite();
    ASSERT_GT(bytes.size(), 10000u);
    EXPECT_EQ(bytes.find(secret), std::string::npos) << "no clear secret in the file";
    EXPECT_EQ(bytes.find(app::kDemoTotpSecret), std::string::npos);
  }
}

TEST_P(TotpSecretsTest, WithoutAKeyNoSecretIsWrittenAndTheErrorSaysWhy) {
  ctx_->settings.nir_keys = nullptr;
  auto c = logged_in("conseiller.demo");
  auto start = c.call("POST", "/api/v1/session/totp", Json{{"password", kDemoPassword}}.dump());
  EXPECT_EQ(start.status, 409) << start.body;
  EXPECT_EQ(start.json()["errors"][0]["code"], "cle_absente");
  EXPECT_NE(start.json()["errors"][0]["message"].get<std::string>().find("--nir-key-file"),
            std::string::npos);
  EXPECT_EQ(count("user_id = " + std::to_string(user_id("conseiller.demo"))), 0);
  // An admin to enrol at login cannot either, and is told the same.
  const long long admin_id = user_id("admin.demo");
  db_->transaction([&](soci::session& sql) {
    sql << "DELETE FROM user_totp WHERE user_id = :u", soci::use(admin_id);
  });
  auto admin = client().post_login("admin.demo", kDemoPassword);
  EXPECT_EQ(admin.status, 409) << admin.body;
  EXPECT_EQ(admin.json()["errors"][0]["code"], "cle_absente");
  // The sealed secrets left (dpo.demo) stop a start without the key (what serve runs).
  try {
    cli::use_nir_keys(*ctx_, nullptr);
    ADD_FAILURE() << "sealed secrets without a key must stop the start";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("--nir-key-file"), std::string::npos) << e.what();
  }
}

TEST_P(TotpSecretsTest, ClearSecretsOfAnEarlierVersionAreSealedAtStart) {
  // As migration 0013 left them.
  db_->transaction([&](soci::session& sql) {
    sql << "UPDATE user_totp SET secret = '" + std::string(app::kDemoTotpSecret) +
               "', secret_sealed = NULL";
  });
  ctx_->settings.nir_keys = nullptr;
  const auto left = app::seal_clear_totp_secrets(*ctx_, {"test", "local"});
  EXPECT_EQ(left.sealed, 0);
  EXPECT_EQ(left.left_clear, 2) << "kept (and warned about) without a key";
  EXPECT_EQ(client().post_login("dpo.demo", kDemoPassword, next_demo_code("dpo.demo")).status, 200)
      << "nobody is locked out by the upgrade";

  cli::use_nir_keys(*ctx_, test_nir_keys());  // what serve runs at start with the key
  EXPECT_EQ(app::seal_clear_totp_secrets(*ctx_, {"test", "local"}).sealed, 0) << "done once";
  EXPECT_EQ(count("secret IS NOT NULL"), 0);
  EXPECT_EQ(count("secret_sealed IS NOT NULL"), 2);
  EXPECT_EQ(audit_count("totp.sealed"), 1);
  EXPECT_EQ(client().post_login("admin.demo", kDemoPassword, next_demo_code("admin.demo")).status,
            200)
      << "the sealed secret still gives the same codes";

  if (GetParam() == "sqlite") {
    EXPECT_EQ(close_and_read_sqlite().find(app::kDemoTotpSecret), std::string::npos)
        << "the clear secret does not survive in the file's free space";
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, TotpSecretsTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
