#include "app/admin_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/guards.hpp"
#include "domain/errors.hpp"
#include "domain/text.hpp"
#include "security/password.hpp"
#include "store/login_throttle_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using domain::FieldErrors;

bool valid_login(const std::string& login) {
  if (login.size() < 3 || login.size() > 50) return false;
  for (unsigned char c : login)
    if (!(std::islower(c) || std::isdigit(c) || c == '.' || c == '-' || c == '_')) return false;
  return true;
}

void check_text(FieldErrors& errors, const char* field, const std::string& value, const char* label,
                std::size_t max) {
  if (value.empty())
    errors.push_back(
        {field, "obligatoire", std::string("Le champ « ") + label + " » est obligatoire."});
  else if (value.size() > max || !domain::is_clean_utf8(value))
    errors.push_back({field, "invalide",
                      std::string("Le champ « ") + label +
                          " » est trop long ou contient des caractères interdits."});
}

}  // namespace

FieldErrors check_password_strength(const std::string& password) {
  int lower = 0, upper = 0, digit = 0, other = 0;
  for (unsigned char c : password) {
    if (std::islower(c))
      lower = 1;
    else if (std::isupper(c))
      upper = 1;
    else if (std::isdigit(c))
      digit = 1;
    else
      other = 1;
  }
  if (password.size() < 12 || lower + upper + digit + other < 3 || password.size() > 256)
    return {{"password", "mot_de_passe_faible",
             "Le mot de passe doit comporter au moins 12 caractères et mêler au moins trois types "
             "parmi : minuscules, majuscules, chiffres, caractères spéciaux."}};
  return {};
}

domain::Actor operator_actor() {
  domain::Actor a;
  a.user_id = 0;
  a.login = "operateur (ligne de commande)";
  a.role = domain::Role::admin;
  return a;
}

void AdminService::require_admin(const domain::Actor& actor, const Origin& origin) {
  if (actor.role == domain::Role::admin) return;
  audit_now(ctx_, audit_entry(actor, "admin.denied", std::nullopt, origin));
  throw DomainError(DomainError::Kind::forbidden, "reserve_admin",
                    "Cette action est réservée aux administrateurs.");
}

std::vector<UserStatus> AdminService::users(const domain::Actor& actor, const Origin& origin) {
  require_admin(actor, origin);
  return ctx_.db.with_session([&](soci::session& sql) {
    const auto locked = store::locked_keys(sql, ctx_.now_iso());
    std::vector<UserStatus> out;
    for (auto& u : store::list_users(sql)) {
      const auto key = store::login_key(u.login);
      const bool is_locked = std::find(locked.begin(), locked.end(), key) != locked.end();
      out.push_back({std::move(u), is_locked});
    }
    return out;
  });
}

store::UserRow AdminService::create_user(const domain::Actor& actor, const NewUserInput& in,
                                         const Origin& origin) {
  require_admin(actor, origin);
  FieldErrors errors;
  if (!valid_login(in.login))
    errors.push_back(
        {"login", "invalide",
         "L'identifiant doit comporter de 3 à 50 caractères parmi : lettres minuscules "
         "sans accent, chiffres, point, tiret, tiret bas."});
  check_text(errors, "display_name", in.display_name, "Nom affiché", 100);
  if (!domain::parse_role(in.role))
    errors.push_back({"role", "invalide",
                      "Rôle inconnu : choisissez conseiller, referent_social, "
                      "coordinateur, pilotage, admin ou dpo."});
  for (auto& e : check_password_strength(in.password)) errors.push_back(e);
  if (in.function_title) check_text(errors, "function_title", *in.function_title, "Fonction", 100);
  if (in.phone) check_text(errors, "phone", *in.phone, "Téléphone", 20);
  if (in.email && (in.email->find('@') == std::string::npos || in.email->size() > 200))
    errors.push_back({"email", "invalide", "L'adresse de courriel est invalide."});
  const auto org = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_organisation(sql, in.organisation_id); });
  if (!org) errors.push_back({"organisation_id", "inconnue", "Organisation inconnue."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);

  store::NewUser u{
      in.login,          in.display_name, in.role,  in.organisation_id,
      in.function_title, in.phone,        in.email, security::hash_password(in.password)};
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    if (store::find_user_by_login(sql, in.login))
      throw DomainError(DomainError::Kind::conflict,
                        FieldErrors{{"login", "deja_pris", "Cet identifiant est déjà utilisé."}});
    const auto new_id = store::insert_user(sql, u, ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.user.create", std::nullopt, origin,
                                     "utilisateur:" + std::to_string(new_id))});
    return new_id;
  });
  return *ctx_.db.with_session([&](soci::session& sql) { return store::find_user_by_id(sql, id); });
}

void AdminService::unlock_user(const domain::Actor& actor, std::int64_t user_id,
                               const Origin& origin) {
  require_admin(actor, origin);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto user = store::find_user_by_id(sql, user_id);
    if (!user)
      throw DomainError(DomainError::Kind::not_found, "utilisateur_introuvable",
                        "Utilisateur introuvable.");
    store::clear_login_state(sql, store::login_key(user->login));
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.user.unlock", std::nullopt, origin,
                                     "utilisateur:" + std::to_string(user_id))});
  });
}

