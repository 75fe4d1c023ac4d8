// The communes of the actor's département and their EPCI: read by everyone (search by commune,
// zones d'éligibilité), replaced by admin from the CSV file they edit.
#include "domain/commune_list.hpp"
#include "http/routes.hpp"

namespace binome::http {

void add_commune_routes(Router& router, RouteDeps deps) {
  auto& svc = deps.services.communes;

  router.add("GET", "/api/v1/communes", Access::authenticated, [&svc](Request& req) {
    const auto list = svc.list(req.actor().departement);
    if (req.query_value("format").value_or("") == "csv") {
      Response res;
      res.status = 200;
      res.content_type = "text/csv; charset=utf-8";
      res.body = domain::commune_csv(list);
      res.headers.push_back({"Content-Disposition", "attachment; filename=\"communes-" +
                                                        req.actor().departement + ".csv\""});
      return res;
    }
    std::map<std::string, std::string> names;
    Json epcis = Json::array();
    for (const auto& e : list.epcis) {
      names[e.siren] = e.nom;
      epcis.push_back({{"siren", e.siren}, {"nom", e.nom}});
    }
    Json communes = Json::array();
    for (const auto& c : list.communes)
      communes.push_back(
          {{"code_insee", c.code_insee},
           {"nom", c.nom},
           {"code_postal", c.code_postal},
           {"epci", c.epci ? Json{{"siren", *c.epci}, {"nom", names[*c.epci]}} : Json(nullptr)}});
    return json_response(200, {{"communes", communes}, {"epcis", epcis}});
  });

  router.add("PUT", "/api/v1/admin/communes", Access::authenticated, [&svc](Request& req) {
    auto body = json_object_body(req, {"csv"});
    domain::FieldErrors errors;
    const auto csv = req_string(body, "csv", errors);
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    const auto report = svc.import_csv(req.actor(), req.actor().departement, csv, req.origin());
    return json_response(200, {{"communes", report.communes}, {"epcis", report.epcis}});
  });
}

}  // namespace binome::http
