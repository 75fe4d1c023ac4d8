#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/admin_service.hpp"
#include "app/demo_data.hpp"
#include "app/synthetic_data.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "security/nir_keys.hpp"
#include "security/password.hpp"
#include "security/tokens.hpp"
#include "store/migrations.hpp"

namespace binome::cli {

namespace {

// Benchmarks only: the demo département plus a synthetic one, into an empty database.
int run_synthetic(const Args& args, const std::string& password, bool generated) {
  const int persons = args.get_int("persons", 100000, 1, 5000000);
  const int users = args.get_int("users", 5000, 10, 200000);
  auto db = store::Database::open(database_url(args), 4);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  // Generated persons must never mix with real ones.
  if (!app::database_is_empty(ctx))
    throw std::runtime_error(
        "La base « " + db->display_url() +
        " » contient déjà des utilisateurs ou des personnes : le département synthétique ne se "
        "charge que dans une base neuve (réservé aux mesures de performance).");
  const auto started = std::chrono::steady_clock::now();
  app::load_demo(ctx, password);
  const auto result =
      app::load_synthetic(ctx, persons, users, security::hash_password(password),
                          [](const std::string& line) { std::cout << line << std::endl; });
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::cout << "Département synthétique chargé en " << static_cast<int>(seconds + 0.5)
            << " s : " << result.persons << " personnes, " << result.users << " utilisateurs, "
            << result.orientations << " orientations, " << result.supports << " accompagnements, "
            << result.appointments << " rendez-vous, " << result.tasks
            << " tâches (en plus des 200 personnes de démonstration).\n"
            << "Compte de mesure : " << result.first_conseiller
            << " (conseiller), même mot de passe pour tous les comptes synthétiques"
            << (generated ? " (généré, affiché une seule fois)" : "") << " : " << password << "\n";
  return 0;
}

}  // namespace

int run_demo(const Argv& argv) {
  Args args(argv, {"db", "password", "persons", "users", "nir-key-file"}, {"synthetic"});
  std::string password = args.get_or("password", "");
  if (password.empty())
    if (const char* env = std::getenv("BINOME_DEMO_PASSWORD"); env && *env) password = env;
  const bool generated = password.empty();
  // A generated password always has the four kinds of character the rule asks for.
  if (generated) password = "Demo-" + security::random_token(12) + "-7a";
  if (auto errors = app::check_password_strength(password); !errors.empty())
    throw UsageError(errors.front().message);
  if (args.flag("synthetic")) return run_synthetic(args, password, generated);
  if (args.get("persons") || args.get("users"))
    throw UsageError("--persons et --users ne s'emploient qu'avec --synthetic.");

  // Several sessions: the services behind the demo's activity read while a transaction is open.
  auto db = store::Database::open(database_url(args), 4);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  // A development installation: the NIR key file is created when it does not exist yet.
  if (const auto key_file = args.get("nir-key-file")) {
    if (!std::filesystem::exists(*key_file)) {
      security::NirKeys::create_file(*key_file);
      std::cout << "Clé de chiffrement du NIR créée dans « " << *key_file << " » (0600).\n";
    }
    ctx.settings.nir_keys =
        std::make_shared<const security::NirKeys>(security::NirKeys::load_file(*key_file));
  }
  const auto result = app::load_demo(ctx, password);
  if (result.created) app::load_demo_activity(ctx);

  std::cout << (result.created ? "Département fictif « Val-de-Démo » chargé : "
                               : "Département fictif « Val-de-Démo » déjà présent : ")
            << result.persons << " personnes fictives.\n"
            << (result.created ? "Activité : 4 accompagnements en cours, 3 rendez-vous, un axe 3 "
                                 "à valider (Territoire Nord).\n"
                               : "")
            << "\nComptes de démonstration"
            << (generated ? " (mot de passe généré, affiché une seule fois)" : "") << " :\n";
  for (const auto& l : result.logins)
    std::cout << "  " << l.login << std::string(18 - l.login.size(), ' ') << l.description << "\n";
  std::cout << "Mot de passe : " << password << "\n"
            << (ctx.settings.nir_keys
                    ? "Double authentification de admin.demo et dpo.demo (application TOTP, 6 "
                      "chiffres, 30 s) : secret " +
                          std::string(app::kDemoTotpSecret) +
                          "\n  (à ne jamais utiliser hors démonstration)\n"
                    : "Sans --nir-key-file, aucun secret de double authentification n'est "
                      "enregistré (jamais en clair) : admin.demo et dpo.demo, qui en exigent "
                      "un, ne peuvent pas se connecter.\n");
  return 0;
}

}  // namespace binome::cli
