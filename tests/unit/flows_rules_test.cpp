// Every rule of spec/flows/README.md (F1–F5, R1–R10): a file that breaks it, one that keeps it.
#include <gtest/gtest.h>

#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

TEST(FlowSamples, TheThreeContractSamplesAreValid) {
  for (const char* flow : {"pecgm", "pecdh", "cgpem"}) {
    const auto out = validate(sample(flow));
    EXPECT_TRUE(out.diagnostics.empty()) << flow << "\n" << out.dump();
    EXPECT_EQ(out.summary.errors, 0u);
    EXPECT_EQ(out.summary.valid_dossiers, out.summary.dossiers);
    EXPECT_FALSE(out.summary.file_error);
  }
  EXPECT_EQ(validate(sample("pecgm")).summary.flow, Flow::pecgm);
  EXPECT_EQ(validate(sample("pecdh")).summary.flow, Flow::pecdh);
  EXPECT_EQ(validate(sample("cgpem")).summary.flow, Flow::cgpem);
  EXPECT_EQ(validate(sample("pecgm")).summary.dossiers, 2u);
}

TEST(FlowSamples, ChunkBoundariesChangeNothing) {
  const std::string doc = edit(sample("cgpem"), "<prenom>ANA</prenom>", "<prenom>Ana</prenom>");
  const auto whole = validate(doc, "2024-09-20", doc.size());
  for (std::size_t chunk : {1u, 2u, 7u, 511u, 513u}) {
    const auto part = validate(doc, "2024-09-20", chunk);
    EXPECT_EQ(part.dump(), whole.dump()) << "chunk " << chunk;
  }
  EXPECT_TRUE(whole.has("R3"));
}

TEST(FlowFileRules, F1CountsTheDossiers) {
  const auto bad = validate(edit(sample("pecgm"), "<nb-dossier>2<", "<nb-dossier>3<"));
  ASSERT_TRUE(bad.has("F1")) << bad.dump();
  EXPECT_EQ(bad.of("F1")[0].level, Level::file);
  EXPECT_EQ(bad.of("F1")[0].field, "fin/nb-dossier");
  EXPECT_TRUE(bad.summary.file_error);
  EXPECT_EQ(bad.summary.valid_dossiers, 0u) << "a file-level error rejects every dossier";
  EXPECT_FALSE(validate(sample("pecgm")).has("F1"));
}

TEST(FlowFileRules, F2TrailerRepeatsTheHeader) {
  const std::string doc = sample("pecgm");
  const auto dep = validate(edit(doc,
                                 "<departement>62</departement>\n    <date-reference>2024-09-01"
                                 "</date-reference>\n    <nb-dossier>",
                                 "<departement>59</departement>\n    <date-reference>2024-09-01"
                                 "</date-reference>\n    <nb-dossier>"));
  ASSERT_TRUE(dep.has("F2")) << dep.dump();
  EXPECT_EQ(dep.of("F2")[0].field, "fin/departement");
  const auto date =
      validate(edit(doc, "<date-reference>2024-09-01</date-reference>\n    <nb-dossier>",
                    "<date-reference>2024-08-01</date-reference>\n    <nb-dossier>"));
  ASSERT_TRUE(date.has("F2")) << date.dump();
  EXPECT_EQ(date.of("F2")[0].field, "fin/date-reference");
  EXPECT_FALSE(validate(doc).has("F2"));
}

TEST(FlowFileRules, F3MonthlyStockIsDatedTheFirst) {
  const auto bad = validate(edit_all(sample("pecgm"), "2024-09-01", "2024-09-02"));
  ASSERT_TRUE(bad.has("F3")) << bad.dump();
  EXPECT_EQ(bad.of("F3")[0].field, "entete/date-reference");
  // PECDH is dated the processing day: no F3.
  EXPECT_FALSE(validate(sample("pecdh")).has("F3"));
  EXPECT_FALSE(validate(sample("pecgm")).has("F3"));
}

TEST(FlowFileRules, F4ManufacturedAfterTheReferenceAndNotInTheFuture) {
  const auto before = validate(
      edit(sample("pecdh"), "<date-fabrication>2024-09-16", "<date-fabrication>2024-09-15"));
  ASSERT_TRUE(before.has("F4")) << before.dump();
  // Monthly CGPEM: the floor is the first day of the reference month.
  const std::string cg = edit_all(sample("cgpem"), "2024-09-01", "2024-09-19");
  EXPECT_FALSE(validate(cg).has("F4")) << "fabricated 18th of a month referenced the 19th";
  EXPECT_TRUE(
      validate(edit(cg, "<date-fabrication>2024-09-18", "<date-fabrication>2024-08-31")).has("F4"));
  // Not in the future: the same file processed before its fabrication day.
  const auto future = validate(sample("pecgm"), "2024-09-08");
  ASSERT_TRUE(future.has("F4")) << future.dump();
  EXPECT_FALSE(validate(sample("pecgm"), "2024-09-09").has("F4"));
}

