#include <iostream>

#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "store/audit_repo.hpp"
#include "store/migrations.hpp"
#include "store/totp_repo.hpp"

namespace binome::cli {
namespace {

std::string read_password() {
  std::string password;
  std::getline(std::cin, password);
  if (password.empty()) throw UsageError("Mot de passe attendu sur l'entrée standard.");
  return password;
}

void print_errors(const domain::DomainError& e) {
  for (const auto& err : e.errors())
    std::cerr << "  - " << (err.field ? *err.field + " : " : "") << err.message << "\n";
}

}  // namespace

int run_user(const Argv& argv) {
  if (argv.empty())
    throw UsageError("Sous-commande attendue : create, unlock, password ou totp-reset.");
  const std::string sub = argv[0];
  Args args(Argv(argv.begin() + 1, argv.end()),
            {"db", "login", "name", "role", "org", "function", "phone", "email"}, {});
  auto db = store::Database::open(database_url(args), 1);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::Services services(ctx);
  const auto actor = app::operator_actor();
  const app::Origin origin{"cli: user " + sub, "local"};
  const auto login = args.get("login");
  if (!login) throw UsageError("--login est obligatoire.");
  try {
    if (sub == "create") {
      app::NewUserInput in;
      in.login = *login;
      in.display_name = args.get_or("name", "");
      in.role = args.get_or("role", "");
      in.organisation_id = args.get_int("org", 0, 0, 2147483647);
      in.function_title = args.get("function");
      in.phone = args.get("phone");
      in.email = args.get("email");
      in.password = read_password();
      auto user = services.admin.create_user(actor, in, origin);
      std::cout << "Compte « " << user.login << " » créé (n° " << user.id << ").\n";
      return 0;
    }
    auto user = db->with_session(
        [&](soci::session& sql) { return store::find_user_by_login(sql, *login); });
    if (!user) {
      std::cerr << "binome user : compte « " << *login << " » introuvable.\n";
      return 1;
    }
    if (sub == "unlock") {
      services.admin.unlock_user(actor, user->id, origin);
      std::cout << "Compte « " << *login << " » déverrouillé.\n";
      return 0;
    }
    if (sub == "password") {
      services.admin.set_password(actor, user->id, read_password(), origin);
      std::cout << "Mot de passe de « " << *login << " » changé ; ses sessions sont fermées.\n";
      return 0;
    }
    if (sub == "totp-reset") {
      db->transaction([&](soci::session& sql) {
        store::delete_totp(sql, user->id);
        const long long id = user->id;
        sql << "DELETE FROM sessions WHERE user_id = :id", soci::use(id);
        store::append_audit(sql, db->dialect(), ctx.now_iso(),
                            {app::audit_entry(actor, "admin.user.totp_reset", std::nullopt, origin,
                                              "utilisateur:" + std::to_string(user->id))});
      });
      std::cout << "Double authentification de « " << *login
                << " » retirée ; ses sessions sont fermées.\n";
      return 0;
    }
  } catch (const domain::DomainError& e) {
    std::cerr << "binome user " << sub << " : refusé :\n";
    print_errors(e);
    return 1;
  }
  throw UsageError("Sous-commande inconnue : « " + sub +
                   " » (create, unlock, password ou totp-reset).");
}

}  // namespace binome::cli
