// The rules of the convention versions one computation meets, each read once: the rows of a
// list (orientations, supports, axe 3) share a handful of versions, and a version never
// changes once written. Lives for one call, so a new version is seen by the next one.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <utility>

#include "domain/convention_profile.hpp"
#include "store/database.hpp"

namespace binome::app {

class ConventionRulesCache {
 public:
  explicit ConventionRulesCache(store::Database& db) : db_(db) {}
  // The rules of that version of the profile; nullptr when the profile has no such version.
  const domain::ConventionRules* find(std::int64_t profile_id, std::int64_t version_id);

 private:
  store::Database& db_;
  std::map<std::pair<std::int64_t, std::int64_t>, std::optional<domain::ConventionRules>> known_;
};

}  // namespace binome::app