TEST(FlowFileRules, F5DeclaredEncodingMustBeLatin1) {
  const std::string doc = sample("pecgm");
  const auto utf8 = validate(edit(doc, "encoding=\"ISO-8859-1\"", "encoding=\"UTF-8\""));
  ASSERT_TRUE(utf8.has("F5")) << utf8.dump();
  EXPECT_NE(utf8.of("F5")[0].message.find("UTF-8"), std::string::npos);
  EXPECT_TRUE(validate(edit(doc, " encoding=\"ISO-8859-1\"", "")).has("F5"));
  EXPECT_TRUE(
      validate(edit(doc, "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n", "")).has("F5"));
  EXPECT_FALSE(validate(edit(doc, "ISO-8859-1", "iso-8859-1")).has("F5"));
  EXPECT_FALSE(validate(doc).has("F5")) << "Latin-1 accents (\\xE8, \\xE9) are valid";
}

TEST(FlowFileRules, F5BytesOutsideLatin1AreRejectedWithTheirOffset) {
  const std::string doc = sample("pecgm");
  // A C1 control byte (0x85) is not a character of ISO 8859-1.
  const std::string c1 = edit(doc, "<prenom>Moussa", "<prenom>Mou\x85sa");
  const auto out = validate(c1);
  ASSERT_TRUE(out.has("F5")) << out.dump();
  const auto offset = std::to_string(c1.find('\x85'));
  EXPECT_NE(out.of("F5")[0].message.find("octet " + offset), std::string::npos)
      << out.of("F5")[0].message;
  // The same file converted to UTF-8 while still declaring ISO-8859-1.
  const std::string utf8 = edit(doc, "Lef\xE8vre", "Lef\xC3\xA8vre");
  const auto u = validate(utf8);
  ASSERT_TRUE(u.has("F5")) << u.dump();
  EXPECT_NE(u.of("F5")[0].message.find(std::to_string(utf8.find('\xC3'))), std::string::npos);
  EXPECT_EQ(u.summary.valid_dossiers, 0u);
}

TEST(FlowRecordRules, R1CgpemNeedsNirOrFranceTravailId) {
  const std::string doc = sample("cgpem");
  const auto bad = validate(edit(doc,
                                 "<allocataire>\n      <code-pe>068</code-pe>\n      "
                                 "<identifiant-pe>2231890K</identifiant-pe>\n    </allocataire>\n",
                                 ""));
  ASSERT_TRUE(bad.has("R1")) << bad.dump();
  EXPECT_EQ(bad.of("R1")[0].level, Level::record);
  EXPECT_EQ(bad.of("R1")[0].dossier, 2u);
  EXPECT_EQ(bad.summary.valid_dossiers, 1u) << "the other record stays usable";
  EXPECT_FALSE(bad.summary.file_error);
  EXPECT_FALSE(validate(doc).has("R1")) << "dossier 1 has a NIR only, dossier 2 the ids only";
}

TEST(FlowRecordRules, R2CodeAndIdentifierTogether) {
  const auto bad = validate(edit(sample("pecgm"),
                                 "<code-pe>062</code-pe>\n      <identifiant-pe>"
                                 "76543210",
                                 "<identifiant-pe>76543210"));
  ASSERT_TRUE(bad.has("R2")) << bad.dump();
  EXPECT_EQ(bad.of("R2")[0].dossier, 2u);
  EXPECT_EQ(bad.of("R2")[0].field, "allocataire/identifiant-pe");
  const auto pecdh =
      validate(edit(sample("pecdh"), "<identifiant-pe>0042137Z</identifiant-pe>", ""));
  EXPECT_TRUE(pecdh.has("R2"));
  EXPECT_FALSE(validate(sample("pecgm")).has("R2"));
}

