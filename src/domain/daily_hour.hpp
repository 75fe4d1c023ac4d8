// When a daily job run by `serve` (the « à faire » e-mail) is due: an hour the operator gives
// as the users read the clock, in Paris, so that it does not move by an hour twice a year nor
// fall on the day before.
#pragma once
#include "domain/time.hpp"

namespace binome::domain {

// True once the wall clock of Paris at `now` reads `hour` o'clock (0–23) or later that day.
bool paris_hour_reached(Timestamp now, int hour);

}  // namespace binome::domain
