#include <iostream>

#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "security/nir_keys.hpp"
#include "store/migrations.hpp"

namespace binome::cli {

// The referential an installation starts from, for the Département's IT before any admin
// account exists: départements, territories, organisations.
int run_setup(const Argv& argv) {
  if (argv.empty())
    throw UsageError(
        "Sous-commande attendue : departement, territory, organisation, list ou nir-key.");
  const std::string sub = argv[0];
  if (sub == "nir-key") {  // no database: the key lives outside it
    Args key_args(Argv(argv.begin() + 1, argv.end()), {"file"}, {});
    const auto file = key_args.get_or("file", "");
    if (file.empty()) throw UsageError("--file FICHIER est obligatoire.");
    security::NirKeys::create_file(file);
    std::cout << "Clé de chiffrement du NIR créée dans « " << file
              << " » (permissions 0600). Sauvegardez-la à part de la base : sans elle, les NIR "
                 "enregistrés sont illisibles.\n";
    return 0;
  }
  Args args(Argv(argv.begin() + 1, argv.end()),
            {"db", "code", "name", "departement", "kind", "territory", "parent", "contract-start",
             "contract-end"},
            {});
  auto db = store::Database::open(database_url(args), 1);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::Services services(ctx);
  const auto actor = app::operator_actor();
  const app::Origin origin{"cli: setup " + sub, "local"};
  auto need = [&](const char* name) {
    auto v = args.get(name);
    if (!v || v->empty()) throw UsageError(std::string("--") + name + " est obligatoire.");
    return *v;
  };
  try {
    if (sub == "departement") {
      services.admin.create_departement(actor, need("code"), need("name"), origin);
      std::cout << "Département " << need("code") << " créé.\n";
      return 0;
    }
    if (sub == "territory") {
      auto t = services.admin.create_territory(actor, need("departement"), need("name"), origin);
      std::cout << "Territoire « " << t.name << " » créé (n° " << t.id << ").\n";
      return 0;
    }
    if (sub == "organisation") {
      app::NewOrganisationInput in;
      in.name = need("name");
      in.kind = need("kind");
      in.departement = need("departement");
      if (args.get("territory")) in.territory_id = args.get_int("territory", 0, 1, 2147483647);
      if (args.get("parent")) in.parent_id = args.get_int("parent", 0, 1, 2147483647);
      in.contract_start = args.get("contract-start");
      in.contract_end = args.get("contract-end");
      auto o = services.admin.create_organisation(actor, in, origin);
      std::cout << "Organisation « " << o.org.name << " » créée (n° " << o.org.id << ").\n";
      return 0;
    }
    if (sub == "list") {
      for (const auto& [code, name] : services.admin.departements()) {
        std::cout << "Département " << code << " — " << name << "\n";
        for (const auto& t : services.admin.territories())
          if (t.departement == code)
            std::cout << "  territoire n° " << t.id << " : " << t.name << "\n";
        for (const auto& o : services.admin.organisations(actor))
          if (o.org.departement == code)
            std::cout << "  organisation n° " << o.org.id << " : " << o.org.name << " ("
                      << domain::label_fr(o.org.kind) << ")\n";
      }
      return 0;
    }
  } catch (const domain::DomainError& e) {
    std::cerr << "binome setup " << sub << " : refusé :\n";
    for (const auto& err : e.errors())
      std::cerr << "  - " << (err.field ? *err.field + " : " : "") << err.message << "\n";
    return 1;
  }
  throw UsageError("Sous-commande inconnue : « " + sub +
                   " » (departement, territory, organisation, list ou nir-key).");
}

}  // namespace binome::cli