TEST(FlowRecordRules, R3CgpemNamesAreUpperCaseUnaccented) {
  const std::string doc = sample("cgpem");
  for (const char* name : {"C\xC9LINE", "Celine", "CELINE2", "-CELINE"}) {
    const auto bad = validate(edit(doc, "<prenom>CELINE<", std::string("<prenom>") + name + "<"));
    ASSERT_TRUE(bad.has("R3")) << name << "\n" << bad.dump();
    EXPECT_EQ(bad.of("R3")[0].field, "individu/prenom");
  }
  const auto kept = validate(edit(doc, "<prenom>CELINE<", "<prenom>JEAN-PIERRE D'ARC<"));
  EXPECT_FALSE(kept.has("R3")) << kept.dump();
  // PECGM carries names as France Travail holds them: no R3.
  EXPECT_FALSE(validate(sample("pecgm")).has("R3"));
}

TEST(FlowRecordRules, R4DecisionNotAfterTheProcessingDay) {
  const std::string doc = sample("cgpem");
  const auto bad = validate(doc, "2024-09-11");
  ASSERT_TRUE(bad.has("R4")) << bad.dump();
  EXPECT_EQ(bad.of("R4")[0].dossier, 1u);
  EXPECT_EQ(bad.of("R4")[0].field, "orientation/date-decision");
  EXPECT_FALSE(validate(doc, "2024-09-18").has("R4"));
}

TEST(FlowRecordRules, R5CorrespondantNeedsItsName) {
  const std::string doc = sample("cgpem");
  const auto bad = validate(edit(doc, "<nom>GUISE</nom>", ""));
  ASSERT_TRUE(bad.has("R5")) << bad.dump();
  EXPECT_EQ(bad.of("R5")[0].field, "correspondant/nom");
  const auto warn = validate(edit(doc,
                                  "<nom>GUISE</nom>\n      <prenom>CORINNE</prenom>\n      "
                                  "<telephone>0389000000</telephone>\n",
                                  ""));
  EXPECT_FALSE(warn.has("R5")) << warn.dump();
  EXPECT_TRUE(warn.has("R5", Severity::warning)) << "a correspondant without nom erases FT's";
  EXPECT_EQ(warn.summary.valid_dossiers, 2u);
  EXPECT_FALSE(validate(doc).has("R5"));
  EXPECT_FALSE(validate(doc).has("R5", Severity::warning));
}

TEST(FlowRecordRules, R6EndMotifGoesWithItsDate) {
  const std::string doc = sample("pecgm");
  const auto no_date =
      validate(edit(doc, "<date-cessation-ide>2024-08-12</date-cessation-ide>", ""));
  ASSERT_TRUE(no_date.has("R6")) << no_date.dump();
  EXPECT_EQ(no_date.of("R6")[0].field, "inscription/motif-cessation-ide");
  EXPECT_EQ(no_date.of("R6").size(), 2u) << "motif and label each";
  const auto no_motif = validate(edit(doc, "<motif-cessation-ide>21</motif-cessation-ide>", ""));
  ASSERT_TRUE(no_motif.has("R6")) << no_motif.dump();
  EXPECT_EQ(no_motif.of("R6")[0].field, "inscription/date-cessation-ide");
  const auto radiation =
      validate(edit(sample("pecdh"), "<motif-radiation-ide>60</motif-radiation-ide>", ""));
  ASSERT_TRUE(radiation.has("R6")) << radiation.dump();
  EXPECT_EQ(radiation.of("R6")[0].field, "inscription/date-radiation-ide");
  EXPECT_FALSE(validate(doc).has("R6"));
  EXPECT_FALSE(validate(sample("pecdh")).has("R6"));
}

TEST(FlowRecordRules, R7BirthDateAndAge) {
  const std::string doc = sample("pecgm");
  const auto future = validate(edit(doc, "1992-02-29", "2024-12-01"));
  ASSERT_TRUE(future.has("R7")) << future.dump();
  EXPECT_NE(future.of("R7")[0].message.find("futur"), std::string::npos);
  const auto child = validate(edit(doc, "1992-02-29", "2010-02-28"));
  EXPECT_TRUE(child.has("R7")) << "14 at the reference date";
  EXPECT_FALSE(validate(edit(doc, "1992-02-29", "2009-09-01")).has("R7")) << "15 that day";
  EXPECT_TRUE(validate(edit(doc, "1992-02-29", "1900-01-01")).has("R7")) << "124";
  const auto old = validate(edit(doc, "1992-02-29", "1950-05-05"));
  EXPECT_FALSE(old.has("R7"));
  EXPECT_TRUE(old.has("R7", Severity::warning)) << "beyond 70: a warning";
  EXPECT_FALSE(validate(doc).has("R7", Severity::warning));
}

