#include <iostream>

#include "app/services.hpp"
#include "app/system_clock.hpp"
#include "cli/args.hpp"
#include "cli/commands.hpp"
#include "domain/time.hpp"

namespace binome::cli {

int run_audit(const Argv& argv) {
  if (argv.empty()) throw UsageError("Sous-commande attendue : verify ou export.");
  const std::string sub = argv[0];
  Args args(Argv(argv.begin() + 1, argv.end()), {"db", "from", "to", "person"}, {});
  auto db = store::Database::open(database_url(args), 1);
  app::SystemClock clock;
  app::Context ctx{*db, clock, {}};
  app::AuditService audit(ctx);
  if (sub == "verify") {
    const auto report = audit.verify();
    (report.ok ? std::cout : std::cerr) << report.message << "\n";
    return report.ok ? 0 : 1;
  }
  if (sub == "export") {
    store::AuditFilter filter;
    for (const char* name : {"from", "to"})
      if (auto v = args.get(name)) {
        if (!domain::parse_date(*v))
          throw UsageError(std::string("--") + name + " attend une date AAAA-MM-JJ.");
        (std::string(name) == "from" ? filter.from : filter.to) = *v;
      }
    if (args.get("person")) filter.person_id = args.get_int("person", 0, 1, 2147483647);
    domain::Actor actor = app::operator_actor();
    actor.role = domain::Role::dpo;
    audit.export_csv(actor, filter, [](const std::string& s) { std::cout << s; },
                     {"cli: audit export", "local"});
    return 0;
  }
  throw UsageError("Sous-commande inconnue : « " + sub + " » (verify ou export).");
}

}  // namespace binome::cli
