// Axe 3, the social-only support: asked by the binôme, validated by the role the convention
// names (with the yearly quota, or a coordinateur's traced override), renewed within the
// convention's limits after the counsellor's re-examination, ended with a reason. The France
// Travail support is suspended meanwhile: no axe 2 entry while an axe 3 runs.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/convention_rules_cache.hpp"
#include "domain/axe3.hpp"
#include "store/history_repo.hpp"
#include "store/social_supports_repo.hpp"

namespace binome::app {

struct Axe3View {
  store::SocialSupportRow row;
  std::optional<std::string> review_due_on;  // the counsellor's re-examination
  std::vector<store::HistoryEvent> history;
};

class Axe3Service {
 public:
  explicit Axe3Service(Context& ctx) : ctx_(ctx) {}
  Axe3View request(const domain::Actor& actor, std::int64_t person_id,
                   const std::string& planned_start, const Origin& origin);
  // accept or refuse; `override_quota` lets a coordinateur start beyond the yearly quota.
  Axe3View validate(const domain::Actor& actor, std::int64_t id, bool accept, bool override_quota,
                    const Origin& origin);
  Axe3View renew(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  Axe3View end(const domain::Actor& actor, std::int64_t id, const std::string& reason,
               const std::string& end_date, const Origin& origin);
  std::vector<Axe3View> of_person(const domain::Actor& actor, std::int64_t person_id,
                                  const Origin& origin);
  // For the "à faire" list: starts the actor may validate, re-examinations due within `days`
  // (without each one's history).
  std::vector<Axe3View> to_validate(const domain::Actor& actor, ConventionRulesCache& rules);
  std::vector<Axe3View> reexams_due(const domain::Actor& actor, int days);
  // Whether an axe 3 is running for the person (the France Travail support is suspended).
  bool running_for(std::int64_t person_id);

 private:
  store::SocialSupportRow load(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  domain::Axe3Rules rules_of(const store::SocialSupportRow& row);
  Axe3View view(store::SocialSupportRow row);
  Axe3View list_view(store::SocialSupportRow row);  // view() without the history
  void record(soci::session& sql, const domain::Actor& actor, const store::SocialSupportRow& row,
              const std::string& kind, const std::string& detail, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
