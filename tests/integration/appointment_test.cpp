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

INSTANTIATE_TEST_SUITE_P(Backends, AppointmentTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
