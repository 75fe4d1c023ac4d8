// The tableau de suivi sent to the agence's recipients (seed 002 art. 5.2 a) over a real SMTP
// conversation with a local relay: the recipients list kept by coordinateurs and admins, the
// tableau leaving only inside an AES-256 ZIP whose password is not in any message, the
// message itself naming no one, the sending audited with the persons listed.
#include <Poco/Base64Decoder.h>

#include <sstream>

#include "exports/smtp_mailer.hpp"
#include "fake_smtp_relay.hpp"
#include "harness.hpp"
#include "zip_read.hpp"

namespace binome::testing {
namespace {

// The bytes of the first attachment of a MIME message as the relay kept it.
std::string attachment_of(const std::string& message) {
  const auto disposition = message.find("Content-Disposition: attachment");
  if (disposition == std::string::npos) return {};
  const auto start = message.find("\n\n", disposition);
  const auto end = message.find("\n--", start);
  std::string b64 = message.substr(start + 2, end - start - 2);
  std::istringstream in(b64);
  Poco::Base64Decoder decoder(in);
  return std::string(std::istreambuf_iterator<char>(decoder), {});
}

class ReviewSendTest : public ApiTest {
 protected:
  // An open review of the agence of a northern person whose orientation is on the agenda.
  std::string open_review(long long& person, long long& agence) {
    person = person_id_in_territory("Territoire Nord");
    db_->with_session([&](soci::session& sql) {
      long long id = person;
      sql << "UPDATE persons SET brsa = 1 WHERE id = :id", soci::use(id);
      sql << "SELECT agence_id FROM persons WHERE id = :id", soci::use(id), soci::into(agence);
    });
    Json body = tacit_brsa_orientation();
    EXPECT_EQ(logged_in("conseiller.demo")
                  .call("POST", "/api/v1/persons/" + std::to_string(person) + "/orientations",
                        body.dump())
                  .status,
              201);
    auto coordo = logged_in("coordo.demo");
    auto opened =
        coordo.call("POST", "/api/v1/agences/" + std::to_string(agence) + "/portfolio-reviews",
                    Json{{"held_on", "2026-11-20"}}.dump());
    EXPECT_EQ(opened.status, 201) << opened.body;
    return "/api/v1/portfolio-reviews/" + std::to_string(opened.json()["id"].get<long long>());
  }
};

TEST_P(ReviewSendTest, RecipientsKeptByCoordinateursAndAdminsOnly) {
  long long person = 0, agence = 0;
  open_review(person, agence);
  const std::string url = "/api/v1/agences/" + std::to_string(agence) + "/review-recipients";
  auto coordo = logged_in("coordo.demo");
  auto empty = coordo.get(url);
  ASSERT_EQ(empty.status, 200) << empty.body;
  EXPECT_TRUE(empty.json()["recipients"].empty());
  EXPECT_EQ(empty.json()["functions"].size(), 7u) << "the addressees of seed 002 art. 5.2 a";

  auto refused = coordo.call(
      "PUT", url,
      Json{{"recipients",
            {{{"function", "charge_fse"}, {"email", "fse@francetravail.exemple.fr"}},
             {{"function", "voisin"}, {"email", "x@exemple.fr"}},
             {{"function", "charge_fse"}, {"email", "pas une adresse"}},
             {{"function", "conseiller_ft"}, {"email", "FSE@francetravail.exemple.fr"}}}}}
          .dump());
  ASSERT_EQ(refused.status, 422) << refused.body;
  const auto errors = refused.json()["errors"];
  ASSERT_EQ(errors.size(), 3u) << errors.dump();
  EXPECT_EQ(errors[0]["code"], "fonction_inconnue");
  EXPECT_EQ(errors[1]["code"], "adresse_invalide");
  EXPECT_EQ(errors[2]["code"], "doublon");
  EXPECT_TRUE(coordo.get(url).json()["recipients"].empty()) << "a refused list changes nothing";
  auto wrong_types = coordo.call(
      "PUT", url,
      Json{{"recipients", Json::array({Json{{"function", 3}, {"email", true}}})}}.dump());
  EXPECT_EQ(wrong_types.status, 422) << "a French error, not a failure: " << wrong_types.body;

  auto saved =
      coordo.call("PUT", url,
                  Json{{"recipients",
                        {{{"function", "charge_fse"}, {"email", "fse@francetravail.exemple.fr"}},
                         {{"function", "charge_mission_departement"},
                          {"email", "insertion@departement.exemple.fr"}}}}}
                      .dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.json()["recipients"][1]["function"]["label"], "Chargé de mission du Département");
  EXPECT_EQ(audit_count("review_recipients.update"), 1);

  auto admin = logged_in("admin.demo");
  EXPECT_EQ(admin.get(url).json()["recipients"].size(), 2u) << "an admin of the département";
  EXPECT_EQ(logged_in("conseiller.demo").get(url).status, 403);
  EXPECT_EQ(logged_in("pilotage.demo")
                .call("PUT", url, Json{{"recipients", Json::array()}}.dump())
                .status,
            403);
  EXPECT_EQ(audit_count("review_recipients.denied"), 2);
  EXPECT_EQ(coordo.get(url).json()["recipients"].size(), 2u);
}

TEST_P(ReviewSendTest, SentAsAnEncryptedAttachmentWithoutPersonalDataInTheMessage) {
  long long person = 0, agence = 0;
  const auto review = open_review(person, agence);
  std::string last_name;
  db_->with_session([&](soci::session& sql) {
    long long id = person;
    sql << "SELECT last_name FROM persons WHERE id = :id", soci::use(id), soci::into(last_name);
  });
  auto coordo = logged_in("coordo.demo");
  ASSERT_EQ(
      coordo
          .call("PUT", "/api/v1/agences/" + std::to_string(agence) + "/review-recipients",
                Json{{"recipients",
                      {{{"function", "conseiller_ft"},
                        {"email", "conseillers@francetravail.exemple.fr"}},
                       {{"function", "charge_fse"}, {"email", "fse@francetravail.exemple.fr"}}}}}
                    .dump())
          .status,
      200);

  auto open = coordo.call("POST", review + "/send");
  ASSERT_EQ(open.status, 409);
  EXPECT_EQ(open.json()["errors"][0]["code"], "revue_ouverte");
  ASSERT_EQ(coordo.call("POST", review + "/close").status, 200);
  auto no_relay = coordo.call("POST", review + "/send");
  ASSERT_EQ(no_relay.status, 409);
  EXPECT_EQ(no_relay.json()["errors"][0]["code"], "sans_relais");
  EXPECT_EQ(audit_count("review.send"), 0) << "nothing left";
  EXPECT_EQ(logged_in("conseiller.demo").call("POST", review + "/send").status, 403);

  FakeRelay relay;
  exports::SmtpSettings smtp;
  smtp.host = "127.0.0.1";
  smtp.port = relay.port();
  smtp.from = "binome <ne-pas-repondre@exemple.fr>";
  ctx_->settings.mailer = exports::smtp_mailer(smtp);
  auto sent = coordo.call("POST", review + "/send");
  ASSERT_EQ(sent.status, 200) << sent.body;
  EXPECT_EQ(sent.json()["sent"], 2);
  EXPECT_TRUE(sent.json()["failures"].empty());
  const std::string password = sent.json()["password"];
  ASSERT_GE(password.size(), 16u);

  const auto messages = relay.messages();
  ASSERT_EQ(messages.size(), 2u);
  EXPECT_NE(messages[0].find("conseillers@francetravail.exemple.fr"), std::string::npos);
  EXPECT_NE(messages[1].find("fse@francetravail.exemple.fr"), std::string::npos);
  for (const auto& m : messages) {
    EXPECT_EQ(m.find(last_name), std::string::npos) << "no person's name in the message";
    EXPECT_EQ(m.find(password), std::string::npos) << "the password goes by another channel";
    EXPECT_NE(m.find("tableau-de-suivi-2026-11.zip"), std::string::npos);
    const auto zip = attachment_of(m);
    ASSERT_FALSE(zip.empty()) << m;
    EXPECT_FALSE(zip_entry(zip, "tableau-de-suivi-2026-11.xlsx", "mauvais-mot-de-passe"));
    const auto xlsx = zip_entry(zip, "tableau-de-suivi-2026-11.xlsx", password);
    ASSERT_TRUE(xlsx) << "the tableau opens with the password shown once";
    const auto sheet = zip_entry(*xlsx, "xl/worksheets/sheet1.xml");
    ASSERT_TRUE(sheet);
    EXPECT_NE(sheet->find(last_name), std::string::npos) << "the tableau itself names the person";
  }

  EXPECT_EQ(audit_count("review.send"), 1);
  long long traced = 0;
  db_->with_session([&](soci::session& sql) {
    long long id = person;
    sql << "SELECT COUNT(*) FROM audit_person ap JOIN audit_log l ON l.seq = ap.seq WHERE "
           "l.action = 'review.send' AND ap.person_id = :p",
        soci::use(id), soci::into(traced);
  });
  EXPECT_EQ(traced, 1) << "the persons listed are traced";
  auto after = coordo.get(review).json();
  ASSERT_EQ(after["sendings"].size(), 1u);
  EXPECT_EQ(after["sendings"][0]["recipients"], 2);
  EXPECT_EQ(after["sendings"][0]["failures"], 0);

  // A recipient the relay refuses is reported, the others still receive it.
  ctx_->settings.mailer = [&](const app::MailMessage& m) {
    if (m.to.rfind("fse@", 0) == 0) throw std::runtime_error("550 boîte inconnue");
    exports::smtp_mailer(smtp)(m);
  };
  auto partly = coordo.call("POST", review + "/send");
  ASSERT_EQ(partly.status, 200) << partly.body;
  EXPECT_EQ(partly.json()["sent"], 1);
  ASSERT_EQ(partly.json()["failures"].size(), 1u);
  EXPECT_NE(partly.json()["failures"][0].get<std::string>().find("fse@francetravail.exemple.fr"),
            std::string::npos);
  EXPECT_NE(partly.json()["password"], password) << "a fresh password for each sending";
  EXPECT_EQ(relay.messages().size(), 3u);
  ctx_->settings.mailer = nullptr;
}

INSTANTIATE_TEST_SUITE_P(Backends, ReviewSendTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
