// Portfolio figures: active supports per counsellor against bounds, BrSa share, new entries
// of the year per binôme.
#include "domain/portfolio.hpp"

#include <gtest/gtest.h>

namespace binome::domain {
namespace {

TEST(PortfolioTest, CountsPerCounsellorAndBinome) {
  ConventionRules r;
  r.portfolio_min = 2;
  r.portfolio_max = 3;
  std::vector<SupportFact> facts = {
      {1, 10, true, true, "2026-02-01"},  {1, 10, true, false, "2025-12-01"},
      {1, 11, true, true, "2026-03-01"},  {1, 11, false, true, "2026-04-01"},
      {2, 10, true, false, "2026-01-10"},
  };
  const auto figures = portfolio_figures(facts, r, 2026);
  ASSERT_EQ(figures.size(), 2u);
  EXPECT_EQ(figures[0].active, 3);
  EXPECT_EQ(figures[0].brsa_share_pct, 66);
  EXPECT_EQ(figures[0].bounds_state, "dans");
  ASSERT_EQ(figures[0].binomes.size(), 2u);
  EXPECT_EQ(figures[0].binomes[0].new_entries_year, 1) << "the 2025 entry does not count in 2026";
  EXPECT_EQ(figures[0].binomes[1].new_entries_year, 2)
      << "an ended support entered this year counts";
  EXPECT_EQ(figures[1].bounds_state, "sous");
  EXPECT_EQ(figures[1].brsa_share_pct, 0);
  r.portfolio_min.reset();
  r.portfolio_max.reset();
  EXPECT_EQ(portfolio_figures(facts, r, 2026)[0].bounds_state, "") << "no bounds, no judgement";
}

}  // namespace
}  // namespace binome::domain
