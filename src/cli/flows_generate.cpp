// binome flows generate: a synthetic file with fictional identities (benchmarks, tests).
#include <fstream>
#include <iostream>

#include "cli/flows_commands.hpp"
#include "flows/generator.hpp"

namespace binome::cli {

int run_flows_generate(const Argv& argv) {
  Args args(argv, {"kind", "dossiers", "departement", "date-reference", "premier"}, {});
  if (args.positional().size() != 1) throw UsageError("Un fichier de sortie attendu.");
  flows::GenerateOptions o;
  const std::string kind = args.get_or("kind", "PECGM");
  if (kind == "PECGM")
    o.flow = flows::Flow::pecgm;
  else if (kind == "PECDH")
    o.flow = flows::Flow::pecdh;
  else if (kind == "CGPEM")
    o.flow = flows::Flow::cgpem;
  else
    throw UsageError("--kind attend PECGM, PECDH ou CGPEM.");
  o.dossiers = std::size_t(args.get_int("dossiers", 1000, 0, 99'999'999));
  o.first_index = std::size_t(args.get_int("premier", 0, 0, 8'000'000));
  o.departement = args.get_or("departement", "62");
  if (auto v = args.get("date-reference")) {
    auto d = domain::parse_date(*v);
    if (!d) throw UsageError("--date-reference attend une date AAAA-MM-JJ.");
    o.date_reference = *d;
  }
  if (o.flow == flows::Flow::pecgm && o.date_reference.day() != std::chrono::day{1})
    throw UsageError("un fichier PECGM est daté du premier jour du mois (F3).");
  const std::string out_path = args.positional()[0];
  std::ofstream out(out_path, std::ios::binary | std::ios::trunc);
  if (!out) throw UsageError("impossible d'écrire « " + out_path + " ».");
  const std::size_t bytes = flows::generate_flow(out, o);
  out.close();
  if (!out) throw std::runtime_error("écriture de « " + out_path + " » incomplète");
  std::cout << out_path << " : " << kind << ", " << o.dossiers << " dossier(s) fictif(s), " << bytes
            << " octets.\n";
  return 0;
}

}  // namespace binome::cli
