// binome flows export cgpem --departement D --date-reference AAAA-MM-JJ SORTIE --db URL
#include <iostream>

#include "app/admin_service.hpp"
#include "app/flows_service.hpp"
#include "app/system_clock.hpp"
#include "cli/flows_commands.hpp"
#include "cli/nir_key_option.hpp"
#include "flows/reader.hpp"
#include "store/migrations.hpp"

namespace binome::cli {

int run_flows_export(const Argv& argv) {
  if (argv.empty() || argv[0] != "cgpem")
    throw UsageError("Seul le flux cgpem s'exporte : binome flows export cgpem …");
  Args args(Argv(argv.begin() + 1, argv.end()),
            {"db", "departement", "date-reference", "date-traitement", "nature", "nir-key-file"},
            {});
  if (args.positional().size() != 1) throw UsageError("Un fichier de sortie attendu.");
  app::CgpemExportRequest req;
  req.departement = args.get_or("departement", "");
  if (req.departement.empty()) throw UsageError("--departement attendu.");
  const auto reference = domain::parse_date(args.get_or("date-reference", ""));
  if (!reference) throw UsageError("--date-reference attend une date AAAA-MM-JJ.");
  req.date_reference = *reference;
  req.today = processing_day(args);
  req.nature = args.get_or("nature", "06");
  req.path = args.positional()[0];
  auto keys = nir_keys_option(args, true);
  auto db = store::Database::open(database_url(args), 1);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  use_nir_keys(ctx, std::move(keys));
  app::CgpemExportResult r;
  try {
    r = app::export_cgpem(ctx, app::operator_actor(), {"cli: flows export cgpem", "local"}, req);
  } catch (const std::invalid_argument& e) {
    throw UsageError(e.what());
  }
  for (const auto& s : r.skipped)
    std::cout << "  personne " << s.person_id << " non exportée : " << s.reason << "\n";
  // The file is checked by the validator before anyone sends it.
  std::size_t errors = 0;
  flows::ReaderCallbacks cb;
  cb.on_diagnostic = [&](const flows::Diagnostic& d) {
    if (d.severity == flows::Severity::error) ++errors;
    std::cout << "  contrôle [" << d.rule << "] " << d.message << "\n";
  };
  flows::read_flow_file(req.path, req.today, cb);
  std::cout << req.path << " : CGPEM du département " << req.departement << ", " << r.written
            << " dossier(s), " << r.skipped.size() << " personne(s) écartée(s)"
            << (errors ? " — le contrôle a trouvé des erreurs" : " ; fichier conforme") << ".\n";
  return errors ? 1 : 0;
}

}  // namespace binome::cli
