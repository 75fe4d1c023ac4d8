// Orienting a person towards accompagnement global: eligibility, positions of both sides,
// the decision, absences, the fiche de liaison and the deadlines of the "à faire" list.
// Every step is scoped to the person's referents and coordinateurs, timestamped and audited.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/convention_rules_cache.hpp"
#include "domain/orientation.hpp"
#include "exports/fiche_document.hpp"
#include "store/history_repo.hpp"
#include "store/orientations_repo.hpp"

namespace binome::app {

class ProfileService;
class SupportService;

struct OrientationView {
  store::OrientationRow row;
  std::vector<store::HistoryEvent> history;
  domain::Deadline deadline;
  std::vector<std::string> allowed_actions;  // for the caller: position, decision, no_show
  std::vector<int> entry_durations;          // the initial durations the convention allows
};

struct OrientationReferential {
  std::vector<std::pair<std::string, std::string>> origins;
};

class OrientationService {
 public:
  OrientationService(Context& ctx, ProfileService& profiles, SupportService& supports)
      : ctx_(ctx), profiles_(profiles), supports_(supports) {}
  OrientationReferential referential();
  // The admin extends the closed list of origins (seed 003: other social actors join later).
  void add_origin(const domain::Actor& actor, const std::string& code, const std::string& label,
                  const Origin& origin);
  OrientationView create(const domain::Actor& actor, std::int64_t person_id,
                         const domain::OrientationRequest& request, const Origin& origin);
  std::vector<OrientationView> of_person(const domain::Actor& actor, std::int64_t person_id,
                                         const Origin& origin);
  // One page of the orientations in progress the actor reaches, oldest first; only the persons
  // of the page are read, and named in the audit record.
  struct PendingPage {
    std::vector<OrientationView> items;
    std::int64_t total = 0;
  };
  PendingPage pending(const domain::Actor& actor, int page, int per_page, const Origin& origin);
  OrientationView position(const domain::Actor& actor, std::int64_t id, bool accord,
                           const Origin& origin);
  OrientationView decide(const domain::Actor& actor, std::int64_t id, bool oui,
                         const std::optional<std::string>& planned_start,
                         const std::optional<std::string>& reason, const Origin& origin);
  OrientationView no_show(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  // The fiche's content, audited under `action` (fiche.pdf or fiche.zip).
  exports::FicheData fiche(const domain::Actor& actor, std::int64_t id, const std::string& action,
                           const Origin& origin);
  // Pending orientations whose entry deadline is near or past, within the actor's reach.
  std::vector<OrientationView> entries_due(const domain::Actor& actor, ConventionRulesCache& rules);

 private:
  domain::Date today() const;
  store::OrientationRow load(const domain::Actor& actor, std::int64_t id, const Origin& origin);
  // Inside a step's transaction: refuses (409) when the orientation changed since `version`
  // was read, so that two simultaneous steps never both apply.
  void ensure_unchanged(soci::session& sql, std::int64_t id, const std::string& version);
  OrientationView view(const domain::Actor& actor, store::OrientationRow row);
  // The same for the rows of a list: the convention versions read once for all, the histories
  // read beforehand in one query (store::history_events_of).
  OrientationView view(const domain::Actor& actor, store::OrientationRow row,
                       ConventionRulesCache& rules, std::vector<store::HistoryEvent> history);
  std::vector<OrientationView> views(const domain::Actor& actor,
                                     std::vector<store::OrientationRow> rows);
  void record(soci::session& sql, const domain::Actor& actor, const store::OrientationRow& row,
              const std::string& kind, const std::string& detail, const Origin& origin);
  Context& ctx_;
  ProfileService& profiles_;
  SupportService& supports_;
};

}  // namespace binome::app
