// binome flows export cgpem on both backends: the persons whose latest decision is OUI, with
// ids stored by an import, checked by binome's validator and by xmllint; audited.
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/admin_service.hpp"
#include "app/flows_service.hpp"
#include "flows/reader.hpp"
#include "harness.hpp"
#include "store/migrations.hpp"
#include "store/orgs_repo.hpp"
#include "store/persons_repo.hpp"

namespace binome::testing {
namespace {

class FlowsExportTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    testdb_ = std::make_unique<TestDatabase>(GetParam());
    if (!testdb_->available()) GTEST_SKIP() << testdb_->skip_reason;
    db_ = store::Database::open(testdb_->url(), 2);
    store::migrate(*db_);
    ctx_ = std::make_unique<app::Context>(app::Context{*db_, clock_, {}});
    ctx_->settings.nir_keys = test_nir_keys();
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-flows-export-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::create_directories(dir_);
    db_->transaction([&](soci::session& sql) {
      store::upsert_departement(sql, "62", "Pas-de-Calais");
      territory_ = store::insert_territory(sql, "62", "Territoire de test");
      sql << "INSERT INTO organisations (name, kind, departement, created_at) VALUES "
             "('Maison du Département Solidarité d''Arras', 'service_departemental', '62', 'x')";
      sql << "SELECT MAX(id) FROM organisations", soci::into(org_);
      sql << "INSERT INTO users (login, display_name, role, organisation_id, function_title, "
             "phone, email, password_hash, created_at) VALUES ('rs', 'Camille Roux', "
             "'referent_social', :o, 'Référente sociale', '03 21 00 00 00', 'c.roux@example.org', "
             "'x', 'x')",
          soci::use(org_);
      sql << "SELECT id FROM users WHERE login = 'rs'", soci::into(user_);
      sql << "SELECT p.id, v.id FROM convention_profiles p JOIN convention_profile_versions v "
             "ON v.profile_id = p.id WHERE p.departement = '62' ORDER BY v.id LIMIT 1",
          soci::into(profile_), soci::into(version_);
    });
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  long long person(const std::string& last, const std::string& first,
                   std::optional<std::string> ft) {
    domain::Person p;
    p.identity.last_name = last;
    p.identity.first_name = first;
    p.identity.birth_date = "1980-03-04";
    p.identity.street = "1 rue";
    p.identity.postal_code = "62000";
    p.identity.commune = "Arras";
    p.identity.ft_id = ft;
    p.scope.departement = "62";
    p.scope.territory_id = territory_;
    p.scope.referent_social_id = user_;
    return db_->transaction(
        [&](soci::session& sql) { return store::insert_person(sql, p, "2024-01-01T00:00:00Z"); });
  }
  void decide(long long person, const char* decision_text, const char* at_text) {
    // SOCI binds by reference: the values must outlive the statement.
    const std::string decision = decision_text, at = at_text;
    db_->transaction([&](soci::session& sql) {
      sql << "INSERT INTO orientations (person_id, profile_id, profile_version_id, oriented_on, "
             "orienteur_id, side, origin, decision_mode, registered_job_seeker, social_criteria, "
             "professional_criteria, obstacles, consent_collected_by, consent_collected_on, "
             "consent_signature_on, electronic_exchange, status, decision, decided_at, "
             "created_at, updated_at) VALUES (:p, :pr, :v, '2024-08-01', :u1, 'departement', "
             "'service_departemental', 'diagnostic_partage', 1, '', '', '', :u2, '2024-08-01', "
             "'2024-08-01', 0, 'en_attente_entree', :d, :at, 'x', 'x')",
          soci::use(person), soci::use(profile_), soci::use(version_), soci::use(user_),
          soci::use(user_), soci::use(decision), soci::use(at);
    });
  }
  app::CgpemExportResult run(const std::string& path) {
    app::CgpemExportRequest req;
    req.departement = "62";
    req.date_reference = *domain::parse_date("2024-09-01");
    req.today = *domain::parse_date("2024-09-18");
    req.path = path;
    return app::export_cgpem(*ctx_, app::operator_actor(), {"test", "local"}, req);
  }

