// binome flows import on both backends: reconciliation (NIR, France Travail id, identity),
// snapshots and events between months, idempotence, order of files, rejected files and
// records, and a killed import that leaves the database as it was.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/admin_service.hpp"
#include "app/flows_service.hpp"
#include "app/rgpd_service.hpp"
#include "flows/generator.hpp"
#include "harness.hpp"
#include "security/tokens.hpp"
#include "store/flows_repo.hpp"
#include "store/migrations.hpp"
#include "store/orgs_repo.hpp"
#include "store/persons_repo.hpp"
#include "store/rows.hpp"

namespace binome::testing {
namespace {

using Outcome = app::FlowImportResult::Outcome;

std::string sample_pecgm() {
  std::ifstream in(std::string(BINOME_SOURCE_DIR) + "/spec/flows/samples/pecgm-valid.xml",
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string edit(std::string doc, const std::string& from, const std::string& to) {
  const auto at = doc.find(from);
  if (at == std::string::npos) throw std::invalid_argument("edit not applicable: " + from);
  return doc.replace(at, from.size(), to);
}
std::string edit_all(std::string doc, const std::string& from, const std::string& to) {
  for (auto at = doc.find(from); at != std::string::npos; at = doc.find(from, at + to.size()))
    doc.replace(at, from.size(), to);
  return doc;
}

// October: Hélène (NIR known from September) moved to another site (new ids, spelled in
// capitals) and left GLO; Moussa registered again.
std::string october() {
  std::string doc = edit_all(sample_pecgm(), "2024-09-01", "2024-10-01");
  doc = edit(doc, "<date-fabrication>2024-09-09", "<date-fabrication>2024-10-09");
  doc = edit(doc, "<nom-naissance>Lef\xE8vre", "<nom-naissance>LEFEVRE");
  doc = edit(doc, "<code-pe>062</code-pe>\n      <identifiant-pe>1234567A",
             "<code-pe>059</code-pe>\n      <identifiant-pe>7654321B");
  doc = edit(doc, "<code>GLO</code>", "<code>REN</code>");
  doc = edit(doc,
             "<date-debut-ide>2022-04-11</date-debut-ide>\n      <date-cessation-ide>2024-08-12"
             "</date-cessation-ide>\n      <motif-cessation-ide>21</motif-cessation-ide>\n      "
             "<lib-cessation-ide>reprise d'emploi par l'agence sur emploi durable a temps plein"
             "</lib-cessation-ide>",
             "<date-debut-ide>2024-09-20</date-debut-ide>");
  return doc;
}

class FlowsImportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    testdb_ = std::make_unique<TestDatabase>(GetParam());
    if (!testdb_->available()) GTEST_SKIP() << testdb_->skip_reason;
    db_ = store::Database::open(testdb_->url(), 2);
    store::migrate(*db_);
    ctx_ = std::make_unique<app::Context>(app::Context{*db_, clock_, {}});
    ctx_->settings.nir_keys = test_nir_keys();
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-flows-import-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::create_directories(dir_);
    db_->transaction([&](soci::session& sql) {
      store::upsert_departement(sql, "62", "Pas-de-Calais");
      territory_ = store::insert_territory(sql, "62", "Territoire de test");
    });
    helene_ = add_person("Lefèvre", "Hélène", "1985-07-14", std::nullopt);
    moussa_ = add_person("N'Diaye", "Moussa", "1992-02-29", "76543210");
    other_ = add_person("Dupont", "Jean", "1970-01-01", "99999999");
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  std::int64_t add_person(const std::string& last, const std::string& first,
                          const std::string& birth, std::optional<std::string> ft) {
    domain::Person p;
    p.identity.last_name = last;
    p.identity.first_name = first;
    p.identity.birth_date = birth;
    p.identity.street = "1 rue de test";
    p.identity.postal_code = "62000";
    p.identity.commune = "Arras";
    p.identity.ft_id = ft;
    p.identity.brsa = true;
    p.scope.departement = "62";
    p.scope.territory_id = territory_;
    return db_->transaction(
        [&](soci::session& sql) { return store::insert_person(sql, p, "2024-01-01T00:00:00Z"); });
  }

  std::string write(const std::string& name, const std::string& text) {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }

  app::FlowImportResult import(const std::string& path, bool force = false) {
    app::FlowImportRequest req;
    req.path = path;
    req.force = force;
    req.today = *domain::parse_date("2024-11-20");
    return app::import_flow_file(*ctx_, app::operator_actor(), {"test", "local"}, req);
  }

  long long count(const std::string& table) {
    long long n = 0;
    db_->with_session(
        [&](soci::session& sql) { sql << "SELECT COUNT(*) FROM " + table, soci::into(n); });
    return n;
  }
  // A fingerprint of everything an import writes.
  std::string state() {
    std::string out;
    db_->with_session([&](soci::session& sql) {
      for (const char* q :
           {"SELECT COUNT(*) FROM flow_imports", "SELECT COUNT(*) FROM flow_events",
            "SELECT COUNT(*) FROM job_seeker_snapshots", "SELECT COUNT(*) FROM audit_log"}) {
        long long n = 0;
        sql << q, soci::into(n);
        out += std::to_string(n) + ";";
      }
      store::for_each_row(sql,
                          "SELECT person_id, date_reference, code_pe, identifiant_pe, modalite "
                          "FROM job_seeker_snapshots ORDER BY person_id",
                          std::nullopt, [&](const soci::row& r) {
                            out += std::to_string(store::i64(r, 0));
                            for (std::size_t i = 1; i < 5; ++i)
                              out += "," + store::opt_str(r, i).value_or("-");
                            out += ";";
                          });
    });
    return out;
  }
  std::vector<store::FlowEventRow> events_of(std::int64_t person) {
    return db_->with_session(
        [&](soci::session& sql) { return store::open_flow_events(sql, {person}); });
  }
  std::optional<std::string> ft_id_of(std::int64_t person) {
    return db_->with_session(
        [&](soci::session& sql) { return store::find_person(sql, person)->person.identity.ft_id; });
  }

  std::unique_ptr<TestDatabase> testdb_;
  std::unique_ptr<store::Database> db_;
  FakeClock clock_;
  std::unique_ptr<app::Context> ctx_;
  std::filesystem::path dir_;
  std::int64_t territory_ = 0, helene_ = 0, moussa_ = 0, other_ = 0;
};

TEST_P(FlowsImportTest, FirstFileReconcilesAndRaisesOnlyWhatCallsForAction) {
  const auto r = import(write("sept.xml", sample_pecgm()));
  ASSERT_EQ(r.outcome, Outcome::imported);
  EXPECT_EQ(r.matched, 2);
  EXPECT_EQ(r.unmatched, 0);
  EXPECT_EQ(count("job_seeker_snapshots"), 2);
  const auto h = events_of(helene_);
  ASSERT_EQ(h.size(), 1u);
  EXPECT_EQ(h[0].kind, "entree_glo");
  EXPECT_EQ(h[0].event_date, "2024-09-01");
  const auto m = events_of(moussa_);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].kind, "cessation");
  EXPECT_EQ(m[0].event_date, "2024-08-12");
  EXPECT_NE(m[0].detail.find("21"), std::string::npos);
  EXPECT_TRUE(events_of(other_).empty());
  const auto snap = db_->with_session([&](soci::session& sql) {
    return store::job_seeker_snapshot(sql, helene_, test_nir_keys().get());
  });
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->nir, "2850762041123");
  EXPECT_EQ(snap->modalite, "GLO");
  EXPECT_EQ(snap->structure_principale, "ARRAS AGENCE, 2 BIS RUE SYMPHORINE, 62000 ARRAS");
  long long audited = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM audit_log WHERE action = 'flows.import'", soci::into(audited);
  });
  EXPECT_EQ(audited, 1);
}

