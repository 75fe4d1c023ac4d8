#include "app/profile_service.hpp"

#include <algorithm>
#include <cctype>

#include "app/guards.hpp"
#include "domain/text.hpp"
#include "store/orgs_repo.hpp"
#include "store/profiles_repo.hpp"

namespace binome::app {

using domain::DomainError;
using domain::FieldErrors;

void ProfileService::require_admin(const domain::Actor& actor, const Origin& origin) {
  if (actor.role == domain::Role::admin) return;
  audit_now(ctx_, audit_entry(actor, "admin.denied", std::nullopt, origin));
  throw DomainError(DomainError::Kind::forbidden, "reserve_admin",
                    "Seuls les administrateurs modifient les profils de convention.");
}

std::vector<domain::ConventionProfile> ProfileService::list() {
  return ctx_.db.with_session([](soci::session& sql) { return store::list_profiles(sql); });
}

domain::ConventionProfile ProfileService::get(std::int64_t id) {
  auto p = ctx_.db.with_session([&](soci::session& sql) { return store::find_profile(sql, id); });
  if (!p)
    throw DomainError(DomainError::Kind::not_found, "profil_introuvable",
                      "Profil de convention introuvable.");
  return *p;
}

domain::ConventionProfile ProfileService::create(const domain::Actor& actor, const NewProfile& in,
                                                 const Origin& origin) {
  require_admin(actor, origin);
  FieldErrors errors;
  const bool code_ok = !in.code.empty() && in.code.size() <= 30 &&
                       std::all_of(in.code.begin(), in.code.end(), [](unsigned char c) {
                         return std::isalnum(c) || c == '-' || c == '_';
                       });
  if (!code_ok)
    errors.push_back({"code", "invalide",
                      "Le code (ex. 62-2026) comporte au plus 30 lettres, chiffres ou tirets."});
  if (in.label.empty() || in.label.size() > 200 || !domain::is_clean_utf8(in.label))
    errors.push_back({"label", "invalide",
                      "L'intitulé de la convention est obligatoire (200 caractères au plus)."});
  if (in.party.empty() || in.party.size() > 150 || !domain::is_clean_utf8(in.party))
    errors.push_back(
        {"party", "invalide", "La partie signataire est obligatoire (150 caractères au plus)."});
  if (!domain::parse_date(in.valid_from))
    errors.push_back(
        {"valid_from", "invalide", "La date de début doit être une date valide (AAAA-MM-JJ)."});
  if (in.valid_to && (!domain::parse_date(*in.valid_to) || *in.valid_to < in.valid_from))
    errors.push_back(
        {"valid_to", "invalide", "La date de fin doit être une date valide, après le début."});
  for (auto& e : domain::validate(in.rules)) {
    if (e.field) e.field = "rules." + *e.field;
    errors.push_back(e);
  }
  ctx_.db.with_session([&](soci::session& sql) {
    if (!store::departement_exists(sql, in.departement))
      errors.push_back({"departement", "inconnu", "Département inconnu."});
    for (const auto& p : store::list_profiles(sql)) {
      if (p.code == in.code)
        errors.push_back({"code", "deja_pris", "Ce code de convention existe déjà."});
      // Two conventions of one département may not overlap: the rules of a day must be one.
      const std::string their_end = p.valid_to.value_or("9999-12-31");
      const std::string our_end = in.valid_to.value_or("9999-12-31");
      if (p.departement == in.departement && p.valid_from <= our_end && in.valid_from <= their_end)
        errors.push_back({"valid_from", "chevauchement",
                          "La période chevauche la convention " + p.code + " (" + p.valid_from +
                              " – " + p.valid_to.value_or("sans fin") + ")."});
    }
  });
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  domain::ConventionProfile profile;
  profile.code = in.code;
  profile.departement = in.departement;
  profile.label = in.label;
  profile.valid_from = in.valid_from;
  profile.valid_to = in.valid_to;
  const auto id = ctx_.db.transaction([&](soci::session& sql) {
    const auto new_id = store::insert_profile(sql, profile);
    store::insert_party(sql, new_id, in.party, in.valid_from);
    store::insert_profile_version(sql, new_id, in.valid_from, in.rules, actor.login,
                                  ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.profile.create", std::nullopt, origin,
                                     "profil:" + std::to_string(new_id))});
    return new_id;
  });
  return get(id);
}

domain::ConventionProfile ProfileService::add_version(const domain::Actor& actor, std::int64_t id,
                                                      const std::string& effective_from,
                                                      const domain::ConventionRules& rules,
                                                      const Origin& origin) {
  require_admin(actor, origin);
  const auto profile = get(id);
  FieldErrors errors = domain::validate(rules);
  const auto today = domain::france_today(ctx_.clock.now());
  const auto from = domain::parse_date(effective_from);
  if (!from) {
    errors.insert(errors.begin(), {"effective_from", "invalide",
                                   "La date d'effet doit être une date valide (AAAA-MM-JJ)."});
  } else {
    // Rules in force on a past day judged what happened that day: they are never rewritten.
    if (std::chrono::sys_days{*from} < std::chrono::sys_days{today})
      errors.insert(errors.begin(), {"effective_from", "passee",
                                     "Une modification ne peut prendre effet qu'à partir "
                                     "d'aujourd'hui : les règles passées restent celles qui ont "
                                     "été appliquées."});
    if (effective_from < profile.valid_from ||
        (profile.valid_to && effective_from > *profile.valid_to))
      errors.insert(errors.begin(), {"effective_from", "hors_convention",
                                     "La date d'effet doit être comprise dans la période de la "
                                     "convention (" +
                                         profile.valid_from + " – " +
                                         profile.valid_to.value_or("sans fin") + ")."});
  }
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto version_id =
        store::insert_profile_version(sql, id, effective_from, rules, actor.login, ctx_.now_iso());
    store::append_audit(
        sql, ctx_.db.dialect(), ctx_.now_iso(),
        {audit_entry(actor, "admin.profile.version", std::nullopt, origin,
                     "profil:" + std::to_string(id) + ":version:" + std::to_string(version_id))});
  });
  return get(id);
}

domain::ConventionProfile ProfileService::add_party(const domain::Actor& actor, std::int64_t id,
                                                    const std::string& name,
                                                    const std::string& from, const Origin& origin) {
  require_admin(actor, origin);
  const auto profile = get(id);
  FieldErrors errors;
  if (name.empty() || name.size() > 150 || !domain::is_clean_utf8(name))
    errors.push_back(
        {"name", "invalide", "Le nom de la partie est obligatoire (150 caractères au plus)."});
  if (!domain::parse_date(from))
    errors.push_back(
        {"from", "invalide", "La date de succession doit être une date valide (AAAA-MM-JJ)."});
  for (const auto& p : profile.parties)
    if (p.from == from)
      errors.push_back({"from", "deja_pris", "Une partie est déjà enregistrée à cette date."});
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  ctx_.db.transaction([&](soci::session& sql) {
    store::insert_party(sql, id, name, from);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "admin.profile.party", std::nullopt, origin,
                                     "profil:" + std::to_string(id))});
  });
  return get(id);
}

std::optional<ProfileService::InForce> ProfileService::in_force(const std::string& departement,
                                                                const domain::Date& on) {
  auto profile = ctx_.db.with_session(
      [&](soci::session& sql) { return store::profile_for(sql, departement, domain::to_iso(on)); });
  if (!profile) return std::nullopt;
  const auto* version = domain::version_in_force(*profile, on);
  if (!version) return std::nullopt;
  return InForce{*profile, *version};
}

}  // namespace binome::app