  std::unique_ptr<TestDatabase> testdb_;
  std::unique_ptr<store::Database> db_;
  FakeClock clock_;
  std::unique_ptr<app::Context> ctx_;
  std::filesystem::path dir_;
  long long territory_ = 0, org_ = 0, user_ = 0, profile_ = 0, version_ = 0;
};

TEST_P(FlowsExportTest, CurrentOuiDecisionsValidForBinomeAndXmllint) {
  const auto oui = person("Lefèvre", "Hélène", std::string("06212345678"));
  const auto non = person("Martin", "Paul", std::string("06299999999"));
  const auto changed = person("Dubois", "Léa", std::string("06211111111"));
  const auto no_id = person("Roux", "Zoé", std::string("1234567A"));  // no code-pe known
  decide(oui, "oui", "2024-09-12T10:00:00Z");
  decide(non, "non", "2024-09-10T10:00:00Z");
  decide(changed, "oui", "2024-06-01T10:00:00Z");
  decide(changed, "non", "2024-09-02T10:00:00Z");  // the latest decision counts
  decide(no_id, "oui", "2024-09-05T10:00:00Z");
  const std::string path = (dir_ / "cgpem.xml").string();
  const auto r = run(path);
  EXPECT_EQ(r.written, 1u);
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.skipped[0].person_id, no_id);
  EXPECT_FALSE(std::filesystem::exists(path + ".partiel"));

  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  const std::string doc = s.str();
  EXPECT_NE(doc.find("<nom-naissance>LEFEVRE</nom-naissance>"), std::string::npos) << doc;
  EXPECT_NE(doc.find("<code-pe>062</code-pe>"), std::string::npos);
  EXPECT_NE(doc.find("<identifiant-pe>12345678</identifiant-pe>"), std::string::npos);
  EXPECT_NE(doc.find("<nature>06</nature>"), std::string::npos);
  EXPECT_NE(doc.find("<date-decision>2024-09-12</date-decision>"), std::string::npos);
  EXPECT_NE(doc.find("<nom>Camille Roux</nom>"), std::string::npos);
  EXPECT_NE(doc.find("<telephone>0321000000</telephone>"), std::string::npos);

  std::size_t problems = 0;
  flows::ReaderCallbacks cb;
  cb.on_diagnostic = [&](const flows::Diagnostic& d) {
    ++problems;
    ADD_FAILURE() << d.rule << " " << d.message;
  };
  const auto summary = flows::read_flow_file(path, *domain::parse_date("2024-09-18"), cb);
  EXPECT_EQ(problems, 0u);
  EXPECT_EQ(summary.flow, flows::Flow::cgpem);
  const std::string cmd = "xmllint --noout --schema '" + std::string(BINOME_SOURCE_DIR) +
                          "/spec/flows/cgpem.xsd' '" + path + "' >/dev/null 2>&1";
  EXPECT_EQ(std::system(cmd.c_str()), 0);

  long long audited = 0, listed = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM audit_log WHERE action = 'flows.export'", soci::into(audited);
    sql << "SELECT COUNT(*) FROM audit_person WHERE person_id = :p", soci::use(oui),
        soci::into(listed);
  });
  EXPECT_EQ(audited, 1);
  EXPECT_EQ(listed, 1) << "the dpo finds the export among the person's accesses";
}

TEST_P(FlowsExportTest, TheBinaryExportsAndChecksItsFile) {
  const auto p = person("N'Diaye", "Moussa", std::string("06276543210"));
  decide(p, "oui", "2024-09-12T10:00:00Z");
  const std::string path = (dir_ / "out.xml").string();
  const std::string cmd = std::string(BINOME_BIN) +
                          " flows export cgpem --departement 62 --date-reference 2024-09-01 "
                          "--date-traitement 2024-09-18 --nir-key-file " +
                          test_nir_key_file() + " --db '" + testdb_->url() + "' " + path + " 2>&1";
  std::array<char, 512> buf{};
  std::string out;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  while (pipe && std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
  const int status = pipe ? ::pclose(pipe) : -1;
  EXPECT_EQ(WEXITSTATUS(status), 0) << out;
  EXPECT_NE(out.find("1 dossier(s)"), std::string::npos) << out;
  EXPECT_NE(out.find("fichier conforme"), std::string::npos) << out;
  EXPECT_TRUE(std::filesystem::exists(path));
}

INSTANTIATE_TEST_SUITE_P(Backends, FlowsExportTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
