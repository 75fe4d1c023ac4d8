#include "app/digest_service.hpp"

#include "app/guards.hpp"
#include "app/worklist_service.hpp"
#include "store/users_repo.hpp"

namespace binome::app {

std::vector<MailMessage> DigestService::compose(const std::string& base_url) {
  std::vector<MailMessage> out;
  const auto users =
      ctx_.db.with_session([](soci::session& sql) { return store::list_users(sql); });
  for (const auto& u : users) {
    if (!u.active || !u.email || u.email->empty()) continue;
    const auto actor = store::to_actor(u);
    if (!domain::may_see_named_persons(actor.role)) continue;
    const auto n = worklist_.count(actor);
    if (n == 0) continue;
    const std::string count = std::to_string(n) + (n > 1 ? " éléments" : " élément");
    out.push_back(
        {*u.email,
         "binome : " + count + " dans votre liste « à faire »",
         "Bonjour,\r\n\r\n" + count + (n > 1 ? " vous attendent" : " vous attend") +
             " dans votre liste « à faire » de binome :\r\n" + base_url + "/a-faire\r\n\r\n" +
             "Ce message ne contient aucune donnée personnelle : connectez-vous pour voir le "
             "détail.\r\nMessage automatique, merci de ne pas y répondre.\r\n",
         {}});
  }
  return out;
}

DigestReport DigestService::run(const std::string& base_url, const Mailer& mailer,
                                const Origin& origin) {
  DigestReport report;
  const auto day = domain::to_iso(today(ctx_));
  // Claim the day first: another instance that claimed it already makes this one stop.
  const bool claimed = ctx_.db.transaction([&](soci::session& sql) {
    int existing = 0;
    sql << "SELECT COUNT(*) FROM digest_runs WHERE day = :d", soci::use(day), soci::into(existing);
    if (existing > 0) return false;
    const auto now = ctx_.now_iso();
    sql << "INSERT INTO digest_runs (day, started_at) VALUES (:d, :s)", soci::use(day),
        soci::use(now);
    return true;
  });
  if (!claimed) {
    report.already_sent_today = true;
    return report;
  }
  const auto messages = compose(base_url);
  report.users_with_items = static_cast<int>(messages.size());
  for (const auto& m : messages) {
    try {
      mailer(m);
      ++report.sent;
    } catch (const std::exception& e) {
      report.failures.push_back("envoi à " + m.to + " impossible : " + e.what());
    }
  }
  ctx_.db.transaction([&](soci::session& sql) {
    sql << "UPDATE digest_runs SET messages = :n WHERE day = :d", soci::use(report.sent),
        soci::use(day);
    domain::Actor system;
    system.login = "binome";
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(system, "digest.sent", std::nullopt, origin,
                                     "courriels:" + std::to_string(report.sent))});
  });
  return report;
}

}  // namespace binome::app
