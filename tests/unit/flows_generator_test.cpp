// The synthetic generator writes valid files (for our validator and for xmllint), the same
// bytes for the same options; transliteration of names for CGPEM (R3).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "flows/generator.hpp"
#include "flows/transliterate.hpp"
#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

std::string generated(Flow flow, std::size_t n, const char* reference = "2024-09-01") {
  GenerateOptions o;
  o.flow = flow;
  o.dossiers = n;
  o.date_reference = *domain::parse_date(reference);
  std::ostringstream out;
  const auto bytes = generate_flow(out, o);
  EXPECT_EQ(bytes, out.str().size());
  return out.str();
}

TEST(FlowGenerator, FilesOfEachKindAreValidForUsAndForXmllint) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("binome-gen-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  for (auto [flow, xsd] : {std::pair{Flow::pecgm, "pecgm.xsd"}, std::pair{Flow::pecdh, "pecdh.xsd"},
                           std::pair{Flow::cgpem, "cgpem.xsd"}}) {
    const std::string doc = generated(flow, 1500);
    const auto out = validate(doc, "2024-09-20");
    EXPECT_TRUE(out.diagnostics.empty()) << xsd << "\n" << out.dump().substr(0, 3000);
    EXPECT_EQ(out.summary.dossiers, 1500u);
    EXPECT_EQ(out.summary.flow, flow);
    const auto file = dir / "g.xml";
    std::ofstream(file, std::ios::binary) << doc;
    const std::string cmd =
        "xmllint --noout --schema '" + spec_path(xsd) + "' '" + file.string() + "' >/dev/null 2>&1";
    EXPECT_EQ(std::system(cmd.c_str()), 0) << xsd;
  }
  std::filesystem::remove_all(dir);
}

TEST(FlowGenerator, DeterministicAndMonthsDiffer) {
  EXPECT_EQ(generated(Flow::pecgm, 200), generated(Flow::pecgm, 200));
  const std::string sept = generated(Flow::pecgm, 200),
                    oct = generated(Flow::pecgm, 200, "2024-10-01");
  EXPECT_NE(sept, oct);
  // Identities do not depend on the month.
  const auto p = fictional_person(42, "62");
  EXPECT_NE(sept.find(p.identifiant_pe), std::string::npos);
  EXPECT_NE(oct.find(p.birth_date), std::string::npos);
}

TEST(FlowLines, LinesStayRightDeepIntoALargeFile) {
  // Lines are counted by the reader itself over 64 KiB chunks: check one far past the first.
  std::string doc = generated(Flow::pecgm, 3000);
  const std::string target = fictional_person(2500, "62").identifiant_pe;
  const auto at = doc.find("<identifiant-pe>" + target);
  ASSERT_NE(at, std::string::npos);
  doc.replace(at, 16 + target.size(), "<identifiant-pe>x" + target.substr(1));
  const auto expected = 1 + std::count(doc.begin(), doc.begin() + long(at), '\n');
  for (std::size_t chunk : {65536u, 4096u, 13u}) {
    const auto out = validate(doc, "2024-09-20", chunk);
    ASSERT_EQ(out.of("SCHEMA").size(), 1u) << out.dump();
    EXPECT_EQ(out.of("SCHEMA")[0].line, static_cast<unsigned long>(expected)) << chunk;
    EXPECT_EQ(out.of("SCHEMA")[0].dossier, 2501u);
  }
}

TEST(FlowTransliterate, UpperCaseWithoutAccents) {
  EXPECT_EQ(transliterate_name("Lefèvre-d'Aubigné"), "LEFEVRE-D'AUBIGNE");
  EXPECT_EQ(transliterate_name("Œdipe"), "OEDIPE");
  EXPECT_EQ(transliterate_name("Strauß"), "STRAUSS");
  EXPECT_EQ(transliterate_name("Lætitia"), "LAETITIA");
  EXPECT_EQ(transliterate_name("  Jean   Pierre "), "JEAN PIERRE");
  EXPECT_EQ(transliterate_name("N’Diaye"), "N'DIAYE");
  EXPECT_EQ(transliterate_name("Łukasz Dvořák"), "LUKASZ DVORAK");
  EXPECT_FALSE(transliterate_name("Louis XIV 2"));
  EXPECT_FALSE(transliterate_name("王"));
  EXPECT_FALSE(transliterate_name(""));
  EXPECT_FALSE(transliterate_name("-Jean"));
  EXPECT_FALSE(transliterate_name("Jean."));
}

TEST(FlowTransliterate, Latin1Conversion) {
  EXPECT_EQ(to_latin1("Hélène"), "H\xE9l\xE8ne");
  EXPECT_EQ(to_latin1("abc"), "abc");
  EXPECT_FALSE(to_latin1("Œ"));
  EXPECT_FALSE(to_latin1("€"));
}

}  // namespace
}  // namespace binome::flows::testing
