#include "domain/portfolio.hpp"

namespace binome::domain {

std::vector<CounsellorFigures> portfolio_figures(const std::vector<SupportFact>& facts,
                                                 const ConventionRules& rules, int year) {
  std::map<std::int64_t, CounsellorFigures> by_counsellor;
  std::map<std::int64_t, std::map<std::int64_t, int>> entries;  // counsellor -> social (0 = none)
  const std::string prefix = std::to_string(year) + "-";
  for (const auto& f : facts) {
    auto& c = by_counsellor[f.conseiller_id];
    c.conseiller_id = f.conseiller_id;
    if (f.active) {
      ++c.active;
      if (f.brsa) ++c.brsa_active;
    }
    auto& per_binome = entries[f.conseiller_id][f.referent_social_id.value_or(0)];
    if (f.start_date.rfind(prefix, 0) == 0) ++per_binome;
  }
  std::vector<CounsellorFigures> out;
  for (auto& [id, c] : by_counsellor) {
    if (c.active > 0) c.brsa_share_pct = c.brsa_active * 100 / c.active;
    if (rules.portfolio_min || rules.portfolio_max) {
      if (rules.portfolio_min && c.active < *rules.portfolio_min)
        c.bounds_state = "sous";
      else if (rules.portfolio_max && c.active > *rules.portfolio_max)
        c.bounds_state = "au_dessus";
      else
        c.bounds_state = "dans";
    }
    for (const auto& [social, count] : entries[id])
      c.binomes.push_back({social ? std::optional<std::int64_t>(social) : std::nullopt, count});
    out.push_back(std::move(c));
  }
  return out;
}

}  // namespace binome::domain
