// The CGPEM writer: its files pass binome's validator and xmllint; what it cannot write
// (R1, R3, R4, R10) is returned with a reason instead of being guessed.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "flows/cgpem_writer.hpp"
#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

CgpemHeader header() {
  return {"62", *domain::parse_date("2024-09-01"), *domain::parse_date("2024-09-18"), "M"};
}

CgpemRecord record(std::int64_t id, std::string last, std::string first) {
  CgpemRecord r;
  r.person_id = id;
  r.last_name = std::move(last);
  r.first_name = std::move(first);
  r.birth_date = "1985-07-14";
  r.nir = "2850762041" + std::to_string(100 + id);
  r.nature = "06";
  r.decision_date = "2024-09-12";
  return r;
}

bool xmllint_ok(const std::string& doc) {
  const auto file = std::filesystem::temp_directory_path() /
                    ("binome-cgpem-" + std::to_string(::getpid()) + ".xml");
  std::ofstream(file, std::ios::binary) << doc;
  const std::string cmd = "xmllint --noout --schema '" + spec_path("cgpem.xsd") + "' '" +
                          file.string() + "' >/dev/null 2>&1";
  const bool ok = std::system(cmd.c_str()) == 0;
  std::filesystem::remove(file);
  return ok;
}

TEST(FlowCgpemWriter, WritesAValidFileWithTransliteratedNames) {
  auto a = record(1, "Lefèvre-d'Aubigné", "Hélène");
  a.organisme = "Département du Pas-de-Calais & MDS";
  a.service = "Référente sociale";
  a.correspondant_nom = "Camille Roux";
  a.telephone = "03 21 00 00 00";
  a.email = "c.roux@example.org";
  auto b = record(2, "Œuvray", "Zoé");
  b.nir.reset();
  b.code_pe = "062";
  b.identifiant_pe = "1234567A";
  b.correspondant_nom = "Jean Martin";
  b.telephone = "+33 3 21";  // not 10 digits: left out, the rest stays
  std::ostringstream out;
  const auto outcome = write_cgpem(out, header(), {a, b});
  EXPECT_EQ(outcome.written, 2u);
  EXPECT_TRUE(outcome.skipped.empty());
  const std::string doc = out.str();
  EXPECT_NE(doc.find("<nom-naissance>LEFEVRE-D'AUBIGNE</nom-naissance>"), std::string::npos);
  EXPECT_NE(doc.find("<prenom>HELENE</prenom>"), std::string::npos);
  EXPECT_NE(doc.find("<nom-naissance>OEUVRAY</nom-naissance>"), std::string::npos);
  EXPECT_NE(doc.find("<telephone>0321000000</telephone>"), std::string::npos);
  EXPECT_NE(doc.find("D\xE9partement du Pas-de-Calais &amp; MDS"), std::string::npos)
      << "ISO-8859-1 bytes, escaped";
  const auto v = validate(doc, "2024-09-18");
  EXPECT_TRUE(v.diagnostics.empty()) << v.dump();
  EXPECT_EQ(v.summary.dossiers, 2u);
  EXPECT_TRUE(xmllint_ok(doc));
}

TEST(FlowCgpemWriter, WhatCannotBeWrittenIsSkippedWithItsReason) {
  auto no_id = record(1, "Martin", "Paul");
  no_id.nir.reset();
  no_id.identifiant_pe = "1234567A";  // without code-pe
  auto bad_name = record(2, "Martin 2", "Paul");
  auto long_name = record(3, "Abcdefghijklmnopqrstuvwxyz", "Paul");
  auto future = record(4, "Martin", "Paul");
  future.decision_date = "2024-09-19";
  auto twice = record(5, "Martin", "Paul");
  twice.nir = record(6, "", "").nir;
  auto first = record(6, "Martin", "Paul");
  auto nameless_corr = record(7, "Martin", "Louise");
  nameless_corr.organisme = "MDS";
  nameless_corr.telephone = "0321000000";
  std::ostringstream out;
  const auto outcome =
      write_cgpem(out, header(), {no_id, bad_name, long_name, future, first, twice, nameless_corr});
  EXPECT_EQ(outcome.written, 2u);
  ASSERT_EQ(outcome.skipped.size(), 5u);
  EXPECT_NE(outcome.skipped[0].reason.find("R1"), std::string::npos);
  EXPECT_NE(outcome.skipped[1].reason.find("R3"), std::string::npos);
  EXPECT_NE(outcome.skipped[2].reason.find("R3"), std::string::npos);
  EXPECT_NE(outcome.skipped[3].reason.find("R4"), std::string::npos);
  EXPECT_EQ(outcome.skipped[4].person_id, 5);
  EXPECT_NE(outcome.skipped[4].reason.find("R10"), std::string::npos);
  const std::string doc = out.str();
  EXPECT_EQ(doc.find("<correspondant>"), std::string::npos)
      << "no correspondant without its name (R5: it would erase France Travail's)";
  const auto v = validate(doc, "2024-09-18");
  EXPECT_TRUE(v.diagnostics.empty()) << v.dump();
  EXPECT_TRUE(xmllint_ok(doc));
}

TEST(FlowCgpemWriter, EmptyStockIsAValidFile) {
  std::ostringstream out;
  EXPECT_EQ(write_cgpem(out, header(), {}).written, 0u);
  EXPECT_TRUE(validate(out.str(), "2024-09-18").diagnostics.empty());
  EXPECT_TRUE(xmllint_ok(out.str()));
}

TEST(FlowCgpemWriter, HeaderThatWouldBreakTheRulesIsRefused) {
  std::ostringstream out;
  auto h = header();
  h.departement = "00";
  EXPECT_THROW(write_cgpem(out, h, {}), std::invalid_argument);
  h = header();
  h.date_reference = *domain::parse_date("2024-10-01");  // after the fabrication day
  EXPECT_THROW(write_cgpem(out, h, {}), std::invalid_argument);
}

}  // namespace
}  // namespace binome::flows::testing
