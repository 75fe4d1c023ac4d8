#include "harness.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/StreamCopier.h>
#include <soci/postgresql/soci-postgresql.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/demo_data.hpp"
#include "security/totp.hpp"
#include "store/migrations.hpp"
#include "store/rows.hpp"

namespace binome::testing {

namespace {
constexpr const char* kTestNirKeyHex =
    "6b1f3c5d7e9a0b2c4d6e8f10213243546576879801a2b3c4d5e6f708192a3b4c";
}

std::shared_ptr<const security::NirKeys> test_nir_keys() {
  static const auto keys = [] {
    security::NirKeys::Key k{};
    for (std::size_t i = 0; i < k.size(); ++i)
      k[i] = static_cast<unsigned char>(
          std::stoi(std::string(kTestNirKeyHex + 2 * i, 2), nullptr, 16));
    return std::make_shared<const security::NirKeys>(k);
  }();
  return keys;
}

namespace {
// The key file of this test process, removed when the process ends so that the runs leave
// nothing behind in the temporary folder.
struct NirKeyFile {
  std::string path;
  NirKeyFile() {
    const auto p = std::filesystem::temp_directory_path() /
                   ("binome-test-nir-" + std::to_string(::getpid()) + ".key");
    std::filesystem::remove(p);
    {
      std::ofstream out(p);
      out << kTestNirKeyHex << "\n";
    }
    std::filesystem::permissions(
        p, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    path = p.string();
  }
  ~NirKeyFile() {
    std::error_code ignored;
    std::filesystem::remove(path, ignored);
  }
  NirKeyFile(const NirKeyFile&) = delete;
  NirKeyFile& operator=(const NirKeyFile&) = delete;
};
}  // namespace

const std::string& test_nir_key_file() {
  static const NirKeyFile file;
  return file.path;
}

std::string HttpResult::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

TestDatabase::TestDatabase(const std::string& backend) : backend_(backend) {
  static std::atomic<int> counter{0};
  const std::string unique = std::to_string(::getpid()) + "_" + std::to_string(counter++);
  if (backend == "sqlite") {
    sqlite_dir_ = (std::filesystem::temp_directory_path() / ("binome-it-" + unique)).string();
    std::filesystem::create_directories(sqlite_dir_);
    url_ = "sqlite:" + sqlite_dir_ + "/test.db";
    return;
  }
  const char* admin = std::getenv("BINOME_TEST_PG_URL");
  if (!admin || !*admin) {
    skip_reason = "BINOME_TEST_PG_URL absent : pas de PostgreSQL de test";
    return;
  }
  admin_url_ = admin;
  pg_name_ = "binome_it_" + unique;
  soci::session s(soci::postgresql, store::postgres_conninfo(admin_url_));
  s << "CREATE DATABASE " + pg_name_;
  url_ = admin_url_.substr(0, admin_url_.rfind('/') + 1) + pg_name_;
}

TestDatabase::~TestDatabase() {
  try {
    if (!pg_name_.empty()) {
      soci::session s(soci::postgresql, store::postgres_conninfo(admin_url_));
      s << "DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)";
    }
    if (!sqlite_dir_.empty()) std::filesystem::remove_all(sqlite_dir_);
  } catch (...) {
  }
}

void ApiTest::SetUp() {
  testdb_ = std::make_unique<TestDatabase>(GetParam());
  if (!testdb_->available()) {
    const char* require = std::getenv("BINOME_REQUIRE_PG");
    if (require && std::string(require) == "1") FAIL() << testdb_->skip_reason;
    GTEST_SKIP() << testdb_->skip_reason;
  }
  db_ = store::Database::open(testdb_->url(), 8);
  store::migrate(*db_);
  ctx_ = std::make_unique<app::Context>(app::Context{*db_, clock_, {}});
  ctx_->settings.nir_keys = test_nir_keys();
  app::load_demo(*ctx_, kDemoPassword);
  services_ = std::make_unique<app::Services>(*ctx_);
  http::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.max_threads = 8;
  config.log_requests = false;
  server_ = std::make_unique<http::Server>(*services_, config);
  server_->start();
}

void ApiTest::TearDown() {
  if (server_) server_->stop(std::chrono::seconds(5));
  server_.reset();
  services_.reset();
  ctx_.reset();
  db_.reset();
  testdb_.reset();
}

HttpResult ApiTest::raw(const std::string& method, const std::string& path, const std::string& body,
                        const std::map<std::string, std::string>& headers) {
  Poco::Net::HTTPClientSession session("127.0.0.1", server_->port());
  Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
  for (const auto& [k, v] : headers) request.set(k, v);
  if (!body.empty()) {
    request.setContentType("application/json");
    request.setContentLength(static_cast<std::streamsize>(body.size()));
  }
  auto& out = session.sendRequest(request);
  out << body;
  Poco::Net::HTTPResponse response;
  auto& in = session.receiveResponse(response);
  HttpResult result;
  result.status = response.getStatus();
  std::ostringstream buf;
  Poco::StreamCopier::copyStream(in, buf);
  result.body = buf.str();
  for (const auto& [k, v] : response) result.headers.emplace(k, v);
  return result;
}

HttpResult ApiTest::Client::post_login(const std::string& login, const std::string& password,
                                       const std::string& code) {
  Json body{{"login", login}, {"password", password}};
  if (!code.empty()) body["totp_code"] = code;
  // The browser's current cookie goes along, as a browser's would.
  std::map<std::string, std::string> headers;
  if (!cookie.empty()) headers["Cookie"] = "binome_session=" + cookie;
  auto r = test->raw("POST", "/api/v1/session", body.dump(), headers);
  if (r.status == 200) {
    const auto set_cookie = r.header("Set-Cookie");
    const auto start = set_cookie.find('=') + 1;
    cookie = set_cookie.substr(start, set_cookie.find(';') - start);
    csrf = r.json()["csrf_token"].get<std::string>();
  }
  return r;
}

HttpResult ApiTest::Client::login(const std::string& login, const std::string& password) {
  auto r = post_login(login, password);
  const auto j = r.json();
  if (r.status == 401 && j.is_object() && j["errors"][0]["code"] == "code_requis")
    return post_login(login, password, test->next_demo_code(login));
  return r;
}

HttpResult ApiTest::Client::call(const std::string& method, const std::string& path,
                                 const std::string& body, bool send_csrf) {
  std::map<std::string, std::string> headers;
  if (!cookie.empty()) headers["Cookie"] = "binome_session=" + cookie;
  if (send_csrf && !csrf.empty()) headers["X-CSRF-Token"] = csrf;
  return test->raw(method, path, body, headers);
}

ApiTest::Client ApiTest::logged_in(const std::string& login) {
  auto c = client();
  auto r = c.login(login);
  EXPECT_EQ(r.status, 200) << r.body;
  return c;
}

long long ApiTest::audit_count(const std::string& action, std::optional<long long> person) {
  return db_->with_session([&](soci::session& sql) {
    long long n = 0;
    if (person)
      sql << "SELECT COUNT(*) FROM audit_log WHERE action = :a AND person_id = :p",
          soci::use(action), soci::use(*person), soci::into(n);
    else
      sql << "SELECT COUNT(*) FROM audit_log WHERE action = :a", soci::use(action), soci::into(n);
    return n;
  });
}

Json ApiTest::tacit_brsa_orientation() {
  return {{"origin", "france_travail"},
          {"decision_mode", "accord_tacite"},
          {"tacit_public", "brsa_oriente_ft"},
          {"registered_job_seeker", true},
          {"social_criteria", {"logement"}},
          {"professional_criteria", {"mobilite"}},
          {"obstacles", {"logement"}},
          {"consent", {{"signature_date", "2026-11-17"}, {"electronic_exchange", false}}}};
}

Json ApiTest::person_worklist(const std::string& login) {
  const auto all = logged_in(login).get("/api/v1/worklist?per_page=100").json();
  Json items = Json::array();
  for (const auto& item : all["items"])
    if (!item["person"].is_null()) items.push_back(item);
  return items;
}

long long ApiTest::person_id_in_territory(const std::string& territory) {
  return db_->with_session([&](soci::session& sql) {
    long long id = 0;
    sql << "SELECT MIN(p.id) FROM persons p JOIN territories t ON t.id = p.territory_id WHERE "
           "t.name = :t",
        soci::use(territory), soci::into(id);
    return id;
  });
}

long long ApiTest::user_id(const std::string& login) {
  return db_->with_session([&](soci::session& sql) {
    long long id = 0;
    sql << "SELECT id FROM users WHERE login = :l", soci::use(login), soci::into(id);
    return id;
  });
}

std::string ApiTest::next_demo_code(const std::string& login) {
  const auto key = security::base32_decode(app::kDemoTotpSecret).value();
  const auto now = security::totp_step(clock_.now().time_since_epoch().count());
  auto it = totp_used_step_.find(login);
  long long step = now - 1;
  if (it != totp_used_step_.end() && it->second >= step) step = it->second + 1;
  totp_used_step_[login] = step;
  return security::totp_code(key, step);
}

std::map<std::string, std::vector<std::string>> table_contents(store::Database& db) {
  std::map<std::string, std::vector<std::string>> out;
  db.with_session([&](soci::session& sql) {
    std::vector<std::string> tables;
    const bool lite = db.dialect() == store::Dialect::sqlite;
    {
      soci::rowset<std::string> rs =
          (sql.prepare << (lite ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name "
                                  "NOT LIKE 'sqlite_%'"
                                : "SELECT table_name FROM information_schema.tables WHERE "
                                  "table_schema = current_schema() AND table_type = 'BASE "
                                  "TABLE'"));
      for (const auto& t : rs) tables.push_back(t);
    }
    for (const auto& t : tables) {
      std::vector<std::string> columns;
      if (lite) {
        soci::rowset<soci::row> rs = (sql.prepare << "PRAGMA table_xinfo(\"" + t + "\")");
        for (const auto& r : rs)
          if (store::i64(r, 6) == 0) columns.push_back(store::str(r, 1));
      } else {
        soci::rowset<std::string> rs =
            (sql.prepare << "SELECT column_name FROM information_schema.columns WHERE "
                            "table_schema = current_schema() AND table_name = :t ORDER BY "
                            "ordinal_position",
             soci::use(t));
        for (const auto& c : rs) columns.push_back(c);
      }
      std::string select;
      for (const auto& c : columns)
        select += (select.empty() ? ""
                   : lite         ? " || '|' || "
                                  : ", ") +
                  (lite ? "quote(\"" + c + "\")" : "\"" + c + "\"");
      const std::string query =
          lite ? "SELECT " + select + " FROM \"" + t + "\""
               : "SELECT row_to_json(x)::text FROM (SELECT " + select + " FROM \"" + t + "\") x";
      auto& rows = out[t];
      soci::rowset<std::string> rs = (sql.prepare << query);
      for (const auto& r : rs) rows.push_back(r);
      std::sort(rows.begin(), rows.end());
    }
  });
  return out;
}

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) {
  return info.param;
}

}  // namespace binome::testing
