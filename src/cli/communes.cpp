// binome communes import|export FILE --departement D: the communes of a département and their
// EPCI, in the CSV file admin edits (no official list ships offline).
#include <fstream>
#include <iostream>
#include <sstream>

#include "app/admin_service.hpp"
#include "app/commune_service.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "domain/resource.hpp"

namespace binome::cli {

int run_communes(const Argv& argv) {
  if (argv.empty()) throw UsageError("Sous-commande attendue : import ou export.");
  const std::string sub = argv[0];
  Args args(Argv(argv.begin() + 1, argv.end()), {"db", "departement"}, {});
  if (args.positional().size() != 1)
    throw UsageError("Un fichier est attendu : binome communes " + sub +
                     " FICHIER --departement D --db URL.");
  const auto file = args.positional().front();
  const auto departement = args.get_or("departement", "");
  if (!domain::is_departement_code(departement))
    throw UsageError("--departement attend un code de département (62, 2A, 974).");
  auto db = store::Database::open(database_url(args), 1);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::CommuneService communes(ctx);
  if (sub == "export") {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    if (!out) throw std::runtime_error("impossible d'écrire « " + file + " ».");
    const auto list = communes.list(departement);
    out << domain::commune_csv(list);
    if (!out.flush()) throw std::runtime_error("écriture de « " + file + " » interrompue.");
    std::cout << list.communes.size() << " communes et " << list.epcis.size()
              << " EPCI exportés dans " << file << ".\n";
    return 0;
  }
  if (sub == "import") {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error("impossible de lire « " + file + " ».");
    std::stringstream text;
    text << in.rdbuf();
    try {
      const auto report = communes.import_csv(app::operator_actor(), departement, text.str(),
                                              {"cli: communes import", "local"});
      std::cout << report.communes << " communes et " << report.epcis
                << " EPCI chargés pour le département " << departement << ".\n";
      return 0;
    } catch (const domain::DomainError& e) {
      for (const auto& err : e.errors()) std::cerr << err.message << "\n";
      std::cerr << "Fichier rejeté : rien n'a changé.\n";
      return 1;
    }
  }
  throw UsageError("Sous-commande inconnue : « " + sub + " » (import ou export).");
}

}  // namespace binome::cli
