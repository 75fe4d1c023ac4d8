// The daily "à faire" digest over a real SMTP conversation with a local relay: one message per
// user with items, counts and a link only — no person's name — and once a day.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <mutex>
#include <thread>

#include "exports/smtp_mailer.hpp"
#include "harness.hpp"

namespace binome::testing {
namespace {

// A minimal SMTP relay that keeps what it receives.
class FakeRelay {
 public:
  FakeRelay() : socket_(Poco::Net::SocketAddress("127.0.0.1", 0)) {
    thread_ = std::thread([this] { serve(); });
  }
  ~FakeRelay() {
    stop_ = true;
    socket_.close();
    thread_.join();
  }
  int port() const { return socket_.address().port(); }
  std::vector<std::string> messages() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  void serve() {
    while (!stop_) {
      try {
        if (!socket_.poll(Poco::Timespan(0, 100000), Poco::Net::Socket::SELECT_READ)) continue;
        auto conn = socket_.acceptConnection();
        converse(conn);
      } catch (const std::exception&) {
        if (stop_) return;
      }
    }
  }
  static void say(Poco::Net::StreamSocket& s, const std::string& line) {
    const auto out = line + "\r\n";
    s.sendBytes(out.data(), static_cast<int>(out.size()));
  }
  void converse(Poco::Net::StreamSocket& s) {
    say(s, "220 relais de test");
    std::string buffer, data;
    bool in_data = false;
    char chunk[4096];
    for (;;) {
      const int n = s.receiveBytes(chunk, sizeof chunk);
      if (n <= 0) return;
      buffer.append(chunk, static_cast<std::size_t>(n));
      std::size_t eol;
      while ((eol = buffer.find("\r\n")) != std::string::npos) {
        const auto line = buffer.substr(0, eol);
        buffer.erase(0, eol + 2);
        if (in_data) {
          if (line == ".") {
            in_data = false;
            std::lock_guard lock(mutex_);
            messages_.push_back(data);
            data.clear();
            say(s, "250 reçu");
          } else {
            data += line + "\n";
          }
        } else if (line.rfind("EHLO", 0) == 0 || line.rfind("HELO", 0) == 0) {
          say(s, "250 relais");
        } else if (line == "DATA") {
          in_data = true;
          say(s, "354 envoyez");
        } else if (line == "QUIT") {
          say(s, "221 au revoir");
          return;
        } else {
          say(s, "250 ok");
        }
      }
    }
  }
  Poco::Net::ServerSocket socket_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mutex_;
  std::vector<std::string> messages_;
};

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