TEST(FlowRecordRules, R8NirShapeAndAgreementWithBirthDate) {
  const std::string doc = sample("pecgm");  // 2850762041123, born 1985-07-14
  const auto month = validate(edit(doc, "2850762041123", "2851362041123"));
  ASSERT_TRUE(month.has("R8")) << month.dump();
  EXPECT_EQ(month.of("R8")[0].field, "individu/nir");
  EXPECT_TRUE(validate(edit(doc, "2850762041123", "2850062041123")).has("R8"));
  const auto sex = validate(edit(doc, "2850762041123", "5850762041123"));
  ASSERT_TRUE(sex.has("R8")) << sex.dump();
  EXPECT_TRUE(sex.of("R8")[0].from_schema) << "the nir13 pattern of common.xsd";
  EXPECT_TRUE(validate(edit(doc, "2850762041123", "285076204112")).has("R8")) << "12 characters";
  const auto year = validate(edit(doc, "2850762041123", "2860762041123"));
  EXPECT_FALSE(year.has("R8"));
  EXPECT_TRUE(year.has("R8", Severity::warning));
  EXPECT_TRUE(validate(edit(doc, "2850762041123", "2850862041123")).has("R8", Severity::warning));
  // Unknown month (20–42, 50–99): no comparison.
  const auto unknown = validate(edit(doc, "2850762041123", "2853062041123"));
  EXPECT_FALSE(unknown.has("R8", Severity::warning)) << unknown.dump();
  EXPECT_FALSE(unknown.has("R8"));
  // 2A/2B only since Corsica was split (1976).
  EXPECT_TRUE(
      validate(edit(edit(doc, "2850762041123", "270072A041123"), "1985-07-14", "1970-07-14"))
          .has("R8"));
  EXPECT_FALSE(validate(edit(doc, "2850762041123", "285072A041123")).has("R8"));
  EXPECT_FALSE(validate(doc).has("R8"));
  EXPECT_FALSE(validate(doc).has("R8", Severity::warning));
}

TEST(FlowRecordRules, R9PecgmCodesAreWarnings) {
  const std::string doc = sample("pecgm");
  const auto cat = validate(edit(doc, "<code-categorie>1<", "<code-categorie>7<"));
  ASSERT_TRUE(cat.has("R9", Severity::warning)) << cat.dump();
  EXPECT_EQ(cat.summary.errors, 0u) << "France Travail adds codes: not a rejection";
  EXPECT_FALSE(
      validate(edit(doc, "<code-categorie>1<", "<code-categorie><")).has("R9", Severity::warning))
      << "empty: exemption before 2012";
  EXPECT_TRUE(validate(edit(doc, "<motif-cessation-ide>21<", "<motif-cessation-ide>17<"))
                  .has("R9", Severity::warning));
  EXPECT_FALSE(validate(edit(doc, "<motif-cessation-ide>21<", "<motif-cessation-ide>46<"))
                   .has("R9", Severity::warning));
  EXPECT_FALSE(validate(doc).has("R9", Severity::warning));
}

TEST(FlowRecordRules, R10SamePersonTwiceRejectsTheSecond) {
  const std::string doc = sample("pecgm");
  const auto start = doc.find("  <dossier>");
  const auto end = doc.find("</dossier>") + std::string("</dossier>\n").size();
  std::string twice = doc;
  twice.insert(end, doc.substr(start, end - start));
  twice = edit(twice, "<nb-dossier>2<", "<nb-dossier>3<");
  const auto out = validate(twice);
  ASSERT_TRUE(out.has("R10")) << out.dump();
  EXPECT_EQ(out.of("R10").size(), 1u);
  EXPECT_EQ(out.of("R10")[0].dossier, 2u) << "the second record";
  EXPECT_NE(out.of("R10")[0].message.find("dossier 1"), std::string::npos);
  EXPECT_EQ(out.summary.valid_dossiers, 2u);
  // Without NIR the key is code-pe + identifiant-pe.
  const auto d2 = doc.find("  <dossier>", end - 1);
  const auto e2 = doc.find("</dossier>", d2) + std::string("</dossier>\n").size();
  std::string ft_twice = doc;
  ft_twice.insert(e2, doc.substr(d2, e2 - d2));
  ft_twice = edit(ft_twice, "<nb-dossier>2<", "<nb-dossier>3<");
  const auto ft = validate(ft_twice);
  ASSERT_EQ(ft.of("R10").size(), 1u) << ft.dump();
  EXPECT_EQ(ft.of("R10")[0].dossier, 3u);
  EXPECT_FALSE(validate(doc).has("R10"));
}

}  // namespace
}  // namespace binome::flows::testing
