#include "flows/identity_client.hpp"

#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPCookie.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/Net/HTTPSClientSession.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>

namespace binome::flows {
namespace {

using nlohmann::json;

std::optional<std::string> opt(const json& j, const char* key) {
  if (!j.contains(key) || !j[key].is_string()) return std::nullopt;
  return j[key].get<std::string>();
}

}  // namespace

IdentityClient::IdentityClient(std::string base_url, std::map<std::string, std::string> headers,
                               int timeout_seconds)
    : base_url_(std::move(base_url)),
      headers_(std::move(headers)),
      timeout_seconds_(timeout_seconds) {
  while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

std::map<std::string, std::string> IdentityClient::binome_session(const std::string& base_url,
                                                                  const std::string& login,
                                                                  const std::string& password,
                                                                  int timeout_seconds) {
  std::string base = base_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  try {
    const Poco::URI uri(base + "/api/v1/session");
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (uri.getScheme() == "https")
      session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort());
    else
      session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    session->setTimeout(Poco::Timespan(timeout_seconds, 0));
    const std::string body = json{{"login", login}, {"password", password}}.dump();
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(std::streamsize(body.size()));
    session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    std::ostringstream out;
    Poco::StreamCopier::copyStream(in, out);
    const int status = int(response.getStatus());
    if (status != 200)
      throw IdentityError(status,
                          "connexion refusée par binome (réponse " + std::to_string(status) + ")");
    const auto j = json::parse(out.str(), nullptr, false);
    std::string cookie;
    std::vector<Poco::Net::HTTPCookie> cookies;
    response.getCookies(cookies);
    for (const auto& c : cookies)
      if (c.getName() == "binome_session") cookie = "binome_session=" + c.getValue();
    if (cookie.empty() || !j.is_object() || !opt(j, "csrf_token"))
      throw IdentityError(status, "réponse de connexion illisible");
    return {{"Cookie", cookie}, {"X-CSRF-Token", *opt(j, "csrf_token")}};
  } catch (const IdentityError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw IdentityError(0, "service d'identité injoignable : " + e.displayText());
  }
}

std::string IdentityClient::post(const std::string& path, const std::string& body) const {
  try {
    const Poco::URI uri(base_url_ + path);
    std::unique_ptr<Poco::Net::HTTPClientSession> session;
    if (uri.getScheme() == "https")
      session = std::make_unique<Poco::Net::HTTPSClientSession>(uri.getHost(), uri.getPort());
    else
      session = std::make_unique<Poco::Net::HTTPClientSession>(uri.getHost(), uri.getPort());
    session->setTimeout(Poco::Timespan(timeout_seconds_, 0));
    Poco::Net::HTTPRequest request(Poco::Net::HTTPRequest::HTTP_POST, uri.getPathAndQuery(),
                                   Poco::Net::HTTPMessage::HTTP_1_1);
    request.setContentType("application/json");
    request.setContentLength(std::streamsize(body.size()));
    for (const auto& [k, v] : headers_) request.set(k, v);
    session->sendRequest(request) << body;
    Poco::Net::HTTPResponse response;
    std::istream& in = session->receiveResponse(response);
    std::ostringstream out;
    Poco::StreamCopier::copyStream(in, out);
    const int status = int(response.getStatus());
    if (status != 200) {
      std::string message = "réponse " + std::to_string(status) + " du service d'identité";
      const auto j = json::parse(out.str(), nullptr, false);
      if (j.is_object() && j.contains("errors") && j["errors"].is_array() && !j["errors"].empty() &&
          j["errors"][0].contains("message"))
        message += " : " + j["errors"][0]["message"].get<std::string>();
      throw IdentityError(status, message);
    }
    return out.str();
  } catch (const IdentityError&) {
    throw;
  } catch (const Poco::Exception& e) {
    throw IdentityError(0, "service d'identité injoignable : " + e.displayText());
  }
}

IdentitySearchResult IdentityClient::search(const IdentitySearch& q) const {
  const json body{{"nir", q.nir},
                  {"nom_naissance", q.nom_naissance},
                  {"prenom", q.prenom},
                  {"date_naissance", q.date_naissance}};
  const auto j = json::parse(post("/api/v1/identite/recherche-individu-certifie", body.dump()),
                             nullptr, false);
  if (!j.is_object() || !opt(j, "code_sortie"))
    throw IdentityError(200, "réponse illisible du service d'identité");
  IdentitySearchResult r;
  r.code_sortie = *opt(j, "code_sortie");
  r.id_national = opt(j, "id_national");
  r.certif_de = j.value("certif_de", false);
  return r;
}

IdentityStatus IdentityClient::status(const std::string& id_national) const {
  const json body{{"id_national", id_national}};
  const auto j =
      json::parse(post("/api/v1/identite/restitution-statut", body.dump()), nullptr, false);
  if (!j.is_object() || !j.contains("demandeur_emploi") || !j["demandeur_emploi"].is_boolean())
    throw IdentityError(200, "réponse illisible du service d'identité");
  IdentityStatus s;
  s.demandeur_emploi = j["demandeur_emploi"].get<bool>();
  s.date_reference = opt(j, "date_reference");
  s.code_categorie = opt(j, "code_categorie");
  s.date_inscription = opt(j, "date_inscription");
  return s;
}

}  // namespace binome::flows
