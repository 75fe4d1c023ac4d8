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
    auto body = json_object_body(req, {"login", "password", "totp_code"});
    domain::FieldErrors errors;
    app::LoginRequest login;
    login.login = req_string(body, "login", errors);
    login.password = req_string(body, "password", errors);
    login.totp_code = opt_string(body, "totp_code", errors).value_or("");
    if (login.login.empty())
      errors.push_back({"login", "obligatoire", "Saisissez votre identifiant."});
    if (login.password.empty())
      errors.push_back({"password", "obligatoire", "Saisissez votre mot de passe."});
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    login.previous_session_token = req.cookies[kCookie];
    auto result = deps.services.auth.login(login, req.origin());
    if (result.code_required) {
      auto res = error_response(401, "code_requis",
                                "Saisissez le code à 6 chiffres affiché par votre application "
                                "d'authentification.");
      return res;
    }
    if (result.enrolment_required) {
      // The secret is shown only to whoever typed the right password, until it is confirmed.
      Json out = {
          {"errors",
           Json::array({{{"field", nullptr},
                         {"code", "enrolement_requis"},
                         {"message",
                          "Votre rôle impose la double authentification : ajoutez ce compte à "
                          "votre application d'authentification, puis saisissez le premier "
                          "code affiché."}}})},
          {"totp_enrolment",
           {{"secret", result.enrolment_required->secret_base32},
            {"uri", result.enrolment_required->uri}}}};
      auto res = json_response(401, out);
      res.headers.emplace_back("Cache-Control", "no-store");
      return res;
    }
    auto res =
        json_response(200, {{"csrf_token", result.csrf_token}, {"user", user_json(result.user)}});
    res.headers.emplace_back("Set-Cookie",
                             cookie(result.session_token, deps.secure_cookies, false));
    return res;
  });

  // The optional second factor of the logged-in user (required ones enrol at login), after
  // the password typed again.
  router.add("POST", "/api/v1/session/totp", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"password"});
    domain::FieldErrors errors;
    const auto password = req_string(body, "password", errors);
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    const auto enrolment =
        deps.services.auth.start_totp_enrolment(*req.auth, password, req.origin());
    auto res = json_response(200, {{"secret", enrolment.secret_base32}, {"uri", enrolment.uri}});
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });

  router.add("POST", "/api/v1/session/totp/confirm", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"code"});
    domain::FieldErrors errors;
    const auto code = req_string(body, "code", errors);
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    deps.services.auth.confirm_totp_enrolment(*req.auth, code, req.origin());
    return json_response(200, {{"totp_enabled", true}});
  });

  router.add("POST", "/api/v1/session/totp/disable", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"password"});
    domain::FieldErrors errors;
    const auto password = req_string(body, "password", errors);
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    deps.services.auth.disable_totp(*req.auth, password, req.origin());
    return json_response(200, {{"totp_enabled", false}});
  });

  router.add("GET", "/api/v1/session", Access::authenticated, [deps](Request& req) {
    return json_response(200, {{"csrf_token", req.auth->csrf_token},
                               {"user", user_json(req.auth->user)},
                               {"totp_enabled", deps.services.auth.has_totp(req.auth->user.id)},
                               {"totp_required", app::AuthService::totp_required(req.auth->user)}});
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
