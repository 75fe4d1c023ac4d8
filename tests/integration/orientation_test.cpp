// Orientation over real HTTP on both databases: the bilateral path to "en attente d'entrée",
// eligibility refusals and the coordinateur's override, deadlines in the "à faire" list with
// the test's clock, absences, and the fiche as PDF and encrypted ZIP.
#include <sodium.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>

#include "harness.hpp"
#include "store/history_repo.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

class OrientationTest : public ApiTest {
 protected:
  Json bilateral() {
    return {{"origin", "france_travail"},
            {"decision_mode", "accord_bilateral"},
            {"registered_job_seeker", true},
            {"social_criteria", {"logement"}},
            {"professional_criteria", {"mobilite"}},
            {"obstacles", {"difficultes_financieres", "transport"}},
            {"consent", {{"signature_date", "2026-11-17"}, {"electronic_exchange", false}}}};
  }
  std::string person_path(long long id) { return "/api/v1/persons/" + std::to_string(id); }
  // Another person of the same counsellor, without any orientation.
  long long another_person_of_the_counsellor_of(long long first) {
    return db_->with_session([&](soci::session& sql) {
      long long id = 0;
      sql << "SELECT MIN(p.id) FROM persons p WHERE p.id > :f AND p.conseiller_id = (SELECT "
             "conseiller_id FROM persons WHERE id = :g) AND NOT EXISTS (SELECT 1 FROM "
             "orientations o WHERE o.person_id = p.id)",
          soci::use(first), soci::use(first), soci::into(id);
      return id;
    });
  }
  std::string orientation_path(long long id) {
    return "/api/v1/orientations/" + std::to_string(id);
  }

  std::pair<int, std::string> shell(const std::string& cmd) {
    std::array<char, 4096> buf{};
    std::string out;
    FILE* pipe = ::popen((cmd + " 2>/dev/null").c_str(), "r");
    while (pipe && std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pipe ? ::pclose(pipe) : -1;
    return {WEXITSTATUS(status), out};
  }
};

TEST_P(OrientationTest, BilateralAgreementLeadsToAwaitedEntryWithItsDueDate) {
  const auto person = person_path(person_id_in_territory("Territoire Nord"));
  auto conseiller = logged_in("conseiller.demo");
  auto created = conseiller.call("POST", person + "/orientations", bilateral().dump());
  ASSERT_EQ(created.status, 201) << created.body;
  auto o = created.json();
  EXPECT_EQ(o["status"], "en_attente_reponse");
  EXPECT_EQ(o["oriented_on"], "2026-11-18");
  EXPECT_EQ(o["due_on"], "2026-12-09") << "21 days, from the convention in force";
  EXPECT_EQ(o["positions"]["france_travail"]["position"], "accord");
  const long long id = o["id"];

  auto social = logged_in("social.demo");
  auto early = social.call("POST", orientation_path(id) + "/decision",
                           Json{{"decision", "oui"}, {"planned_start_date", "2026-12-01"}}.dump());
  EXPECT_EQ(early.status, 409) << "the social side has not answered yet";
  auto agreed =
      social.call("POST", orientation_path(id) + "/position", Json{{"position", "accord"}}.dump());
  ASSERT_EQ(agreed.status, 200) << agreed.body;
  EXPECT_EQ(agreed.json()["status"], "en_attente_decision");
  auto decided =
      social.call("POST", orientation_path(id) + "/decision",
                  Json{{"decision", "oui"}, {"planned_start_date", "2026-12-01"}}.dump());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json()["status_label"], "En attente d'entrée");
  EXPECT_EQ(decided.json()["history"].size(), 3u);
  auto list = conseiller.get(person + "/orientations").json();
  EXPECT_EQ(list["items"][0]["decision"]["planned_start_on"], "2026-12-01");
  EXPECT_EQ(audit_count("orientation.create"), 1);
  EXPECT_EQ(audit_count("orientation.position"), 1);
  EXPECT_EQ(audit_count("orientation.decision"), 1);
}

TEST_P(OrientationTest, AfterMidnightInParisTodayIsAlreadyTheNextDay) {
  // 23:30 UTC on 18 November is 00:30 on the 19th in Paris: a consent signed "today" by the
  // counsellor's calendar is not in the future, and the orientation is dated that day.
  clock_.advance(std::chrono::seconds{44600});  // from 11:06:40 to 23:30:00 UTC
  auto body = bilateral();
  body["consent"]["signature_date"] = "2026-11-19";
  const long long first = person_id_in_territory("Territoire Nord");
  auto conseiller = logged_in("conseiller.demo");
  auto created = conseiller.call("POST", person_path(first) + "/orientations", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["oriented_on"], "2026-11-19");
  body["consent"]["signature_date"] = "2026-11-20";
  auto future = conseiller.call(
      "POST", person_path(another_person_of_the_counsellor_of(first)) + "/orientations",
      body.dump());
  EXPECT_EQ(future.status, 422) << "the day after is still in the future";
  EXPECT_NE(future.body.find("dans le futur"), std::string::npos) << future.body;
}

