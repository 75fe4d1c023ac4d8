// What the governance indicators read: counts over dates, flags and the facts that decide
// scope, never a name. The counts are SQL aggregates over the period's rows of the scope (a
// handful of grouped rows come back, not one row per support), equal by construction to
// domain::count_indicator_facts over the same rows (tests/integration/indicators_sql_test.cpp).
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/indicators.hpp"

namespace binome::store {

// The persons counted: those of a département whose current fiche also has each listed value.
struct IndicatorPersons {
  enum class Column { territory, agence, conseiller, referent_org };
  std::string departement;
  std::vector<std::pair<Column, std::int64_t>> equal;
};

// `counsellors`: every counsellor of the scope, counted in the portfolios even without support.
domain::IndicatorCounts count_indicators(soci::session& sql, const IndicatorPersons& persons,
                                         const domain::Period& period,
                                         const std::vector<std::int64_t>& counsellors);

// The active counsellors of a département, of one territory or agence of it, or one of them
// (the place's portfolios): ids only.
struct CounsellorPlace {
  std::string departement;
  std::optional<std::int64_t> territory_id, agence_id, counsellor_id;
};
std::vector<std::int64_t> counsellors_of(soci::session& sql, const CounsellorPlace& place);

// The rows themselves (no name), for formulas run over a whole year once in a while: the
// annual FSE report (domain/fse_report). The quarterly pack uses count_indicators.
domain::IndicatorFacts load_indicator_facts(soci::session& sql, const IndicatorPersons& persons);

}  // namespace binome::store
