// The hand-written XSD checks against xmllint --schema on the same documents: valid for one
// exactly when valid for the other. Also what the SCHEMA diagnostics say and where.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

// 0: valid, 3/4: invalid for xmllint; anything else is a broken test environment.
bool xmllint_valid(const std::string& xsd, const std::string& doc) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("binome-flows-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "doc.xml";
  std::ofstream(file, std::ios::binary) << doc;
  const std::string cmd = "xmllint --noout --nonet --schema '" + spec_path(xsd) + "' '" +
                          file.string() + "' >/dev/null 2>&1";
  const int status = std::system(cmd.c_str());
  std::filesystem::remove_all(dir);
  if (!WIFEXITED(status) ||
      (WEXITSTATUS(status) != 0 && WEXITSTATUS(status) != 3 && WEXITSTATUS(status) != 4))
    throw std::runtime_error("xmllint did not run (scripts/install-deps installs libxml2-utils)");
  return WEXITSTATUS(status) == 0;
}

struct Case {
  const char* flow;
  const char* name;
  std::string doc;
};

std::vector<Case> cases() {
  const std::string g = sample("pecgm"), d = sample("pecdh"), c = sample("cgpem");
  return {
      {"pecgm", "sample", g},
      {"pecdh", "sample", d},
      {"cgpem", "sample", c},
      {"pecgm", "missing prenom", edit(g, "<prenom>Moussa</prenom>", "")},
      {"pecgm", "elements out of order",
       edit(g, "<nom-marital>Dubois</nom-marital>\n      <prenom>H\xE9l\xE8ne</prenom>",
            "<prenom>H\xE9l\xE8ne</prenom>\n      <nom-marital>Dubois</nom-marital>")},
      {"pecgm", "repeated optional",
       edit(g, "<nom-marital>Dubois</nom-marital>",
            "<nom-marital>Dubois</nom-marital><nom-marital>X</nom-marital>")},
      {"pecgm", "unknown element",
       edit(g, "<date-dernier-ent>", "<remarque>x</remarque><date-dernier-ent>")},
      {"pecgm", "text in element-only content", edit(g, "<individu>", "<individu>texte")},
      {"pecgm", "element inside a simple value",
       edit(g, "<prenom>Moussa</prenom>", "<prenom>Mou<b/>ssa</prenom>")},
      {"pecgm", "attribute", edit(g, "<individu>", "<individu id=\"1\">")},
      {"pecgm", "default namespace", edit(g, "<flux>", "<flux xmlns=\"urn:x\">")},
      {"pecgm", "xsi attribute allowed",
       edit(g, "<flux>",
            "<flux xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
            "xsi:noNamespaceSchemaLocation=\"pecgm.xsd\">")},
      {"pecgm", "not a real date", edit(g, "1992-02-29", "1993-02-29")},
      {"pecgm", "date with time zone", edit(g, "1992-02-29", "1992-02-29Z")},
      {"pecgm", "date with spaces (collapsed)",
       edit(g, "<date-naissance>1992-02-29", "<date-naissance> 1992-02-29 ")},
      {"pecgm", "year 0000", edit(g, "1992-02-29", "0000-02-29")},
      {"pecgm", "too long name", edit(g, "N'Diaye", "NDIAYENDIAYENDIAYENDIAYEND")},
      {"pecgm", "25 characters with accents",
       edit(g, "N'Diaye",
            "\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9\xC9"
            "\xC9\xC9\xC9\xC9")},
      {"pecgm", "empty optional string",
       edit(g, "<nom-marital>Dubois</nom-marital>", "<nom-marital/>")},
      {"pecgm", "empty code-categorie", edit(g, "<code-categorie>1<", "<code-categorie><")},
      {"pecgm", "code-categorie 9", edit(g, "<code-categorie>1<", "<code-categorie>9<")},
      {"pecgm", "bad departement", edit_all(g, "<departement>62<", "<departement>96<")},
      {"pecgm", "departement 976", edit_all(g, "<departement>62<", "<departement>976<")},
      {"pecgm", "bad version", edit(g, "001,0", "001.0")},
      {"pecgm", "PECD in a PECGM", edit(g, "<fichier>PECG<", "<fichier>PECD<")},
      {"pecgm", "weekly PECGM", edit(g, "<periodicite>M<", "<periodicite>H<")},
      {"pecgm", "bad modalite", edit(g, "<code>GLO<", "<code>XXX<")},
      {"pecgm", "axe 08", edit(g, "<code>06<", "<code>08<")},
      {"pecgm", "identifiant-pe lower case", edit(g, "1234567A", "1234567a")},
      {"pecgm", "commune 2A", edit(g, "62041</commune", "2A041</commune")},
      {"pecgm", "rome O1234", edit(g, "J1501", "O1501")},
      {"pecgm", "cedex",
       edit(g, "<code-postal>62000</code-postal>",
            "<code-postal>62000</code-postal><cedex>123</cedex>")},
      {"pecgm", "no fin",
       edit(g,
            "<fin>\n    <departement>62</departement>\n    "
            "<date-reference>2024-09-01</date-reference>\n    <nb-dossier>2</nb-dossier>\n  </fin>",
            "")},
      {"pecgm", "nb-dossier with letters", edit(g, "<nb-dossier>2<", "<nb-dossier>2a<")},
      {"pecgm", "wrong root", edit_all(g, "flux>", "flow>")},
      {"pecdh", "PECGM-only element",
       edit(d, "<date-debut-ide>2024-01-08</date-debut-ide>",
            "<date-debut-ide>2024-01-08</date-debut-ide><code-categorie>1</code-categorie>")},
      {"pecdh", "no allocataire",
       edit(d,
            "<allocataire>\n      <code-pe>020</code-pe>\n      "
            "<identifiant-pe>0042137Z</identifiant-pe>\n    </allocataire>\n",
            "")},
      {"pecdh", "nir sex 5", edit(d, "1780520004017", "5780520004017")},
      {"cgpem", "lower-case name", edit(c, "<prenom>ANA<", "<prenom>Ana<")},
      {"cgpem", "26-character upper name", edit(c, "DA SILVA", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")},
      {"cgpem", "nature 07", edit(c, "<nature>01<", "<nature>07<")},
      {"cgpem", "phone 9 digits", edit(c, "0389000000", "038900000")},
      {"cgpem", "periodicite J", edit(c, "<periodicite>M<", "<periodicite>J<")},
      {"cgpem", "no orientation",
       edit(c,
            "<orientation>\n      <nature>06</nature>\n      "
            "<date-decision>2024-09-12</date-decision>\n    </orientation>\n",
            "")},
      {"cgpem", "certification in CGPEM",
       edit(c, "<date-naissance>1991-06-21</date-naissance>",
            "<date-naissance>1991-06-21</date-naissance><certification-identite>O</"
            "certification-identite>")},
      {"cgpem", "no dossier",
       edit(
           edit(c,
                c.substr(c.find("  <dossier>"), c.rfind("</dossier>") + 11 - c.find("  <dossier>")),
                ""),
           "<nb-dossier>2<", "<nb-dossier>0<")},
  };
}

TEST(FlowSchema, SameVerdictAsXmllint) {
  for (const auto& k : cases()) {
    const auto ours = validate(k.doc);
    const bool lint = xmllint_valid(std::string(k.flow) + ".xsd", k.doc);
    EXPECT_EQ(!ours.schema_invalid(), lint)
        << k.flow << " / " << k.name << ": xmllint says " << (lint ? "valid" : "invalid") << "\n"
        << ours.dump();
  }
}

TEST(FlowSchema, ReportsEveryProblemNotTheFirst) {
  std::string doc = edit(sample("pecgm"), "<prenom>Moussa</prenom>", "");
  doc = edit(doc, "<code-categorie>1<", "<code-categorie>9<");
  doc = edit(doc, "<nom-marital>Dubois</nom-marital>", "<nom-marital>Dubois</nom-marital><x/>");
  const auto out = validate(doc);
  EXPECT_EQ(out.of("SCHEMA").size(), 3u) << out.dump();
  EXPECT_EQ(out.summary.valid_dossiers, 0u);
  EXPECT_FALSE(out.summary.file_error) << "problems in dossiers reject those dossiers only";
}

TEST(FlowSchema, MissingElementNamesItsPathAndLine) {
  const std::string doc = edit(sample("pecgm"), "<prenom>Moussa</prenom>", "");
  const auto out = validate(doc);
  ASSERT_EQ(out.of("SCHEMA").size(), 1u) << out.dump();
  const auto d = out.of("SCHEMA")[0];
  EXPECT_EQ(d.field, "individu/prenom");
  EXPECT_EQ(d.dossier, 2u);
  EXPECT_EQ(d.level, Level::record);
  EXPECT_EQ(d.line, 62u) << "the line of <date-naissance>, found where <prenom> was due";
  EXPECT_EQ(out.summary.valid_dossiers, 1u);
}

TEST(FlowSchema, HeaderProblemsRejectTheFile) {
  const auto out = validate(edit(sample("pecgm"), "<version>001,0<", "<version>002,0<"));
  ASSERT_TRUE(out.has("SCHEMA"));
  EXPECT_EQ(out.of("SCHEMA")[0].level, Level::file);
  EXPECT_EQ(out.of("SCHEMA")[0].field, "entete/version");
  EXPECT_TRUE(out.summary.file_error);
}

TEST(FlowSchema, UnknownFileKindCountsDossiersWithoutCheckingThem) {
  const auto out = validate(edit(sample("pecgm"), "<fichier>PECG<", "<fichier>XXXX<"));
  EXPECT_FALSE(out.summary.flow.has_value());
  EXPECT_EQ(out.summary.dossiers, 2u);
  EXPECT_EQ(out.of("SCHEMA").size(), 1u) << out.dump();
  EXPECT_TRUE(out.summary.file_error);
}

}  // namespace
}  // namespace binome::flows::testing
