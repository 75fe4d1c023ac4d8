#include "app/guards.hpp"

namespace binome::app {

std::string french_date(const std::string& iso) {
  if (iso.size() != 10) return iso;
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

domain::DomainError out_of_scope() {
  return domain::DomainError(
      domain::DomainError::Kind::forbidden, "hors_perimetre",
      "Vous n'êtes ni référent de cette personne ni coordinateur de son territoire ou de son "
      "agence : l'accès est refusé et tracé.");
}

void require_person_access(Context& ctx, const domain::Actor& actor,
                           const domain::PersonScope& scope, std::int64_t person_id,
                           const std::string& denied_action, const Origin& origin) {
  if (domain::person_access(actor, scope) == domain::Access::allowed) return;
  audit_now(ctx, audit_entry(actor, denied_action, person_id, origin));
  throw out_of_scope();
}

store::PersonRecord person_in_reach(Context& ctx, const domain::Actor& actor,
                                    std::int64_t person_id, const std::string& denied_action,
                                    const Origin& origin) {
  auto person =
      ctx.db.with_session([&](soci::session& sql) { return store::find_person(sql, person_id); });
  if (!person)
    throw domain::DomainError(domain::DomainError::Kind::not_found, "personne_introuvable",
                              "Personne introuvable.");
  require_person_access(ctx, actor, person->person.scope, person_id, denied_action, origin);
  return *person;
}

domain::Date today(const Context& ctx) {
  return domain::france_today(ctx.clock.now());
}

void audit_now(Context& ctx, const store::AuditEntry& entry) {
  // Reads are audited by the hundred per second: their records share commits.
  const auto now = ctx.now_iso();
  ctx.db.grouped_transaction(
      [&](soci::session& sql) { store::append_audit(sql, ctx.db.dialect(), now, {entry}); });
}

}  // namespace binome::app
