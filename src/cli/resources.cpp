// binome ressources import|export FILE: the base of social resources in data·inclusion JSON.
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/admin_service.hpp"
#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "domain/resource.hpp"

namespace binome::cli {

int run_resources(const Argv& argv) {
  if (argv.empty()) throw UsageError("Sous-commande attendue : import ou export.");
  const std::string sub = argv[0];
  Args args(Argv(argv.begin() + 1, argv.end()), {"db", "departement"}, {});
  if (args.positional().size() != 1)
    throw UsageError("Un fichier est attendu : binome ressources " + sub + " FICHIER --db URL.");
  const auto file = args.positional().front();
  const auto departement = args.get_or("departement", "");
  if (!departement.empty() && !domain::is_departement_code(departement))
    throw UsageError("--departement attend un code de département (62, 2A, 974).");
  auto db = store::Database::open(database_url(args), 1);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::ResourceBaseService resources(ctx);
  const auto actor = app::operator_actor();
  const app::Origin origin{"cli: ressources " + sub, "local"};
  if (sub == "export") {
    const auto json = resources.export_json(actor, departement, origin);
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("impossible d'écrire « " + file + " ».");
    out << json.dump(2) << "\n";
    if (!out.flush()) throw std::runtime_error("écriture de « " + file + " » interrompue.");
    std::cout << json["structures"].size() << " structures et " << json["services"].size()
              << " services exportés dans " << file << ".\n";
    return 0;
  }
  if (sub == "import") {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("impossible de lire « " + file + " ».");
    std::stringstream text;
    text << in.rdbuf();
    const auto json = nlohmann::json::parse(text.str(), nullptr, false);
    if (json.is_discarded()) throw std::runtime_error("« " + file + " » n'est pas du JSON valide.");
    const auto report = resources.import_json(actor, json, departement, origin);
    for (const auto& e : report.errors)
      std::cerr << e.record << " " << e.field.value_or("-") << " [" << e.rule << "] " << e.message
                << "\n";
    std::cout << "Structures : " << report.structures_created << " créées, "
              << report.structures_updated
              << " mises à jour. Services : " << report.services_created << " créés, "
              << report.services_updated << " mis à jour. Inchangés : " << report.unchanged
              << ". Rejetés : " << report.rejected << ".\n";
    return report.rejected == 0 ? 0 : 1;
  }
  throw UsageError("Sous-commande inconnue : « " + sub + " » (import ou export).");
}

}  // namespace binome::cli
