// binome digest: the daily "à faire" e-mail, by hand or from cron (serve can also send it).
#include <iostream>

#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/commands.hpp"
#include "cli/smtp_options.hpp"

namespace binome::cli {

int run_digest(const Argv& argv) {
  auto with_value = kSmtpOptions;
  with_value.insert("db");
  auto flags = kSmtpFlags;
  flags.insert("dry-run");
  Args args(argv, with_value, flags);
  const auto url = base_url(args);
  auto db = store::Database::open(database_url(args), 1);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::Services services(ctx);
  if (args.flag("dry-run")) {
    const auto messages = services.digest.compose(url);
    for (const auto& m : messages) std::cout << m.to << " : " << m.subject << "\n";
    std::cout << messages.size() << " courriel(s) seraient envoyés (aucun envoi : --dry-run).\n";
    return 0;
  }
  const auto smtp = smtp_settings(args);
  if (!smtp) throw UsageError("--smtp-host (ou BINOME_SMTP_HOST) est requis pour l'envoi.");
  const auto report =
      services.digest.run(url, exports::smtp_mailer(*smtp), {"cli: digest", "local"});
  if (report.already_sent_today) {
    std::cout << "Le récapitulatif du jour est déjà parti : rien n'est renvoyé.\n";
    return 0;
  }
  for (const auto& f : report.failures) std::cerr << "binome digest : " << f << "\n";
  std::cout << report.sent << " courriel(s) envoyé(s) sur " << report.users_with_items << ".\n";
  return report.failures.empty() ? 0 : 1;
}

}  // namespace binome::cli
