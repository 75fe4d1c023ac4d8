// A synthetic département for benchmarks: on top of the demo "Val-de-Démo" (code 00), N
// fictional persons and M users spread over territories, agences and SLAI, with orientations
// at every step, supports, binômes, appointments and tasks, written in bulk (multi-row
// INSERTs, a transaction per batch). Only ever into a database holding no user and no person:
// it must not mix with real data.
#pragma once
#include <functional>
#include <string>

#include "app/context.hpp"

namespace binome::app {

struct SyntheticResult {
  int persons = 0, users = 0, orientations = 0, supports = 0, appointments = 0, tasks = 0;
  std::string first_conseiller;  // a login with a typical portfolio, for the load tests
};

// True when the database holds no user and no person (what the generator requires).
bool database_is_empty(Context& ctx);

// Requires load_demo() just before, on an empty database (checked by the caller). The
// password hash is shared by every synthetic user. `progress` receives French lines.
SyntheticResult load_synthetic(Context& ctx, int persons, int users,
                               const std::string& password_hash,
                               const std::function<void(const std::string&)>& progress);

}  // namespace binome::app
