// Portfolios (seed 002 art. 3, seed 003 art. 2.2 d): each counsellor's active supports against
// the convention's bounds, the share of BrSa against its target, and each binôme's new
// entries of the year against its target. Counts only: no person is named.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention_profile.hpp"

namespace binome::domain {

struct SupportFact {
  std::int64_t conseiller_id = 0;
  std::optional<std::int64_t> referent_social_id;
  bool active = false;  // en cours (not in in-work follow-up, not ended)
  bool brsa = false;
  std::string start_date;
};

struct BinomeFigures {
  std::optional<std::int64_t> referent_social_id;
  int new_entries_year = 0;
};

struct CounsellorFigures {
  std::int64_t conseiller_id = 0;
  int active = 0;
  int brsa_active = 0;
  std::optional<int> brsa_share_pct;  // of the active supports
  std::string bounds_state;           // "sous", "dans", "au_dessus" or "" without bounds
  std::vector<BinomeFigures> binomes;
};

std::vector<CounsellorFigures> portfolio_figures(const std::vector<SupportFact>& facts,
                                                 const ConventionRules& rules, int year);

}  // namespace binome::domain
