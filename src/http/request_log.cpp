#include "http/request_log.hpp"

#include <chrono>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>

#include "domain/time.hpp"

namespace binome::http {
namespace {

std::mutex log_mutex;

void emit(const nlohmann::json& line) {
  const auto text = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard lock(log_mutex);
  std::fputs(text.c_str(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

std::string now() {
  return domain::to_iso(std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

}  // namespace

void log_request(const std::string& method, const std::string& route, int status, double seconds,
                 std::optional<std::int64_t> user_id) {
  emit({{"ts", now()},
        {"level", status >= 500 ? "error" : "info"},
        {"method", method},
        {"route", route},
        {"status", status},
        {"duration_ms", static_cast<double>(static_cast<long long>(seconds * 100000)) / 100.0},
        {"user_id", user_id ? nlohmann::json(*user_id) : nlohmann::json(nullptr)}});
}

void log_error(const std::string& route, const std::string& what) {
  // Database errors may quote bound values (a name, a birth date): keep only the cause.
  std::string cause = what;
  for (const char* cut : {" while ", " with :"})
    if (auto pos = cause.find(cut); pos != std::string::npos) cause.resize(pos);
  emit({{"ts", now()}, {"level", "error"}, {"route", route}, {"error", cause}});
}

void log_event(const std::string& message) {
  emit({{"ts", now()}, {"level", "info"}, {"event", message}});
}

}  // namespace binome::http