TEST_P(OrientationTest, TheListInProgressCarriesEachOrientationsOwnHistory) {
  // The list reads all the histories in one query (store::history_events_of): each item must
  // still get its own events, in their order, as one orientation's history reads them.
  const long long first = person_id_in_territory("Territoire Nord");
  const long long second = another_person_of_the_counsellor_of(first);
  ASSERT_GT(second, 0);
  auto conseiller = logged_in("conseiller.demo");
  std::vector<long long> ids;
  for (long long p : {first, second}) {
    auto created = conseiller.call("POST", person_path(p) + "/orientations", bilateral().dump());
    ASSERT_EQ(created.status, 201) << created.body;
    ids.push_back(created.json()["id"]);
  }
  const long long id = ids.front();
  auto social = logged_in("social.demo");
  ASSERT_EQ(
      social.call("POST", orientation_path(id) + "/position", Json{{"position", "accord"}}.dump())
          .status,
      200);
  const auto items = conseiller.get("/api/v1/orientations").json()["items"];
  ASSERT_GE(items.size(), 2u);
  bool seen = false;
  std::size_t with_history = 0;
  for (const auto& item : items) {
    const long long oid = item["id"];
    const auto expected = db_->with_session([&](soci::session& sql) {
      return store::history_events(sql, store::History::orientation, oid);
    });
    ASSERT_EQ(item["history"].size(), expected.size()) << "orientation " << oid;
    for (std::size_t i = 0; i < expected.size(); ++i)
      EXPECT_EQ(item["history"][i]["label"], expected[i].detail) << "orientation " << oid;
    if (oid == id) {
      seen = true;
      EXPECT_EQ(expected.size(), 2u) << "the orientation, then the social side's agreement";
    }
    with_history += expected.empty() ? 0 : 1;
  }
  EXPECT_TRUE(seen);
  EXPECT_GE(with_history, 2u);
  EXPECT_TRUE(db_->with_session([&](soci::session& sql) {
                   return store::history_events_of(sql, db_->dialect(), store::History::orientation,
                                                   {});
                 })
                  .empty());
}

