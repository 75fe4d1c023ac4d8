// Appointments over real HTTP: planned with a channel, attendance once past, two unexcused
// absences in a row open the counsellor's task and, for a BrSa, the sanction procedure of the
// Département's referent, closed by the équipe pluridisciplinaire's decision; the convocation
// letter as a PDF; binôme reassignment; the people behind a portfolio.
#include "harness.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

class AppointmentTest : public ApiTest {
 protected:
  long long brsa_person() {
    const auto id = person_id_in_territory("Territoire Nord");
    db_->with_session([&](soci::session& sql) {
      long long p = id;
      sql << "UPDATE persons SET brsa = 1 WHERE id = :p", soci::use(p);
    });
    return id;
  }
  Json worklist_item(const char* login, const std::string& kind) {
    const auto list = logged_in(login).get("/api/v1/worklist").json();
    for (const auto& item : list["items"])
      if (item["kind"] == kind) return item;
    return nullptr;
  }
  long long plan(Client& c, long long person, const std::string& at) {
    auto r = c.call("POST", "/api/v1/persons/" + std::to_string(person) + "/appointments",
                    Json{{"kind", "suivi"}, {"scheduled_at", at}, {"channel", "telephone"}}.dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json()["id"];
  }
};

TEST_P(AppointmentTest, TwoUnexcusedAbsencesOfABrsaOpenTheSanctionPathUntilTheEpDecides) {
  const auto person = brsa_person();
  auto c = logged_in("conseiller.demo");
  auto bad = c.call(
      "POST", "/api/v1/persons/" + std::to_string(person) + "/appointments",
      Json{{"kind", "apéro"}, {"scheduled_at", "2026-11-19 10h"}, {"channel", "sur_site"}}.dump());
  ASSERT_EQ(bad.status, 422);
  EXPECT_EQ(bad.json()["errors"].size(), 3u) << bad.body;  // kind, date, place on site

  const auto first = plan(c, person, "2026-11-19T10:00");
  const auto attendance = [&](long long id, const char* value) {
    return logged_in("conseiller.demo")
        .call("POST", "/api/v1/appointments/" + std::to_string(id) + "/attendance",
              Json{{"attendance", value}}.dump());
  };
  auto early = attendance(first, "absent_non_excuse");
  ASSERT_EQ(early.status, 409) << "not before the appointment";
  EXPECT_EQ(early.json()["errors"][0]["code"], "rendez_vous_futur");
  clock_.advance(24h * 2);  // 2026-11-20
  EXPECT_FALSE(worklist_item("conseiller.demo", "presence_a_saisir").is_null());
  ASSERT_EQ(attendance(first, "absent_non_excuse").status, 200);
  EXPECT_EQ(attendance(first, "present").status, 409) << "recorded once";
  EXPECT_TRUE(worklist_item("social.demo", "procedure_sanction").is_null()) << "one absence only";

  c = logged_in("conseiller.demo");
  const auto excused = plan(c, person, "2026-11-20T14:00");
  const auto second = plan(c, person, "2026-11-20T15:00");
  clock_.advance(24h);
  ASSERT_EQ(attendance(excused, "absent_excuse").status, 200);
  ASSERT_EQ(attendance(second, "absent_non_excuse").status, 200);

  const auto sanction = worklist_item("social.demo", "procedure_sanction");
  ASSERT_FALSE(sanction.is_null());
  EXPECT_EQ(sanction["due_on"], "2026-12-21");
  EXPECT_NE(sanction["rule"].get<std::string>().find("équipe pluridisciplinaire"),
            std::string::npos);
  EXPECT_EQ(sanction["link"], "/personnes/" + std::to_string(person) + "#taches");
  const auto counsellor_task = worklist_item("conseiller.demo", "absences_repetees");
  ASSERT_FALSE(counsellor_task.is_null());

  auto s = logged_in("social.demo");
  const auto task = "/api/v1/tasks/" + std::to_string(sanction["task_id"].get<long long>());
  auto ack = s.call("POST", task + "/done");
  ASSERT_EQ(ack.status, 409) << "a sanction closes by the EP's decision";
  EXPECT_EQ(ack.json()["errors"][0]["code"], "decision_ep_requise");
  EXPECT_EQ(logged_in("conseiller.demo")
                .call("POST", task + "/ep-decision",
                      Json{{"decision", "reorientation"}, {"decided_on", "2026-11-21"}}.dump())
                .status,
            403)
      << "the task of another user";
  auto decided =
      s.call("POST", task + "/ep-decision",
             Json{{"decision", "orientation_maintenue"}, {"decided_on", "2026-11-21"}}.dump());
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_TRUE(worklist_item("social.demo", "procedure_sanction").is_null());
  auto decisions = logged_in("coordo.demo")
                       .get("/api/v1/persons/" + std::to_string(person) + "/ep-decisions")
                       .json();
  ASSERT_EQ(decisions["items"].size(), 1u);
  EXPECT_EQ(decisions["items"][0]["decision"]["label"], "Orientation maintenue");

  // The counsellor's information task closes by acknowledgement.
  ASSERT_EQ(
      logged_in("conseiller.demo")
          .call("POST", "/api/v1/tasks/" +
                            std::to_string(counsellor_task["task_id"].get<long long>()) + "/done")
          .status,
      200);
  EXPECT_TRUE(worklist_item("conseiller.demo", "absences_repetees").is_null());
  EXPECT_EQ(audit_count("task.ep_decision", person), 1);
}

TEST_P(AppointmentTest, TheConvocationIsAPdfForThePersonsReferentsOnly) {
  const auto person = person_id_in_territory("Territoire Nord");
  auto c = logged_in("conseiller.demo");
  const auto id = plan(c, person, "2026-11-25T09:30");
  const auto path = "/api/v1/appointments/" + std::to_string(id) + "/convocation.pdf";
  auto pdf = c.get(path);
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf.body.rfind("%PDF-", 0), 0u);
  EXPECT_EQ(audit_count("appointment.convocation", person), 1);
  EXPECT_EQ(logged_in("conseiller2.demo").get(path).status, 403);
  EXPECT_EQ(audit_count("appointment.denied", person), 1);
}

