// The identity API of the 2024 amendment (issue 5, item 7), answered from the imported flows.
//
// recherche-individu-certifie: NIR + nom de naissance + prénom + date de naissance →
//   code_sortie S000 (one person), S001 (none), S002 (several); id_national, an opaque id
//   (AES-256-GCM of the person's id under a key drawn when the server starts: valid while that
//   process runs); certif_de: true when the NIR was carried by a France Travail flow and the
//   identity given matches the person it was reconciled with.
// restitution-statut: id_national → demandeur d'emploi or not, from the latest snapshot.
//
// Callers: roles that may see named persons; a person outside the caller's reach is not found
// (S001), so the API tells nothing of persons out of reach. Every call is audited
// (« identite.recherche », « identite.statut »), with the person when one is found.
#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <mutex>

#include "app/guards.hpp"
#include "domain/text.hpp"
#include "domain/time.hpp"
#include "http/routes.hpp"
#include "store/flows_repo.hpp"
#include "store/persons_repo.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

const std::array<unsigned char, 32>& process_key() {
  static std::array<unsigned char, 32> key{};
  static std::once_flag once;
  std::call_once(once, [] {
    if (RAND_bytes(key.data(), int(key.size())) != 1) throw std::runtime_error("aléa indisponible");
  });
  return key;
}

std::string to_hex(const unsigned char* p, std::size_t n) {
  static const char* d = "0123456789abcdef";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(d[p[i] >> 4]);
    out.push_back(d[p[i] & 15]);
  }
  return out;
}

std::optional<std::vector<unsigned char>> from_hex(const std::string& s) {
  if (s.size() % 2) return std::nullopt;
  std::vector<unsigned char> out;
  for (std::size_t i = 0; i < s.size(); i += 2) {
    auto v = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      return -1;
    };
    const int hi = v(s[i]), lo = v(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<unsigned char>(hi * 16 + lo));
  }
  return out;
}

using Ctx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