TEST_P(OrientationTest, TheListInProgressComesAPageAtATimeOldestFirst) {
  // A territory's coordinator has thousands of orientations in progress: the list is paged in
  // SQL, each page naming only its own persons in the audit trail.
  const long long first = person_id_in_territory("Territoire Nord");
  auto conseiller = logged_in("conseiller.demo");
  long long person = first;
  for (int i = 0; i < 3; ++i) {
    ASSERT_GT(person, 0);
    auto created =
        conseiller.call("POST", person_path(person) + "/orientations", bilateral().dump());
    ASSERT_EQ(created.status, 201) << created.body;
    person = another_person_of_the_counsellor_of(person);
  }
  const auto all = conseiller.get("/api/v1/orientations?per_page=100").json();
  const long long total = all["total"];
  ASSERT_GE(total, 3);
  ASSERT_EQ(all["items"].size(), static_cast<std::size_t>(total));
  EXPECT_EQ(all["page"], 1);
  EXPECT_EQ(all["per_page"], 100);
  EXPECT_EQ(conseiller.get("/api/v1/orientations").json()["per_page"], 50) << "the default";
  for (std::size_t i = 1; i < all["items"].size(); ++i) {
    const auto& a = all["items"][i - 1];
    const auto& b = all["items"][i];
    const auto key = [](const Json& o) {
      return std::make_pair(o["oriented_on"].get<std::string>(), o["id"].get<long long>());
    };
    EXPECT_LT(key(a), key(b)) << "oldest first, then by number";
  }

  auto dpo = logged_in("dpo.demo");
  const auto audited = [&](const Json& item) {
    return dpo
        .get("/api/v1/audit?action=orientation.list&person_id=" +
             std::to_string(item["person_id"].get<long long>()))
        .json()["total"]
        .get<long long>();
  };
  const auto last_before = audited(all["items"][total - 1]);
  for (long long n = 1; n <= total; ++n) {
    const auto page = conseiller.get("/api/v1/orientations?per_page=1&page=" + std::to_string(n));
    ASSERT_EQ(page.status, 200) << page.body;
    const auto j = page.json();
    EXPECT_EQ(j["total"], total);
    ASSERT_EQ(j["items"].size(), 1u);
    EXPECT_EQ(j["items"][0]["id"], all["items"][n - 1]["id"]) << "page " << n;
    if (n == 1) {
      EXPECT_EQ(audited(all["items"][total - 1]), last_before)
          << "the first page's record does not name the last page's person";
    }
  }
  EXPECT_EQ(audited(all["items"][total - 1]), last_before + 1);

  const auto beyond =
      conseiller.get("/api/v1/orientations?per_page=1&page=" + std::to_string(total + 1)).json();
  EXPECT_TRUE(beyond["items"].empty());
  EXPECT_EQ(beyond["total"], total);
  // The territory's coordinator reads the orientation's copy of the person's territory: the
  // same orientations as going through the persons.
  const auto coordinated = logged_in("coordo.demo").get("/api/v1/orientations?per_page=100").json();
  const long long in_territory = db_->with_session([&](soci::session& sql) {
    long long n = 0;
    sql << "SELECT COUNT(*) FROM orientations o JOIN persons p ON p.id = o.person_id JOIN "
           "territories t ON t.id = p.territory_id WHERE t.name = 'Territoire Nord' AND o.status "
           "NOT IN ('non_retenue', 'entree')",
        soci::into(n);
    return n;
  });
  EXPECT_EQ(coordinated["total"], in_territory);
  ASSERT_GE(in_territory, total);
  std::set<long long> seen;
  for (const auto& item : coordinated["items"]) seen.insert(item["id"].get<long long>());
  for (const auto& item : all["items"])
    EXPECT_TRUE(seen.count(item["id"].get<long long>())) << "orientation " << item["id"];
  const auto second = logged_in("coordo.demo").get("/api/v1/orientations?per_page=1&page=2").json();
  EXPECT_EQ(second["total"], in_territory);
  ASSERT_EQ(second["items"].size(), 1u);
  EXPECT_EQ(second["items"][0]["id"], coordinated["items"][1]["id"]) << "the same order, cut";

  for (const std::string bad : {"per_page=0", "per_page=101", "page=0", "page=deux"}) {
    const auto r = conseiller.get("/api/v1/orientations?" + bad);
    EXPECT_EQ(r.status, 422) << bad;
    EXPECT_NE(r.body.find("page"), std::string::npos) << r.body;
  }
}

TEST_P(OrientationTest, IneligibleOrientationIsRefusedWithTheRulesAndCoordinateurMayOverride) {
  const auto person = person_path(person_id_in_territory("Territoire Nord"));
  Json body = bilateral();
  body["registered_job_seeker"] = false;
  body["social_criteria"] = Json::array();
  auto refused = logged_in("conseiller.demo").call("POST", person + "/orientations", body.dump());
  ASSERT_EQ(refused.status, 422);
  std::set<std::string> rules;
  const auto errors = refused.json()["errors"];
  for (const auto& e : errors) rules.insert(e["code"].get<std::string>());
  EXPECT_EQ(rules, (std::set<std::string>{"inscription_de", "frein_social"}));

  body["override_reason"] = "validation_conjointe";
  auto not_allowed =
      logged_in("conseiller.demo").call("POST", person + "/orientations", body.dump());
  EXPECT_EQ(not_allowed.status, 422);
  EXPECT_EQ(not_allowed.json()["errors"][0]["field"], "override_reason");

  Json unsigned_body = body;
  unsigned_body["consent"]["signature_date"] = nullptr;
  auto no_consent =
      logged_in("coordo.demo").call("POST", person + "/orientations", unsigned_body.dump());
  EXPECT_EQ(no_consent.status, 422) << "consent can never be set aside";

  auto overridden = logged_in("coordo.demo").call("POST", person + "/orientations", body.dump());
  ASSERT_EQ(overridden.status, 201) << overridden.body;
  EXPECT_EQ(overridden.json()["override"]["reason"]["code"], "validation_conjointe");
  EXPECT_EQ(audit_count("orientation.override"), 1);

  EXPECT_EQ(logged_in("coordo.demo").call("POST", person + "/orientations", body.dump()).status,
            409)
      << "one orientation in progress at a time";
}

