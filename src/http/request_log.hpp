// One JSON line per request on standard output: method, route pattern, status, duration and
// user id. Never a person's data: the route is the pattern, not the path with its values.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

namespace binome::http {

void log_request(const std::string& method, const std::string& route, int status, double seconds,
                 std::optional<std::int64_t> user_id);
void log_error(const std::string& route, const std::string& what);
void log_event(const std::string& message);

}  // namespace binome::http
