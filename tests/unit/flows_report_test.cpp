// Shape of the JSON report of "binome flows validate --json".
#include <gtest/gtest.h>

#include "flows/report.hpp"
#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

TEST(FlowReport, OneObjectPerFileWithTheAgreedKeys) {
  std::string doc = edit(sample("cgpem"), "<prenom>ANA<", "<prenom>Ana<");
  doc = edit(doc, "<nb-dossier>2<", "<nb-dossier>5<");
  doc = edit(
      doc,
      "<nom>GUISE</nom>\n      <prenom>CORINNE</prenom>\n      <telephone>0389000000</telephone>\n",
      "");
  const auto out = validate(doc);
  const auto j = file_report("cgpem.xml", out.summary, out.diagnostics);
  ASSERT_TRUE(j.is_object());
  for (const char* key : {"file", "flow", "departement", "date_reference", "dossiers",
                          "valid_dossiers", "errors", "warnings"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j.size(), 8u);
  EXPECT_EQ(j["file"], "cgpem.xml");
  EXPECT_EQ(j["flow"], "CGPEM");
  EXPECT_EQ(j["departement"], "68");
  EXPECT_EQ(j["date_reference"], "2024-09-01");
  EXPECT_EQ(j["dossiers"], 2);
  EXPECT_EQ(j["valid_dossiers"], 0);
  ASSERT_EQ(j["errors"].size(), 2u) << j.dump(2);
  ASSERT_EQ(j["warnings"].size(), 1u) << j.dump(2);
  const auto& record = j["errors"][0];
  EXPECT_EQ(record["level"], "record");
  EXPECT_EQ(record["dossier"], 2);
  EXPECT_TRUE(record["line"].is_number_unsigned());
  EXPECT_EQ(record["field"], "individu/prenom");
  EXPECT_EQ(record["rule"], "R3");
  EXPECT_TRUE(record["message"].is_string());
  EXPECT_EQ(record.size(), 6u);
  const auto& file = j["errors"][1];
  EXPECT_EQ(file["level"], "file");
  EXPECT_TRUE(file["dossier"].is_null());
  EXPECT_EQ(file["rule"], "F1");
  EXPECT_EQ(j["warnings"][0]["rule"], "R5");
}

TEST(FlowReport, UnreadableKindHasNullFlowAndHeaderValues) {
  const auto out = validate("");
  const auto j = file_report("vide.xml", out.summary, out.diagnostics);
  EXPECT_TRUE(j["flow"].is_null());
  EXPECT_TRUE(j["departement"].is_null());
  EXPECT_TRUE(j["date_reference"].is_null());
  EXPECT_EQ(j["errors"][0]["rule"], "XML");
  EXPECT_TRUE(j["errors"][0]["line"].is_null());
  EXPECT_TRUE(j["errors"][0]["field"].is_null());
}

}  // namespace
}  // namespace binome::flows::testing
