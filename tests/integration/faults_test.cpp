// Faults, on the real `binome serve` binary: SIGKILL during writes then restart, PostgreSQL
// restarted under load, a full disk under SQLite, and two processes on one PostgreSQL.
// What must hold: nothing acknowledged is lost, nothing half-written is visible, the audit
// chain stays whole, and the person at the screen gets a clear French answer meanwhile.
#include <sys/mount.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <functional>
#include <mutex>
#include <set>
#include <thread>

#include "serve_process.hpp"
#include "store/login_throttle_repo.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

long long count(store::Database& db, const std::string& query) {
  return db.with_session([&](soci::session& sql) {
    long long n = 0;
    sql << query, soci::into(n);
    return n;
  });
}

std::string id_path(const std::string& prefix, long long id) {
  return prefix + std::to_string(id);
}

// The first error of an answer: its code and its message.
std::pair<std::string, std::string> first_error(const HttpResult& r) {
  const auto j = r.json();
  if (!j.is_object() || !j.contains("errors") || j["errors"].empty()) return {"", r.body};
  return {j["errors"][0].value("code", ""), j["errors"][0].value("message", "")};
}

// A database of the backend under test, loaded with the demo département by `binome demo`.
class FaultTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    testdb_ = std::make_unique<TestDatabase>(GetParam());
    if (!testdb_->available()) BINOME_SKIP_OR_FAIL_WITHOUT_PG(testdb_->skip_reason);
    dir_ = std::make_unique<TempDir>("binome-faults");
    std::string out;
    ASSERT_EQ(run_binome({"demo", "--db", url(), "--password", kDemoPassword}, &out), 0) << out;
  }
  const std::string& url() const { return testdb_->url(); }
  std::filesystem::path log(const std::string& name) const { return dir_->path() / name; }

  std::unique_ptr<TestDatabase> testdb_;
  std::unique_ptr<TempDir> dir_;
};

TEST_P(FaultTest, KillNineDuringWritesLosesNothingAcknowledgedAndShowsNothingHalfWritten) {
  ServeProcess first(url(), log("serve-1.log"));
  std::string why;
  ASSERT_TRUE(first.start(&why)) << why;
  UserClient conseiller{first.port()};
  ASSERT_EQ(conseiller.login("conseiller.demo").status, 200);

  // Four writers create persons and orient them, keeping what the server acknowledged.
  std::mutex m;
  std::vector<std::pair<long long, std::string>> persons;
  std::vector<long long> orientations;
  std::vector<std::string> unexpected;
  std::atomic<int> acknowledged{0};
  auto writer = [&](int w) {
    for (int i = 0; i < 100000; ++i) {
      const std::string name = "Panne-" + std::to_string(w) + "-" + std::to_string(i);
      auto p = conseiller.call("POST", "/api/v1/persons", person_identity(name).dump());
      if (p.status == 0) return;  // the server is gone
      if (p.status != 201) {
        std::lock_guard lock(m);
        unexpected.push_back(std::to_string(p.status) + " " + p.body);
        return;
      }
      const long long id = p.json()["id"];
      {
        std::lock_guard lock(m);
        persons.emplace_back(id, name);
      }
      acknowledged++;
      auto o = conseiller.call("POST", id_path("/api/v1/persons/", id) + "/orientations",
                               bilateral_orientation().dump());
      if (o.status == 0) return;
      if (o.status != 201) {
        std::lock_guard lock(m);
        unexpected.push_back(std::to_string(o.status) + " " + o.body);
        return;
      }
      {
        std::lock_guard lock(m);
        orientations.push_back(o.json()["id"].get<long long>());
      }
      acknowledged++;
    }
  };
  std::vector<std::thread> writers;
  for (int w = 0; w < 4; ++w) writers.emplace_back(writer, w);
  // The kill lands while the four writers are at work, some of them mid-request.
  const auto deadline = Clock::now() + 40s;
  while (acknowledged < 60 && Clock::now() < deadline && unexpected.empty())
    std::this_thread::sleep_for(20ms);
  first.kill_hard();
  for (auto& t : writers) t.join();
  ASSERT_TRUE(unexpected.empty()) << unexpected.front();
  ASSERT_GE(acknowledged.load(), 60) << first.log();

  ServeProcess second(url(), log("serve-2.log"));
  ASSERT_TRUE(second.start(&why)) << why;
  conseiller.port = second.port();  // the session, stored in the database, survived too
  for (const auto& [id, name] : persons) {
    auto r = conseiller.get(id_path("/api/v1/persons/", id));
    ASSERT_EQ(r.status, 200) << "acknowledged person " << id << " lost: " << r.body;
    EXPECT_EQ(r.json()["last_name"], name);
  }
  std::set<long long> listed;
  for (const auto& [id, name] : persons) {
    auto r = conseiller.get(id_path("/api/v1/persons/", id) + "/orientations");
    ASSERT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    for (const auto& o : items) listed.insert(o["id"].get<long long>());
  }
  for (long long id : orientations)
    EXPECT_TRUE(listed.count(id)) << "acknowledged orientation " << id << " lost";

  auto db = store::Database::open(url(), 1);
  EXPECT_GE(count(*db, "SELECT COUNT(*) FROM persons WHERE last_name LIKE 'Panne-%'"),
            static_cast<long long>(persons.size()));
  // Each transaction wrote its rows and its audit record together, or nothing.
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM persons p WHERE p.last_name LIKE 'Panne-%' AND NOT EXISTS "
                  "(SELECT 1 FROM audit_log a WHERE a.action = 'person.create' AND a.person_id = "
                  "p.id)"),
            0);
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM orientations o JOIN persons p ON p.id = o.person_id WHERE "
                  "p.last_name LIKE 'Panne-%' AND (NOT EXISTS (SELECT 1 FROM orientation_events e "
                  "WHERE e.orientation_id = o.id AND e.kind = 'create') OR NOT EXISTS (SELECT 1 "
                  "FROM audit_log a WHERE a.action = 'orientation.create' AND a.person_id = "
                  "o.person_id))"),
            0);
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM audit_log a WHERE a.action = 'person.create' AND NOT "
                  "EXISTS (SELECT 1 FROM persons p WHERE p.id = a.person_id)"),
            0);
  if (GetParam() == "sqlite") {
    const auto check = db->with_session([](soci::session& sql) {
      std::string result;
      sql << "PRAGMA integrity_check", soci::into(result);
      return result;
    });
    EXPECT_EQ(check, "ok");
  }
  db.reset();
  EXPECT_EQ(second.terminate(), 0) << second.log();
  std::string out;
  EXPECT_EQ(run_binome({"audit", "verify", "--db", url()}, &out), 0) << out;
  EXPECT_NE(out.find("intègre"), std::string::npos) << out;
}