// Every byte of the SQLite database (main file and WAL), once closed.
std::string sqlite_bytes(const std::string& url) {
  std::string out;
  const std::string path = url.substr(std::string("sqlite:").size());
  for (const auto& p : {path, path + "-wal", path + "-journal"}) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    out += s.str();
  }
  return out;
}

TEST_P(FlowsImportTest, NirIsSealedAtRestAndAWrongKeyCannotReadIt) {
  ASSERT_EQ(import(write("sept.xml", sample_pecgm())).outcome, Outcome::imported);
  std::string sealed, hash;
  soci::indicator clear = soci::i_ok;
  std::string clear_value;
  db_->with_session([&](soci::session& sql) {
    long long p = helene_;
    sql << "SELECT nir_sealed, nir_hash, nir FROM job_seeker_snapshots WHERE person_id = :p",
        soci::use(p), soci::into(sealed), soci::into(hash), soci::into(clear_value, clear);
  });
  EXPECT_EQ(clear, soci::i_null) << "the clear column is never written";
  EXPECT_EQ(sealed.find("2850762041123"), std::string::npos);
  EXPECT_EQ(hash, test_nir_keys()->lookup_hash("2850762041123"));

  // Another key: the NIR cannot be read, and an import that needs it stops cleanly.
  security::NirKeys::Key other{};
  other.fill(9);
  const auto wrong = std::make_shared<const security::NirKeys>(other);
  EXPECT_FALSE(wrong->open(sealed, helene_));
  try {
    db_->with_session(
        [&](soci::session& sql) { return store::job_seeker_snapshot(sql, helene_, wrong.get()); });
    ADD_FAILURE() << "a wrong key must not read the NIR";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("illisible"), std::string::npos) << e.what();
  }
  const std::string before = state();
  ctx_->settings.nir_keys = wrong;
  EXPECT_THROW(import(write("oct.xml", october())), std::runtime_error);
  EXPECT_EQ(state(), before) << "nothing written with the wrong key";
  ctx_->settings.nir_keys = nullptr;
  EXPECT_THROW(import(write("oct.xml", october())), std::runtime_error) << "no key, no import";
  EXPECT_EQ(state(), before);

  // The right key: Hélène is reconciled by her NIR (its keyed hash) despite new ids.
  ctx_->settings.nir_keys = test_nir_keys();
  const auto r = import(write("oct.xml", october()));
  ASSERT_EQ(r.outcome, Outcome::imported);
  EXPECT_EQ(r.matched_by.at("nir"), 1);

  if (GetParam() == "sqlite") {
    ctx_.reset();
    db_.reset();
    const auto bytes = sqlite_bytes(testdb_->url());
    ASSERT_GT(bytes.size(), 10000u);
    EXPECT_EQ(bytes.find("2850762041123"), std::string::npos) << "no clear NIR in the file";
  }
}

