#include "app/guards.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

app::IndicatorQuery query_of(const Request& req) {
  return {req.query_value("scope"), req.query_value("id"), req.query_value("from"),
          req.query_value("to")};
}

Json opt_number(const std::optional<double>& v) {
  return v ? Json(*v) : Json(nullptr);
}

// The report's year: ?year=2026, by default the past year (due by 30 June of the next).
int year_of(const Request& req, const app::Context& ctx) {
  const auto text = req.query_value("year");
  if (!text || text->empty()) return static_cast<int>(app::today(ctx).year()) - 1;
  if (text->size() != 4 || text->find_first_not_of("0123456789") != std::string::npos)
    throw domain::DomainError(
        domain::DomainError::Kind::invalid,
        domain::FieldErrors{{"year", "invalide", "Année attendue sur quatre chiffres (2026)."}});
  return std::stoi(*text);
}

}  // namespace

Json indicator_report_json(const app::IndicatorReport& r) {
  Json tables = Json::array();
  for (const auto& t : r.tables) {
    Json rows = Json::array();
    for (const auto& row : t.rows)
      rows.push_back({{"key", row.key},
                      {"label", row.label},
                      {"value", opt_number(row.value)},
                      {"display", domain::display_value(row)},
                      {"unit", row.unit},
                      {"target", opt_number(row.target)},
                      {"base", row.masked ? Json(nullptr) : Json(row.base)},
                      {"masked", row.masked}});
    tables.push_back({{"key", t.key}, {"title", t.title}, {"rows", rows}});
  }
  Json choices = Json::array();
  for (const auto& c : r.choices)
    choices.push_back({{"scope", c.scope}, {"id", c.id}, {"label", c.label}});
  return {{"scope", r.scope},
          {"id", r.scope_id},
          {"label", r.scope_label},
          {"from", r.from},
          {"to", r.to},
          {"convention", r.convention_code
                             ? Json{{"code", *r.convention_code}, {"label", *r.convention_label}}
                             : Json(nullptr)},
          {"masked", r.masked},
          {"tables", tables},
          {"choices", choices}};
}

void add_indicator_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/indicators", Access::authenticated, [deps](Request& req) {
    return json_response(200, indicator_report_json(deps.services.indicators.compute(
                                  req.actor(), query_of(req), req.origin())));
  });

  router.add("GET", "/api/v1/indicators/export", Access::authenticated, [deps](Request& req) {
    const auto format = req.query_value("format").value_or("csv");
    Response res;
    res.body = deps.services.indicators.export_tables(
        req.actor(), query_of(req), req.query_value("table"), format, req.origin());
    if (format == "csv") {
      res.content_type = "text/csv; charset=utf-8";
      res.headers.emplace_back("Content-Disposition", "attachment; filename=\"indicateurs.csv\"");
    } else {
      res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
      res.headers.emplace_back("Content-Disposition", "attachment; filename=\"indicateurs.xlsx\"");
    }
    return res;
  });

  router.add("GET", "/api/v1/fse-report", Access::authenticated, [deps](Request& req) {
    const auto format = req.query_value("format").value_or("json");
    if (format != "json" && format != "xlsx")
      throw domain::DomainError(
          domain::DomainError::Kind::invalid,
          domain::FieldErrors{{"format", "invalide", "Le format est json ou xlsx."}});
    const int year = year_of(req, deps.services.ctx);
    if (format == "json")
      return json_response(200, indicator_report_json(deps.services.indicators.fse_annual(
                                    req.actor(), query_of(req), year, req.origin())));
    Response res;
    res.body =
        deps.services.indicators.fse_annual_xlsx(req.actor(), query_of(req), year, req.origin());
    res.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    res.headers.emplace_back("Content-Disposition", "attachment; filename=\"rapport-fse-" +
                                                        std::to_string(year) + ".xlsx\"");
    return res;
  });
}

}  // namespace binome::http
