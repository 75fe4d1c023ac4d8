#include <pthread.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <thread>

#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/nir_key_option.hpp"
#include "cli/smtp_options.hpp"
#include "domain/daily_hour.hpp"
#include "http/allocator.hpp"
#include "http/request_log.hpp"
#include "http/server.hpp"
#include "store/login_throttle_repo.hpp"
#include "store/migrations.hpp"
#include "store/sessions_repo.hpp"

namespace binome::cli {
namespace {

std::string env_or(const char* name, const std::string& fallback) {
  const char* v = std::getenv(name);
  return v && *v ? v : fallback;
}

}  // namespace

int run_serve(const Argv& argv) {
  http::configure_allocator();  // before any thread starts
  auto with_value = kSmtpOptions;
  with_value.insert({"db", "listen", "web-root", "tls-cert", "tls-key", "threads", "db-pool",
                     "idle-timeout", "digest-hour", "nir-key-file"});
  auto flags = kSmtpFlags;
  flags.insert({"trust-proxy", "quiet", "secure-cookies", "test-mode"});
  Args args(argv, with_value, flags);
  // The daily digest, when asked for: checked now so that a missing setting stops the start.
  const int digest_hour = args.get_int("digest-hour", -1, 0, 23);
  // The relay, when given, also sends the tableau de suivi of a portfolio review.
  const std::optional<exports::SmtpSettings> smtp = smtp_settings(args);
  std::string digest_url;
  if (digest_hour >= 0) {
    if (!smtp) throw UsageError("--digest-hour demande un relais SMTP (--smtp-host).");
    digest_url = base_url(args);
  }
  http::ServerConfig config;
  config.listen = args.get_or("listen", env_or("BINOME_LISTEN", "127.0.0.1:8080"));
  config.web_root = args.get_or("web-root", env_or("BINOME_WEB_ROOT", "web/dist"));
  config.tls_cert = args.get("tls-cert");
  config.tls_key = args.get("tls-key");
  if (config.tls_cert.has_value() != config.tls_key.has_value())
    throw UsageError("--tls-cert et --tls-key vont ensemble.");
  // A kept-alive connection holds its thread: enough threads for the expected connections,
  // and a smaller database pool that they share.
  config.max_threads = args.get_int("threads", 64, 1, 1024);
  const int pool = args.get_int("db-pool", 16, 1, 512);
  config.trust_proxy = args.flag("trust-proxy");
  config.hsts = config.tls_cert.has_value() || args.flag("secure-cookies");
  config.log_requests = !args.flag("quiet");

  // Signals are taken by this thread alone, through sigwait: block them before any other
  // thread starts, so every thread inherits the mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto nir_keys = nir_keys_option(args, false);
  auto db = store::Database::open(database_url(args), static_cast<std::size_t>(pool));
  const int applied = store::migrate(*db);
  // --test-mode: browser tests move the clock through POST /api/v1/test/clock. It is refused
  // with TLS, so that it cannot be left on a served installation by mistake.
  if (args.flag("test-mode") && config.tls_cert)
    throw UsageError("--test-mode est réservé aux tests et incompatible avec --tls-cert.");
  app::OffsetClock clock;
  if (args.flag("test-mode")) {
    config.test_clock = &clock;
    std::cerr << "binome : MODE TEST — l'horloge peut être avancée par POST /api/v1/test/clock.\n";
  }
  app::Context ctx{*db, clock, {}};
  ctx.settings.idle_timeout = std::chrono::minutes(args.get_int("idle-timeout", 30, 1, 720));
  // Behind a TLS-terminating proxy binome speaks plain HTTP but the browser sees HTTPS.
  ctx.settings.secure_cookies = config.tls_cert.has_value() || args.flag("secure-cookies");
  use_nir_keys(ctx, std::move(nir_keys));
  if (smtp) ctx.settings.mailer = exports::smtp_mailer(*smtp);
  app::Services services(ctx);
  http::Server server(services, config);
  server.start();

  const std::string scheme = config.tls_cert ? "https" : "http";
  std::cerr << "binome : base " << db->display_url() << " (schéma à jour, " << applied
            << " migration(s) appliquée(s)).\n";
  std::cerr << "binome : écoute sur " << scheme << "://"
            << config.listen.substr(0, config.listen.rfind(':')) << ":" << server.port() << "/\n";

  // Sessions past their time are removed in the background; any instance may do it. The
  // daily purge of the retention rules runs here too, once a day across instances.
  std::atomic<bool> running{true};
  std::thread janitor([&] {
    while (running) {
      for (int i = 0; i < 600 && running; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        // Every 5 s, hands the free pages of every arena back to the system: under load, what
        // a minute of requests freed stays resident otherwise (once a minute, the process's
        // own memory was 13 % higher at the end of 5 minutes of load; docs/PERFORMANCE.md).
        if (i % 50 == 49) http::release_free_memory();
      }
      try {
        const auto now = clock.now();
        db->with_session([&](soci::session& sql) {
          store::delete_stale_sessions(sql, domain::to_iso(now - ctx.settings.idle_timeout),
                                       domain::to_iso(now));
          store::delete_stale_login_states(sql, domain::to_iso(now - std::chrono::hours(24)),
                                           domain::to_iso(now));
        });
      } catch (const std::exception& e) {
        http::log_error("sessions", e.what());
      }
      try {  // retention: once a day across instances (purge_runs holds the day)
        const auto report = services.rgpd.purge_daily({"serve: purge", "local"});
        if (!report.already_run_today)
          http::log_event("purge RGPD : " + std::to_string(report.items.size()) +
                          " opération(s) de conservation");
      } catch (const std::exception& e) {
        http::log_error("purge", e.what());
      }
      if (digest_hour >= 0 && domain::paris_hour_reached(clock.now(), digest_hour)) {
        try {  // once a day across instances: digest_runs holds the day
          const auto report = services.digest.run(digest_url, exports::smtp_mailer(*smtp),
                                                  {"serve: digest", "local"});
          if (!report.already_sent_today)
            http::log_event("récapitulatif « à faire » : " + std::to_string(report.sent) +
                            " courriel(s) envoyé(s)");
          for (const auto& f : report.failures) http::log_error("digest", f);
        } catch (const std::exception& e) {
          http::log_error("digest", e.what());
        }
      }
    }
  });

  int sig = 0;
  sigwait(&signals, &sig);
  http::log_event(sig == SIGTERM ? "SIGTERM reçu : arrêt après les requêtes en cours"
                                 : "SIGINT reçu : arrêt après les requêtes en cours");
  server.stop(std::chrono::seconds(30));
  running = false;
  janitor.join();
  http::log_event("arrêt terminé");
  return 0;
}

}  // namespace binome::cli
