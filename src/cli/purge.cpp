// binome purge: deletes or anonymises what the retention rules no longer allow to keep
// (serve also runs it once a day); --dry-run lists what would go and why.
#include <iostream>

#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "store/migrations.hpp"

namespace binome::cli {
namespace {

void print_purge(const app::PurgeReport& report, bool dry_run, std::ostream& out) {
  for (const auto& i : report.items) {
    out << "personne " << i.person_id << " (département " << i.departement << ", convention "
        << i.convention << ") — " << domain::category_label(i.category) << " : " << i.action;
    if (i.category == domain::RetentionCategory::flux)
      out << " de " << i.rows << " élément(s) reçu(s) par les flux";
    else if (i.category == domain::RetentionCategory::suivi || i.rows > 0)
      out << " de " << i.rows << " élément(s) de suivi";
    out << " — conservation jusqu'au " << i.limit << " — règle : " << i.rule << "\n";
  }
  for (const auto& f : report.raw_files)
    out << "fichier brut " << f.kind << " du département " << f.departement << " (import n° "
        << f.import_id << ", « " << f.file_name << " », importé le " << f.imported_at.substr(0, 10)
        << ") : suppression de " << f.path << " — conservation jusqu'au " << f.limit
        << " — règle : " << f.rule << "\n";
  int suivi = 0, fiche = 0, flux = 0;
  for (const auto& i : report.items)
    (i.category == domain::RetentionCategory::fiche  ? fiche
     : i.category == domain::RetentionCategory::flux ? flux
                                                     : suivi)++;
  out << (dry_run ? "Seraient traités : " : "Traités : ") << suivi
      << " suppression(s) de données de suivi, " << flux
      << " suppression(s) de données des flux RSA, " << fiche << " anonymisation(s), "
      << report.raw_files.size() << " fichier(s) brut(s) de flux.";
  if (report.persons_in_progress > 0)
    out << " " << report.persons_in_progress
        << " personne(s) conservée(s) : accompagnement en cours.";
  if (report.persons_without_convention > 0)
    out << " " << report.persons_without_convention
        << " personne(s) sans convention datée pour en juger : conservées.";
  out << (dry_run ? " (aucune modification : --dry-run)" : "") << "\n";
}

}  // namespace

int run_purge(const Argv& argv) {
  Args args(argv, {"db"}, {"dry-run"});
  if (!args.positional().empty())
    throw UsageError("argument inattendu « " + args.positional()[0] + " ».");
  auto db = store::Database::open(database_url(args), 1);
  store::migrate(*db);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::Services services(ctx);
  const bool dry = args.flag("dry-run");
  const auto report = dry ? services.rgpd.plan() : services.rgpd.purge({"cli: purge", "local"});
  print_purge(report, dry, std::cout);
  return 0;
}

}  // namespace binome::cli
