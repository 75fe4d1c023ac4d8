// The real binome binary on the communes file admin edits (`binome communes import|export`),
// on both backends: a file loads, exports back identical, and a rejected file changes nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "harness.hpp"
#include "store/migrations.hpp"
#include "store/orgs_repo.hpp"

namespace binome::testing {
namespace {

struct CliRun {
  int code = -1;
  std::string out;  // stdout and stderr
};

CliRun run(const std::string& args) {
  const std::string cmd = std::string(BINOME_BIN) + " " + args + " 2>&1";
  std::array<char, 4096> buf{};
  CliRun r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  while (pipe && std::fgets(buf.data(), buf.size(), pipe)) r.out += buf.data();
  const int status = pipe ? ::pclose(pipe) : -1;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const std::string kHeader = "code_insee;commune;code_postal;siren_epci;epci\n";
const std::string kList = kHeader +
                          "00101;Démoville-Nord;00100;200000016;CA de Démoville-Nord\n"
                          "00111;Fictif-sur-Mer;00110;200000016;CA de Démoville-Nord\n"
                          "00131;Imaginaire-les-Bains;00130;;\n";

class CommunesCliTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    testdb_ = std::make_unique<TestDatabase>(GetParam());
    if (!testdb_->available()) GTEST_SKIP() << testdb_->skip_reason;
    db_ = store::Database::open(testdb_->url(), 1);
    store::migrate(*db_);
    db_->transaction([](soci::session& sql) { store::upsert_departement(sql, "00", "Démo"); });
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-communes-cli-" + std::to_string(::getpid()) + "-" + GetParam());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  std::string write(const std::string& name, const std::string& text) {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  CliRun communes(const std::string& sub, const std::string& file,
                  const std::string& departement = "00") {
    return run("communes " + sub + " " + file + " --departement " + departement + " --db " +
               testdb_->url());
  }
  std::string exported() {
    const auto path = (dir_ / "export.csv").string();
    const auto r = communes("export", path);
    EXPECT_EQ(r.code, 0) << r.out;
    return read(path);
  }
  long long audits(const std::string& action) {
    return db_->with_session([&](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM audit_log WHERE action = :a", soci::use(action), soci::into(n);
      return n;
    });
  }

  std::unique_ptr<TestDatabase> testdb_;
  std::unique_ptr<store::Database> db_;
  std::filesystem::path dir_;
};

TEST_P(CommunesCliTest, AFileLoadsAndExportsBackIdentical) {
  EXPECT_EQ(exported(), kHeader) << "no list yet: the header alone, to fill in";
  const auto loaded = communes("import", write("communes.csv", kList));
  ASSERT_EQ(loaded.code, 0) << loaded.out;
  EXPECT_EQ(loaded.out, "3 communes et 1 EPCI chargés pour le département 00.\n");
  EXPECT_EQ(audits("admin.communes.import"), 1);
  const auto path = (dir_ / "again.csv").string();
  const auto r = communes("export", path);
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_EQ(r.out, "3 communes et 1 EPCI exportés dans " + path + ".\n");
  EXPECT_EQ(read(path), kList);
  // Loading the export again changes nothing: the round trip is stable.
  ASSERT_EQ(communes("import", path).code, 0);
  EXPECT_EQ(exported(), kList);
}

TEST_P(CommunesCliTest, ARejectedFileExitsOneAndChangesNothing) {
  ASSERT_EQ(communes("import", write("communes.csv", kList)).code, 0);
  const auto bad = communes(
      "import", write("bad.csv", kHeader + "00101;Démoville-Nord;00100;;\n62041;Arras;62000;;\n"));
  EXPECT_EQ(bad.code, 1) << bad.out;
  EXPECT_NE(bad.out.find("Ligne 3 : la commune 62041 n'est pas du département 00."),
            std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("Fichier rejeté : rien n'a changé."), std::string::npos) << bad.out;
  const auto unknown = communes("import", write("other.csv", kHeader), "01");
  EXPECT_EQ(unknown.code, 1) << unknown.out;
  EXPECT_NE(unknown.out.find("Le département 01 n'existe pas dans binome."), std::string::npos)
      << unknown.out;
  EXPECT_EQ(exported(), kList);
  EXPECT_EQ(audits("admin.communes.import"), 1);
}

TEST_P(CommunesCliTest, UsageAndUnreadableFilesAreReportedInFrench) {
  const auto no_dep = run("communes import " + write("c.csv", kList) + " --db " + testdb_->url());
  EXPECT_EQ(no_dep.code, 2);
  EXPECT_NE(no_dep.out.find("--departement attend un code de département"), std::string::npos)
      << no_dep.out;
  EXPECT_EQ(run("communes").code, 2);
  const auto unknown = communes("effacer", write("c.csv", kList));
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.out.find("Sous-commande inconnue : « effacer »"), std::string::npos)
      << unknown.out;
  const auto missing = communes("import", (dir_ / "absent.csv").string());
  EXPECT_EQ(missing.code, 1);
  EXPECT_NE(missing.out.find("impossible de lire"), std::string::npos) << missing.out;
  EXPECT_EQ(exported(), kHeader);
}

INSTANTIATE_TEST_SUITE_P(Backends, CommunesCliTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
