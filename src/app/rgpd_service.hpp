// The RGPD obligations of domain.md § 9: retention and purge, data-subject requests
// answered within one month, the register of processing activities, the sub-processors and
// their six-monthly review, the breach register with its notification deadline.
// Everything but the purge (run by the system) is the dpo's.
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/retention.hpp"
#include "store/rgpd_repo.hpp"

namespace binome::app {

struct PurgeItem {
  std::int64_t person_id = 0;
  std::string departement;
  std::string convention;  // code
  domain::RetentionCategory category = domain::RetentionCategory::suivi;
  std::string limit;  // last day the data could be kept
  std::string rule;
  std::string action;  // "suppression" or "anonymisation"
  long long rows = 0;  // follow-up rows concerned
};

// A raw exchange file of the RSA flows past its retention (90 days after the import).
struct RawFilePurgeItem {
  std::int64_t import_id = 0;
  std::string kind, departement, file_name, path, imported_at;
  std::string limit;  // last day it could be kept
  std::string rule;
};

struct PurgeReport {
  std::vector<PurgeItem> items;
  std::vector<RawFilePurgeItem> raw_files;
  int persons_without_convention = 0;  // kept: no convention to judge them by
  int persons_in_progress = 0;         // kept: a support is in progress
  bool already_run_today = false;
};

struct RgpdRequestInput {
  std::string kind, received_on, last_name, first_name, birth_date;
};

struct BreachInput {
  std::string discovered_at;  // ISO timestamp
  bool api_incident = false;
  std::string nature, summary;
  std::optional<std::int64_t> persons_affected;
};

struct BreachView {
  store::BreachRow row;
  std::string state;           // a_notifier, en_retard, notifiee
  long long seconds_left = 0;  // until the deadline (negative once passed)
};

struct SubprocessorView {
  std::string departement;
  std::optional<std::string> last_review, next_review_due;
  bool review_due = false;
  std::vector<store::SubprocessorRow> partners;
};

struct DpoItem {  // for the dpo's « à faire »
  std::string kind, label, due_on, rule, link;
  std::optional<std::int64_t> request_id, breach_id;
};

class RgpdService {
 public:
  explicit RgpdService(Context& ctx) : ctx_(ctx) {}

  // ---- retention ----
  PurgeReport plan();
  // Purges what is due, one transaction per person with its audit records.
  PurgeReport purge(const Origin& origin);
  // Once a day across instances (purge_runs), for serve.
  PurgeReport purge_daily(const Origin& origin);

  // ---- data-subject requests ----
  store::RgpdRequestRow record_request(const domain::Actor& actor, const RgpdRequestInput& in,
                                       const Origin& origin);
  std::vector<store::RgpdRequestRow> requests(const domain::Actor& actor, bool open_only,
                                              const Origin& origin);
  nlohmann::json access_export(const domain::Actor& actor, std::int64_t request_id,
                               const Origin& origin);
  std::string access_pdf(const domain::Actor& actor, std::int64_t request_id, const Origin& origin);
  // Answers the request: erasure (anonymisation, or restriction of a fiche the FSE keeps),
  // limitation and opposition (restriction), access and rectification (closed).
  store::RgpdRequestRow answer(const domain::Actor& actor, std::int64_t request_id,
                               const Origin& origin);

  // ---- breaches ----
  BreachView record_breach(const domain::Actor& actor, const BreachInput& in, const Origin& origin);
  std::vector<BreachView> breaches(const domain::Actor& actor, const Origin& origin);
  BreachView notify_breach(const domain::Actor& actor, std::int64_t id,
                           const std::string& notified_at, const std::string& notified_to,
                           const Origin& origin);

  // ---- registers ----
  nlohmann::json processing_register(const domain::Actor& actor, const Origin& origin);
  std::vector<SubprocessorView> subprocessors(const domain::Actor& actor, const Origin& origin);
  void review_subprocessors(const domain::Actor& actor, const std::string& departement,
                            const Origin& origin);

  // What waits for the dpo: open requests, breaches to notify, reviews due.
  std::vector<DpoItem> dpo_items();

 private:
  void require_dpo(const domain::Actor& actor, const Origin& origin);
  BreachView view(const store::BreachRow& row) const;
  store::RgpdRequestRow request_or_404(std::int64_t id);
  Context& ctx_;
};

// Hours the other party is given after a breach's discovery: 36, or 48 for an incident of
// the API amendment.
int breach_notification_hours(bool api_incident);

}  // namespace binome::app
