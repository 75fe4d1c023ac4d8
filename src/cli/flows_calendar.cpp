// binome flows calendar: the next deposit days of the RSA flows for a département.
#include <iostream>

#include "cli/flows_commands.hpp"
#include "domain/flow_calendar.hpp"

namespace binome::cli {

int run_flows_calendar(const Argv& argv) {
  Args args(argv, {"departement", "mois", "maintenant"}, {});
  const domain::Calendar cal(args.get_or("departement", "62"));
  const int months = args.get_int("mois", 3, 1, 24);
  domain::Timestamp now =
      std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  if (auto v = args.get("maintenant")) {
    auto t = domain::parse_iso(*v);
    if (!t) throw UsageError("--maintenant attend un instant AAAA-MM-JJTHH:MM:SSZ.");
    now = *t;
  }
  std::cout << "Calendrier des flux RSA, département " << cal.departement()
            << (cal.alsace_moselle() ? " (jours fériés d'Alsace-Moselle)" : "") << " :\n";
  const domain::Date next_cgpem = domain::next_cgpem_deadline(cal, now);
  const domain::Date next_pecgm = domain::next_pecgm_available(cal, now);
  std::cout << "  prochain CGPEM à déposer : " << domain::french_long_date(next_cgpem)
            << " avant 17 h (heure de Paris)\n  prochain PECGM disponible : "
            << domain::french_long_date(next_pecgm) << "\n";
  // Month by month from the current one; what is already past is said so.
  const auto local = domain::paris_time(now).date;
  std::chrono::year_month ym{local.year(), local.month()};
  for (int i = 0; i < months; ++i, ym += std::chrono::months{1}) {
    const auto pecgm = domain::pecgm_available(cal, ym);
    const auto cgpem = domain::cgpem_deadline(cal, ym);
    auto when = [&](const std::optional<domain::Date>& d, const domain::Date& next) {
      if (!d) return std::string("aucune date ce mois-ci");
      const bool past = std::chrono::sys_days{*d} < std::chrono::sys_days{next};
      return domain::french_long_date(*d) + (past ? " (passé)" : "");
    };
    std::cout << "  " << domain::to_iso(domain::Date{ym / 1}).substr(0, 7) << " : PECGM le "
              << when(pecgm, next_pecgm) << " ; CGPEM au plus tard le " << when(cgpem, next_cgpem)
              << " avant 17 h\n";
  }
  return 0;
}

}  // namespace binome::cli