TEST_P(FlowsImportTest, ClearNirsOfAnEarlierVersionAreSealedWithTheKey) {
  ASSERT_EQ(import(write("sept.xml", sample_pecgm())).outcome, Outcome::imported);
  // As an import before migration 0014 left it.
  db_->with_session([&](soci::session& sql) {
    long long p = helene_;
    sql << "UPDATE job_seeker_snapshots SET nir = '2850762041123', nir_sealed = NULL, "
           "nir_hash = NULL WHERE person_id = :p",
        soci::use(p);
  });
  ctx_->settings.nir_keys = nullptr;
  try {
    app::seal_clear_nirs(*ctx_, {"test", "local"});
    ADD_FAILURE() << "clear NIRs without a key must stop the start";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("en clair"), std::string::npos) << e.what();
  }
  ctx_->settings.nir_keys = test_nir_keys();
  EXPECT_EQ(app::seal_clear_nirs(*ctx_, {"test", "local"}), 1);
  EXPECT_EQ(app::seal_clear_nirs(*ctx_, {"test", "local"}), 0) << "done once";
  EXPECT_EQ(count("job_seeker_snapshots WHERE nir IS NOT NULL"), 0);
  EXPECT_EQ(count("audit_log WHERE action = 'flows.nir_sealed'"), 1);
  const auto snap = db_->with_session([&](soci::session& sql) {
    return store::job_seeker_snapshot(sql, helene_, test_nir_keys().get());
  });
  ASSERT_TRUE(snap);
  EXPECT_EQ(snap->nir, "2850762041123");
  const auto r = import(write("oct.xml", october()));
  ASSERT_EQ(r.outcome, Outcome::imported);
  EXPECT_EQ(r.matched_by.at("nir"), 1) << "reconciliation by NIR still works";
  if (GetParam() == "sqlite") {
    ctx_.reset();
    db_.reset();
    EXPECT_EQ(sqlite_bytes(testdb_->url()).find("2850762041123"), std::string::npos)
        << "the clear NIR does not survive in the file's free space";
  }
}

