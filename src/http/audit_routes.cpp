#include "domain/time.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

store::AuditFilter filter_from(const Request& req) {
  store::AuditFilter f;
  domain::FieldErrors errors;
  for (const char* name : {"from", "to"}) {
    auto v = req.query_value(name);
    if (!v || v->empty()) continue;
    if (!domain::parse_date(*v))
      errors.push_back({name, "invalide",
                        std::string("La date « ") + name + " » doit être au format AAAA-MM-JJ."});
    else
      (std::string(name) == "from" ? f.from : f.to) = *v;
  }
  if (auto a = req.query_value("action"); a && !a->empty()) {
    if (a->size() > 60)
      errors.push_back({"action", "invalide", "Action invalide."});
    else
      f.action = *a;
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  f.user_id = query_id(req, "user_id");
  f.person_id = query_id(req, "person_id");
  return f;
}

Json opt_id(const std::optional<std::int64_t>& v) {
  return v ? Json(*v) : Json(nullptr);
}

}  // namespace

void add_audit_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/audit", Access::authenticated, [deps](Request& req) {
    const auto filter = filter_from(req);
    auto [page, per_page] = paging(req, 50);
    auto result = deps.services.audit.search(req.actor(), filter, page, per_page, req.origin());
    std::map<std::int64_t, std::string> org_names;
    for (const auto& o : deps.services.admin.organisations(req.actor()))
      org_names[o.org.id] = o.org.name;
    auto org_json = [&](const std::optional<std::int64_t>& id) -> Json {
      if (!id) return nullptr;
      auto it = org_names.find(*id);
      return Json{{"id", *id}, {"name", it == org_names.end() ? std::string() : it->second}};
    };
    Json items = Json::array();
    for (const auto& r : result.items)
      items.push_back({{"seq", r.seq},
                       {"at", r.at},
                       {"user_id", opt_id(r.user_id)},
                       {"user_login", r.user_login},
                       {"organisation", org_json(r.org_id)},
                       {"action", r.action},
                       {"person_id", opt_id(r.person_id)},
                       {"target", r.target},
                       {"route", r.route},
                       {"client_ip", r.client_ip}});
    return json_response(
        200, {{"items", items}, {"total", result.total}, {"page", page}, {"per_page", per_page}});
  });

  router.add("GET", "/api/v1/audit/export", Access::authenticated, [deps](Request& req) {
    const auto filter = filter_from(req);
    if (req.actor().role != domain::Role::dpo) {
      // Let the service record the refusal and throw it.
      deps.services.audit.export_csv(
          req.actor(), filter, [](const std::string&) {}, req.origin());
    }
    Response res;
    res.content_type = "text/csv; charset=utf-8";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"journal-audit.csv\"");
    auto actor = req.actor();
    auto origin = req.origin();
    res.stream = [deps, actor, origin, filter](std::ostream& out) {
      deps.services.audit.export_csv(
          actor, filter, [&out](const std::string& s) { out << s; }, origin);
    };
    return res;
  });

  router.add("GET", "/api/v1/audit/verify", Access::authenticated, [deps](Request& req) {
    auto report = deps.services.audit.verify(req.actor(), req.origin());
    return json_response(200, {{"ok", report.ok},
                               {"records", report.records},
                               {"first_bad_seq", opt_id(report.first_bad_seq)},
                               {"message", report.message}});
  });
}

}  // namespace binome::http
