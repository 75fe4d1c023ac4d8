// Governance indicators (seed 000 titre 3, seed 001 art. 9, seed 002 art. 5, seed 003 art. 3
// and 5): pure formulas over facts read from the store, for one period [from, to] (both days
// included). Every formula is defined in docs/INDICATEURS.md. No person is named here: the
// facts carry dates, flags and ids only.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/convention_profile.hpp"
#include "domain/obstacles.hpp"
#include "domain/time.hpp"

namespace binome::domain {

struct Period {
  Date from, to;  // both included
};
// The calendar quarter that holds the day.
Period quarter_of(const Date& day);
int days_between(const Date& a, const Date& b);  // b - a

// One axe 2 support, with what its person and its orientation say.
struct SupportIndicatorFact {
  std::int64_t conseiller_id = 0;  // 0: none
  std::int64_t referent_social_id = 0;
  bool brsa = false, rqth = false;
  std::string birth_date;   // YYYY-MM-DD
  std::string oriented_on;  // the proposal (fiche de liaison)
  std::string start_date;   // the effective entry
  std::optional<std::string> exit_date, exit_outcome;
};

struct OrientationIndicatorFact {
  std::string oriented_on;
  std::string origin;  // code of orientation_origins
};

struct SocialSupportIndicatorFact {
  std::int64_t service_org_id = 0;
  std::optional<std::string> start_date, end_date;  // start is absent until validated
};

struct IndicatorFacts {
  std::vector<SupportIndicatorFact> supports;
  std::vector<OrientationIndicatorFact> orientations;
  std::vector<SocialSupportIndicatorFact> social_supports;
  // Every counsellor of the scope (with or without a support), for the portfolio bounds.
  std::vector<std::int64_t> counsellors;
};

// One line of an indicator table. `base` is the number of people the figure rests on (the
// count itself for a count, the denominator for a share, the people measured for a mean).
struct IndicatorRow {
  std::string key;    // stable, e.g. "entrees"
  std::string label;  // French
  std::optional<double> value;
  std::string unit;  // "personnes", "jours", "%", "binômes", "conseillers", "accompagnements"
  std::optional<double> target;
  int base = 0;
  bool masked = false;  // shown as "< 5"
};

struct IndicatorTable {
  std::string key;    // e.g. "flux"
  std::string title;  // French
  std::vector<IndicatorRow> rows;
};

// What the tables are made of: the counts of one period over one scope. They come either from
// the facts (count_indicator_facts, the reference formulas) or, at scale, from the store's SQL
// aggregates (store/indicators_repo), which must give the same counts.
struct IndicatorCounts {
  int entries = 0, exits = 0, in_progress = 0;
  int brsa = 0, rqth = 0, under26 = 0, from26to49 = 0, over50 = 0;  // in progress at the end
  std::map<int, int> entry_delays;  // days from orientation to entry -> entries of the period
  long long time_in_support = 0;    // days, summed over the exits of the period
  int cohort = 0, cohort_employed = 0;
  std::map<std::string, int> exits_by_outcome;
  std::map<std::int64_t, int> portfolio;  // counsellor -> supports in progress at the end
  int binomes = 0;  // (counsellor, social referent) pairs with an entry or a support in progress
  std::map<std::string, int> orientations_by_origin;
  int orientations = 0;
  int axe3_started = 0, axe3_ongoing = 0, axe3_started_year = 0;
  std::map<std::int64_t, int> axe3_started_year_by_service;
};

IndicatorCounts count_indicator_facts(const IndicatorFacts& facts, const Period& period);
std::vector<IndicatorTable> indicator_tables(const IndicatorCounts& counts,
                                             const ConventionRules& rules, const Period& period,
                                             const std::vector<Labelled>& origin_labels);

// The period's boundaries as ISO dates that SQL compares as text, each proven equal to the
// formula it replaces (tests/unit/indicators_test.cpp):
// birth dates at or before born_by(on, n) are those of people aged n or more on `on`;
struct AgeBounds {
  std::string born_by_0, born_by_26, born_by_50;
};
AgeBounds age_bounds(const Date& on);
// entries whose 12-month anniversary (plus_months(start, 12)) falls in the period start
// between `from` and `to`, both included.
struct EntryRange {
  std::string from, to;
};
EntryRange twelve_month_cohort(const Period& period);

// Every indicator of docs/INDICATEURS.md over the facts, for the period, against the rules.
std::vector<IndicatorTable> compute_indicators(const IndicatorFacts& facts,
                                               const ConventionRules& rules, const Period& period,
                                               const std::vector<Labelled>& origin_labels);

// Small-cell suppression for aggregate-only readers: any figure resting on fewer than
// `threshold` people (zero included) loses its value and is flagged masked.
void mask_small_cells(std::vector<IndicatorTable>& tables, int threshold = 5);

// "12", "12,5", "< 5", "" (no value): a figure as French readers read it.
std::string display_value(const IndicatorRow& row);
std::string display_number(double v);

}  // namespace binome::domain
