// The real `binome serve` as a child process, for the fault tests: killed with SIGKILL,
// restarted on the same database, run twice on one PostgreSQL. And a small HTTP client that
// reports a refused or timed-out connection as status 0 instead of throwing.
#pragma once
#include <sys/types.h>

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "harness.hpp"

namespace binome::testing {

// Runs the binome binary with these arguments; returns its exit code, its output in *output.
int run_binome(const std::vector<std::string>& args, std::string* output = nullptr);
// Runs a shell command; returns its exit code and its standard output (trailing newline cut).
int run_shell(const std::string& command, std::string* output = nullptr);

// A fresh temporary directory, removed (with what it holds) by the destructor.
class TempDir {
 public:
  explicit TempDir(const std::string& prefix);
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

class ServeProcess {
 public:
  ServeProcess(std::string db_url, std::filesystem::path log_file,
               std::vector<std::string> extra_args = {});
  ~ServeProcess();
  ServeProcess(const ServeProcess&) = delete;
  ServeProcess& operator=(const ServeProcess&) = delete;

  // Starts the process and waits until /healthz answers; false (with the log) if it does not.
  bool start(std::string* why = nullptr);
  // SIGKILL: no request finishes, no destructor runs, as in a crash or the OOM killer.
  void kill_hard();
  // SIGTERM, then waits; the exit code (or -1 when it had to be killed).
  int terminate();
  // Caps the size of any file the running process writes (RLIMIT_FSIZE, soft limit; none
  // lifts it): a full disk without mounting one. SIGXFSZ is ignored, so writes fail (EFBIG).
  bool limit_file_size(std::optional<std::uintmax_t> bytes);
  bool running() const { return pid_ > 0; }
  pid_t pid() const { return pid_; }
  int port() const { return port_; }
  std::string log() const;

 private:
  std::string db_url_;
  std::filesystem::path log_file_;
  std::vector<std::string> extra_args_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// One HTTP exchange with a deadline; status 0 when no answer came (refused, reset, timeout),
// with the reason in body.
HttpResult http_call(int port, const std::string& method, const std::string& path,
                     const std::string& body = "",
                     const std::map<std::string, std::string>& headers = {},
                     std::chrono::seconds timeout = std::chrono::seconds(20));

// One user's session with one server (or another server of the same database: `port` may
// change, the cookie stays).
struct UserClient {
  explicit UserClient(int server_port) : port(server_port) {}
  int port = 0;
  std::string cookie, csrf;
  HttpResult login(const std::string& login, const std::string& password = kDemoPassword);
  HttpResult call(const std::string& method, const std::string& path, const std::string& body = "",
                  std::chrono::seconds timeout = std::chrono::seconds(20)) const;
  HttpResult get(const std::string& path) const { return call("GET", path); }
};

// Today in France (as the server reckons the users' day) as AAAA-MM-JJ.
std::string today_iso();

// The body of a person's identity, distinct by `last_name`, in the demo's Territoire Nord.
Json person_identity(const std::string& last_name);
// An orientation request that the demo's conseiller may make for such a person.
Json bilateral_orientation();

// Fails the test when PostgreSQL is required (BINOME_REQUIRE_PG=1), else skips it.
#define BINOME_SKIP_OR_FAIL_WITHOUT_PG(reason)               \
  do {                                                       \
    const char* require_ = std::getenv("BINOME_REQUIRE_PG"); \
    if (require_ && std::string(require_) == "1") {          \
      FAIL() << (reason);                                    \
    }                                                        \
    GTEST_SKIP() << (reason);                                \
  } while (0)

}  // namespace binome::testing