// A PostgreSQL of its own (scripts/test-postgres), since this test stops and starts it: the
// shared test server stays up for the tests running alongside.
class OwnPostgres {
 public:
  OwnPostgres() : dir_("/tmp/binome-pg-restart-" + std::to_string(::getpid())) {
    run_shell(script() + " stop " + dir_ + " >/dev/null 2>&1");  // a leftover of a killed run
    started_ = run_shell(script() + " start " + dir_ + " 2>&1", &url_) == 0;
  }
  ~OwnPostgres() { run_shell(script() + " stop " + dir_ + " >/dev/null 2>&1"); }
  bool started() const { return started_; }
  const std::string& url() const { return url_; }  // or the script's error
  bool down() { return run_shell(script() + " down " + dir_ + " 2>&1") == 0; }
  bool up() { return run_shell(script() + " up " + dir_ + " 2>&1") == 0; }

 private:
  static std::string script() { return std::string(BINOME_SOURCE_DIR) + "/scripts/test-postgres"; }
  std::string dir_, url_;
  bool started_ = false;
};

TEST(PostgresRestartTest, AnswersUnavailableWhileDownAndServesAgainSoonAfterWithoutRestart) {
  const char* shared = std::getenv("BINOME_TEST_PG_URL");
  if (!shared || !*shared)
    BINOME_SKIP_OR_FAIL_WITHOUT_PG("BINOME_TEST_PG_URL absent : pas de PostgreSQL de test");
  OwnPostgres pg;
  // PostgreSQL's server programs are needed here, not only a server to connect to.
  if (!pg.started()) BINOME_SKIP_OR_FAIL_WITHOUT_PG("scripts/test-postgres start : " + pg.url());
  TempDir dir("binome-pg-restart-logs");
  std::string out;
  ASSERT_EQ(run_binome({"demo", "--db", pg.url(), "--password", kDemoPassword}, &out), 0) << out;
  ServeProcess serve(pg.url(), dir.path() / "serve.log", {"--db-pool", "4"});
  std::string why;
  ASSERT_TRUE(serve.start(&why)) << why;
  UserClient conseiller{serve.port()};
  ASSERT_EQ(conseiller.login("conseiller.demo").status, 200);

  // Load throughout: readers and a writer. Every answer is a success or a clean 503; no 500,
  // no connection left without an answer.
  std::atomic<bool> loading{true};
  std::mutex m;
  std::map<int, int> statuses;
  std::vector<std::string> bad, late;
  // Once a request has succeeded after PostgreSQL's return, any request started later must
  // succeed too: no pooled connection is left stale.
  std::atomic<long long> served_again_at{0};
  const auto now_ns = [] { return Clock::now().time_since_epoch().count(); };
  auto load = [&](int k) {
    for (int i = 0; loading; ++i) {
      const auto started = now_ns();
      auto r = k == 0 ? conseiller.call("POST", "/api/v1/persons",
                                        person_identity("Redemarrage-" + std::to_string(i)).dump())
                      : conseiller.get("/api/v1/persons?per_page=20");
      std::lock_guard lock(m);
      statuses[r.status]++;
      if (r.status != 200 && r.status != 201 &&
          !(r.status == 503 && first_error(r).first == "base_indisponible"))
        bad.push_back(std::to_string(r.status) + " " + r.body);
      const auto back_at = served_again_at.load();
      if (back_at && started > back_at && r.status >= 300)
        late.push_back(std::to_string(r.status) + " " + r.body);
      if (r.status == 503) std::this_thread::sleep_for(20ms);
    }
  };
  std::vector<std::thread> threads;
  for (int k = 0; k < 3; ++k) threads.emplace_back(load, k);
  std::this_thread::sleep_for(500ms);

  ASSERT_TRUE(pg.down());
  // While PostgreSQL is down: a quick, clear 503 in French, for reads, writes and /healthz.
  for (const auto& [method, path, body] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"GET", "/api/v1/persons", ""},
           {"POST", "/api/v1/persons", person_identity("Pendant-la-panne").dump()},
           {"GET", "/healthz", ""}}) {
    const auto started = Clock::now();
    auto r = conseiller.call(method, path, body, 10s);
    EXPECT_LT(Clock::now() - started, 5s) << method << " " << path << " must not hang";
    EXPECT_EQ(r.status, 503) << method << " " << path << ": " << r.body;
    const auto [code, message] = first_error(r);
    EXPECT_EQ(code, "base_indisponible") << r.body;
    EXPECT_NE(message.find("indisponible"), std::string::npos) << r.body;
  }
  std::this_thread::sleep_for(300ms);

  ASSERT_TRUE(pg.up());
  const auto back = Clock::now();
  // pg_ctl has returned: PostgreSQL accepts connections. The very next request succeeds, its
  // pooled connection revived as it was taken (the one below 5 s is the bound).
  HttpResult r = conseiller.get("/api/v1/persons?per_page=20");
  EXPECT_EQ(r.status, 200) << "first request after PostgreSQL's return: " << r.body;
  while (r.status != 200 && Clock::now() - back < 10s) {
    std::this_thread::sleep_for(50ms);
    r = conseiller.get("/api/v1/persons?per_page=20");
  }
  if (r.status == 200) served_again_at = now_ns();
  const auto took = Clock::now() - back;
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_LT(took, 5s) << "serving again took "
                      << std::chrono::duration_cast<std::chrono::milliseconds>(took).count()
                      << " ms after PostgreSQL's return";
  // Every pooled connection is usable again: concurrent bursts larger than the pool.
  for (int round = 0; round < 3; ++round) {
    std::vector<std::thread> burst;
    std::vector<int> answers(8);
    for (std::size_t i = 0; i < answers.size(); ++i)
      burst.emplace_back(
          [&, i] { answers[i] = conseiller.get("/api/v1/persons?per_page=5").status; });
    for (auto& t : burst) t.join();
    for (int status : answers) EXPECT_EQ(status, 200);
  }
  EXPECT_EQ(http_call(serve.port(), "GET", "/healthz").status, 200);
  loading = false;
  for (auto& t : threads) t.join();
  EXPECT_TRUE(bad.empty()) << bad.size() << " unexpected answers, first: " << bad.front();
  EXPECT_TRUE(late.empty()) << late.size() << " failures after the return, first: " << late.front();
  EXPECT_GT(statuses[503], 0) << "the load met the outage";
  EXPECT_GT(statuses[201], 0);
  // Writes resumed after the restart.
  auto created =
      conseiller.call("POST", "/api/v1/persons", person_identity("Apres-la-panne").dump());
  EXPECT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(serve.terminate(), 0) << serve.log();
  EXPECT_EQ(run_binome({"audit", "verify", "--db", pg.url()}, &out), 0) << out;
}