TEST_P(FlowsImportTest, RawFileIsKeptNinetyDaysThenPurged) {
  ctx_->settings.flow_files_dir = (dir_ / "bruts").string();
  const std::string content = sample_pecgm();
  const auto r = import(write("sept.xml", content));
  ASSERT_EQ(r.outcome, Outcome::imported);
  ASSERT_FALSE(r.raw_file.empty());
  ASSERT_TRUE(std::filesystem::exists(r.raw_file));
  {
    std::ifstream in(r.raw_file, std::ios::binary);
    std::stringstream kept;
    kept << in.rdbuf();
    EXPECT_EQ(kept.str(), content);
  }
  EXPECT_EQ(std::filesystem::status(r.raw_file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  std::string stored_path, stored_sha;
  db_->with_session([&](soci::session& sql) {
    long long id = r.import_id;
    sql << "SELECT raw_file, file_sha256 FROM flow_imports WHERE id = :id", soci::use(id),
        soci::into(stored_path), soci::into(stored_sha);
  });
  EXPECT_EQ(stored_path, r.raw_file);
  EXPECT_EQ(stored_sha, security::sha256_hex(content)) << "the checksum of the kept file";

  app::RgpdService rgpd(*ctx_);
  clock_.advance(std::chrono::hours(24 * 90));  // the 90th day after the import: still kept
  EXPECT_TRUE(rgpd.plan().raw_files.empty());
  clock_.advance(std::chrono::hours(24));
  const auto plan = rgpd.plan();  // --dry-run: listed, nothing removed
  ASSERT_EQ(plan.raw_files.size(), 1u);
  EXPECT_EQ(plan.raw_files[0].import_id, r.import_id);
  EXPECT_NE(plan.raw_files[0].rule.find("90 jours"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(r.raw_file));
  const auto done = rgpd.purge({"test", "local"});
  EXPECT_EQ(done.raw_files.size(), 1u);
  EXPECT_FALSE(std::filesystem::exists(r.raw_file));
  EXPECT_EQ(count("flow_imports WHERE raw_removed_at IS NOT NULL"), 1);
  EXPECT_EQ(count("flow_imports"), 1) << "the import's history stays";
  EXPECT_EQ(count("audit_log WHERE action = 'purge.fichier_flux'"), 1);
  EXPECT_TRUE(rgpd.plan().raw_files.empty()) << "removed once";
}

TEST_P(FlowsImportTest, NoRawFileKeptWhenTheImportIsRefused) {
  ctx_->settings.flow_files_dir = (dir_ / "bruts").string();
  const auto r = import(write("bad.xml", edit(sample_pecgm(), "<nb-dossier>2", "<nb-dossier>3")));
  EXPECT_EQ(r.outcome, Outcome::rejected);
  EXPECT_TRUE(r.raw_file.empty());
  EXPECT_FALSE(std::filesystem::exists(dir_ / "bruts") &&
               !std::filesystem::is_empty(dir_ / "bruts"));
}

// On SQLite the import enlarges the page cache of the writers' one session, which serve keeps
// for the process's life: it is back to SQLite's default after an import, accepted or refused.
TEST_P(FlowsImportTest, TheWritersSessionGetsItsDefaultCacheBackAfterAnImport) {
  if (GetParam() != "sqlite") GTEST_SKIP() << "page cache of SQLite only";
  auto cache_size = [](soci::session& sql) {
    long long n = 0;
    sql << "PRAGMA cache_size", soci::into(n);
    return n;
  };
  ASSERT_EQ(import(write("sept.xml", sample_pecgm())).outcome, Outcome::imported);
  EXPECT_EQ(db_->transaction(cache_size), -2000);
  const auto bad = edit(sample_pecgm(), "<nb-dossier>2", "<nb-dossier>3");
  ASSERT_EQ(import(write("bad.xml", bad)).outcome, Outcome::rejected);
  EXPECT_EQ(db_->transaction(cache_size), -2000);
}

TEST_P(FlowsImportTest, SameFileTwiceChangesNothing) {
  const std::string path = write("sept.xml", sample_pecgm());
  ASSERT_EQ(import(path).outcome, Outcome::imported);
  const std::string before = state();
  const auto again = import(path);
  EXPECT_EQ(again.outcome, Outcome::already_imported);
  EXPECT_EQ(state(), before);
}

TEST_P(FlowsImportTest, NextMonthDerivesEventsAndFollowsAChangeOfSite) {
  ASSERT_EQ(import(write("sept.xml", sample_pecgm())).outcome, Outcome::imported);
  const auto sealed_nir = [&] {
    std::string sealed;
    db_->with_session([&](soci::session& sql) {
      long long p = helene_;
      sql << "SELECT nir_sealed FROM job_seeker_snapshots WHERE person_id = :p", soci::use(p),
          soci::into(sealed);
    });
    return sealed;
  };
  const std::string september_seal = sealed_nir();
  const auto r = import(write("oct.xml", october()));
  ASSERT_EQ(r.outcome, Outcome::imported);
  EXPECT_EQ(r.matched, 2) << "Hélène found by her NIR despite new ids and spelling";
  std::vector<std::string> kinds;
  for (const auto& e : events_of(helene_)) kinds.push_back(e.kind);
  EXPECT_EQ(kinds, (std::vector<std::string>{"entree_glo", "changement_site", "sortie_glo"}));
  EXPECT_EQ(ft_id_of(helene_), "7654321B") << "the person keeps up with her new id";
  std::vector<std::string> m;
  for (const auto& e : events_of(moussa_)) m.push_back(e.kind + "@" + e.event_date);
  EXPECT_EQ(m, (std::vector<std::string>{"cessation@2024-08-12", "inscription@2024-09-20"}));
  // Her snapshot is October's; her NIR, the same, is kept as it was sealed (not sealed anew).
  const auto snapshot = [&] {
    return db_->with_session([&](soci::session& sql) {
      return store::job_seeker_snapshot(sql, helene_, test_nir_keys().get());
    });
  };
  auto october_snapshot = snapshot();
  ASSERT_TRUE(october_snapshot);
  EXPECT_EQ(october_snapshot->date_reference, "2024-10-01");
  EXPECT_EQ(october_snapshot->code_pe, "059");
  EXPECT_EQ(october_snapshot->identifiant_pe, "7654321B");
  EXPECT_EQ(october_snapshot->modalite, "REN");
  EXPECT_EQ(october_snapshot->nir, "2850762041123");
  EXPECT_EQ(sealed_nir(), september_seal);
  // November: no NIR for Hélène any more, only her new France Travail id.
  std::string nov = edit_all(october(), "2024-10-01", "2024-11-01");
  nov = edit(nov, "<date-fabrication>2024-10-09", "<date-fabrication>2024-11-09");
  nov = edit(nov, "<nir>2850762041123</nir>", "");
  nov = edit(nov, "<prenom>H\xE9l\xE8ne</prenom>", "<prenom>Helene-Marie</prenom>");
  const auto n = import(write("nov.xml", nov));
  ASSERT_EQ(n.outcome, Outcome::imported);
  EXPECT_EQ(n.matched, 2);
  EXPECT_EQ(n.unmatched, 0);
  EXPECT_EQ(events_of(helene_).size(), 3u) << "nothing new for her";
  const auto november_snapshot = snapshot();
  ASSERT_TRUE(november_snapshot);
  EXPECT_EQ(november_snapshot->date_reference, "2024-11-01");
  EXPECT_EQ(november_snapshot->nir, "2850762041123") << "a file without NIR does not forget it";
  EXPECT_EQ(sealed_nir(), september_seal);
}

TEST_P(FlowsImportTest, OlderFileIsRefusedUnlessForced) {
  ASSERT_EQ(import(write("oct.xml", october())).outcome, Outcome::imported);
  const std::string before = state();
  // September, re-made a day later: other bytes, older reference.
  const std::string sept = write("sept.xml", edit(sample_pecgm(), "<date-fabrication>2024-09-09",
                                                  "<date-fabrication>2024-09-10"));
  const auto r = import(sept);
  EXPECT_EQ(r.outcome, Outcome::older);
  EXPECT_EQ(r.previous_reference, "2024-10-01");
  EXPECT_EQ(state(), before);
  const auto forced = import(sept, true);
  EXPECT_EQ(forced.outcome, Outcome::imported);
  long long flagged = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM flow_imports WHERE forced = 1", soci::into(flagged);
  });
  EXPECT_EQ(flagged, 1);
}

TEST_P(FlowsImportTest, FileLevelErrorImportsNothing) {
  const std::string before = state();
  const auto r = import(write("bad.xml", edit(sample_pecgm(), "<nb-dossier>2<", "<nb-dossier>3<")));
  EXPECT_EQ(r.outcome, Outcome::rejected);
  EXPECT_TRUE(r.summary.file_error);
  EXPECT_EQ(state(), before);
  EXPECT_EQ(count("flow_imports"), 0);
}

TEST_P(FlowsImportTest, RecordLevelErrorsLeaveTheOthersImported) {
  const auto r = import(
      write("r6.xml", edit(sample_pecgm(), "<motif-cessation-ide>21</motif-cessation-ide>", "")));
  ASSERT_EQ(r.outcome, Outcome::imported);
  EXPECT_EQ(r.rejected, 1);
  EXPECT_EQ(r.matched, 1);
  EXPECT_EQ(count("job_seeker_snapshots"), 1);
  EXPECT_TRUE(events_of(moussa_).empty());
  bool listed = false;
  for (const auto& d : r.diagnostics) listed |= d.rule == "R6" && d.dossier == 2;
  EXPECT_TRUE(listed);
}

TEST_P(FlowsImportTest, CgpemIsNotImported) {
  const auto r = import(std::string(BINOME_SOURCE_DIR) + "/spec/flows/samples/cgpem-valid.xml");
  EXPECT_EQ(r.outcome, Outcome::not_importable);
  EXPECT_EQ(count("flow_imports"), 0);
}

TEST_P(FlowsImportTest, OpenEventsListAndClose) {
  ASSERT_EQ(import(write("sept.xml", sample_pecgm())).outcome, Outcome::imported);
  auto all = db_->with_session([&](soci::session& sql) {
    return store::open_flow_events(sql, {helene_, moussa_, other_});
  });
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].event_date, "2024-08-12") << "oldest first";
  EXPECT_TRUE(db_->with_session([&](soci::session& sql) {
    return store::close_flow_event(sql, all[0].id, "2024-11-20T10:00:00Z");
  }));
  EXPECT_FALSE(db_->with_session([&](soci::session& sql) {
    return store::close_flow_event(sql, all[0].id, "2024-11-20T10:00:00Z");
  }));
  EXPECT_EQ(db_->with_session([&](soci::session& sql) {
                 return store::open_flow_events(sql, {helene_, moussa_});
               })
                .size(),
            1u);
}