TEST_P(AppointmentTest, OnlyACoordinateurChangesABinomeAndTheHistoryKeepsBoth) {
  const auto person = person_id_in_territory("Territoire Nord");
  const auto path = "/api/v1/persons/" + std::to_string(person) + "/binome";
  const Json change = {{"referent_social_id", user_id("social2.demo")}, {"reason", "depart"}};
  EXPECT_EQ(logged_in("conseiller.demo").call("POST", path, change.dump()).status, 403);
  auto coordo = logged_in("coordo.demo");
  auto no_reason = coordo.call(
      "POST", path,
      Json{{"referent_social_id", user_id("social2.demo")}, {"reason", "humeur"}}.dump());
  ASSERT_EQ(no_reason.status, 422);
  auto wrong_role = coordo.call(
      "POST", path,
      Json{{"referent_social_id", user_id("conseiller2.demo")}, {"reason", "depart"}}.dump());
  ASSERT_EQ(wrong_role.status, 422);
  auto changed = coordo.call("POST", path, change.dump());
  ASSERT_EQ(changed.status, 200) << changed.body;
  const auto j = changed.json();
  EXPECT_EQ(j["current"]["referent_social"]["name"], "Nadia Benali");
  ASSERT_EQ(j["history"].size(), 2u);
  EXPECT_EQ(j["history"][0]["reason"]["code"], "initial");
  EXPECT_EQ(j["history"][0]["referent_social"]["name"], "Sophie Lambert");
  EXPECT_EQ(j["history"][1]["reason"]["label"], "Départ du référent");
  EXPECT_EQ(logged_in("social.demo").get("/api/v1/persons/" + std::to_string(person)).status, 403)
      << "the former referent no longer reaches the person";
  EXPECT_EQ(logged_in("social2.demo").get("/api/v1/persons/" + std::to_string(person)).status, 200);
  EXPECT_EQ(audit_count("binome.reassign", person), 1);
}

TEST_P(AppointmentTest, TheRadiationOfABrsaInSupportReachesTheDepartementsReferent) {
  const auto person = brsa_person();
  // A support in progress, entered through the API.
  auto c = logged_in("conseiller.demo");
  Json orientation = {
      {"origin", "france_travail"},
      {"decision_mode", "accord_tacite"},
      {"tacit_public", "brsa_oriente_ft"},
      {"registered_job_seeker", true},
      {"social_criteria", {"logement"}},
      {"professional_criteria", {"mobilite"}},
      {"obstacles", {"logement"}},
      {"consent", {{"signature_date", "2026-11-17"}, {"electronic_exchange", false}}}};
  auto o = c.call("POST", "/api/v1/persons/" + std::to_string(person) + "/orientations",
                  orientation.dump());
  ASSERT_EQ(o.status, 201) << o.body;
  ASSERT_EQ(
      c.call("POST",
             "/api/v1/orientations/" + std::to_string(o.json()["id"].get<long long>()) + "/entry",
             Json{{"start_date", "2026-11-18"}, {"initial_months", 6}}.dump())
          .status,
      201);
  // A radiation, as the flows import leaves it.
  db_->with_session([&](soci::session& sql) {
    long long p = person;
    sql << "INSERT INTO flow_imports (kind, departement, date_reference, date_fabrication, "
           "file_name, file_sha256, dossiers, matched, unmatched, rejected, events, forced, "
           "imported_at, imported_by) VALUES ('PECGM', '00', '2026-11-01', '2026-11-09', "
           "'pecgm.xml', 'x', 1, 1, 0, 0, 1, 0, '2026-11-10T00:00:00Z', 'test')";
    sql << "INSERT INTO flow_events (person_id, import_id, kind, event_date, detail, "
           "created_at) SELECT :p, MAX(id), 'radiation', '2026-11-03', 'Radiation (motif 41)', "
           "'2026-11-10T00:00:00Z' FROM flow_imports",
        soci::use(p);
  });
  const auto radiation = worklist_item("social.demo", "radiation_brsa");
  ASSERT_FALSE(radiation.is_null());
  EXPECT_EQ(radiation["due_on"], "2026-11-03");
  EXPECT_NE(radiation["rule"].get<std::string>().find("équipe pluridisciplinaire"),
            std::string::npos);
  const auto info = worklist_item("conseiller.demo", "evenement_flux");
  ASSERT_FALSE(info.is_null()) << "the counsellor is told too";
  const auto done = "/api/v1/flow-events/" +
                    std::to_string(radiation["flow_event_id"].get<long long>()) + "/done";
  EXPECT_EQ(logged_in("conseiller2.demo").call("POST", done).status, 403);
  ASSERT_EQ(logged_in("social.demo").call("POST", done).status, 200);
  EXPECT_TRUE(worklist_item("social.demo", "radiation_brsa").is_null());
  EXPECT_TRUE(worklist_item("conseiller.demo", "evenement_flux").is_null());
  EXPECT_EQ(logged_in("social.demo").call("POST", done).status, 404);
  EXPECT_EQ(audit_count("flow_event.done", person), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AppointmentTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
