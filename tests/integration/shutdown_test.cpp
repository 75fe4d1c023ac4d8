// SIGTERM on `binome serve`: the request in progress completes, new connections are refused,
// and the process exits 0.
#include <Poco/Net/ServerSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "harness.hpp"

namespace binome::testing {
namespace {

int free_port() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  return s.address().port();
}

std::string read_all(Poco::Net::StreamSocket& s) {
  std::string out;
  char buf[4096];
  int n = 0;
  while ((n = s.receiveBytes(buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  return out;
}

TEST(ShutdownTest, SigtermFinishesTheRequestInProgressAndRefusesNewOnes) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("binome-stop-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const std::string db = "sqlite:" + (dir / "b.db").string();
  ASSERT_EQ(std::system((std::string(BINOME_BIN) + " demo --db " + db + " --password '" +
                         kDemoPassword + "' > /dev/null")
                            .c_str()),
            0);
  const int port = free_port();
  const std::string listen = "127.0.0.1:" + std::to_string(port);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl(BINOME_BIN, BINOME_BIN, "serve", "--db", db.c_str(), "--listen", listen.c_str(),
            "--quiet", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ASSERT_GT(pid, 0);
  const Poco::Net::SocketAddress address("127.0.0.1", static_cast<Poco::UInt16>(port));
  bool up = false;
  for (int i = 0; i < 100 && !up; ++i) {
    try {
      Poco::Net::StreamSocket probe(address);
      up = true;
    } catch (...) {
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ASSERT_TRUE(up) << "the server did not start";

  // A login whose body has not arrived yet: the request is in progress.
  const std::string body = Json{{"login", "conseiller.demo"}, {"password", kDemoPassword}}.dump();
  Poco::Net::StreamSocket slow(address);
  const std::string head =
      "POST /api/v1/session HTTP/1.1\r\nHost: localhost\r\nContent-Type: "
      "application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n";
  slow.sendBytes(head.data(), static_cast<int>(head.size()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  std::this_thread::sleep_for(std::chrono::milliseconds(500));

  EXPECT_THROW(Poco::Net::StreamSocket late(address), Poco::Exception)
      << "a new connection after SIGTERM must be refused";

  slow.sendBytes(body.data(), static_cast<int>(body.size()));
  const std::string answer = read_all(slow);
  EXPECT_EQ(answer.rfind("HTTP/1.1 200", 0), 0u) << answer;
  EXPECT_NE(answer.find("csrf_token"), std::string::npos);

  int status = 0;
  for (int i = 0; i < 100 && ::waitpid(pid, &status, WNOHANG) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0) << "exit status " << status;
  if (!WIFEXITED(status)) ::kill(pid, SIGKILL), ::waitpid(pid, &status, 0);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace binome::testing
