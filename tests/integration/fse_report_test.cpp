// The figures of the annual FSE execution report over HTTP on both backends: computed for a
// coordinateur's reach, masked for pilotage, refused to the other roles (and traced), the
// XLSX read back cell by cell and its export audited.
#include "harness.hpp"
#include "zip_read.hpp"

namespace binome::testing {
namespace {

class FseReportTest : public ApiTest {};

// The number in the cell right after a label in a sheet's XML (the « Valeur » column).
std::string value_after(const std::string& sheet, const std::string& label) {
  const auto at = sheet.find(label);
  if (at == std::string::npos) return "absent";
  const auto v = sheet.find("<v>", at);
  const auto row_end = sheet.find("</row>", at);
  if (v == std::string::npos || v > row_end) {
    const auto t = sheet.find("<t>", sheet.find("</t>", at) + 4);
    return t < row_end ? sheet.substr(t + 3, sheet.find("</t>", t) - t - 3) : "vide";
  }
  return sheet.substr(v + 3, sheet.find("</v>", v) - v - 3);
}

TEST_P(FseReportTest, FiguresOfTheYearByRoleAndXlsxReadBack) {
  const auto person = person_id_in_territory("Territoire Nord");
  auto c = logged_in("conseiller.demo");
  Json body = tacit_brsa_orientation();
  db_->with_session([&](soci::session& sql) {
    long long id = person;
    sql << "UPDATE persons SET brsa = 1 WHERE id = :id", soci::use(id);
  });
  auto o =
      c.call("POST", "/api/v1/persons/" + std::to_string(person) + "/orientations", body.dump());
  ASSERT_EQ(o.status, 201) << o.body;
  ASSERT_EQ(
      c.call("POST",
             "/api/v1/orientations/" + std::to_string(o.json()["id"].get<long long>()) + "/entry",
             Json{{"start_date", "2026-11-25"}, {"initial_months", 6}}.dump())
          .status,
      201);

  EXPECT_EQ(c.get("/api/v1/fse-report?year=2026").status, 403) << "not a conseiller's";
  EXPECT_EQ(logged_in("dpo.demo").get("/api/v1/fse-report?year=2026&format=xlsx").status, 403);
  EXPECT_EQ(audit_count("fse_report.denied"), 2);

  auto coordo = logged_in("coordo.demo");
  EXPECT_EQ(coordo.get("/api/v1/fse-report?year=26").status, 422);
  EXPECT_EQ(coordo.get("/api/v1/fse-report?year=2026&format=pdf").status, 422);
  auto report = coordo.get("/api/v1/fse-report?year=2026");
  ASSERT_EQ(report.status, 200) << report.body;
  const auto r = report.json();
  EXPECT_EQ(r["from"], "2026-01-01");
  EXPECT_EQ(r["to"], "2026-12-31");
  EXPECT_FALSE(r["masked"].get<bool>());
  std::map<std::string, Json> rows;
  for (const auto& t : r["tables"])
    for (const auto& row : t["rows"]) rows[row["key"]] = row["value"];
  EXPECT_EQ(rows["participants"], 1);
  EXPECT_EQ(rows["entrees"], 1);
  EXPECT_EQ(rows["liste_fse_s1"], 0);
  EXPECT_EQ(rows["liste_fse_s2"], 1);
  EXPECT_EQ(rows["brsa"], 1);
  EXPECT_EQ(rows["en_cours_31_12"], 1);
  EXPECT_EQ(rows["delai_entree_moyen"], 7) << "oriented today (18/11), entered 25/11";
  EXPECT_EQ(audit_count("fse_report.export"), 0) << "the screen is not an export";
  const auto empty_year = coordo.get("/api/v1/fse-report?year=2025").json();
  EXPECT_EQ(empty_year["tables"][0]["rows"][0]["value"], 0);

  auto xlsx = coordo.get("/api/v1/fse-report?year=2026&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_NE(xlsx.header("Content-Disposition").find("rapport-fse-2026.xlsx"), std::string::npos);
  const auto sheet = zip_entry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("Rapport annuel d'exécution FSE 2026"), std::string::npos) << *sheet;
  EXPECT_EQ(value_after(*sheet, "Personnes accompagnées (axe 2) dans l'année"), "1");
  EXPECT_EQ(value_after(*sheet, "Liste FSE du 1er semestre (personnes)"), "0");
  EXPECT_EQ(value_after(*sheet, "Liste FSE du 2d semestre (personnes)"), "1");
  EXPECT_NE(sheet->find("Volet financier"), std::string::npos) << "what binome does not hold";
  EXPECT_EQ(audit_count("fse_report.export"), 1);

  auto p = logged_in("pilotage.demo");
  const auto masked = p.get("/api/v1/fse-report?year=2026&scope=departement").json();
  EXPECT_TRUE(masked["masked"].get<bool>());
  EXPECT_EQ(masked["tables"][0]["rows"][0]["display"], "< 5");
  EXPECT_TRUE(masked["tables"][0]["rows"][0]["value"].is_null()) << "the value never leaves";
  auto pxlsx = p.get("/api/v1/fse-report?year=2026&scope=departement&format=xlsx");
  ASSERT_EQ(pxlsx.status, 200);
  EXPECT_EQ(value_after(*zip_entry(pxlsx.body, "xl/worksheets/sheet1.xml"),
                        "Personnes accompagnées (axe 2) dans l'année"),
            "&lt; 5");
  EXPECT_EQ(audit_count("fse_report.export"), 2);
}

INSTANTIATE_TEST_SUITE_P(Backends, FseReportTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