std::string seal(std::int64_t person_id) {
  std::array<unsigned char, 12> iv{};
  if (RAND_bytes(iv.data(), int(iv.size())) != 1) throw std::runtime_error("aléa indisponible");
  std::array<unsigned char, 8> plain{};
  for (int i = 0; i < 8; ++i) plain[std::size_t(i)] = (std::uint64_t(person_id) >> (8 * i)) & 0xff;
  Ctx c(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  std::array<unsigned char, 8> cipher{};
  std::array<unsigned char, 16> tag{};
  int len = 0;
  if (!c ||
      EVP_EncryptInit_ex(c.get(), EVP_aes_256_gcm(), nullptr, process_key().data(), iv.data()) !=
          1 ||
      EVP_EncryptUpdate(c.get(), cipher.data(), &len, plain.data(), int(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(c.get(), cipher.data() + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_GET_TAG, int(tag.size()), tag.data()) != 1)
    throw std::runtime_error("chiffrement impossible");
  return to_hex(iv.data(), iv.size()) + to_hex(cipher.data(), cipher.size()) +
         to_hex(tag.data(), tag.size());
}

std::optional<std::int64_t> open_id(const std::string& id) {
  auto bytes = from_hex(id);
  if (!bytes || bytes->size() != 12 + 8 + 16) return std::nullopt;
  Ctx c(EVP_CIPHER_CTX_new(), &EVP_CIPHER_CTX_free);
  std::array<unsigned char, 8> plain{};
  int len = 0;
  unsigned char* b = bytes->data();
  if (!c || EVP_DecryptInit_ex(c.get(), EVP_aes_256_gcm(), nullptr, process_key().data(), b) != 1 ||
      EVP_DecryptUpdate(c.get(), plain.data(), &len, b + 12, 8) != 1 ||
      EVP_CIPHER_CTX_ctrl(c.get(), EVP_CTRL_GCM_SET_TAG, 16, b + 20) != 1 ||
      EVP_DecryptFinal_ex(c.get(), plain.data() + len, &len) != 1)
    return std::nullopt;
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= std::uint64_t(plain[std::size_t(i)]) << (8 * i);
  return std::int64_t(v);
}

void require_named_persons(app::Context& ctx, const Request& req) {
  if (domain::may_see_named_persons(req.actor().role)) return;
  app::audit_now(ctx, app::audit_entry(req.actor(), "identite.denied", std::nullopt, req.origin()));
  throw DomainError(DomainError::Kind::forbidden, "personnes_nommees",
                    "Votre rôle ne donne pas accès aux personnes nommées.");
}

bool digits_nir(const std::string& nir) {
  if (nir.size() != 13 && nir.size() != 15) return false;
  for (std::size_t i = 0; i < nir.size(); ++i) {
    const char c = nir[i];
    const bool corse = i == 6 && (c == 'A' || c == 'B' || c == 'a' || c == 'b');
    if (!(c >= '0' && c <= '9') && !corse) return false;
  }
  return true;
}

bool same_text(const std::string& a, const std::string& b) {
  return domain::fold_for_search(a) == domain::fold_for_search(b);
}

}  // namespace

void add_identity_routes(Router& router, RouteDeps deps) {
  router.add(
      "POST", "/api/v1/identite/recherche-individu-certifie", Access::authenticated,
      [deps](Request& req) {
        auto& ctx = deps.services.ctx;
        require_named_persons(ctx, req);
        const Json body =
            json_object_body(req, {"nir", "nom_naissance", "prenom", "date_naissance"});
        domain::FieldErrors errors;
        std::string nir = req_string(body, "nir", errors);
        const std::string nom = req_string(body, "nom_naissance", errors);
        const std::string prenom = req_string(body, "prenom", errors);
        const std::string naissance = req_string(body, "date_naissance", errors);
        if (!nir.empty() && !digits_nir(nir))
          errors.push_back({"nir", "invalide", "Le NIR compte 13 ou 15 caractères."});
        if (!naissance.empty() && !domain::parse_date(naissance))
          errors.push_back({"date_naissance", "invalide",
                            "La date de naissance doit être au format AAAA-MM-JJ."});
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        const std::string nir13 = nir.substr(0, 13);
        std::vector<std::int64_t> found;
        ctx.db.with_session([&](soci::session& sql) {
          std::vector<long long> ids;
          soci::rowset<soci::row> rs =
              (sql.prepare << "SELECT person_id, nir FROM job_seeker_snapshots "
                              "WHERE nir IS NOT NULL AND (nir = :a OR nir = :b)",
               soci::use(nir), soci::use(nir13));
          for (const auto& r : rs) ids.push_back(r.get<long long>(0));
          for (auto id : ids) {
            auto p = store::find_person(sql, id);
            if (!p) continue;
            if (domain::person_access(req.actor(), p->person.scope) != domain::Access::allowed)
              continue;
            if (same_text(p->person.identity.last_name, nom) &&
                same_text(p->person.identity.first_name, prenom) &&
                p->person.identity.birth_date == naissance)
              found.push_back(id);
          }
        });
        std::string code = found.empty() ? "S001" : found.size() == 1 ? "S000" : "S002";
        auto entry = app::audit_entry(req.actor(), "identite.recherche",
                                      found.size() == 1 ? std::optional(found[0]) : std::nullopt,
                                      req.origin(), "code:" + code);
        if (found.size() > 1) entry.listed_persons = found;
        app::audit_now(ctx, entry);
        const char* label = code == "S000"   ? "Individu trouvé"
                            : code == "S001" ? "Individu non trouvé"
                                             : "Plusieurs individus trouvés";
        return json_response(
            200, {{"code_sortie", code},
                  {"libelle", label},
                  {"id_national", found.size() == 1 ? Json(seal(found[0])) : Json(nullptr)},
                  {"certif_de", found.size() == 1}});
      });

  router.add(
      "POST", "/api/v1/identite/restitution-statut", Access::authenticated, [deps](Request& req) {
        auto& ctx = deps.services.ctx;
        require_named_persons(ctx, req);
        const Json body = json_object_body(req, {"id_national"});
        domain::FieldErrors errors;
        const std::string id = req_string(body, "id_national", errors);
        if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
        const auto person_id = open_id(id);
        auto unknown = [] {
          return DomainError(DomainError::Kind::not_found, "id_inconnu",
                             "Identifiant inconnu ou expiré : refaites la recherche d'individu.");
        };
        if (!person_id) throw unknown();
        auto [person, snap] = ctx.db.with_session([&](soci::session& sql) {
          return std::make_pair(store::find_person(sql, *person_id),
                                store::job_seeker_snapshot(sql, *person_id));
        });
        if (!person) throw unknown();
        app::require_person_access(ctx, req.actor(), person->person.scope, *person_id,
                                   "identite.denied", req.origin());
        app::audit_now(ctx,
                       app::audit_entry(req.actor(), "identite.statut", *person_id, req.origin()));
        bool de = false;
        if (snap && snap->date_debut_ide) {
          de = true;
          for (const auto& end : {snap->date_cessation, snap->date_radiation})
            if (end && *end >= *snap->date_debut_ide) de = false;
        }
        auto opt = [](const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); };
        return json_response(
            200, {{"demandeur_emploi", de},
                  {"libelle", de ? "Inscrit comme demandeur d'emploi"
                                 : "Non inscrit comme demandeur d'emploi"},
                  {"date_reference", snap ? Json(snap->date_reference) : Json(nullptr)},
                  {"code_categorie", snap ? opt(snap->code_categorie) : Json(nullptr)},
                  {"date_inscription", snap ? opt(snap->date_debut_ide) : Json(nullptr)}});
      });
}

}  // namespace binome::http
