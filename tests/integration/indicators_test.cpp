// Indicators over real HTTP on both backends: figures of the coordinateur's territory, the
// pilotage's masked aggregates with no name, refusals out of reach (audited), and the CSV and
// XLSX exports read back (audited).
#include "harness.hpp"
#include "zip_read.hpp"

namespace binome::testing {
namespace {

class IndicatorsTest : public ApiTest {
 protected:
  // One orientation decided and entered on 2026-11-25 for the first person of the north.
  std::string enter_one(Client& conseiller) {
    const auto pid = person_id_in_territory("Territoire Nord");
    std::string last_name;
    db_->with_session([&](soci::session& sql) {
      long long id = pid;
      sql << "UPDATE persons SET brsa = 1 WHERE id = :id", soci::use(id);
      sql << "SELECT last_name FROM persons WHERE id = :id", soci::use(id), soci::into(last_name);
    });
    Json body = tacit_brsa_orientation();
    auto r = conseiller.call("POST", "/api/v1/persons/" + std::to_string(pid) + "/orientations",
                             body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    const auto oid = r.json()["id"].get<long long>();
    auto e = conseiller.call("POST", "/api/v1/orientations/" + std::to_string(oid) + "/entry",
                             Json{{"start_date", "2026-11-25"}, {"initial_months", 6}}.dump());
    EXPECT_EQ(e.status, 201) << e.body;
    return last_name;
  }

  static Json row(const Json& report, const std::string& key) {
    for (const auto& t : report["tables"])
      for (const auto& r : t["rows"])
        if (r["key"] == key) return r;
    return nullptr;
  }
};

TEST_P(IndicatorsTest, CoordinateurFiguresAndPilotageMaskedAggregates) {
  auto c = logged_in("conseiller.demo");
  const auto name = enter_one(c);

  auto coordo = logged_in("coordo.demo");
  auto r = coordo.get("/api/v1/indicators");
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.json();
  EXPECT_EQ(report["scope"], "territory");
  EXPECT_EQ(report["from"], "2026-10-01") << "the current quarter by default";
  EXPECT_EQ(report["to"], "2026-12-31");
  EXPECT_FALSE(report["masked"].get<bool>());
  EXPECT_EQ(row(report, "entrees")["value"], 1);
  EXPECT_EQ(row(report, "en_cours_fin")["value"], 1);
  EXPECT_EQ(row(report, "brsa")["value"], 1);
  EXPECT_EQ(row(report, "origine_france_travail")["value"], 1);
  EXPECT_EQ(row(report, "delai_entree_moyen")["value"], 7) << "18 → 25 November";
  EXPECT_EQ(row(report, "delai_entree_moyen")["target"], 21);
  EXPECT_EQ(row(report, "part_brsa")["target"], 80);

  auto before = coordo.get("/api/v1/indicators?from=2026-07-01&to=2026-09-30").json();
  EXPECT_EQ(row(before, "entrees")["value"], 0) << "the previous quarter";

  auto p = logged_in("pilotage.demo");
  auto agg = p.get("/api/v1/indicators");
  ASSERT_EQ(agg.status, 200) << agg.body;
  const auto masked = agg.json();
  EXPECT_EQ(masked["scope"], "departement");
  EXPECT_TRUE(masked["masked"].get<bool>());
  EXPECT_EQ(row(masked, "entrees")["display"], "< 5");
  EXPECT_TRUE(row(masked, "entrees")["value"].is_null());
  EXPECT_TRUE(row(masked, "entrees")["base"].is_null());
  EXPECT_EQ(agg.body.find(name), std::string::npos) << "no name in pilotage's answer";
}

TEST_P(IndicatorsTest, RefusedOutOfReachAndAudited) {
  EXPECT_EQ(logged_in("conseiller.demo").get("/api/v1/indicators?scope=departement").status, 403);
  const auto south = user_id("conseiller2.demo");
  EXPECT_EQ(logged_in("conseiller.demo")
                .get("/api/v1/indicators?scope=counsellor&id=" + std::to_string(south))
                .status,
            403);
  EXPECT_EQ(logged_in("coordo.demo").get("/api/v1/indicators?scope=departement").status, 403);
  EXPECT_EQ(audit_count("indicators.denied"), 3);
  EXPECT_EQ(logged_in("social.demo").get("/api/v1/indicators").status, 403);
  EXPECT_EQ(logged_in("admin.demo").get("/api/v1/indicators").status, 403);
  EXPECT_EQ(logged_in("dpo.demo").get("/api/v1/indicators/export?format=csv").status, 403);
  EXPECT_EQ(audit_count("indicators.export"), 0);
  auto mine = logged_in("conseiller.demo").get("/api/v1/indicators");
  EXPECT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json()["scope"], "counsellor");
  EXPECT_EQ(logged_in("pilotage.demo").get("/api/v1/indicators?from=2026-13-01").status, 422);
}

TEST_P(IndicatorsTest, ExportsReadBackAndAudited) {
  auto c = logged_in("conseiller.demo");
  enter_one(c);
  auto coordo = logged_in("coordo.demo");
  auto csv = coordo.get("/api/v1/indicators/export?format=csv&table=flux");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF", 0), 0u) << "UTF-8 BOM first";
  EXPECT_NE(csv.body.find("Indicateur;Clé;Valeur;Unité;Cible;Base\r\n"), std::string::npos);
  EXPECT_NE(csv.body.find(";Entrées en accompagnement global (axe 2);entrees;1;personnes;;1\r\n"),
            std::string::npos)
      << csv.body;
  EXPECT_EQ(csv.body.find("Sorties par motif"), std::string::npos) << "one table only";
  EXPECT_EQ(audit_count("indicators.export"), 1);

  auto xlsx = coordo.get("/api/v1/indicators/export?format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.rfind("PK", 0), 0u);
  const auto sheet = zip_entry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("Entrées en accompagnement global (axe 2)"), std::string::npos) << *sheet;
  EXPECT_NE(sheet->find("<v>1</v>"), std::string::npos);
  const auto book = zip_entry(xlsx.body, "xl/workbook.xml");
  ASSERT_TRUE(book);
  EXPECT_NE(book->find("name=\"objectifs\""), std::string::npos);
  EXPECT_EQ(audit_count("indicators.export"), 2);

  auto p = logged_in("pilotage.demo");
  auto masked = p.get("/api/v1/indicators/export?format=xlsx&table=flux");
  ASSERT_EQ(masked.status, 200);
  const auto msheet = zip_entry(masked.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(msheet);
  EXPECT_NE(msheet->find("&lt; 5"), std::string::npos) << *msheet;
  EXPECT_EQ(msheet->find("<v>1</v>"), std::string::npos);
  EXPECT_EQ(audit_count("indicators.export"), 3);
  EXPECT_EQ(p.get("/api/v1/indicators/export?format=pdf").status, 422);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
