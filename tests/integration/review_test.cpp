// The monthly portfolio review over HTTP on both backends: agenda from the data, attendance,
// decisions through the single actions' services (same checks, same audit), the secretariat
// alternating, closing freezing the review, and its tableau de suivi read back.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "harness.hpp"
#include "zip_read.hpp"

namespace binome::testing {
namespace {

class ReviewTest : public ApiTest {
 protected:
  long long orient_first_of_north(Client& conseiller, long long& person, long long& agence) {
    person = person_id_in_territory("Territoire Nord");
    db_->with_session([&](soci::session& sql) {
      long long id = person;
      sql << "UPDATE persons SET brsa = 1 WHERE id = :id", soci::use(id);
      sql << "SELECT agence_id FROM persons WHERE id = :id", soci::use(id), soci::into(agence);
    });
    Json body = tacit_brsa_orientation();
    auto r = conseiller.call("POST", "/api/v1/persons/" + std::to_string(person) + "/orientations",
                             body.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
};

TEST_P(ReviewTest, AgendaDecisionsAttendanceClosingAndTableau) {
  auto c = logged_in("conseiller.demo");
  long long person = 0, agence = 0;
  const auto oid = orient_first_of_north(c, person, agence);
  ASSERT_GT(agence, 0);
  const std::string base = "/api/v1/agences/" + std::to_string(agence) + "/portfolio-reviews";

  EXPECT_EQ(c.call("POST", base, Json{{"held_on", "2026-11-20"}}.dump()).status, 403)
      << "a conseiller does not run the review";
  EXPECT_EQ(audit_count("review.denied"), 1);

  auto coordo = logged_in("coordo.demo");
  auto opened = coordo.call("POST", base, Json{{"held_on", "2026-11-20"}}.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  auto review = opened.json();
  EXPECT_EQ(review["secretariat_side"], "france_travail") << "the first review";
  EXPECT_EQ(review["status"], "ouverte");
  bool found = false;
  for (const auto& it : review["agenda"])
    if (it["kind"] == "entree_a_enregistrer" && it["subject_id"] == oid) found = true;
  EXPECT_TRUE(found) << review.dump();
  const std::string rev =
      "/api/v1/portfolio-reviews/" + std::to_string(review["id"].get<long long>());
  EXPECT_EQ(coordo.call("POST", base, Json{{"held_on", "2026-11-27"}}.dump()).status, 409)
      << "one review a month";

  auto att =
      coordo.call("PUT", rev + "/attendance",
                  Json{{"attendees",
                        {{{"user_id", user_id("conseiller.demo")}},
                         {{"user_id", user_id("social.demo")}, {"present", false}},
                         {{"role", "Directeur d'agence"}, {"organisation", "France Travail"}}}}}
                      .dump());
  ASSERT_EQ(att.status, 200) << att.body;
  ASSERT_EQ(att.json()["attendees"].size(), 3u);
  EXPECT_EQ(att.json()["attendees"][0]["role"], "Conseiller France Travail");
  EXPECT_FALSE(att.json()["attendees"][1]["present"].get<bool>());

  const auto entries_before = audit_count("support.entry", person);
  auto decided = coordo.call("POST", rev + "/decisions",
                             Json{{"items",
                                   {{{"kind", "entree"},
                                     {"orientation_id", oid},
                                     {"start_date", "2026-11-25"},
                                     {"initial_months", 9}},
                                    {{"kind", "entree"},
                                     {"orientation_id", oid},
                                     {"start_date", "2026-11-25"},
                                     {"initial_months", 6}},
                                    {{"kind", "inconnue"}}}}}
                                 .dump());
  ASSERT_EQ(decided.status, 200) << decided.body;
  const auto results = decided.json()["results"];
  ASSERT_EQ(results.size(), 3u);
  EXPECT_FALSE(results[0]["ok"].get<bool>()) << "the single action's check: 9 months refused";
  EXPECT_EQ(results[0]["errors"][0]["code"], "duree_initiale");
  EXPECT_TRUE(results[1]["ok"].get<bool>()) << results.dump();
  EXPECT_FALSE(results[2]["ok"].get<bool>());
  EXPECT_EQ(audit_count("support.entry", person), entries_before + 1) << "the same audit";

  auto after = coordo.get(rev).json();
  ASSERT_EQ(after["decisions"].size(), 1u);
  EXPECT_EQ(after["decisions"][0]["kind"], "entree");
  for (const auto& it : after["agenda"])
    EXPECT_FALSE(it["kind"] == "entree_a_enregistrer" && it["subject_id"] == oid)
        << "recorded: off the agenda";

  auto closed = coordo.call("POST", rev + "/close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.json()["status"], "close");
  EXPECT_EQ(
      coordo.call("POST", rev + "/decisions", Json{{"items", {{{"kind", "bilan"}}}}}.dump()).status,
      409)
      << "closing freezes it";
  EXPECT_EQ(
      coordo.call("PUT", rev + "/attendance", Json{{"attendees", Json::array()}}.dump()).status,
      409);

  auto xlsx = coordo.get(rev + "/tableau.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  const auto sheet = zip_entry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find("Secrétariat : France Travail"), std::string::npos) << *sheet;
  const auto decisions = zip_entry(xlsx.body, "xl/worksheets/sheet2.xml");
  ASSERT_TRUE(decisions);
  EXPECT_NE(decisions->find("Entrée le 25/11/2026"), std::string::npos) << *decisions;
  const auto present = zip_entry(xlsx.body, "xl/worksheets/sheet3.xml");
  ASSERT_TRUE(present);
  EXPECT_NE(present->find("Directeur d"), std::string::npos) << *present;
  EXPECT_EQ(audit_count("review.export"), 1);

  auto next = coordo.call("POST", base, Json{{"held_on", "2026-12-18"}}.dump());
  ASSERT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json()["secretariat_side"], "departement") << "the secretariat alternates";
  EXPECT_EQ(logged_in("pilotage.demo").get(rev).status, 403);
}

TEST_P(ReviewTest, EveryAgendaLineIsDecidedThroughTheSingleActionsServices) {
  auto c = logged_in("conseiller.demo");
  long long person = 0, agence = 0;
  const auto oid = orient_first_of_north(c, person, agence);
  auto entered = c.call("POST", "/api/v1/orientations/" + std::to_string(oid) + "/entry",
                        Json{{"start_date", "2026-11-18"}, {"initial_months", 6}}.dump());
  ASSERT_EQ(entered.status, 201) << entered.body;
  const long long support = entered.json()["id"];
  // Its period ends within the month of the review: a review (bilan, renewal or exit) is due.
  db_->with_session([&](soci::session& sql) {
    long long id = support;
    sql << "UPDATE supports SET start_date = '2026-06-01' WHERE id = :id", soci::use(id);
  });
  // A second person of the same counsellor asks for an axe 3.
  long long other = 0;
  db_->with_session([&](soci::session& sql) {
    long long p = person, a = agence;
    sql << "SELECT MIN(id) FROM persons WHERE agence_id = :a AND id <> :p AND referent_social_id "
           "IS NOT NULL",
        soci::use(a), soci::use(p), soci::into(other);
  });
  auto asked = c.call("POST", "/api/v1/persons/" + std::to_string(other) + "/axe3",
                      Json{{"planned_start", "2026-11-18"}}.dump());
  ASSERT_EQ(asked.status, 201) << asked.body;
  const long long axe3 = asked.json()["id"];

  auto coordo = logged_in("coordo.demo");
  auto opened =
      coordo.call("POST", "/api/v1/agences/" + std::to_string(agence) + "/portfolio-reviews",
                  Json{{"held_on", "2026-11-20"}}.dump());
  ASSERT_EQ(opened.status, 201) << opened.body;
  const std::string rev =
      "/api/v1/portfolio-reviews/" + std::to_string(opened.json()["id"].get<long long>());
  std::set<std::string> kinds;
  const auto agenda = opened.json()["agenda"];
  for (const auto& it : agenda)
    if (it["subject_id"] == support || it["subject_id"] == axe3)
      kinds.insert(it["kind"].get<std::string>());
  EXPECT_TRUE(kinds.count("revue_due")) << agenda.dump();
  EXPECT_TRUE(kinds.count("axe3_a_valider"));

  const auto decide = [&](Json item) {
    auto r = coordo.call("POST", rev + "/decisions", Json{{"items", {item}}}.dump());
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json()["results"][0];
  };
  EXPECT_TRUE(
      decide({{"kind", "bilan"}, {"support_id", support}, {"result", "objectif_atteint"}})["ok"]);
  EXPECT_TRUE(decide({{"kind", "renouvellement"}, {"support_id", support}, {"months", 12}})["ok"]);
  const auto too_long =
      decide({{"kind", "renouvellement"}, {"support_id", support}, {"months", 6}});
  EXPECT_FALSE(too_long["ok"].get<bool>()) << "18 months at most: the single action's check";
  const Json exit = {{"kind", "sortie"},
                     {"support_id", support},
                     {"outcome", "emploi_cdi"},
                     {"exit_date", "2026-11-18"}};
  const auto without_bilan = decide(exit);
  EXPECT_FALSE(without_bilan["ok"].get<bool>()) << "the renewal opened a period without bilan";
  EXPECT_EQ(without_bilan["errors"][0]["code"], "bilan_requis");
  EXPECT_TRUE(
      decide({{"kind", "bilan"}, {"support_id", support}, {"result", "objectif_atteint"}})["ok"]);
  EXPECT_TRUE(decide(exit)["ok"]);
  EXPECT_TRUE(decide({{"kind", "axe3_validation"}, {"axe3_id", axe3}, {"accept", true}})["ok"]);
  EXPECT_TRUE(decide({{"kind", "axe3_renouvellement"}, {"axe3_id", axe3}})["ok"]);
  const auto twice = decide({{"kind", "axe3_renouvellement"}, {"axe3_id", axe3}});
  EXPECT_FALSE(twice["ok"].get<bool>());
  EXPECT_EQ(twice["errors"][0]["code"], "renouvellements_max");
  EXPECT_TRUE(decide({{"kind", "axe3_fin"},
                      {"axe3_id", axe3},
                      {"reason", "retour_axe2"},
                      {"end_date", "2026-11-18"}})["ok"]);

  // The same audit records as the single actions, and the decisions linked to the review.
  EXPECT_EQ(audit_count("support.bilan", person), 2);
  EXPECT_EQ(audit_count("support.renewal", person), 1);
  EXPECT_EQ(audit_count("support.exit", person), 1);
  EXPECT_EQ(audit_count("axe3.start", other), 1);
  EXPECT_EQ(audit_count("axe3.renewal", other), 1);
  EXPECT_EQ(audit_count("axe3.end", other), 1);
  const auto after = coordo.get(rev).json();
  EXPECT_EQ(after["decisions"].size(), 7u) << after["decisions"].dump();
  bool exit_listed = false;
  for (const auto& it : after["agenda"])
    if (it["kind"] == "sortie" && it["subject_id"] == support) exit_listed = true;
  EXPECT_TRUE(exit_listed) << "the exit of the month is on the agenda";
}

std::string pdf_text(const std::string& bytes) {
  const auto path = std::filesystem::temp_directory_path() / "binome-fse-test.pdf";
  std::ofstream(path, std::ios::binary) << bytes;
  std::string out;
  if (FILE* p = popen(("pdftotext -layout '" + path.string() + "' - 2>/dev/null").c_str(), "r")) {
    char buf[4096];
    std::size_t n = 0;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  return out;
}

TEST_P(ReviewTest, FseListOfASemesterAsXlsxAndSignedPdf) {
  auto c = logged_in("conseiller.demo");
  long long person = 0, agence = 0;
  const auto oid = orient_first_of_north(c, person, agence);
  ASSERT_EQ(c.call("POST", "/api/v1/orientations/" + std::to_string(oid) + "/entry",
                   Json{{"start_date", "2026-11-25"}, {"initial_months", 6}}.dump())
                .status,
            201);
  std::string last_name;
  db_->with_session([&](soci::session& sql) {
    long long id = person;
    sql << "SELECT last_name FROM persons WHERE id = :id", soci::use(id), soci::into(last_name);
  });

  EXPECT_EQ(logged_in("pilotage.demo").get("/api/v1/fse-list?semester=2026-S2").status, 403);
  EXPECT_EQ(c.get("/api/v1/fse-list?semester=2026-S2").status, 403) << "coordinateurs only";
  EXPECT_EQ(audit_count("fse.denied"), 2);
  auto coordo = logged_in("coordo.demo");
  EXPECT_EQ(coordo.get("/api/v1/fse-list?semester=2026-S3").status, 422);

  auto xlsx = coordo.get("/api/v1/fse-list?semester=2026-S2&format=xlsx");
  ASSERT_EQ(xlsx.status, 200);
  const auto sheet = zip_entry(xlsx.body, "xl/worksheets/sheet1.xml");
  ASSERT_TRUE(sheet);
  EXPECT_NE(sheet->find(last_name), std::string::npos);
  EXPECT_NE(sheet->find("25/11/2026"), std::string::npos);
  EXPECT_NE(sheet->find("Pour France Travail"), std::string::npos);
  auto earlier = coordo.get("/api/v1/fse-list?semester=2026-S1&format=xlsx");
  EXPECT_EQ(zip_entry(earlier.body, "xl/worksheets/sheet1.xml")->find(last_name), std::string::npos)
      << "entered in the second semester";

  auto pdf = coordo.get("/api/v1/fse-list?semester=2026-S2&format=pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.rfind("%PDF", 0), 0u);
  const auto text = pdf_text(pdf.body);
  EXPECT_NE(text.find(last_name), std::string::npos) << text;
  EXPECT_NE(text.find("Pour France Travail"), std::string::npos) << text;
  EXPECT_NE(text.find("Signature"), std::string::npos);
  EXPECT_EQ(audit_count("fse.export"), 3);
  long long traced = 0;
  db_->with_session([&](soci::session& sql) {
    long long id = person;
    sql << "SELECT COUNT(*) FROM audit_person ap JOIN audit_log l ON l.seq = ap.seq WHERE "
           "l.action = 'fse.export' AND ap.person_id = :p",
        soci::use(id), soci::into(traced);
  });
  EXPECT_EQ(traced, 2) << "the persons listed are traced (S2 twice, not S1)";
}

TEST_P(ReviewTest, CommitteeWithIndicatorPackAndConclusionsWithoutPersonalData) {
  auto p = logged_in("pilotage.demo");
  Json body = {{"kind", "copil"},
               {"held_on", "2026-12-10"},
               {"from", "2026-01-01"},
               {"to", "2026-12-31"},
               {"agenda", {"indicateurs", "fse"}},
               {"attendees",
                {{{"role", "Directrice de l'insertion"}, {"organisation", "Département"}},
                 {{"role", "Directeur territorial"}, {"organisation", "France Travail"}}}}};
  auto created = p.call("POST", "/api/v1/committees", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto c = created.json();
  EXPECT_EQ(c["kind"]["code"], "copil");
  EXPECT_EQ(c["agenda"][1]["code"], "fse");
  EXPECT_EQ(c["attendees"].size(), 2u);
  EXPECT_EQ(c["indicator_pack"]["from"], "2026-01-01");
  EXPECT_EQ(c["indicator_pack"]["tables"][0]["rows"][0]["display"], "< 5") << "always masked";
  const std::string url = "/api/v1/committees/" + std::to_string(c["id"].get<long long>());

  auto refused = p.call("PUT", url + "/conclusions",
                        Json{{"conclusions", "Relancer Mme X au 06 12 34 56 78."}}.dump());
  ASSERT_EQ(refused.status, 422);
  EXPECT_EQ(refused.json()["errors"][0]["code"], "donnee_personnelle");
  auto ok = p.call(
      "PUT", url + "/conclusions",
      Json{{"conclusions", "Délai d'entrée conforme à la cible ; liste FSE signée."}}.dump());
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(logged_in("coordo.demo").get(url).json()["conclusions"],
            "Délai d'entrée conforme à la cible ; liste FSE signée.");
  EXPECT_EQ(audit_count("committee.create"), 1);
  EXPECT_EQ(audit_count("committee.conclusions"), 1);
  EXPECT_EQ(logged_in("conseiller.demo").get("/api/v1/committees").status, 403);
  body["kind"] = "bureau";
  EXPECT_EQ(p.call("POST", "/api/v1/committees", body.dump()).status, 422);
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
