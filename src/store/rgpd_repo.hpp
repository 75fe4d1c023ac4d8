// Storage for the RGPD obligations: what the purge judges and does, the data-subject
// requests, the breach register, the reviews of the sub-processors' list, and everything
// binome holds about one person (for an access request).
#pragma once
#include <soci/soci.h>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace binome::store {

// ---- retention ----
struct RetentionCandidate {
  std::int64_t person_id = 0;
  std::string departement;
  std::string created_on;                 // the day the person was created, AAAA-MM-JJ
  std::vector<std::int64_t> profile_ids;  // of its orientations, supports and axe 3
  bool support_in_progress = false;
  bool has_fiche = false;  // an orientation exists
  long long followup_rows = 0;
  long long flow_rows = 0;  // its job-seeker snapshot and flow events (part of followup_rows)
};
// Every person not yet anonymised.
std::vector<RetentionCandidate> retention_candidates(soci::session& sql);
// Deletes the follow-up data of a person (appointments, tasks and EP decisions, resource
// links, binôme history); returns the number of rows deleted.
long long delete_followup_data(soci::session& sql, std::int64_t person_id);
// Deletes what the RSA flows brought about a person (flow events, job-seeker snapshot with the
// sealed NIR); returns the number of rows deleted.
long long delete_flow_data(soci::session& sql, std::int64_t person_id);
// Erases the identity and keeps the row with what indicators count (département,
// territory, agence, referents, BRSA, RQTH, family situation, children, birth year).
void anonymise_person(soci::session& sql, std::int64_t person_id, const std::string& now);
void restrict_person(soci::session& sql, std::int64_t person_id, const std::string& reason,
                     const std::string& now);
// Claims the day's purge; false when another run already claimed it.
bool claim_purge_day(soci::session& sql, const std::string& day, const std::string& now);
void finish_purge_day(soci::session& sql, const std::string& day, const std::string& now,
                      int followup, int anonymised);

// ---- data-subject requests ----
struct RgpdRequestRow {
  std::int64_t id = 0;
  std::string kind, received_on, due_on, last_name, first_name, birth_date, status;
  std::optional<std::int64_t> person_id;
  std::optional<std::string> outcome, answer, answered_at;
  std::string recorded_at;
};
std::int64_t insert_rgpd_request(soci::session& sql, const RgpdRequestRow& r,
                                 std::int64_t recorded_by);
std::vector<RgpdRequestRow> list_rgpd_requests(soci::session& sql, bool open_only);
std::optional<RgpdRequestRow> find_rgpd_request(soci::session& sql, std::int64_t id);
void close_rgpd_request(soci::session& sql, std::int64_t id, const std::string& outcome,
                        const std::string& answer, std::int64_t by, const std::string& now);
struct BornOn {
  std::int64_t id = 0;
  std::string last_name, first_name;
};
// Persons born on that day, not anonymised (the service compares the folded names).
std::vector<BornOn> persons_born_on(soci::session& sql, const std::string& birth_date);
// Whether the person has a fiche de liaison (an orientation): then the FSE keeps it.
bool has_fiche(soci::session& sql, std::int64_t person_id);

// Everything held about one person, table by table, as JSON (column names as keys), and
// the audit records that name the person (as subject or in a list read).
nlohmann::json person_data(soci::session& sql, std::int64_t person_id);
nlohmann::json person_audit(soci::session& sql, std::int64_t person_id);

// ---- breaches ----
struct BreachRow {
  std::int64_t id = 0;
  std::string discovered_at;
  bool api_incident = false;
  std::string nature, summary;
  std::optional<std::int64_t> persons_affected;
  std::string deadline_at;
  std::optional<std::string> notified_at, notified_to;
  std::string recorded_at;
};
std::int64_t insert_breach(soci::session& sql, const BreachRow& b, std::int64_t recorded_by);
std::vector<BreachRow> list_breaches(soci::session& sql);
std::optional<BreachRow> find_breach(soci::session& sql, std::int64_t id);
void record_breach_notification(soci::session& sql, std::int64_t id, const std::string& at,
                                const std::string& to);

// ---- sub-processors ----
struct SubprocessorRow {
  std::int64_t org_id = 0;
  std::string name, departement;
  std::optional<std::string> contract_start, contract_end;
};
std::vector<SubprocessorRow> list_subprocessors(soci::session& sql);
// Last review date per département.
std::vector<std::pair<std::string, std::string>> last_subprocessor_reviews(soci::session& sql);
void insert_subprocessor_review(soci::session& sql, const std::string& departement,
                                const std::string& day, std::int64_t by, const std::string& now);

}  // namespace binome::store
