#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "app/admin_service.hpp"
#include "app/demo_data.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "security/nir_keys.hpp"
#include "security/tokens.hpp"
#include "store/migrations.hpp"

namespace binome::cli {

int run_demo(const Argv& argv) {
  Args args(argv, {"db", "password", "nir-key-file"}, {});
  std::string password = args.get_or("password", "");
  if (password.empty())
    if (const char* env = std::getenv("BINOME_DEMO_PASSWORD"); env && *env) password = env;
  const bool generated = password.empty();
  // A generated password always has the four kinds of character the rule asks for.
  if (generated) password = "Demo-" + security::random_token(12) + "-7a";
  if (auto errors = app::check_password_strength(password); !errors.empty())
    throw UsageError(errors.front().message);

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
  std::cout << "Mot de passe : " << password << "\n";
  return 0;
}

}  // namespace binome::cli
