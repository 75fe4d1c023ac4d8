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

  router.add("POST", "/api/v1/persons", Access::authenticated, [deps](Request& req) {
    // Exactly the identity fields of the fiche de liaison, and the referents.
    auto body = json_object_body(
        req, {"last_name", "first_name", "birth_date", "street", "postal_code", "commune", "phone",
              "email", "consent_electronic", "ft_id", "caf_id", "brsa", "rqth", "family_situation",
              "dependent_children", "conseiller_id", "referent_social_id"});
    domain::FieldErrors errors;
    app::PersonService::NewPerson in;
    auto& p = in.identity;
    p.last_name = req_string(body, "last_name", errors);
    p.first_name = req_string(body, "first_name", errors);
    p.birth_date = req_string(body, "birth_date", errors);
    p.street = req_string(body, "street", errors);
    p.postal_code = req_string(body, "postal_code", errors);
    p.commune = req_string(body, "commune", errors);
    p.phone = opt_string(body, "phone", errors);
    p.email = opt_string(body, "email", errors);
    p.ft_id = opt_string(body, "ft_id", errors);
    p.caf_id = opt_string(body, "caf_id", errors);
    auto flag = [&](const char* name, bool& out) {
      auto it = body.find(name);
      if (it == body.end() || it->is_null()) return;
      if (it->is_boolean())
        out = it->get<bool>();
      else
        errors.push_back(
            {name, "type", std::string("« ") + name + " » doit valoir true ou false."});
    };
    flag("consent_electronic", p.consent_electronic);
    flag("brsa", p.brsa);
    flag("rqth", p.rqth);
    const auto family = req_string(body, "family_situation", errors);
    if (family == "en_couple")
      p.family_situation = domain::FamilySituation::en_couple;
    else if (family != "seul")
      errors.push_back(
          {"family_situation", "invalide", "Situation familiale : « seul » ou « en_couple »."});
    p.dependent_children =
        static_cast<int>(opt_int(body, "dependent_children", errors).value_or(0));
    in.conseiller_id = opt_int(body, "conseiller_id", errors);
    in.referent_social_id = opt_int(body, "referent_social_id", errors);
    if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
    return json_response(201,
                         person_json(deps.services.persons.create(req.actor(), in, req.origin())));
  });

  router.add("GET", "/api/v1/referents", Access::authenticated, [deps](Request& req) {
    Json items = Json::array();
    for (const auto& u :
         deps.services.persons.referents(req.actor(), req.query_value("role").value_or("")))
      items.push_back(
          {{"id", u.id}, {"display_name", u.display_name}, {"organisation", u.org_name}});
    return json_response(200, {{"items", items}});
  });

  router.add("GET", "/api/v1/persons/{id}", Access::authenticated, [deps](Request& req) {
    return json_response(
        200, person_json(deps.services.persons.get(req.actor(), path_id(req, "id"), req.origin())));
  });
}

}  // namespace binome::http
