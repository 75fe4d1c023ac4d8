// The real binome binary on flow files: exit codes 0/1/2, text and JSON output.
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace binome::testing {
namespace {

struct Run {
  int code = -1;
  std::string out;  // stdout only
};

Run run(const std::string& args, bool with_stderr = false) {
  const std::string cmd =
      std::string(BINOME_BIN) + " " + args + (with_stderr ? " 2>&1" : " 2>/dev/null");
  std::array<char, 4096> buf{};
  Run r;
  FILE* pipe = ::popen(cmd.c_str(), "r");
  while (pipe && std::fgets(buf.data(), buf.size(), pipe)) r.out += buf.data();
  const int status = pipe ? ::pclose(pipe) : -1;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string samples() {
  return std::string(BINOME_SOURCE_DIR) + "/spec/flows/samples/";
}

class FlowsCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        std::filesystem::temp_directory_path() / ("binome-flows-cli-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) {
    const auto p = dir_ / name;
    std::ofstream(p, std::ios::binary) << text;
    return p.string();
  }
  std::string bad_cgpem() {
    std::ifstream in(samples() + "cgpem-valid.xml", std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    std::string doc = s.str();
    doc.replace(doc.find("<prenom>ANA<"), 12, "<prenom>Ana<");
    return write("bad.xml", doc);
  }
  std::filesystem::path dir_;
};

TEST_F(FlowsCliTest, SamplesAreValidExitZero) {
  const auto r = run("flows validate " + samples() + "pecgm-valid.xml " + samples() +
                     "pecdh-valid.xml " + samples() + "cgpem-valid.xml");
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("PECGM, département 62"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("fichier valide"), std::string::npos) << r.out;
}

TEST_F(FlowsCliTest, AnErrorInAnyFileExitsOne) {
  const auto r = run("flows validate " + samples() + "pecgm-valid.xml " + bad_cgpem());
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("erreur [R3] dossier 2"), std::string::npos) << r.out;
}

TEST_F(FlowsCliTest, UsageAndIoProblemsExitTwo) {
  EXPECT_EQ(run("flows validate").code, 2);
  EXPECT_EQ(run("flows validate --inconnue " + samples() + "pecgm-valid.xml").code, 2);
  EXPECT_EQ(run("flows").code, 2);
  const auto missing = run("flows validate " + (dir_ / "absent.xml").string(), true);
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.out.find("fichier introuvable"), std::string::npos) << missing.out;
  EXPECT_EQ(run("flows validate " + dir_.string()).code, 2) << "a directory";
  // An I/O problem wins over a validation error.
  EXPECT_EQ(run("flows validate " + bad_cgpem() + " " + (dir_ / "absent.xml").string()).code, 2);
  EXPECT_EQ(
      run("flows validate --date-traitement 2024-13-01 " + samples() + "pecgm-valid.xml").code, 2);
}

TEST_F(FlowsCliTest, JsonPrintsOneObjectPerFile) {
  const auto r = run("flows validate --json " + samples() + "pecgm-valid.xml " + bad_cgpem() + " " +
                     write("empty.xml", ""));
  EXPECT_EQ(r.code, 1);
  std::istringstream lines(r.out);
  std::string line;
  std::vector<nlohmann::json> objects;
  while (std::getline(lines, line)) objects.push_back(nlohmann::json::parse(line));
  ASSERT_EQ(objects.size(), 3u) << r.out;
  EXPECT_EQ(objects[0]["flow"], "PECGM");
  EXPECT_EQ(objects[0]["valid_dossiers"], 2);
  EXPECT_TRUE(objects[0]["errors"].empty());
  EXPECT_EQ(objects[1]["flow"], "CGPEM");
  EXPECT_EQ(objects[1]["valid_dossiers"], 1);
  EXPECT_EQ(objects[1]["errors"][0]["rule"], "R3");
  EXPECT_EQ(objects[1]["errors"][0]["level"], "record");
  EXPECT_TRUE(objects[2]["flow"].is_null());
  EXPECT_EQ(objects[2]["errors"][0]["rule"], "XML");
}

TEST_F(FlowsCliTest, ProcessingDayDrivesTheDateRules) {
  // The CGPEM sample was made on 2024-09-18: processed the 17th it is "in the future".
  const auto r =
      run("flows validate --json --date-traitement 2024-09-17 " + samples() + "cgpem-valid.xml");
  EXPECT_EQ(r.code, 1);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["errors"][0]["rule"], "F4") << r.out;
}

TEST_F(FlowsCliTest, CalendarGivesTheNextDepositDays) {
  const auto r = run("flows calendar --departement 68 --maintenant 2025-04-18T10:00:00Z --mois 2");
  EXPECT_EQ(r.code, 0);
  EXPECT_NE(r.out.find("prochain CGPEM à déposer : vendredi 25 avril 2025 avant 17 h"),
            std::string::npos)
      << r.out;
  EXPECT_NE(r.out.find("prochain PECGM disponible : lundi 12 mai 2025"), std::string::npos);
  EXPECT_EQ(run("flows calendar --maintenant hier").code, 2);
}

}  // namespace
}  // namespace binome::testing
