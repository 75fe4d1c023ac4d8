// The tableau de suivi's recipients per agence and its sending by e-mail (seed 002 art. 5.2 a:
// « transmis mensuellement »). The tableau names persons: it leaves only inside an AES-256
// ZIP whose password the sender gives by another channel (docs/SECURITY.md).
#include "app/guards.hpp"
#include "app/review_service.hpp"
#include "exports/fiche_document.hpp"
#include "store/orgs_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

std::string month_label(const std::string& month) {  // 2026-10 -> 10/2026
  return month.size() == 7 ? month.substr(5, 2) + "/" + month.substr(0, 4) : month;
}

std::string mail_body(const store::ReviewRow& r, const std::string& function_label,
                      const std::string& sender) {
  return "Bonjour,\r\n\r\nVous trouverez ci-joint le tableau de suivi de la revue de "
         "portefeuille de l'agence " +
         r.agence_name + " (mois " + month_label(r.month) + ", revue tenue le " +
         french_date(r.held_on) + "), qui vous est transmis en tant que : " + function_label +
         ".\r\n\r\nLe tableau est dans une archive ZIP chiffrée (AES-256, elle s'ouvre avec "
         "7-Zip). Son mot de passe vous est communiqué séparément par " +
         sender +
         ", par téléphone ou de vive voix, jamais par courriel.\r\n\r\nCe tableau nomme des "
         "personnes accompagnées : ne le transférez pas et supprimez-le lorsqu'il ne vous est "
         "plus utile.\r\nMessage automatique, merci de ne pas y répondre.\r\n";
}

}  // namespace

void ReviewService::require_recipients_rights(const domain::Actor& actor, std::int64_t agence_id,
                                              const Origin& origin) {
  const auto org = ctx_.db.with_session(
      [&](soci::session& sql) { return store::find_organisation(sql, agence_id); });
  if (!org || org->org.kind != domain::OrgKind::agence)
    throw DomainError(DomainError::Kind::not_found, "introuvable", "Agence introuvable.");
  domain::PersonScope agence;
  agence.agence_id = agence_id;
  agence.territory_id = org->org.territory_id;
  agence.departement = org->org.departement;
  const bool coordinateur = actor.role == domain::Role::coordinateur &&
                            domain::person_access(actor, agence) == domain::Access::allowed;
  const bool admin = actor.role == domain::Role::admin && actor.departement == org->org.departement;
  if (coordinateur || admin) return;
  audit_now(ctx_, audit_entry(actor, "review_recipients.denied", std::nullopt, origin,
                              "organisation:" + std::to_string(agence_id)));
  throw DomainError(DomainError::Kind::forbidden, "hors_perimetre",
                    "Les destinataires du tableau de suivi d'une agence sont tenus par ses "
                    "coordinateurs ou l'administration du département : l'accès est refusé et "
                    "tracé.");
}

store::RecipientsRow ReviewService::recipients(const domain::Actor& actor, std::int64_t agence_id,
                                               const Origin& origin) {
  require_recipients_rights(actor, agence_id, origin);
  return ctx_.db.with_session(
      [&](soci::session& sql) { return store::recipients_of_agence(sql, agence_id); });
}

store::RecipientsRow ReviewService::set_recipients(const domain::Actor& actor,
                                                   std::int64_t agence_id,
                                                   const std::vector<domain::Recipient>& list,
                                                   const Origin& origin) {
  require_recipients_rights(actor, agence_id, origin);
  const auto errors = domain::check_recipients(list);
  if (!errors.empty()) throw DomainError(DomainError::Kind::invalid, errors);
  return ctx_.db.transaction([&](soci::session& sql) {
    store::replace_recipients(sql, agence_id, list, actor.user_id, ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(actor, "review_recipients.update", std::nullopt, origin,
                                     "organisation:" + std::to_string(agence_id) + "," +
                                         std::to_string(list.size()) + " destinataire(s)")});
    return store::recipients_of_agence(sql, agence_id);
  });
}

TableauSending ReviewService::send_tableau(const domain::Actor& actor, std::int64_t id,
                                           const Origin& origin) {
  const auto r = load(actor, id, origin);
  if (r.status != "close")
    throw DomainError(DomainError::Kind::conflict, "revue_ouverte",
                      "Clore la revue avant d'envoyer son tableau de suivi.");
  if (!ctx_.settings.mailer)
    throw DomainError(DomainError::Kind::conflict, "sans_relais",
                      "Aucun relais de courriel n'est configuré sur ce serveur (--smtp-host) : "
                      "téléchargez le tableau de suivi et transmettez-le par un canal sécurisé.");
  const auto list = ctx_.db.with_session(
      [&](soci::session& sql) { return store::recipients_of_agence(sql, r.agence_id); });
  if (list.recipients.empty())
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{"recipients", "aucun_destinataire",
                                           "Aucun destinataire n'est enregistré pour cette "
                                           "agence : complétez la liste avant l'envoi."}});
  const auto v = view(actor, r);
  const auto zip =
      exports::encrypt_in_zip("tableau-de-suivi-" + r.month + ".xlsx", tableau_bytes(v));
  std::string sender = actor.login;
  ctx_.db.with_session([&](soci::session& sql) {
    if (const auto u = store::find_user_by_id(sql, actor.user_id)) sender = u->display_name;
  });

  // The read is traced before anything leaves, with the persons the tableau names.
  auto entry = audit_entry(actor, "review.send", std::nullopt, origin,
                           "revue:" + std::to_string(id) + "," +
                               std::to_string(list.recipients.size()) + " destinataire(s)");
  entry.listed_persons = persons_listed(v);
  audit_now(ctx_, entry);

  TableauSending out;
  out.password = zip.password;
  for (const auto& rec : list.recipients) {
    MailMessage m;
    m.to = rec.email;
    m.subject = "binome : tableau de suivi de la revue de portefeuille — " + r.agence_name + " — " +
                month_label(r.month);
    m.body = mail_body(r,
                       std::string(domain::label_of(domain::kRecipientFunctions, rec.function_code)
                                       .value_or(rec.function_code)),
                       sender);
    m.attachments.push_back({"tableau-de-suivi-" + r.month + ".zip", "application/zip", zip.bytes});
    try {
      ctx_.settings.mailer(m);
      ++out.sent;
    } catch (const std::exception& e) {
      out.failures.push_back("Échec de l'envoi à " + rec.email + " : " + e.what());
    }
  }
  ctx_.db.transaction([&](soci::session& sql) {
    store::insert_sending(sql, id, actor.user_id, ctx_.now_iso(),
                          static_cast<int>(list.recipients.size()),
                          static_cast<int>(out.failures.size()));
  });
  return out;
}

}  // namespace binome::app
