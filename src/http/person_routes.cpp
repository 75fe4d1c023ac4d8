#include "domain/text.hpp"
#include "http/routes.hpp"

namespace binome::http {
namespace {

Json ref_json(const std::optional<store::NamedRef>& ref, bool with_org) {
  if (!ref) return nullptr;
  Json j = {{"id", ref->id}};
  if (with_org) {
    j["display_name"] = ref->name;
    j["organisation"] = ref->organisation;
  } else {
    j["name"] = ref->name;
  }
  return j;
}

Json opt(const std::optional<std::string>& v) {
  return v ? Json(*v) : Json(nullptr);
}

Json person_json(const store::PersonRecord& rec) {
  const auto& p = rec.person.identity;
  return {
      {"id", rec.person.id},
      {"last_name", p.last_name},
      {"first_name", p.first_name},
      {"birth_date", p.birth_date},
      {"address", {{"street", p.street}, {"postal_code", p.postal_code}, {"commune", p.commune}}},
      {"phone", opt(p.phone)},
      {"email", p.consent_electronic ? opt(p.email) : Json(nullptr)},
      {"consent_electronic", p.consent_electronic},
      {"ft_id", opt(p.ft_id)},
      {"caf_id", opt(p.caf_id)},
      {"brsa", p.brsa},
      {"rqth", p.rqth},
      {"family_situation",
       p.family_situation == domain::FamilySituation::seul ? "seul" : "en_couple"},
      {"dependent_children", p.dependent_children},
      {"territory", ref_json(rec.territory, false)},
      {"agence", ref_json(rec.agence, false)},
      {"referents",
       {{"conseiller", ref_json(rec.conseiller, true)},
        {"referent_social", ref_json(rec.referent_social, true)}}}};
}

}  // namespace

void add_person_routes(Router& router, RouteDeps deps) {
  router.add("GET", "/api/v1/persons", Access::authenticated, [deps](Request& req) {
    auto [page, per_page] = paging(req);
    app::PersonQuery q{req.query_value("q").value_or(""), page, per_page};
    if (q.search.size() > 100 || !domain::is_clean_utf8(q.search))
      throw domain::DomainError(
          domain::DomainError::Kind::invalid,
          domain::FieldErrors{
              {"q", "invalide",
               "La recherche est trop longue ou contient des caractères interdits."}});
    auto result = deps.services.persons.list(req.actor(), q, req.origin());
    Json items = Json::array();
    for (const auto& s : result.items)
      items.push_back({{"id", s.id},
                       {"last_name", s.last_name},
                       {"first_name", s.first_name},
                       {"birth_date", s.birth_date},
                       {"commune", s.commune},
                       {"brsa", s.brsa},
                       {"territory", {{"id", s.territory.id}, {"name", s.territory.name}}}});
    return json_response(
        200, {{"items", items}, {"total", result.total}, {"page", page}, {"per_page", per_page}});
  });

  router.add("GET", "/api/v1/persons/{id}", Access::authenticated, [deps](Request& req) {
    return json_response(
        200, person_json(deps.services.persons.get(req.actor(), path_id(req, "id"), req.origin())));
  });
}

}  // namespace binome::http
