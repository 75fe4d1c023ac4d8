// A minimal SMTP relay on a free local port that keeps the DATA of each message it receives:
// the real SMTP conversation of the mailer, without a mail server.
#pragma once
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/StreamSocket.h>

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace binome::testing {

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

}  // namespace binome::testing
