// Governance indicators for a département, a territory, an agence or a counsellor over a
// period (the current quarter by default), scoped by role: pilotage reads aggregates with
// small cells masked, a coordinateur the exact figures of their reach, a conseiller their own.
// Exports (CSV, XLSX) are audited; a refusal is audited too.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "domain/indicators.hpp"

namespace binome::app {

struct IndicatorQuery {
  std::optional<std::string> scope;  // departement, territory, agence, counsellor
  std::optional<std::string> id;
  std::optional<std::string> from, to;  // YYYY-MM-DD
};

struct IndicatorReport {
  std::string scope, scope_id, scope_label;
  std::string from, to;
  std::optional<std::string> convention_code, convention_label;
  bool masked = false;  // small cells suppressed (aggregate-only reader)
  std::vector<domain::IndicatorTable> tables;
  // The places inside the actor's reach they may choose next (territories, agences).
  struct Choice {
    std::string scope, id, label;
  };
  std::vector<Choice> choices;
};

class IndicatorService {
 public:
  explicit IndicatorService(Context& ctx) : ctx_(ctx) {}
  IndicatorReport compute(const domain::Actor& actor, const IndicatorQuery& query,
                          const Origin& origin);
  // One table (by key) or all of them; `format` is "csv" or "xlsx". Audited.
  std::string export_tables(const domain::Actor& actor, const IndicatorQuery& query,
                            const std::optional<std::string>& table, const std::string& format,
                            const Origin& origin);

  // The figures of the annual FSE execution report (seed 003 art. 5) for the calendar year:
  // pilotage (small cells masked) and coordinateurs (their reach) only.
  IndicatorReport fse_annual(const domain::Actor& actor, const IndicatorQuery& query, int year,
                             const Origin& origin);
  // The same as XLSX, audited (fse_report.export).
  std::string fse_annual_xlsx(const domain::Actor& actor, const IndicatorQuery& query, int year,
                              const Origin& origin);

 private:
  // The place checked against the actor's reach and the facts of its persons, before any
  // formula: what the quarterly indicators and the annual FSE figures share.
  struct Gathered {
    IndicatorReport report;  // without tables
    domain::Period period;
    domain::IndicatorCounts counts;  // the quarterly pack: SQL aggregates
    domain::IndicatorFacts facts;    // the annual FSE report: the rows themselves
    domain::ConventionRules rules;
    std::vector<std::pair<std::string, std::string>> origin_names;
    std::vector<domain::Labelled> labels() const;
  };
  // with_facts: load the rows (the annual report's formulas) rather than the SQL counts.
  Gathered gather(const domain::Actor& actor, const IndicatorQuery& query, const Origin& origin,
                  bool with_facts);
  Context& ctx_;
};

// The CSV and XLSX renderings of a report (also used by the committees' indicator pack).
std::string indicators_csv(const IndicatorReport& report);
std::string indicators_xlsx(const IndicatorReport& report);

}  // namespace binome::app
