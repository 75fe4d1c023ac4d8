// binome flows: the RSA data-exchange files with France Travail (spec/flows).
#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "cli/flows_commands.hpp"
#include "domain/time.hpp"

namespace binome::cli {

domain::Date processing_day(const Args& args) {
  if (auto v = args.get("date-traitement")) {
    auto d = domain::parse_date(*v);
    if (!d) throw UsageError("--date-traitement attend une date AAAA-MM-JJ.");
    return *d;
  }
  return domain::france_today(
      std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now()));
}

int run_flows(const Argv& argv) {
  if (argv.empty())
    throw UsageError("Sous-commande attendue : validate, generate, import, export ou calendar.");
  const std::string sub = argv[0];
  const Argv rest(argv.begin() + 1, argv.end());
  if (sub == "validate") return run_flows_validate(rest);
  if (sub == "generate") return run_flows_generate(rest);
  if (sub == "import") return run_flows_import(rest);
  if (sub == "export") return run_flows_export(rest);
  if (sub == "calendar") return run_flows_calendar(rest);
  throw UsageError("Sous-commande inconnue : « " + sub +
                   " » (validate, generate, import, export ou calendar).");
}

}  // namespace binome::cli
