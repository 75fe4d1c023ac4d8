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

 private:
  Context& ctx_;
};

// The CSV and XLSX renderings of a report (also used by the committees' indicator pack).
std::string indicators_csv(const IndicatorReport& report);
std::string indicators_xlsx(const IndicatorReport& report);

}  // namespace binome::app
