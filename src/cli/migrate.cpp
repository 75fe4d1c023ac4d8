#include <iostream>

#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "store/migrations.hpp"

namespace binome::cli {

int run_migrate(const Argv& argv) {
  Args args(argv, {"db"}, {});
  auto db = store::Database::open(database_url(args), 1);
  const int applied = store::migrate(*db);
  std::cout << "Schéma en version " << store::schema_version(*db) << " (" << applied
            << " migration(s) appliquée(s)).\n";
  return 0;
}

}  // namespace binome::cli
