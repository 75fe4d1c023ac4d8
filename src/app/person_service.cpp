#include "app/person_service.hpp"

#include "domain/errors.hpp"
#include "domain/text.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

DomainError role_refusal() {
  return DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                     "Votre rôle ne donne accès à aucune personne nommée : seuls les référents "
                     "d'une personne et leurs coordinateurs peuvent la consulter.");
}

}  // namespace

store::PersonListPage PersonService::list(const domain::Actor& actor, const PersonQuery& query,
                                          const Origin& origin) {
  const auto reach = domain::reach_of(actor);
  if (reach.kind == domain::Reach::Kind::none) {
    ctx_.db.transaction([&](soci::session& sql) {
      store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                          {audit_entry(actor, "person.list.denied", std::nullopt, origin)});
    });
    throw role_refusal();
  }
  const std::string folded = domain::fold_for_search(query.search);
  // A read is recorded before anything is returned: the page is read first (readers run side
  // by side), then its audit record is committed; if that fails, nothing leaves.
  auto page = ctx_.db.with_session([&](soci::session& sql) {
    return store::list_persons(sql, reach, folded, query.per_page,
                               (query.page - 1) * query.per_page);
  });
  // Each person shown is a read of that person's data: the record names every one of them,
  // so the trail can tell a person everyone who saw their name.
  if (!page.items.empty()) {
    auto entry = audit_entry(actor, "person.list", std::nullopt, origin);
    for (const auto& p : page.items) entry.listed_persons.push_back(p.id);
    ctx_.db.transaction([&](soci::session& sql) {
      store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(), {entry});
    });
  }
  return page;
}

store::PersonRecord PersonService::get(const domain::Actor& actor, std::int64_t id,
                                       const Origin& origin) {
  enum class Outcome { ok, missing, denied_role, denied_scope };
  const auto found =
      ctx_.db.with_session([&](soci::session& sql) { return store::find_person(sql, id); });
  const Outcome outcome = [&] {
    if (!found) return Outcome::missing;
    const auto access = domain::person_access(actor, found->person.scope);
    const bool ok = access == domain::Access::allowed;
    // Granted or refused, the attempt is on the trail before the answer leaves.
    ctx_.db.transaction([&](soci::session& sql) {
      store::append_audit(
          sql, ctx_.db.dialect(), ctx_.now_iso(),
          {audit_entry(actor, ok ? "person.read" : "person.read.denied", id, origin)});
    });
    if (ok) return Outcome::ok;
    return access == domain::Access::role_forbidden ? Outcome::denied_role : Outcome::denied_scope;
  }();
  switch (outcome) {
    case Outcome::ok:
      return *found;
    case Outcome::missing:
      throw DomainError(DomainError::Kind::not_found, "personne_introuvable",
                        "Personne introuvable.");
    case Outcome::denied_role:
      throw role_refusal();
    case Outcome::denied_scope:
      throw DomainError(DomainError::Kind::forbidden, "hors_perimetre",
                        "Vous n'êtes ni référent de cette personne ni coordinateur de son "
                        "territoire ou de son agence : l'accès est refusé et tracé.");
  }
  throw DomainError(DomainError::Kind::not_found, "personne_introuvable", "Personne introuvable.");
}

}  // namespace binome::app
