// The request and response as handlers see them: plain values, independent of Poco, so the
// routes are simple functions and the server glue stays in one place.
#pragma once
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "app/auth_service.hpp"
#include "domain/errors.hpp"

namespace binome::http {

using Json = nlohmann::json;

struct Request {
  std::string method;
  std::string path;
  std::string body;
  std::string client_ip;
  std::string route;  // the matched pattern, e.g. "GET /api/v1/persons/{id}"
  std::multimap<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names in lower case
  std::map<std::string, std::string> cookies;
  std::map<std::string, std::string> params;  // from the route pattern
  std::optional<app::Authenticated> auth;     // set for authenticated routes

  std::optional<std::string> query_value(const std::string& name) const;
  std::string header(const std::string& name) const;
  app::Origin origin() const { return {route, client_ip}; }
  const domain::Actor& actor() const { return auth->actor; }
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  // For large bodies (exports): written straight to the connection, in chunks.
  std::function<void(std::ostream&)> stream;
};

Response json_response(int status, const Json& body);
Response error_response(int status, const domain::FieldErrors& errors);
Response error_response(int status, const std::string& code, const std::string& message);
int status_for(domain::DomainError::Kind kind);

// The request body as a JSON object whose keys all belong to `allowed`; throws DomainError
// (invalid) naming every unknown field, or a bad_request for a body that is not JSON.
class BadRequest : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
Json json_object_body(const Request& req, const std::vector<std::string>& allowed);

// Reads an optional field of an object body, with a French error when its type is wrong.
std::optional<std::string> opt_string(const Json& body, const std::string& field,
                                      domain::FieldErrors& errors);
std::string req_string(const Json& body, const std::string& field, domain::FieldErrors& errors);
std::optional<std::int64_t> opt_int(const Json& body, const std::string& field,
                                    domain::FieldErrors& errors);
std::optional<bool> opt_bool(const Json& body, const std::string& field,
                             domain::FieldErrors& errors);
// A list of closed-list codes as [{"code","label"}], for the UI's selects.
template <typename List>
Json labelled_list(const List& list) {
  Json out = Json::array();
  for (const auto& item : list)
    out.push_back({{"code", std::string(item.code)}, {"label", std::string(item.label)}});
  return out;
}
// {"code","label"} of one code of a closed list, or null.
template <typename List>
Json labelled(const std::optional<std::string>& code, const List& list) {
  if (!code) return nullptr;
  for (const auto& item : list)
    if (item.code == *code) return {{"code", *code}, {"label", std::string(item.label)}};
  return {{"code", *code}, {"label", *code}};
}

// page and per_page query parameters, checked (1 ≤ per_page ≤ 100).
std::pair<int, int> paging(const Request& req, int default_per_page = 20);
std::optional<std::int64_t> query_id(const Request& req, const std::string& name);
std::int64_t path_id(const Request& req, const std::string& name);

}  // namespace binome::http
