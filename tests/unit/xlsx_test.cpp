// The XLSX writer: cells read back from the sheet XML; text that looks like a formula stays
// text (inline string), numbers are numbers.
#include "exports/xlsx.hpp"

#include <gtest/gtest.h>

#include "../integration/zip_read.hpp"

namespace binome::exports {
namespace {

TEST(XlsxTest, CellsReadBackAndFormulasStayText) {
  XlsxSheet s;
  s.name = "essai";
  s.title_lines = {"Titre"};
  s.header = {"Libellé", "Valeur"};
  s.rows = {{XlsxCell::of("=SOMME(A1:A2)"), XlsxCell::num(12.5)},
            {XlsxCell::of("Entrées & sorties"), XlsxCell::of("< 5")}};
  const auto bytes = xlsx_workbook({s});
  ASSERT_EQ(bytes.rfind("PK", 0), 0u);
  const auto sheet = testing::zip_entry(bytes, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("<t>=SOMME(A1:A2)</t>"), std::string::npos) << *sheet;
  EXPECT_EQ(sheet->find("<f>"), std::string::npos) << "no formula cell";
  EXPECT_NE(sheet->find("<v>12.5</v>"), std::string::npos);
  EXPECT_NE(sheet->find("Entrées &amp; sorties"), std::string::npos);
  EXPECT_NE(sheet->find("&lt; 5"), std::string::npos);
  const auto book = testing::zip_entry(bytes, "xl/workbook.xml");
  ASSERT_TRUE(book);
  EXPECT_NE(book->find("name=\"essai\""), std::string::npos);
}

}  // namespace
}  // namespace binome::exports
