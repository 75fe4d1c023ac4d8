#include "app/audit_service.hpp"

#include "app/guards.hpp"
#include "domain/errors.hpp"
#include "exports/csv.hpp"

namespace binome::app {

void AuditService::require_dpo(const domain::Actor& actor, const Origin& origin) {
  if (actor.role == domain::Role::dpo) return;
  audit_now(ctx_, audit_entry(actor, "audit.denied", std::nullopt, origin));
  throw domain::DomainError(
      domain::DomainError::Kind::forbidden, "reserve_dpo",
      "Le journal d'audit est réservé au délégué à la protection des données.");
}

store::AuditPage AuditService::search(const domain::Actor& actor, const store::AuditFilter& filter,
                                      int page, int per_page, const Origin& origin) {
  require_dpo(actor, origin);
  return ctx_.db.transaction([&](soci::session& sql) {
    auto result = store::query_audit(sql, filter, per_page, (page - 1) * per_page);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "audit.search", filter.person_id, origin)});
    return result;
  });
}

void AuditService::export_csv(const domain::Actor& actor, const store::AuditFilter& filter,
                              const std::function<void(const std::string&)>& write,
                              const Origin& origin) {
  require_dpo(actor, origin);
  // The export is recorded before any line leaves; the lines are then read outside the write
  // transaction, so a slow download never holds the database's write lock.
  audit_now(ctx_, audit_entry(actor, "audit.export", filter.person_id, origin));
  ctx_.db.with_session([&](soci::session& sql) {
    write(exports::csv_bom());
    write(exports::csv_line({"N°", "Date (UTC)", "Utilisateur (id)", "Identifiant",
                             "Organisation (id)", "Action", "Personne (id)", "Objet",
                             "Route ou commande", "Adresse IP", "Empreinte"}));
    auto opt = [](const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : ""; };
    store::for_each_audit(sql, filter, [&](const security::AuditRecord& r) {
      write(exports::csv_line({std::to_string(r.seq), r.at, opt(r.user_id), r.user_login,
                               opt(r.org_id), r.action, opt(r.person_id), r.target, r.route,
                               r.client_ip, r.hash}));
      return true;
    });
  });
}

ChainReport AuditService::verify() {
  return ctx_.db.with_session([&](soci::session& sql) {
    // Read the head first: records appended meanwhile lie beyond it and are not judged.
    const auto head = store::read_audit_head(sql);
    security::AuditChainVerifier verifier;
    security::ListedPersonsDigest expected;
    store::AuditFilter all;
    store::for_each_audit(sql, all, [&](const security::AuditRecord& r) {
      if (r.seq > head.last_seq) return false;
      security::add_listed_persons(expected, r);
      return verifier.feed(r);
    });
    ChainReport report;
    report.ok = verifier.finish(head.last_seq, head.last_hash);
    report.records = verifier.records();
    report.first_bad_seq = verifier.failed_seq();
    if (!report.ok) {
      report.message = "Chaîne d'audit rompue à l'enregistrement n° " +
                       std::to_string(*report.first_bad_seq) + " : " + verifier.failure() + ".";
      return report;
    }
    // The chain holds: the per-person index of list reads must match the lists it hashes.
    const auto found = store::audit_person_digest(sql, head.last_seq);
    if (!(found == expected)) {
      report.ok = false;
      report.message =
          "Index des personnes consultées altéré : les enregistrements de la chaîne "
          "(intègre) nomment " +
          std::to_string(expected.rows) + " consultation(s) de personnes listées, " +
          "la table audit_person en contient " + std::to_string(found.rows) +
          (found.rows == expected.rows ? " mais pas les mêmes" : "") + ".";
      return report;
    }
    report.message = "Chaîne d'audit intègre : " + std::to_string(report.records) +
                     " enregistrement(s) vérifié(s), dont " + std::to_string(expected.rows) +
                     " consultation(s) de personnes listées.";
    return report;
  });
}

ChainReport AuditService::verify(const domain::Actor& actor, const Origin& origin) {
  require_dpo(actor, origin);
  auto report = verify();
  audit_now(ctx_, audit_entry(actor, "audit.verify", std::nullopt, origin));
  return report;
}

}  // namespace binome::app
