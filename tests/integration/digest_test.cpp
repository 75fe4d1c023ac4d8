// The daily "à faire" digest over a real SMTP conversation with a local relay: one message per
// user with items, counts and a link only — no person's name — and once a day.
#include "exports/smtp_mailer.hpp"
#include "fake_smtp_relay.hpp"
#include "harness.hpp"

namespace binome::testing {
namespace {

class DigestTest : public ApiTest {};

TEST_P(DigestTest, CountsAndALinkOnlyOncePerDay) {
  // Give conseiller.demo something to do: an appointment whose attendance is not recorded.
  const auto person = person_id_in_territory("Territoire Nord");
  auto c = logged_in("conseiller.demo");
  ASSERT_EQ(
      c.call("POST", "/api/v1/persons/" + std::to_string(person) + "/appointments",
             Json{{"kind", "suivi"}, {"scheduled_at", "2026-11-17T10:00"}, {"channel", "visio"}}
                 .dump())
          .status,
      201);
  std::string person_name;
  db_->with_session([&](soci::session& sql) {
    long long id = person;
    sql << "SELECT last_name FROM persons WHERE id = :p", soci::use(id), soci::into(person_name);
    sql << "UPDATE users SET email = NULL";
    sql << "UPDATE users SET email = 'camille.martin@exemple.fr' WHERE login = 'conseiller.demo'";
  });

  FakeRelay relay;
  exports::SmtpSettings smtp;
  smtp.host = "127.0.0.1";
  smtp.port = relay.port();
  smtp.from = "binome <ne-pas-repondre@exemple.fr>";
  app::Services services(*ctx_);
  const auto report = services.digest.run("https://binome.exemple.fr", exports::smtp_mailer(smtp),
                                          {"test", "local"});
  ASSERT_TRUE(report.failures.empty()) << report.failures.front();
  EXPECT_EQ(report.sent, 1);
  const auto messages = relay.messages();
  ASSERT_EQ(messages.size(), 1u);
  const auto& m = messages[0];
  EXPECT_NE(m.find("camille.martin@exemple.fr"), std::string::npos);
  EXPECT_NE(m.find("https://binome.exemple.fr/a-faire"), std::string::npos);
  EXPECT_EQ(m.find(person_name), std::string::npos) << "no person's data in an e-mail";
  EXPECT_EQ(audit_count("digest.sent"), 1);

  const auto again = services.digest.run("https://binome.exemple.fr", exports::smtp_mailer(smtp),
                                         {"test", "local"});
  EXPECT_TRUE(again.already_sent_today);
  EXPECT_EQ(relay.messages().size(), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, DigestTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
