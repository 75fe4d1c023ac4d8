#include "http/message.hpp"

#include <charconv>

namespace binome::http {

using domain::DomainError;

std::optional<std::string> Request::query_value(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string Request::header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

Response json_response(int status, const Json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, Json::error_handler_t::replace);
  return r;
}

Response error_response(int status, const domain::FieldErrors& errors) {
  Json list = Json::array();
  for (const auto& e : errors)
    list.push_back({{"field", e.field ? Json(*e.field) : Json(nullptr)},
                    {"code", e.code},
                    {"message", e.message}});
  return json_response(status, {{"errors", list}});
}

Response error_response(int status, const std::string& code, const std::string& message) {
  return error_response(status, domain::FieldErrors{{std::nullopt, code, message}});
}

int status_for(DomainError::Kind kind) {
  switch (kind) {
    case DomainError::Kind::invalid:
      return 422;
    case DomainError::Kind::unauthenticated:
      return 401;
    case DomainError::Kind::forbidden:
      return 403;
    case DomainError::Kind::not_found:
      return 404;
    case DomainError::Kind::conflict:
      return 409;
    case DomainError::Kind::throttled:
      return 429;
  }
  return 400;
}

Json json_object_body(const Request& req, const std::vector<std::string>& allowed) {
  Json body = Json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object())
    throw BadRequest("Le corps de la requête doit être un objet JSON valide.");
  domain::FieldErrors errors;
  for (const auto& [key, value] : body.items()) {
    bool known = false;
    for (const auto& a : allowed) known = known || a == key;
    if (!known) errors.push_back({key, "champ_inconnu", "Champ non autorisé : « " + key + " »."});
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return body;
}

std::optional<std::string> opt_string(const Json& body, const std::string& field,
                                      domain::FieldErrors& errors) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    errors.push_back({field, "type", "Le champ « " + field + " » doit être un texte."});
    return std::nullopt;
  }
  auto s = it->get<std::string>();
  if (s.empty()) return std::nullopt;
  return s;
}

std::string req_string(const Json& body, const std::string& field, domain::FieldErrors& errors) {
  auto it = body.find(field);
  if (it != body.end() && !it->is_null() && !it->is_string()) {
    errors.push_back({field, "type", "Le champ « " + field + " » doit être un texte."});
    return {};
  }
  return it == body.end() || it->is_null() ? std::string() : it->get<std::string>();
}

std::optional<std::int64_t> opt_int(const Json& body, const std::string& field,
                                    domain::FieldErrors& errors) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_number_integer()) {
    errors.push_back({field, "type", "Le champ « " + field + " » doit être un nombre entier."});
    return std::nullopt;
  }
  return it->get<std::int64_t>();
}

std::optional<bool> opt_bool(const Json& body, const std::string& field,
                             domain::FieldErrors& errors) {
  auto it = body.find(field);
  if (it == body.end() || it->is_null()) return std::nullopt;
  if (!it->is_boolean()) {
    errors.push_back({field, "type", "Le champ « " + field + " » doit valoir true ou false."});
    return std::nullopt;
  }
  return it->get<bool>();
}

namespace {
std::optional<long long> parse_int(const std::string& s) {
  long long v = 0;
  auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  if (res.ec != std::errc() || res.ptr != s.data() + s.size()) return std::nullopt;
  return v;
}
}  // namespace

std::pair<int, int> paging(const Request& req, int default_per_page) {
  domain::FieldErrors errors;
  long long page = 1, per_page = default_per_page;
  if (auto p = req.query_value("page")) {
    auto v = parse_int(*p);
    if (!v || *v < 1 || *v > 1000000)
      errors.push_back({"page", "invalide", "Le numéro de page doit être un entier positif."});
    else
      page = *v;
  }
  if (auto p = req.query_value("per_page")) {
    auto v = parse_int(*p);
    if (!v || *v < 1 || *v > 100)
      errors.push_back(
          {"per_page", "invalide", "Le nombre par page doit être compris entre 1 et 100."});
    else
      per_page = *v;
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return {static_cast<int>(page), static_cast<int>(per_page)};
}

std::optional<std::int64_t> query_id(const Request& req, const std::string& name) {
  auto p = req.query_value(name);
  if (!p || p->empty()) return std::nullopt;
  auto v = parse_int(*p);
  if (!v || *v < 1)
    throw DomainError(
        DomainError::Kind::invalid,
        domain::FieldErrors{
            {name, "invalide", "« " + name + " » doit être un identifiant numérique."}});
  return *v;
}

std::int64_t path_id(const Request& req, const std::string& name) {
  auto it = req.params.find(name);
  auto v = it == req.params.end() ? std::nullopt : parse_int(it->second);
  if (!v || *v < 1)
    throw DomainError(DomainError::Kind::not_found, "introuvable", "Ressource introuvable.");
  return *v;
}

}  // namespace binome::http
