// The identity API of the 2024 amendment (issue 5, item 7), answered from the imported flows.
//
// recherche-individu-certifie: NIR + nom de naissance + prénom + date de naissance →
//   code_sortie S000 (one person), S001 (none), S002 (several); id_national, an opaque id
//   (security::NirKeys::person_token: the person's id sealed under a subkey of the NIR key
//   file, the same for a person on every instance sharing that key, and across restarts);
//   certif_de: true when the NIR was carried by a France Travail flow and the identity given
//   matches the person it was reconciled with. The NIR is looked up by its keyed hash.
// restitution-statut: id_national → demandeur d'emploi or not, from the latest snapshot.
//
// Callers: roles that may see named persons; a person outside the caller's reach is not found
// (S001), so the API tells nothing of persons out of reach. Every call is audited
// (« identite.recherche », « identite.statut »), with the person when one is found.
#include <cctype>

#include "app/guards.hpp"
#include "domain/text.hpp"
#include "domain/time.hpp"
#include "http/routes.hpp"
#include "security/nir_keys.hpp"
#include "store/flows_repo.hpp"
#include "store/persons_repo.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

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

// Without the NIR key the API cannot look a NIR up: a clear refusal, not an empty answer.
const security::NirKeys& identity_keys(app::Context& ctx) {
  if (!ctx.settings.nir_keys)
    throw DomainError(DomainError::Kind::conflict, "cle_nir_absente",
                      "Le service d'identité n'est pas configuré : le serveur a été démarré "
                      "sans clé de chiffrement du NIR (--nir-key-file).");
  return *ctx.settings.nir_keys;
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
        // The flows carry the 13-character NIR: a 15-character one loses its key.
        std::string nir13 = nir.substr(0, 13);
        for (auto& c : nir13) c = char(std::toupper(static_cast<unsigned char>(c)));
        const auto& keys = identity_keys(ctx);
        std::vector<std::int64_t> found;
        ctx.db.with_session([&](soci::session& sql) {
          for (auto id : store::persons_with_nir(sql, keys, nir13)) {
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
            200,
            {{"code_sortie", code},
             {"libelle", label},
             {"id_national", found.size() == 1 ? Json(keys.person_token(found[0])) : Json(nullptr)},
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
        const auto person_id = identity_keys(ctx).open_person_token(id);
        auto unknown = [] {
          return DomainError(DomainError::Kind::not_found, "id_inconnu",
                             "Identifiant inconnu ou expiré : refaites la recherche d'individu.");
        };
        if (!person_id) throw unknown();
        auto [person, snap] = ctx.db.with_session([&](soci::session& sql) {
          return std::make_pair(store::find_person(sql, *person_id),
                                store::job_seeker_snapshot(sql, *person_id, nullptr));
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
