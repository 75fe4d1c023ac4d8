#include "domain/daily_hour.hpp"

namespace binome::domain {

bool paris_hour_reached(Timestamp now, int hour) {
  // france_local shifts the instant by Paris's offset: its UTC hour is the hour read in Paris.
  return hour_of(france_local(now)) >= hour;
}

}  // namespace binome::domain
