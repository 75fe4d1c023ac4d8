#include "app/convention_rules_cache.hpp"

#include "store/profiles_repo.hpp"

namespace binome::app {

const domain::ConventionRules* ConventionRulesCache::find(std::int64_t profile_id,
                                                          std::int64_t version_id) {
  const std::pair key{profile_id, version_id};
  auto it = known_.find(key);
  if (it == known_.end())
    it = known_
             .emplace(key, db_.with_session([&](soci::session& sql) {
               return store::find_version_rules(sql, profile_id, version_id);
             }))
             .first;
  return it->second ? &*it->second : nullptr;
}

}  // namespace binome::app
