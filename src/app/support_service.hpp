// Axe 2: entry from an orientation, bilans, renewals and exits under the convention in force
// on the day of entry; every step scoped, timestamped and audited.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/convention_rules_cache.hpp"
#include "domain/portfolio.hpp"
#include "domain/support.hpp"
#include "store/history_repo.hpp"
#include "store/supports_repo.hpp"

namespace binome::app {

struct SupportView {
  store::SupportRow row;
  std::string period_end;  // the review is due then
  // Whether the convention still allows a renewal; when not, the review leads to the exit.
  bool renewable = false;
  std::optional<int> max_total_months;
  std::vector<int> renewal_steps;  // the convention's renewal durations
  std::vector<store::HistoryEvent> history;
};

struct ProfileInForce {
  std::string code, label;
  domain::ConventionRules rules;
};

class SupportService {
 public:
  explicit SupportService(Context& ctx) : ctx_(ctx) {}
  SupportView enter(const domain::Actor& actor, std::int64_t orientation_id,
                    const std::string& start_date, int initial_months, const Origin& origin);
  std::vector<SupportView> of_person(const domain::Actor& actor, std::int64_t person_id,
                                     const Origin& origin);
  SupportView bilan(const domain::Actor& actor, std::int64_t id, const std::string& result,
                    const Origin& origin);
  SupportView renew(const domain::Actor& actor, std::int64_t id, int months, const Origin& origin);
  SupportView exit(const domain::Actor& actor, std::int64_t id, const std::string& outcome,
                   const std::string& exit_date, const Origin& origin);
  // The portfolios the actor may see: their own as a referent, their reach's as coordinateur.
  struct Portfolio {
    std::optional<ProfileInForce> convention;
    std::vector<domain::CounsellorFigures> counsellors;
    std::map<std::int64_t, std::string> names;  // user id -> display name
  };
  Portfolio portfolio(const domain::Actor& actor);
  // The people behind a portfolio's figures: supports in progress of a counsellor (and of
  // one binôme when the social referent is given), within the actor's reach; audited.
  std::vector<SupportView> portfolio_persons(const domain::Actor& actor, std::int64_t conseiller_id,
                                             std::optional<std::int64_t> referent_social_id,
                                             const Origin& origin);
  // Supports whose review is due within `days` (or past), visible to the actor; for a list,
  // without each support's history.
  std::vector<SupportView> reviews_due(const domain::Actor& actor, int days,
                                       ConventionRulesCache& rules);
  // In-work follow-ups ending within `days`, visible to the actor; without their history.
  std::vector<SupportView> followups_ending(const domain::Actor& actor, int days,
                                            ConventionRulesCache& rules);

 private:
  store::SupportRow load(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  domain::ConventionRules rules_of(const store::SupportRow& row);
  SupportView view(store::SupportRow row);
  // view() without the history, the convention taken from `rules`.
  SupportView list_view(store::SupportRow row, ConventionRulesCache& rules);
  void record(soci::session& sql, const domain::Actor& actor, const store::SupportRow& row,
              const std::string& kind, const std::string& detail, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
