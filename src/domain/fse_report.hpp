// The figures of the annual FSE execution report (seed 003 art. 5: « un bilan d'exécution
// annuel (qualitatif, quantitatif et financier) … au plus tard le 30 juin de l'année N+1 »):
// the quantitative part binome can vouch for, over a calendar year. Pure formulas over the
// same facts as the indicators; each figure is defined in docs/INDICATEURS.md.
#pragma once
#include <vector>

#include "domain/indicators.hpp"

namespace binome::domain {

// The year's tables: participants (with the two semesters' FSE lists), their profile at
// entry, exits and results, the means (counsellors, binômes), axe 3 starts.
std::vector<IndicatorTable> fse_annual_tables(const IndicatorFacts& facts,
                                              const ConventionRules& rules, int year,
                                              const std::vector<Labelled>& origin_labels);

// What the report needs and binome does not hold (qualitative and financial parts…), French.
std::vector<std::string> fse_report_not_held();

}  // namespace binome::domain