TEST_P(OrientationTest, TheFicheAcceptsItsFieldsOnlyAndOrientationStaysInScope) {
  const auto north = person_path(person_id_in_territory("Territoire Nord"));
  Json body = bilateral();
  body["revenus_mensuels"] = 900;
  auto unknown = logged_in("conseiller.demo").call("POST", north + "/orientations", body.dump());
  ASSERT_EQ(unknown.status, 422);
  EXPECT_EQ(unknown.json()["errors"][0]["field"], "revenus_mensuels");
  auto other =
      logged_in("conseiller2.demo").call("POST", north + "/orientations", bilateral().dump());
  EXPECT_EQ(other.status, 403);
  EXPECT_EQ(audit_count("orientation.create.denied"), 1);
}

TEST_P(OrientationTest, DeadlineAlertsReachBothReferentsAndTheCoordinateur) {
  const auto person = person_path(person_id_in_territory("Territoire Nord"));
  ASSERT_EQ(logged_in("conseiller.demo")
                .call("POST", person + "/orientations", bilateral().dump())
                .status,
            201);
  EXPECT_TRUE(person_worklist("social.demo").empty());
  clock_.advance(24h * 14);  // due 2026-12-09, alert from 2026-12-02
  for (const char* login : {"conseiller.demo", "social.demo", "coordo.demo"}) {
    auto items = person_worklist(login);
    ASSERT_EQ(items.size(), 1u) << login;
    EXPECT_EQ(items[0]["kind"], "echeance_proche") << login;
  }
  EXPECT_TRUE(person_worklist("conseiller2.demo").empty());
  clock_.advance(24h * 8);
  auto late = person_worklist("social.demo");
  ASSERT_EQ(late.size(), 1u);
  EXPECT_EQ(late[0]["kind"], "echeance_depassee");
}

TEST_P(OrientationTest, SecondAbsenceInformsTheOrienteurAndForABrsaTheDepartementsReferent) {
  const long long pid = db_->with_session([](soci::session& sql) {
    long long id = 0;
    sql << "SELECT MIN(p.id) FROM persons p JOIN territories t ON t.id = p.territory_id WHERE "
           "t.name = 'Territoire Nord' AND p.brsa = 1",
        soci::into(id);
    return id;
  });
  Json body = bilateral();
  body["decision_mode"] = "accord_tacite";
  body["tacit_public"] = "brsa_oriente_ft";
  auto conseiller = logged_in("conseiller.demo");
  auto created = conseiller.call("POST", person_path(pid) + "/orientations", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["status"], "en_attente_entree") << "accord tacite: no answer needed";
  const long long id = created.json()["id"];
  EXPECT_EQ(conseiller.call("POST", orientation_path(id) + "/no-show").json()["no_shows"], 1);
  EXPECT_EQ(conseiller.call("POST", orientation_path(id) + "/no-show").json()["no_shows"], 2);
  bool informed = false;
  const auto mine = conseiller.get("/api/v1/worklist").json();
  for (const auto& item : mine["items"]) informed = informed || item["kind"] == "absence_orienteur";
  EXPECT_TRUE(informed);
  bool sanction = false;
  const auto social = logged_in("social.demo").get("/api/v1/worklist").json();
  for (const auto& item : social["items"])
    sanction = sanction || item["kind"] == "procedure_sanction";
  EXPECT_TRUE(sanction);
}

