// binome flows validate [--json] FILE…: every problem of every file, exit 0/1/2.
#include <iostream>

#include "cli/flows_commands.hpp"
#include "flows/reader.hpp"
#include "flows/report.hpp"

namespace binome::cli {
namespace {

using flows::Diagnostic;
using flows::Field;

void print_human(const Diagnostic& d) {
  std::cout << "  " << (d.severity == flows::Severity::error ? "erreur" : "avertissement") << " ["
            << d.rule << "]";
  if (d.dossier) std::cout << " dossier " << d.dossier;
  if (d.line) std::cout << (d.dossier ? ", " : " ") << "ligne " << d.line;
  if (!d.field.empty()) std::cout << ", " << d.field;
  std::cout << " : " << d.message << "\n";
}

}  // namespace

int run_flows_validate(const Argv& argv) {
  Args args(argv, {"date-traitement"}, {"json"});
  if (args.positional().empty()) throw UsageError("Fichier(s) à valider attendu(s).");
  const bool as_json = args.flag("json");
  const domain::Date today = processing_day(args);
  int exit_code = 0;
  for (const auto& path : args.positional()) {
    // JSON keeps the problems for the file's object (memory grows with them, not with the
    // file); the text output prints them as they come.
    std::vector<Diagnostic> kept;
    bool titled = false;
    auto title = [&] {
      if (!titled && !as_json) std::cout << path << " :\n";
      titled = true;
    };
    flows::ReaderCallbacks cb;
    cb.on_diagnostic = [&](const Diagnostic& d) {
      if (as_json) {
        kept.push_back(d);
      } else {
        title();
        print_human(d);
      }
    };
    flows::FileSummary s;
    try {
      s = flows::read_flow_file(path, today, std::move(cb));
    } catch (const std::exception& e) {
      std::cerr << "binome flows validate : " << e.what() << "\n";
      exit_code = 2;
      continue;
    }
    if (s.errors && exit_code == 0) exit_code = 1;
    if (as_json) {
      std::cout << flows::file_report(path, s, kept).dump() << "\n";
      continue;
    }
    title();
    std::cout << "  " << (s.flow ? std::string(flows::to_string(*s.flow)) : "flux inconnu");
    if (s.header.has(Field::departement))
      std::cout << ", département " << s.header.get(Field::departement);
    if (s.header.has(Field::date_reference))
      std::cout << ", date de référence " << s.header.get(Field::date_reference);
    std::cout << " : " << s.dossiers << " dossier(s), " << s.valid_dossiers << " utilisable(s), "
              << s.errors << " erreur(s), " << s.warnings << " avertissement(s) — "
              << (s.file_error ? "fichier rejeté"
                  : s.errors   ? "fichier accepté, dossiers en erreur écartés"
                               : "fichier valide")
              << ".\n";
  }
  return exit_code;
}

}  // namespace binome::cli
