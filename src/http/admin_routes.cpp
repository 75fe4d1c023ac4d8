#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json opt(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}
Json opt(const std::optional<std::int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json user_json(const store::UserRow& u, bool locked) {
  return {{"id", u.id},
          {"login", u.login},
          {"display_name", u.display_name},
          {"role", u.role},
          {"organisation", {{"id", u.org_id}, {"name", u.org_name}}},
          {"function_title", opt(u.function_title)},
          {"locked", locked},
          {"active", u.active}};
}

Json org_json(const store::OrganisationRow& r) {
  const auto& o = r.org;
  Json territory = nullptr;
  if (o.territory_id)
    territory = {{"id", *o.territory_id}, {"name", r.territory_name.value_or("")}};
  return {{"id", o.id},
          {"name", o.name},
          {"kind", std::string(domain::to_string(o.kind))},
          {"kind_label", std::string(domain::label_fr(o.kind))},
          {"departement", o.departement},
          {"territory", territory},
          {"parent_id", opt(o.parent_id)},
          {"contract_start", opt(o.contract_start)},
          {"contract_end", opt(o.contract_end)}};
}

}  // namespace

void add_admin_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/users", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& s : deps.services.admin.users(req.actor(), req.origin()))
      items.push_back(user_json(s.user, s.locked));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/users", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"login", "display_name", "role", "organisation_id",
                                       "password", "function_title", "phone", "email"});
    domain::FieldErrors errors;
    app::NewUserInput in;
    in.login = req_string(body, "login", errors);
    in.display_name = req_string(body, "display_name", errors);
    in.role = req_string(body, "role", errors);
    in.password = req_string(body, "password", errors);
    in.organisation_id = opt_int(body, "organisation_id", errors).value_or(0);
    in.function_title = opt_string(body, "function_title", errors);
    in.phone = opt_string(body, "phone", errors);
    in.email = opt_string(body, "email", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    auto user = deps.services.admin.create_user(req.actor(), in, req.origin());
    return json_response(201, user_json(user, false));
  });

  router.add("POST", "/api/v1/users/{id}/unlock", Access::authenticated, [deps](Request& req) {
    deps.services.admin.unlock_user(req.actor(), path_id(req, "id"), req.origin());
    return json_response(200, {{"unlocked", true}});
  });

  router.add("GET", "/api/v1/organisations", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& o : deps.services.admin.organisations(req.actor()))
      items.push_back(org_json(o));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/organisations", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"name", "kind", "departement", "territory_id", "parent_id",
                                       "contract_start", "contract_end"});
    domain::FieldErrors errors;
    app::NewOrganisationInput in;
    in.name = req_string(body, "name", errors);
    in.kind = req_string(body, "kind", errors);
    in.departement = req_string(body, "departement", errors);
    in.territory_id = opt_int(body, "territory_id", errors);
    in.parent_id = opt_int(body, "parent_id", errors);
    in.contract_start = opt_string(body, "contract_start", errors);
    in.contract_end = opt_string(body, "contract_end", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(
        201, org_json(deps.services.admin.create_organisation(req.actor(), in, req.origin())));
  });

  router.add("GET", "/api/v1/departements", Access::authenticated, [deps](Request&) {
    Json items = Json::array();
    for (const auto& [code, name] : deps.services.admin.departements())
      items.push_back({{"code", code}, {"name", name}});
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/departements", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"code", "name"});
    domain::FieldErrors errors;
    const auto code = req_string(body, "code", errors);
    const auto name = req_string(body, "name", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    deps.services.admin.create_departement(req.actor(), code, name, req.origin());
    return json_response(201, {{"code", code}, {"name", name}});
  });

  router.add("POST", "/api/v1/territories", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"departement", "name"});
    domain::FieldErrors errors;
    const auto dep = req_string(body, "departement", errors);
    const auto name = req_string(body, "name", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    const auto t = deps.services.admin.create_territory(req.actor(), dep, name, req.origin());
    return json_response(201, {{"id", t.id}, {"name", t.name}, {"departement", t.departement}});
  });

  router.add("GET", "/api/v1/territories", Access::authenticated, [deps](Request&) {
    Json items = Json::array();
    for (const auto& t : deps.services.admin.territories())
      items.push_back({{"id", t.id}, {"name", t.name}, {"departement", t.departement}});
    return json_response(200, {{"items", items}});
  });
}

}  // namespace binome::http
