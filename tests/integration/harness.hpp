// Integration harness: a real binome HTTP server on a free loopback port, over a fresh
// database of the backend under test (SQLite file or a new PostgreSQL database), loaded
// with the demo département, with a clock the test drives.
#pragma once
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "app/services.hpp"
#include "http/server.hpp"
#include "security/nir_keys.hpp"
#include "store/database.hpp"

namespace binome::testing {

using Json = nlohmann::json;

inline constexpr const char* kDemoPassword = "Demo-tests-2026!";

// The NIR key of the tests (a fixed key), and the same key as a 0600 file for the binary.
std::shared_ptr<const security::NirKeys> test_nir_keys();
const std::string& test_nir_key_file();

class FakeClock : public domain::Clock {
 public:
  domain::Timestamp now() const override {
    return domain::Timestamp{std::chrono::seconds{seconds_.load()}};
  }
  void advance(std::chrono::seconds s) { seconds_ += s.count(); }

 private:
  std::atomic<long long> seconds_{1795000000};  // 2026-11-18
};

struct HttpResult {
  int status = 0;
  std::string body;
  std::multimap<std::string, std::string> headers;
  Json json() const { return Json::parse(body, nullptr, false); }
  std::string header(const std::string& name) const;
};

// A fresh database of one backend: created in the constructor, dropped in the destructor.
class TestDatabase {
 public:
  explicit TestDatabase(const std::string& backend);
  ~TestDatabase();
  const std::string& url() const { return url_; }
  bool available() const { return !url_.empty(); }
  std::string skip_reason;

 private:
  std::string backend_, url_, admin_url_, pg_name_, sqlite_dir_;
};

class ApiTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override;
  void TearDown() override;

  // Logs in and keeps the cookie and CSRF token for the next calls of this client.
  // Accounts with a second factor (the demo's admin.demo and dpo.demo) are answered with a
  // code of the demo secret at the test clock's time, each code used once.
  struct Client {
    ApiTest* test = nullptr;
    std::string cookie, csrf;
    HttpResult login(const std::string& login, const std::string& password = kDemoPassword);
    // One POST /api/v1/session, with a code when given; keeps the cookie on success.
    HttpResult post_login(const std::string& login, const std::string& password,
                          const std::string& code = "");
    HttpResult get(const std::string& path) { return call("GET", path); }
    HttpResult call(const std::string& method, const std::string& path,
                    const std::string& body = "", bool send_csrf = true);
  };
  Client client() { return Client{this, {}, {}}; }
  Client logged_in(const std::string& login);

  HttpResult raw(const std::string& method, const std::string& path, const std::string& body,
                 const std::map<std::string, std::string>& headers);

  // Counts audit records matching an action (and a person, when given).
  long long audit_count(const std::string& action, std::optional<long long> person = std::nullopt);
  long long person_id_in_territory(const std::string& territory);
  // The "à faire" items about persons of a user (the demo's resource sheets past their update
  // date are left out: they are there from the start for the demo's editors).
  Json person_worklist(const std::string& login);
  // The body of a tacit orientation of a BrSa towards France Travail (consent of 2026-11-17),
  // the fixture of the support, review and indicator tests.
  static Json tacit_brsa_orientation();
  long long user_id(const std::string& login);
  // The next unused TOTP code of the demo secret for a login (steps now-1, now, now+1).
  std::string next_demo_code(const std::string& login);
  std::map<std::string, long long> totp_used_step_;

  std::unique_ptr<TestDatabase> testdb_;
  std::unique_ptr<store::Database> db_;
  FakeClock clock_;
  std::unique_ptr<app::Context> ctx_;
  std::unique_ptr<app::Services> services_;
  std::unique_ptr<http::Server> server_;
};

// Every row of every table (generated columns included), as text, sorted per table: what
// "the same data" means when comparing two databases.
std::map<std::string, std::vector<std::string>> table_contents(store::Database& db);

std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace binome::testing