// A small tmpfs of its own, unmounted by the destructor.
class SmallDisk {
 public:
  SmallDisk(const std::filesystem::path& where, const std::string& size) : path_(where) {
    std::filesystem::create_directories(path_);
    mounted_ = ::geteuid() == 0 &&
               ::mount("tmpfs", path_.c_str(), "tmpfs", 0, ("size=" + size).c_str()) == 0;
  }
  ~SmallDisk() {
    if (mounted_) ::umount2(path_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  // Fills the disk with a file until it refuses more; the bytes written.
  std::size_t fill(const std::filesystem::path& file) {
    std::FILE* f = std::fopen(file.c_str(), "wb");
    if (!f) return 0;
    std::vector<char> block(64 * 1024, 'x');
    std::size_t total = 0;
    for (std::size_t size : {block.size(), std::size_t{4096}, std::size_t{512}})
      while (std::fwrite(block.data(), 1, size, f) == size && std::fflush(f) == 0) total += size;
    std::fclose(f);
    return total;
  }

 private:
  std::filesystem::path path_;
  bool mounted_ = false;
};

TEST(DiskFullTest, WritesAreRefusedClearlyNothingIsCorruptedAndWritesResumeOnceSpaceIsFreed) {
  TempDir dir("binome-disk-full");
  // A real full disk (a small tmpfs, as root); otherwise a cap on the size of the files
  // binome writes (RLIMIT_FSIZE), which SQLite meets the same way.
  SmallDisk disk(dir.path() / "disque", "32m");
  const auto db_dir = disk.mounted() ? dir.path() / "disque" : dir.path();
  const std::string url = "sqlite:" + (db_dir / "binome.db").string();
  std::string out;
  ASSERT_EQ(run_binome({"demo", "--db", url, "--password", kDemoPassword}, &out), 0) << out;
  ServeProcess serve(url, dir.path() / "serve.log");
  std::string why;
  ASSERT_TRUE(serve.start(&why)) << why;
  UserClient conseiller{serve.port()};
  ASSERT_EQ(conseiller.login("conseiller.demo").status, 200);
  auto before = conseiller.call("POST", "/api/v1/persons", person_identity("Avant").dump());
  ASSERT_EQ(before.status, 201) << before.body;
  const long long kept = before.json()["id"];

  if (disk.mounted()) {
    ASSERT_GT(disk.fill(db_dir / "remplissage"), 0u);
  } else {
    const auto wal = db_dir / "binome.db-wal";
    ASSERT_TRUE(std::filesystem::exists(wal));
    ASSERT_TRUE(serve.limit_file_size(std::filesystem::file_size(wal)));
  }
  // tmpfs: ENOSPC, SQLITE_FULL. Capped files: a short write (SQLITE_FULL) or EFBIG (an I/O
  // error): both refuse clearly and write nothing.
  const std::set<std::string> storage_codes =
      disk.mounted() ? std::set<std::string>{"stockage_plein"}
                     : std::set<std::string>{"stockage_plein", "stockage_en_erreur"};
  auto refused = conseiller.call("POST", "/api/v1/persons", person_identity("Refusee").dump());
  EXPECT_TRUE(refused.status == 507 || (!disk.mounted() && refused.status == 503))
      << refused.status << " " << refused.body;
  const auto [code, message] = first_error(refused);
  EXPECT_TRUE(storage_codes.count(code)) << refused.body;
  EXPECT_NE(message.find("rien n'a été enregistré"), std::string::npos) << refused.body;
  // What needs no write still answers; a person's file needs its audit record, which cannot be
  // written: refused the same way rather than shown untraced.
  EXPECT_EQ(http_call(serve.port(), "GET", "/healthz").status, 200);
  EXPECT_EQ(conseiller.get("/api/v1/referentials/orientation").status, 200);
  auto untraced = conseiller.get(id_path("/api/v1/persons/", kept));
  EXPECT_TRUE(storage_codes.count(first_error(untraced).first)) << untraced.body;

  if (disk.mounted())
    std::filesystem::remove(db_dir / "remplissage");
  else
    ASSERT_TRUE(serve.limit_file_size(std::nullopt));
  auto after = conseiller.call("POST", "/api/v1/persons", person_identity("Apres").dump());
  EXPECT_EQ(after.status, 201) << "writes resume without a restart: " << after.body;
  EXPECT_EQ(conseiller.get(id_path("/api/v1/persons/", kept)).status, 200);
  EXPECT_EQ(serve.terminate(), 0) << serve.log();

  auto db = store::Database::open(url, 1);
  EXPECT_EQ(db->with_session([](soci::session& sql) {
    std::string result;
    sql << "PRAGMA integrity_check", soci::into(result);
    return result;
  }),
            "ok");
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM persons WHERE last_name = 'Refusee'"), 0);
  EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM persons WHERE last_name IN ('Avant', 'Apres')"), 2);
  db.reset();
  EXPECT_EQ(run_binome({"audit", "verify", "--db", url}, &out), 0) << out;
}

// Runs the calls at the same instant, one thread each; their answers in order.
std::vector<HttpResult> race(const std::vector<std::function<HttpResult()>>& calls) {
  std::vector<HttpResult> out(calls.size());
  std::atomic<std::size_t> ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < calls.size(); ++i)
    threads.emplace_back([&, i] {
      ready++;
      while (!go) std::this_thread::yield();
      out[i] = calls[i]();
    });
  while (ready < calls.size()) std::this_thread::yield();
  go = true;
  for (auto& t : threads) t.join();
  return out;
}

std::multiset<int> statuses_of(const std::vector<HttpResult>& results) {
  std::multiset<int> out;
  for (const auto& r : results) out.insert(r.status);
  return out;
}

std::string bodies_of(const std::vector<HttpResult>& results) {
  std::string out;
  for (const auto& r : results) out += std::to_string(r.status) + " " + r.body + "\n";
  return out;
}

TEST(TwoServersTest, SessionsRateLimitsAndDecisionsStayConsistentAcrossProcesses) {
  TestDatabase testdb("postgres");
  if (!testdb.available()) BINOME_SKIP_OR_FAIL_WITHOUT_PG(testdb.skip_reason);
  TempDir dir("binome-two-servers");
  std::string out;
  ASSERT_EQ(run_binome({"demo", "--db", testdb.url(), "--password", kDemoPassword}, &out), 0)
      << out;
  ServeProcess a(testdb.url(), dir.path() / "serve-a.log");
  ServeProcess b(testdb.url(), dir.path() / "serve-b.log");
  std::string why;
  ASSERT_TRUE(a.start(&why)) << why;
  ASSERT_TRUE(b.start(&why)) << why;
  auto db = store::Database::open(testdb.url(), 1);
  auto user_id = [&](const std::string& login) {
    return count(*db, "SELECT id FROM users WHERE login = '" + login + "'");
  };

  // Sessions: opened on one process, valid on the other; closed on one, closed on both.
  UserClient conseiller_a{a.port()};
  ASSERT_EQ(conseiller_a.login("conseiller.demo").status, 200);
  UserClient conseiller_b = conseiller_a;
  conseiller_b.port = b.port();
  EXPECT_EQ(conseiller_b.get("/api/v1/persons?per_page=5").status, 200);
  UserClient brief{b.port()};
  ASSERT_EQ(brief.login("conseiller2.demo").status, 200);
  UserClient brief_on_a = brief;
  brief_on_a.port = a.port();
  EXPECT_EQ(brief_on_a.get("/api/v1/session").status, 200);
  EXPECT_EQ(brief.call("DELETE", "/api/v1/session").status, 204);
  EXPECT_EQ(brief_on_a.get("/api/v1/session").status, 401);

  // Rate limits: failures on both processes add up; the slowdown then holds on both.
  const auto wrong = [](const std::string& login) {
    return Json{{"login", login}, {"password", "pas-le-bon-mot-de-passe"}}.dump();
  };
  for (int i = 0; i < 3; ++i)
    EXPECT_EQ(
        http_call(i % 2 ? b.port() : a.port(), "POST", "/api/v1/session", wrong("coordo.demo"))
            .status,
        401);
  for (int port : {a.port(), b.port()}) {
    auto slowed = http_call(port, "POST", "/api/v1/session",
                            Json{{"login", "coordo.demo"}, {"password", kDemoPassword}}.dump());
    EXPECT_EQ(slowed.status, 429) << slowed.body;
    EXPECT_EQ(first_error(slowed).first, "trop_de_tentatives") << slowed.body;
  }
  // Simultaneous failures through both: each one answered 401 is counted, none lost.
  std::vector<std::function<HttpResult()>> attempts;
  for (int i = 0; i < 8; ++i)
    attempts.push_back([&, i] {
      return http_call(i % 2 ? b.port() : a.port(), "POST", "/api/v1/session",
                       wrong("pilotage.demo"));
    });
  const auto tried = race(attempts);
  long long rejected = 0;
  for (const auto& r : tried) {
    EXPECT_TRUE(r.status == 401 || r.status == 429) << r.status << " " << r.body;
    rejected += r.status == 401;
  }
  const auto key = store::login_key("pilotage.demo");
  EXPECT_EQ(count(*db, "SELECT failed_count FROM login_throttle WHERE login_key = '" + key + "'"),
            rejected);
  EXPECT_EQ(count(*db,
                  "SELECT COUNT(*) FROM audit_log WHERE action = 'login.failed' AND "
                  "user_id = " +
                      std::to_string(user_id("pilotage.demo"))),
            rejected);

  // Decisions about one person, through both processes at once: exactly one applies.
  UserClient social_b{b.port()};
  ASSERT_EQ(social_b.login("social.demo").status, 200);
  const auto social_id = user_id("social.demo");
  for (int k = 0; k < 3; ++k) {
    auto identity = person_identity("Deux-serveurs-" + std::to_string(k));
    identity["referent_social_id"] = social_id;
    auto person = conseiller_a.call("POST", "/api/v1/persons", identity.dump());
    ASSERT_EQ(person.status, 201) << person.body;
    const long long pid = person.json()["id"];
    const auto orientations = id_path("/api/v1/persons/", pid) + "/orientations";

    const auto created = race(
        {[&] { return conseiller_a.call("POST", orientations, bilateral_orientation().dump()); },
         [&] { return conseiller_b.call("POST", orientations, bilateral_orientation().dump()); }});
    ASSERT_EQ(statuses_of(created), (std::multiset<int>{201, 409})) << bodies_of(created);
    EXPECT_EQ(
        count(*db, "SELECT COUNT(*) FROM orientations WHERE person_id = " + std::to_string(pid)),
        1);
    const auto winner = created[0].status == 201 ? created[0].json() : created[1].json();
    const auto path = id_path("/api/v1/orientations/", winner["id"].get<long long>());
    const int months = winner["entry_durations"][0];

    auto agreed = social_b.call("POST", path + "/position", Json{{"position", "accord"}}.dump());
    ASSERT_EQ(agreed.status, 200) << agreed.body;
    const auto decision = Json{{"decision", "oui"}, {"planned_start_date", today_iso()}}.dump();
    const auto decided =
        race({[&] { return conseiller_a.call("POST", path + "/decision", decision); },
              [&] { return social_b.call("POST", path + "/decision", decision); }});
    ASSERT_EQ(statuses_of(decided), (std::multiset<int>{200, 409})) << bodies_of(decided);
    const auto oid = std::to_string(winner["id"].get<long long>());
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM orientation_events WHERE orientation_id = " + oid +
                             " AND kind = 'decision'"),
              1);
    EXPECT_EQ(count(*db,
                    "SELECT COUNT(*) FROM audit_log WHERE action = 'orientation.decision' "
                    "AND person_id = " +
                        std::to_string(pid)),
              1);

    const auto entry = Json{{"start_date", today_iso()}, {"initial_months", months}}.dump();
    const auto entered = race({[&] { return conseiller_a.call("POST", path + "/entry", entry); },
                               [&] { return social_b.call("POST", path + "/entry", entry); }});
    ASSERT_EQ(statuses_of(entered), (std::multiset<int>{201, 409})) << bodies_of(entered);
    EXPECT_EQ(count(*db, "SELECT COUNT(*) FROM supports WHERE orientation_id = " + oid), 1);
    for (const auto& r : entered)
      if (r.status == 409) {
        EXPECT_FALSE(first_error(r).second.empty()) << r.body;
      }
  }
  db.reset();
  EXPECT_EQ(a.terminate(), 0) << a.log();
  EXPECT_EQ(b.terminate(), 0) << b.log();
  EXPECT_EQ(run_binome({"audit", "verify", "--db", testdb.url()}, &out), 0) << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, FaultTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
