// binome flows import FILE [--force] --db URL: PECGM/PECDH into the job-seeker snapshots.
#include <cstdlib>
#include <iostream>

#include "app/admin_service.hpp"
#include "app/flows_service.hpp"
#include "app/system_clock.hpp"
#include "cli/flows_commands.hpp"
#include "cli/nir_key_option.hpp"
#include "store/migrations.hpp"

namespace binome::cli {

int run_flows_import(const Argv& argv) {
  Args args(argv, {"db", "date-traitement", "nir-key-file", "flow-files-dir"}, {"force"});
  if (args.positional().size() != 1) throw UsageError("Un fichier PECGM ou PECDH attendu.");
  auto keys = nir_keys_option(args, true);
  auto db = store::Database::open(database_url(args), 1);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  use_nir_keys(ctx, std::move(keys));
  app::FlowImportRequest req;
  req.path = args.positional()[0];
  req.force = args.flag("force");
  ctx.settings.flow_files_dir = args.get_or("flow-files-dir", "");
  if (ctx.settings.flow_files_dir.empty())
    if (const char* env = std::getenv("BINOME_FLOW_FILES_DIR"); env && *env)
      ctx.settings.flow_files_dir = env;
  req.today = processing_day(args);
  app::FlowImportResult r;
  try {
    r = app::import_flow_file(ctx, app::operator_actor(), {"cli: flows import", "local"}, req);
  } catch (const std::runtime_error& e) {
    if (std::string(e.what()).rfind("impossible d'ouvrir", 0) == 0 ||
        std::string(e.what()).find("est un dossier") != std::string::npos)
      throw UsageError(e.what());
    throw;
  }
  using O = app::FlowImportResult::Outcome;
  const auto& s = r.summary;
  for (const auto& d : r.diagnostics) {
    if (r.outcome == O::imported && d.severity == flows::Severity::warning) continue;
    std::cout << "  " << (d.severity == flows::Severity::error ? "erreur" : "avertissement") << " ["
              << d.rule << "]";
    if (d.dossier) std::cout << " dossier " << d.dossier;
    if (d.line) std::cout << ", ligne " << d.line;
    if (!d.field.empty()) std::cout << ", " << d.field;
    std::cout << " : " << d.message << "\n";
  }
  switch (r.outcome) {
    case O::imported: {
      long long events = 0;
      for (const auto& [k, n] : r.events) events += n;
      std::cout << req.path << " : import n° " << r.import_id << " — " << s.dossiers
                << " dossier(s) : " << r.matched << " rapproché(s) d'une personne suivie, "
                << r.unmatched << " sans personne connue"
                << (r.ambiguous ? " (dont " + std::to_string(r.ambiguous) + " ambigu(s))" : "")
                << ", " << r.rejected << " écarté(s) pour erreur ; " << events << " événement(s)";
      std::string sep = " : ";
      for (const auto& [k, n] : r.events) {
        std::cout << sep << k << " " << n;
        sep = ", ";
      }
      std::cout << ".\n";
      if (!r.raw_file.empty())
        std::cout << "Fichier brut conservé 90 jours au plus : " << r.raw_file << "\n";
      return r.rejected ? 1 : 0;
    }
    case O::already_imported:
      std::cout << req.path << " : fichier déjà importé (import n° " << r.import_id
                << ") ; rien n'a changé.\n";
      return 0;
    case O::older:
      std::cout << req.path << " : date de référence " << s.header.get(flows::Field::date_reference)
                << " antérieure au dernier import de ce flux pour ce département ("
                << r.previous_reference << ") ; rien n'est importé (--force pour l'imposer).\n";
      return 1;
    case O::not_importable:
      std::cout << req.path
                << " : seuls les flux PECGM et PECDH s'importent ; rien n'est "
                   "importé.\n";
      return 1;
    case O::rejected:
      break;
  }
  std::cout << req.path << " : fichier rejeté (" << s.errors
            << " erreur(s)) ; rien n'est importé.\n";
  return 1;
}

}  // namespace binome::cli
