// Routes of the monthly portfolio reviews (kept out of routes.hpp so that adding them
// rebuilds only the server).
#pragma once
#include "http/routes.hpp"

namespace binome::http {

void add_review_routes(Router& router, RouteDeps deps);

}  // namespace binome::http