TEST_P(OrientationTest, FicheAsPdfAndAsAnEncryptedZipOpenedBy7z) {
  const auto person_id = person_id_in_territory("Territoire Nord");
  auto conseiller = logged_in("conseiller.demo");
  const long long id =
      conseiller.call("POST", person_path(person_id) + "/orientations", bilateral().dump())
          .json()["id"];
  const auto person = conseiller.get(person_path(person_id)).json();
  const auto dir = std::filesystem::temp_directory_path() /
                   ("binome-fiche-" + std::to_string(::getpid()) + GetParam());
  std::filesystem::create_directories(dir);
  auto pdf = conseiller.get(orientation_path(id) + "/fiche.pdf");
  ASSERT_EQ(pdf.status, 200);
  std::ofstream((dir / "f.pdf").string(), std::ios::binary) << pdf.body;
  auto [code, text] = shell("pdftotext -layout " + (dir / "f.pdf").string() + " -");
  ASSERT_EQ(code, 0) << "pdftotext (poppler-utils) manquant ?";
  EXPECT_NE(text.find(person["last_name"].get<std::string>()), std::string::npos);
  EXPECT_NE(text.find(person["ft_id"].get<std::string>()), std::string::npos);
  EXPECT_NE(text.find("☒ Faire face à des difficultés financières"), std::string::npos) << text;
  EXPECT_NE(text.find("☒ Accéder à un moyen de transport"), std::string::npos);
  EXPECT_NE(text.find("☐ Prendre en compte son état de santé"), std::string::npos);

  auto zip = conseiller.call("POST", orientation_path(id) + "/fiche-chiffree");
  ASSERT_EQ(zip.status, 200) << zip.body;
  const auto j = zip.json();
  const std::string b64 = j["zip_base64"];
  std::string bytes(b64.size(), '\0');
  std::size_t len = 0;
  ASSERT_EQ(
      sodium_base642bin(reinterpret_cast<unsigned char*>(bytes.data()), bytes.size(), b64.c_str(),
                        b64.size(), nullptr, &len, nullptr, sodium_base64_VARIANT_ORIGINAL),
      0);
  bytes.resize(len);
  std::ofstream((dir / "f.zip").string(), std::ios::binary) << bytes;
  const std::string password = j["password"];
  EXPECT_EQ(shell("7z t -p" + password + " " + (dir / "f.zip").string()).first, 0);
  EXPECT_NE(shell("7z t -pmauvais " + (dir / "f.zip").string()).first, 0);
  EXPECT_EQ(audit_count("fiche.pdf"), 1);
  EXPECT_EQ(audit_count("fiche.zip"), 1);
  std::filesystem::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Backends, OrientationTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing

namespace binome::testing {
namespace {

class PartnerOrientationTest : public ApiTest {};

// Seed 003: a partner's social referent proposes through the chef de SLAI, the counsellor's
// only interlocutor.
TEST_P(PartnerOrientationTest, APartnersProposalGoesThroughTheChefDeSlai) {
  auto admin = logged_in("admin.demo");
  long long ccas = 0;
  const auto orgs = admin.get("/api/v1/organisations").json();
  for (const auto& o : orgs["items"])
    if (o["kind"] == "partenaire") ccas = o["id"];
  ASSERT_GT(ccas, 0);
  ASSERT_EQ(admin
                .call("POST", "/api/v1/users",
                      Json{{"login", "ccas.demo"},
                           {"display_name", "Paul Ccas"},
                           {"role", "referent_social"},
                           {"organisation_id", ccas},
                           {"password", kDemoPassword}}
                          .dump())
                .status,
            201);
  auto partner = logged_in("ccas.demo");
  auto person = partner.call("POST", "/api/v1/persons",
                             Json{{"last_name", "Petit"},
                                  {"first_name", "Jade"},
                                  {"birth_date", "1990-05-04"},
                                  {"street", "3 rue du Moulin"},
                                  {"postal_code", "00110"},
                                  {"commune", "Fictif-sur-Mer"},
                                  {"consent_electronic", false},
                                  {"brsa", false},
                                  {"rqth", false},
                                  {"family_situation", "seul"},
                                  {"dependent_children", 1},
                                  {"conseiller_id", user_id("conseiller.demo")}}
                                 .dump());
  ASSERT_EQ(person.status, 201) << person.body;
  const long long pid = person.json()["id"];
  Json body = {{"origin", "ccas"},
               {"decision_mode", "accord_bilateral"},
               {"registered_job_seeker", true},
               {"social_criteria", {"isolement"}},
               {"professional_criteria", {"projet_a_definir"}},
               {"obstacles", {"insertion_communication"}},
               {"consent", {{"signature_date", "2026-11-18"}, {"electronic_exchange", false}}}};
  auto created =
      partner.call("POST", "/api/v1/persons/" + std::to_string(pid) + "/orientations", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["status"], "a_valider_slai");
  const std::string path =
      "/api/v1/orientations/" + std::to_string(created.json()["id"].get<long long>());
  auto conseiller = logged_in("conseiller.demo");
  EXPECT_EQ(conseiller.call("POST", path + "/position", Json{{"position", "accord"}}.dump()).status,
            409)
      << "the counsellor waits for the chef de SLAI";
  EXPECT_EQ(partner.call("POST", path + "/position", Json{{"position", "accord"}}.dump()).status,
            409);
  auto slai = logged_in("coordo.demo")
                  .call("POST", path + "/position", Json{{"position", "accord"}}.dump());
  ASSERT_EQ(slai.status, 200) << slai.body;
  EXPECT_EQ(slai.json()["status"], "en_attente_reponse");
  auto ft = conseiller.call("POST", path + "/position", Json{{"position", "accord"}}.dump());
  EXPECT_EQ(ft.json()["status"], "en_attente_decision");
}

INSTANTIATE_TEST_SUITE_P(Backends, PartnerOrientationTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
