// CSV for French spreadsheets: semicolons, quoting, formula injection neutralised, BOM.
#include "exports/csv.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using binome::exports::csv_bom;
using binome::exports::csv_field;
using binome::exports::csv_line;

TEST(CsvTest, BomIsUtf8Bom) {
  const std::string bom = csv_bom();
  ASSERT_EQ(bom.size(), 3u);
  EXPECT_EQ(static_cast<unsigned char>(bom[0]), 0xEF);
  EXPECT_EQ(static_cast<unsigned char>(bom[1]), 0xBB);
  EXPECT_EQ(static_cast<unsigned char>(bom[2]), 0xBF);
}

TEST(CsvTest, LineUsesSemicolonsAndEndsWithCrLf) {
  EXPECT_EQ(csv_line({"Nom", "Prénom", "Commune"}), "Nom;Prénom;Commune\r\n");
  EXPECT_EQ(csv_line({"a", "", "c"}), "a;;c\r\n");
  EXPECT_EQ(csv_line({}), "\r\n");
}

TEST(CsvTest, PlainFieldsAreNotQuoted) {
  EXPECT_EQ(csv_field("Lefèvre-D'Aubigné"), "Lefèvre-D'Aubigné");
  EXPECT_EQ(csv_field("12, rue des Écoles"), "12, rue des Écoles");  // comma is not special
  EXPECT_EQ(csv_field(""), "");
}

TEST(CsvTest, FieldWithSemicolonIsQuoted) {
  EXPECT_EQ(csv_field("Arras; Lens"), "\"Arras; Lens\"");
  EXPECT_EQ(csv_line({"a;b", "c"}), "\"a;b\";c\r\n");
}

TEST(CsvTest, QuotesAreDoubledInsideQuotes) {
  EXPECT_EQ(csv_field("dit \"Jo\""), "\"dit \"\"Jo\"\"\"");
  EXPECT_EQ(csv_field("\""), "\"\"\"\"");
}

TEST(CsvTest, LineBreaksAreQuoted) {
  EXPECT_EQ(csv_field("ligne 1\nligne 2"), "\"ligne 1\nligne 2\"");
  EXPECT_EQ(csv_field("a\r\nb"), "\"a\r\nb\"");
}

TEST(CsvTest, FormulaStartsAreNeutralised) {
  EXPECT_EQ(csv_field("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(csv_field("=1+1"), "'=1+1");
  EXPECT_EQ(csv_field("+33612345678"), "'+33612345678");
  EXPECT_EQ(csv_field("-2+3"), "'-2+3");
  EXPECT_EQ(csv_field("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_field("\tcmd"), "'\tcmd");
}

TEST(CsvTest, FormulaCharacterInsideAFieldIsLeftAlone) {
  EXPECT_EQ(csv_field("a=b"), "a=b");
  EXPECT_EQ(csv_field("Jean-Pierre"), "Jean-Pierre");
  EXPECT_EQ(csv_field("x@y.fr"), "x@y.fr");
}

TEST(CsvTest, NeutralisedFieldWithSemicolonIsBothPrefixedAndQuoted) {
  EXPECT_EQ(csv_line({"=A1;B1", "ok"}), "\"'=A1;B1\";ok\r\n");
}

}  // namespace
