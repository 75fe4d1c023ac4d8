// Storage of axe 3 (social-only) supports.
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"

namespace binome::store {

struct SocialSupportRow {
  std::int64_t id = 0, person_id = 0, profile_id = 0, profile_version_id = 0;
  std::string profile_label;
  std::optional<std::int64_t> service_org_id;
  std::string service_name;
  std::string state;
  std::int64_t requested_by = 0;
  std::string planned_start;
  std::optional<std::string> start_date;
  int total_months = 0, renewals = 0;
  std::optional<std::int64_t> validated_by;
  std::optional<std::string> validated_at;
  bool quota_override = false;
  std::optional<std::string> end_date, end_reason;
  domain::PersonScope person_scope;
  std::string person_name;
  bool person_brsa = false;
};

std::int64_t insert_social_support(soci::session& sql, const SocialSupportRow& row,
                                   const std::string& now);
void update_social_support(soci::session& sql, const SocialSupportRow& row, const std::string& now);
std::optional<SocialSupportRow> find_social_support(soci::session& sql, std::int64_t id);
std::vector<SocialSupportRow> social_supports_of_person(soci::session& sql, std::int64_t person_id);
// Those awaiting validation or in progress.
std::vector<SocialSupportRow> open_social_supports(soci::session& sql);
// Those in a state ('a_valider' or 'en_cours') of the persons within the reach.
std::vector<SocialSupportRow> social_supports_in_reach(soci::session& sql,
                                                       const domain::Reach& reach,
                                                       const std::string& state);
// Starts in a calendar year under one convention: in one service, and in all.
int axe3_starts_in_service(soci::session& sql, std::int64_t profile_id, std::int64_t service_org_id,
                           int year);
int axe3_starts_in_all(soci::session& sql, std::int64_t profile_id, int year);

}  // namespace binome::store
