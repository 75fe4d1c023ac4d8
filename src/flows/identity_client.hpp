// A small client of the identity API (amendment 2024): recherche-individu-certifie and
// restitution-statut, over HTTP(S) with Poco. The base URL is configurable (e.g.
// "http://127.0.0.1:8080" for binome itself, or France Travail's gateway); the session cookie
// and CSRF token, when the server is binome, are passed as extra headers.
#pragma once
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

namespace binome::flows {

struct IdentitySearch {
  std::string nir, nom_naissance, prenom, date_naissance;  // date: AAAA-MM-JJ
};

struct IdentitySearchResult {
  std::string code_sortie;                 // S000, S001, S002
  std::optional<std::string> id_national;  // S000 only
  bool certif_de = false;
};

struct IdentityStatus {
  bool demandeur_emploi = false;
  std::optional<std::string> date_reference, code_categorie, date_inscription;
};

// Thrown (French message) on a transport error or an answer other than 200.
class IdentityError : public std::runtime_error {
 public:
  IdentityError(int http_status, const std::string& message)
      : std::runtime_error(message), status(http_status) {}
  int status;
};

class IdentityClient {
 public:
  // base_url: scheme://host[:port][/prefix]; the API paths are appended to it.
  explicit IdentityClient(std::string base_url, std::map<std::string, std::string> headers = {},
                          int timeout_seconds = 10);
  IdentitySearchResult search(const IdentitySearch& query) const;
  IdentityStatus status(const std::string& id_national) const;

  // When the server is binome: opens a session (POST /api/v1/session) and returns the headers
  // the calls need (session cookie, CSRF token). IdentityError on a refusal.
  static std::map<std::string, std::string> binome_session(const std::string& base_url,
                                                           const std::string& login,
                                                           const std::string& password,
                                                           int timeout_seconds = 10);

 private:
  std::string post(const std::string& path, const std::string& body) const;
  std::string base_url_;
  std::map<std::string, std::string> headers_;
  int timeout_seconds_;
};

}  // namespace binome::flows
