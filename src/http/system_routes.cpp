#include <string_view>
#include <utility>
#include <vector>

#include "http/routes.hpp"

namespace binome::http::openapi {
const std::vector<std::pair<std::string_view, std::string_view>>& embedded_files();
}

namespace binome::http {

void add_system_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/healthz", Access::public_route, [deps](Request&) {
    const bool up = deps.services.ctx.db.ping();
    // What a load balancer and an operator need: is this instance able to serve, and if not,
    // is the database the cause.
    return up ? json_response(200, {{"status", "ok"}, {"database", "ok"}})
              : error_response(503, "base_indisponible",
                               "La base de données ne répond pas : le service est "
                               "momentanément indisponible.");
  });

  router.add("GET", "/metrics", Access::public_route, [deps](Request&) {
    Response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    auto& db = deps.services.ctx.db;
    res.body = deps.metrics.render(db.pool_size(), db.in_use(), db.ping());
    return res;
  });

  router.add("GET", "/api/v1/openapi.json", Access::public_route, [](Request&) {
    Response res;
    res.body = std::string(openapi::embedded_files().front().second);
    return res;
  });
}

}  // namespace binome::http