void AdminService::set_password(const domain::Actor& actor, std::int64_t user_id,
                                const std::string& password, const Origin& origin) {
  require_admin(actor, origin);
  auto errors = check_password_strength(password);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto hash = security::hash_password(password);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto user = store::find_user_by_id(sql, user_id);
    if (!user)
      throw DomainError(DomainError::Kind::not_found, "utilisateur_introuvable",
                        "Utilisateur introuvable.");
    store::set_password_hash(sql, user_id, hash);
    store::clear_login_state(sql, store::login_key(user->login));
    // A new password ends the sessions opened with the old one.
    long long id = user_id;
    sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(id);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.user.password", std::nullopt, origin,
                                     "utilisateur:" + std::to_string(user_id))});
  });
}

std::vector<store::OrganisationRow> AdminService::organisations(const domain::Actor&) {
  return ctx_.db.with_session([](soci::session& sql) { return store::list_organisations(sql); });
}

std::vector<store::TerritoryRow> AdminService::territories() {
  return ctx_.db.with_session([](soci::session& sql) { return store::list_territories(sql); });
}

std::vector<std::pair<std::string, std::string>> AdminService::departements() {
  return ctx_.db.with_session([](soci::session& sql) { return store::list_departements(sql); });
}

namespace {
// INSEE codes: two digits, 2A/2B for Corsica, three digits overseas (971…976).
bool valid_departement_code(const std::string& code) {
  if (code == "2A" || code == "2B") return true;
  if (code.size() < 2 || code.size() > 3) return false;
  for (unsigned char c : code)
    if (!std::isdigit(c)) return false;
  return true;
}
}  // namespace

void AdminService::create_departement(const domain::Actor& actor, const std::string& code,
                                      const std::string& name, const Origin& origin) {
  require_admin(actor, origin);
  FieldErrors errors;
  if (!valid_departement_code(code))
    errors.push_back({"code", "invalide",
                      "Le code du département est son code INSEE : deux chiffres (2A, 2B pour la "
                      "Corse) ou trois en outre-mer."});
  check_text(errors, "name", name, "Nom", 100);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  ctx_.db.transaction([&](soci::session& sql) {
    if (store::departement_exists(sql, code))
      throw DomainError(DomainError::Kind::conflict,
                        FieldErrors{{"code", "deja_pris", "Ce département existe déjà."}});
    store::upsert_departement(sql, code, name);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.departement.create", std::nullopt, origin,
                                     "departement:" + code)});
  });
}

store::TerritoryRow AdminService::create_territory(const domain::Actor& actor,
                                                   const std::string& departement,
                                                   const std::string& name, const Origin& origin) {
  require_admin(actor, origin);
  FieldErrors errors;
  check_text(errors, "name", name, "Nom", 100);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    if (!store::departement_exists(sql, departement))
      throw DomainError(DomainError::Kind::invalid,
                        FieldErrors{{"departement", "inconnu", "Département inconnu."}});
    if (store::territory_name_taken(sql, departement, name))
      throw DomainError(DomainError::Kind::conflict,
                        FieldErrors{{"name", "deja_pris",
                                     "Un territoire de ce nom existe déjà dans ce département."}});
    const auto new_id = store::insert_territory(sql, departement, name);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.territory.create", std::nullopt, origin,
                                     "territoire:" + std::to_string(new_id))});
    return new_id;
  });
  return store::TerritoryRow{id, departement, name};
}

store::OrganisationRow AdminService::create_organisation(const domain::Actor& actor,
                                                         const NewOrganisationInput& in,
                                                         const Origin& origin) {
  require_admin(actor, origin);
  FieldErrors errors;
  check_text(errors, "name", in.name, "Nom", 150);
  const auto kind = domain::parse_org_kind(in.kind);
  if (!kind) errors.push_back({"kind", "invalide", "Type d'organisation inconnu."});
  for (const auto* d : {&in.contract_start, &in.contract_end})
    if (*d && !domain::parse_date(**d))
      errors.push_back({d == &in.contract_start ? "contract_start" : "contract_end", "invalide",
                        "La date doit être au format AAAA-MM-JJ."});
  if (in.contract_start && in.contract_end && *in.contract_end < *in.contract_start)
    errors.push_back(
        {"contract_end", "incoherente", "La fin du contrat ne peut précéder son début."});
  if (kind == domain::OrgKind::partenaire && !in.contract_start)
    errors.push_back({"contract_start", "obligatoire",
                      "Un partenaire mandaté est un sous-traitant : la date de début de son "
                      "contrat est obligatoire."});
  ctx_.db.with_session([&](soci::session& sql) {
    if (!store::departement_exists(sql, in.departement))
      errors.push_back({"departement", "inconnu", "Département inconnu."});
    if (in.territory_id) {
      auto t = store::find_territory(sql, *in.territory_id);
      if (!t)
        errors.push_back({"territory_id", "inconnu", "Territoire inconnu."});
      else if (t->departement != in.departement)
        errors.push_back({"territory_id", "incoherent",
                          "Le territoire n'appartient pas au département choisi."});
    }
    if (in.parent_id && !store::find_organisation(sql, *in.parent_id))
      errors.push_back({"parent_id", "inconnu", "Organisation parente inconnue."});
  });
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);

  domain::Organisation org{0,
                           in.name,
                           *kind,
                           in.departement,
                           in.territory_id,
                           in.parent_id,
                           in.contract_start,
                           in.contract_end};
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    if (store::organisation_name_taken(sql, in.departement, in.name))
      throw DomainError(
          DomainError::Kind::conflict,
          FieldErrors{{"name", "deja_pris",
                       "Une organisation de ce nom existe déjà dans ce département."}});
    const auto new_id = store::insert_organisation(sql, org, ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.organisation.create", std::nullopt, origin,
                                     "organisation:" + std::to_string(new_id))});
    return new_id;
  });
  return *ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_organisation(sql, id); });
}

}  // namespace binome::app
