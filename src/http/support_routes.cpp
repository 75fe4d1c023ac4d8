#include "domain/support.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

Json support_json(const app::SupportView& v) {
  const auto& s = v.row;
  const auto state = domain::parse_support_state(s.state);
  Json history = Json::array();
  for (const auto& e : v.history)
    history.push_back({{"at", e.at}, {"user", e.user_name}, {"label", e.detail}});
  auto labelled = [](const std::optional<std::string>& code, const auto& list) -> Json {
    if (!code) return nullptr;
    return {{"code", *code}, {"label", std::string(domain::label_of(list, *code).value_or(""))}};
  };
  return {
      {"id", s.id},
      {"person", {{"id", s.person_id}, {"name", s.person_name}}},
      {"orientation_id", s.orientation_id},
      {"convention", s.profile_label},
      {"state", s.state},
      {"state_label", state ? std::string(domain::label_fr(*state)) : s.state},
      {"start_date", s.start_date},
      {"initial_months", s.initial_months},
      {"total_months", s.total_months},
      {"renewals", s.renewals},
      {"review_due_on", v.period_end},
      {"bilan", s.last_bilan_result
                    ? Json{{"result", labelled(s.last_bilan_result, domain::kBilanResults)},
                           {"on", s.last_bilan_on.value_or("")},
                           {"for_current_period", s.bilan_since_period_start}}
                    : Json(nullptr)},
      {"exit", s.exit_outcome ? Json{{"outcome", labelled(s.exit_outcome, domain::kExitOutcomes)},
                                     {"date", s.exit_date.value_or("")}}
                              : Json(nullptr)},
      {"followup_end", s.followup_end ? Json(*s.followup_end) : Json(nullptr)},
      {"renewable", v.renewable},
      {"renewal_steps", v.renewal_steps},
      {"max_total_months", v.max_total_months ? Json(*v.max_total_months) : Json(nullptr)},
      // The counsellor is the RSA referent of a BrSa during the support (seed 000).
      {"rsa_referent_is_counsellor", s.person_brsa && s.state != "termine"},
      {"history", history}};
}

int int_field(const Json& body, const std::string& field, domain::FieldErrors& errors) {
  auto v = opt_int(body, field, errors);
  if (!v)
    errors.push_back({field, "obligatoire", "« " + field + " » est obligatoire (nombre de mois)."});
  return static_cast<int>(v.value_or(0));
}

}  // namespace

void add_support_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/portfolio", Access::authenticated, [deps](Request& req) {
    const auto p = deps.services.supports.portfolio(req.actor());
    auto name = [&](std::int64_t id) {
      auto it = p.names.find(id);
      return it == p.names.end() ? std::string() : it->second;
    };
    auto opt = [](const std::optional<int>& v) { return v ? Json(*v) : Json(nullptr); };
    Json counsellors = Json::array();
    for (const auto& c : p.counsellors) {
      Json binomes = Json::array();
      for (const auto& b : c.binomes)
        binomes.push_back(
            {{"referent_social", b.referent_social_id ? Json{{"id", *b.referent_social_id},
                                                             {"name", name(*b.referent_social_id)}}
                                                      : Json(nullptr)},
             {"new_entries_year", b.new_entries_year}});
      counsellors.push_back(
          {{"conseiller", {{"id", c.conseiller_id}, {"name", name(c.conseiller_id)}}},
           {"active", c.active},
           {"brsa_active", c.brsa_active},
           {"brsa_share_pct", opt(c.brsa_share_pct)},
           {"bounds_state", c.bounds_state},
           {"binomes", binomes}});
    }
    Json targets = nullptr;
    if (p.convention) {
      const auto& r = p.convention->rules;
      targets = {{"convention", {{"code", p.convention->code}, {"label", p.convention->label}}},
                 {"portfolio_min", opt(r.portfolio_min)},
                 {"portfolio_max", opt(r.portfolio_max)},
                 {"brsa_share_target_pct", opt(r.brsa_share_target_pct)},
                 {"new_entries_per_binome_year", opt(r.new_entries_per_binome_year)}};
    }
    return json_response(200, {{"targets", targets}, {"counsellors", counsellors}});
  });

  router.add("GET", "/api/v1/portfolio/persons", Access::authenticated, [deps](Request& req) {
    const auto conseiller = query_id(req, "conseiller_id");
    if (!conseiller)
      throw DomainError(DomainError::Kind::invalid,
                        domain::FieldErrors{{"conseiller_id", "obligatoire",
                                             "Précisez le conseiller (conseiller_id)."}});
    Json items = Json::array();
    for (const auto& v : deps.services.supports.portfolio_persons(
             req.actor(), *conseiller, query_id(req, "referent_social_id"), req.origin()))
      items.push_back({{"person", {{"id", v.row.person_id}, {"name", v.row.person_name}}},
                       {"brsa", v.row.person_brsa},
                       {"support_id", v.row.id},
                       {"start_date", v.row.start_date},
                       {"review_due_on", v.period_end}});
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/orientations/{id}/entry", Access::authenticated,
             [deps](Request& req) {
               auto body = json_object_body(req, {"start_date", "initial_months"});
               domain::FieldErrors errors;
               const auto start = req_string(body, "start_date", errors);
               const int months = int_field(body, "initial_months", errors);
               if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
               return json_response(
                   201, support_json(deps.services.supports.enter(req.actor(), path_id(req, "id"),
                                                                  start, months, req.origin())));
             });

  router.add("GET", "/api/v1/persons/{id}/supports", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& v :
         deps.services.supports.of_person(req.actor(), path_id(req, "id"), req.origin()))
      items.push_back(support_json(v));
    return json_response(200, {{"items", items}});
  });

  router.add("POST", "/api/v1/supports/{id}/bilan", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"result"});
    domain::FieldErrors errors;
    const auto result = req_string(body, "result", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(200, support_json(deps.services.supports.bilan(
                                  req.actor(), path_id(req, "id"), result, req.origin())));
  });

  router.add("POST", "/api/v1/supports/{id}/renewal", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"months"});
    domain::FieldErrors errors;
    const int months = int_field(body, "months", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(200, support_json(deps.services.supports.renew(
                                  req.actor(), path_id(req, "id"), months, req.origin())));
  });

  router.add("POST", "/api/v1/supports/{id}/exit", Access::authenticated, [deps](Request& req) {
    auto body = json_object_body(req, {"outcome", "exit_date"});
    domain::FieldErrors errors;
    const auto outcome = req_string(body, "outcome", errors);
    const auto date = req_string(body, "exit_date", errors);
    if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
    return json_response(200, support_json(deps.services.supports.exit(
                                  req.actor(), path_id(req, "id"), outcome, date, req.origin())));
  });
}

}  // namespace binome::http
