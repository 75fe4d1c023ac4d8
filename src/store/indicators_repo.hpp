// What the governance indicators read: dates, flags and the facts that decide scope, never a
// name. One département at a time.
#pragma once
#include <soci/soci.h>

#include <string>
#include <utility>
#include <vector>

#include "domain/indicators.hpp"
#include "domain/scope.hpp"

namespace binome::store {

template <typename Fact>
using Scoped = std::pair<domain::PersonScope, Fact>;

struct IndicatorSource {
  std::vector<Scoped<domain::SupportIndicatorFact>> supports;
  std::vector<Scoped<domain::OrientationIndicatorFact>> orientations;
  std::vector<Scoped<domain::SocialSupportIndicatorFact>> social_supports;
};

IndicatorSource load_indicator_source(soci::session& sql, const std::string& departement);

}  // namespace binome::store
