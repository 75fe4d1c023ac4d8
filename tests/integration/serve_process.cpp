#include "serve_process.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <thread>

namespace binome::testing {
namespace {

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'')
      out += "'\\''";
    else
      out.push_back(c);
  }
  return out + "'";
}

int free_port() {
  Poco::Net::ServerSocket s(Poco::Net::SocketAddress("127.0.0.1", 0));
  return s.address().port();
}

}  // namespace

int run_shell(const std::string& command, std::string* output) {
  std::array<char, 4096> buf{};
  std::string out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (!pipe) return -1;
  while (std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
  const int status = ::pclose(pipe);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  if (output) *output = out;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_binome(const std::vector<std::string>& args, std::string* output) {
  std::string command = shell_quote(BINOME_BIN);
  for (const auto& a : args) command += " " + shell_quote(a);
  return run_shell(command + " 2>&1", output);
}

TempDir::TempDir(const std::string& prefix) {
  static std::atomic<int> counter{0};
  path_ = std::filesystem::temp_directory_path() /
          (prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::filesystem::remove_all(path_);
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

ServeProcess::ServeProcess(std::string db_url, std::filesystem::path log_file,
                           std::vector<std::string> extra_args)
    : db_url_(std::move(db_url)),
      log_file_(std::move(log_file)),
      extra_args_(std::move(extra_args)) {}

ServeProcess::~ServeProcess() {
  if (pid_ > 0) kill_hard();
}

bool ServeProcess::start(std::string* why) {
  port_ = free_port();
  const std::string listen = "127.0.0.1:" + std::to_string(port_);
  std::vector<std::string> args{BINOME_BIN, "serve",   "--db",      db_url_, "--listen",
                                listen,     "--quiet", "--threads", "16"};
  args.insert(args.end(), extra_args_.begin(), extra_args_.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  const std::string log = log_file_.string();
  pid_ = ::fork();
  if (pid_ == 0) {
    const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    if (fd >= 0) {
      ::dup2(fd, 1);
      ::dup2(fd, 2);
      ::close(fd);
    }
    ::signal(SIGXFSZ, SIG_IGN);  // kept across exec: a capped write fails instead of killing
    ::execv(BINOME_BIN, argv.data());
    ::_exit(127);
  }
  if (pid_ < 0) {
    if (why) *why = "fork impossible";
    return false;
  }
  // Up to 60 s: a sanitized build on a shared machine starts slowly.
  for (int i = 0; i < 600; ++i) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      if (why) *why = "binome serve s'est arrêté au démarrage :\n" + this->log();
      return false;
    }
    if (http_call(port_, "GET", "/healthz", "", {}, std::chrono::seconds(5)).status != 0)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  if (why) *why = "binome serve ne répond pas :\n" + this->log();
  kill_hard();
  return false;
}

bool ServeProcess::limit_file_size(std::optional<std::uintmax_t> bytes) {
  if (pid_ <= 0) return false;
  rlimit current{};
  if (::prlimit(pid_, RLIMIT_FSIZE, nullptr, &current) != 0) return false;
  current.rlim_cur = bytes ? static_cast<rlim_t>(*bytes) : current.rlim_max;
  return ::prlimit(pid_, RLIMIT_FSIZE, &current, nullptr) == 0;
}

void ServeProcess::kill_hard() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

int ServeProcess::terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  for (int i = 0; i < 600; ++i) {
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  kill_hard();
  return -1;
}

std::string ServeProcess::log() const {
  std::ifstream in(log_file_);
  std::stringstream buf;
  buf << in.rdbuf();
  return buf.str();
}

HttpResult http_call(int port, const std::string& method, const std::string& path,
                     const std::string& body, const std::map<std::string, std::string>& headers,
                     std::chrono::seconds timeout) {
  HttpResult result;
  try {
    Poco::Net::HTTPClientSession session("127.0.0.1", static_cast<Poco::UInt16>(port));
    session.setTimeout(Poco::Timespan(static_cast<long>(timeout.count()), 0));
    Poco::Net::HTTPRequest request(method, path, Poco::Net::HTTPMessage::HTTP_1_1);
    for (const auto& [k, v] : headers) request.set(k, v);
    if (!body.empty()) {
      request.setContentType("application/json");
      request.setContentLength(static_cast<std::streamsize>(body.size()));
    }
    auto& out = session.sendRequest(request);
    out << body;
    Poco::Net::HTTPResponse response;
    auto& in = session.receiveResponse(response);
    std::ostringstream buf;
    Poco::StreamCopier::copyStream(in, buf);
    result.status = response.getStatus();
    result.body = buf.str();
    for (const auto& [k, v] : response) result.headers.emplace(k, v);
  } catch (const std::exception& e) {
    result.status = 0;
    result.body = e.what();
  }
  return result;
}

HttpResult UserClient::login(const std::string& login, const std::string& password) {
  auto r = http_call(port, "POST", "/api/v1/session",
                     Json{{"login", login}, {"password", password}}.dump());
  if (r.status == 200) {
    const auto set_cookie = r.header("Set-Cookie");
    const auto start = set_cookie.find('=') + 1;
    cookie = set_cookie.substr(start, set_cookie.find(';') - start);
    csrf = r.json()["csrf_token"].get<std::string>();
  }
  return r;
}

HttpResult UserClient::call(const std::string& method, const std::string& path,
                            const std::string& body, std::chrono::seconds timeout) const {
  std::map<std::string, std::string> headers;
  if (!cookie.empty()) headers["Cookie"] = "binome_session=" + cookie;
  if (!csrf.empty()) headers["X-CSRF-Token"] = csrf;
  return http_call(port, method, path, body, headers, timeout);
}

std::string today_iso() {
  // The users' day, as the server reckons it (the day in Paris, not in UTC).
  return domain::to_iso(domain::france_today(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now())));
}

Json person_identity(const std::string& last_name) {
  return {{"last_name", last_name},         {"first_name", "Élodie"}, {"birth_date", "1988-07-03"},
          {"street", "12 rue de l'Église"}, {"postal_code", "00100"}, {"commune", "Démoville-Nord"},
          {"consent_electronic", false},    {"brsa", true},           {"rqth", false},
          {"family_situation", "seul"},     {"dependent_children", 0}};
}

Json bilateral_orientation() {
  return {{"origin", "france_travail"},
          {"decision_mode", "accord_bilateral"},
          {"registered_job_seeker", true},
          {"social_criteria", {"logement"}},
          {"professional_criteria", {"mobilite"}},
          {"obstacles", {"difficultes_financieres", "transport"}},
          {"consent", {{"signature_date", today_iso()}, {"electronic_exchange", false}}}};
}

}  // namespace binome::testing