TEST_P(FlowsImportTest, KilledImportLeavesTheDatabaseAsItWas) {
  // Persons for the first 3 000 dossiers of a large generated file, so the import writes.
  db_->transaction([&](soci::session& sql) {
    for (std::size_t i = 0; i < 3000; ++i) {
      const auto f = flows::fictional_person(i, "62");
      domain::Person p;
      p.identity.last_name = f.last_name;
      p.identity.first_name = f.first_name;
      p.identity.birth_date = f.birth_date;
      p.identity.street = "1 rue";
      p.identity.postal_code = "62000";
      p.identity.commune = "Arras";
      p.identity.ft_id = f.identifiant_pe;
      p.scope.departement = "62";
      p.scope.territory_id = territory_;
      store::insert_person(sql, p, "2024-01-01T00:00:00Z");
    }
  });
  flows::GenerateOptions o;
  o.dossiers = 25000;
  const std::string path = (dir_ / "big.xml").string();
  {
    std::ofstream out(path, std::ios::binary);
    flows::generate_flow(out, o);
  }
  const std::string before = state();
  // Everything the child needs is prepared before the fork: the child only execs. (The key
  // file written first in the child took the child's pid and was never removed.)
  const std::string url = testdb_->url();
  const std::string& key_file = test_nir_key_file();
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(BINOME_BIN, BINOME_BIN, "flows", "import", path.c_str(), "--db", url.c_str(),
            "--date-traitement", "2024-11-20", "--nir-key-file", key_file.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Kill it without warning once it has read a third of the file (it reads as it imports):
  // /proc/PID/io "rchar" counts the bytes its read() calls returned.
  const auto size = std::filesystem::file_size(path);
  bool midway = false;
  int status = 0;
  for (int i = 0; i < 12000 && !midway; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) break;
    std::ifstream io("/proc/" + std::to_string(pid) + "/io");
    std::string key;
    unsigned long long value = 0;
    while (io >> key >> value)
      if (key == "rchar:" && value > size / 3) midway = true;
    if (!midway) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  ASSERT_TRUE(midway) << "the import ended (or never read) before it could be killed midway";
  EXPECT_TRUE(WIFSIGNALED(status));
  EXPECT_EQ(state(), before);
  // And the next run imports the file whole.
  auto r = import(path);
  ASSERT_EQ(r.outcome, Outcome::imported);
  EXPECT_GT(r.matched, 2800) << "persons found by their France Travail id";
  EXPECT_LE(r.matched, 3000) << "no namesake taken for someone else: nir " << r.matched_by["nir"]
                             << ", ft " << r.matched_by["identifiant_ft"] << ", identite "
                             << r.matched_by["identite"];
  EXPECT_EQ(count("job_seeker_snapshots"), r.matched);
}

INSTANTIATE_TEST_SUITE_P(Backends, FlowsImportTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
