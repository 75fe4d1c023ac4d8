#include "domain/role.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

constexpr const char* kCookie = "binome_session";

Json user_json(const store::UserRow& u) {
  const auto role = domain::parse_role(u.role);
  return {{"id", u.id},
          {"login", u.login},
          {"display_name", u.display_name},
          {"role", u.role},
          {"role_label", role ? std::string(domain::label_fr(*role)) : u.role},
          {"organisation", {{"id", u.org_id}, {"name", u.org_name}}}};
}

std::string cookie(const std::string& value, bool secure, bool clear) {
  std::string c = std::string(kCookie) + "=" + value + "; Path=/; HttpOnly; SameSite=Strict";
  if (secure) c += "; Secure";
  if (clear) c += "; Max-Age=0";
  return c;
}

}  // namespace

void add_session_routes(Router& router, RouteDeps deps) {
  router.add("POST", "/api/v1/session", Access::public_route, [deps](Request& req) {
    auto body = json_object_body(req, {"login", "password"});
    domain::FieldErrors errors;
    const auto login = req_string(body, "login", errors);
    const auto password = req_string(body, "password", errors);
    if (login.empty()) errors.push_back({"login", "obligatoire", "Saisissez votre identifiant."});
    if (password.empty())
      errors.push_back({"password", "obligatoire", "Saisissez votre mot de passe."});
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    auto result = deps.services.auth.login(login, password, req.origin());
    auto res =
        json_response(200, {{"csrf_token", result.csrf_token}, {"user", user_json(result.user)}});
    res.headers.emplace_back("Set-Cookie",
                             cookie(result.session_token, deps.secure_cookies, false));
    return res;
  });

  router.add("GET", "/api/v1/session", Access::authenticated, [](Request& req) {
    return json_response(
        200, {{"csrf_token", req.auth->csrf_token}, {"user", user_json(req.auth->user)}});
  });

  router.add("DELETE", "/api/v1/session", Access::authenticated, [deps](Request& req) {
    deps.services.auth.logout(req.cookies[kCookie], req.origin());
    Response res;
    res.status = 204;
    res.content_type.clear();
    res.headers.emplace_back("Set-Cookie", cookie("", deps.secure_cookies, true));
    return res;
  });
}

}  // namespace binome::http
