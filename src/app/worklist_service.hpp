// The "à faire" list of a user, computed from the rules and never typed by hand: entries due,
// reviews and bilans due, renewals reaching the maximum, in-work follow-ups ending,
// attendance to record, no-shows and sanction procedures, axe 3 validations and
// re-examinations. Each item names its due date, the rule and the convention it comes from,
// and where to act. The dpo's list holds the data-subject requests, the breaches to notify
// and the reviews of the sub-processors' list.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"

namespace binome::app {

class OrientationService;
class SupportService;
class Axe3Service;
class AppointmentService;
class ResourceBaseService;
class RgpdService;

struct WorklistItem {
  std::string kind;
  std::string label;
  std::int64_t person_id = 0;  // 0: not about a person (a resource sheet to update)
  std::string person_name;
  std::optional<std::string> due_on;
  std::string rule;        // the rule, in French
  std::string convention;  // the convention it comes from, when it does
  std::string link;        // where to act, in the UI
  std::optional<std::int64_t> task_id, orientation_id, support_id, axe3_id, appointment_id,
      flow_event_id;
  std::optional<std::int64_t> rgpd_request_id, breach_id;  // the dpo's items
};

class WorklistService {
 public:
  WorklistService(Context& ctx, OrientationService& orientations, SupportService& supports,
                  Axe3Service& axe3, AppointmentService& appointments,
                  ResourceBaseService& resources, RgpdService& rgpd)
      : ctx_(ctx),
        orientations_(orientations),
        supports_(supports),
        axe3_(axe3),
        appointments_(appointments),
        resources_(resources),
        rgpd_(rgpd) {}
  // One page of the list sorted by due date (undated last), and how many items wait in all.
  // Reading it is audited like any list of persons, naming the persons of the page.
  struct Page {
    std::vector<WorklistItem> items;
    std::size_t total = 0;
  };
  Page of(const domain::Actor& actor, int page, int per_page, const Origin& origin);
  // How many items wait, for the e-mail digest: no person leaves the server, nothing to trace.
  std::size_t count(const domain::Actor& actor);
  // A referent takes an event of the RSA flows into account: it leaves the list of both.
  void acknowledge_flow_event(const domain::Actor& actor, std::int64_t event_id,
                              const Origin& origin);

 private:
  std::vector<WorklistItem> compute(const domain::Actor& actor);
  Context& ctx_;
  OrientationService& orientations_;
  SupportService& supports_;
  Axe3Service& axe3_;
  AppointmentService& appointments_;
  ResourceBaseService& resources_;
  RgpdService& rgpd_;
};

}  // namespace binome::app
