// Each file registers the routes of one resource.
#pragma once
#include "app/services.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace binome::http {

struct RouteDeps {
  app::Services& services;
  Metrics& metrics;
  bool secure_cookies = false;
};

void add_session_routes(Router& router, RouteDeps deps);
void add_person_routes(Router& router, RouteDeps deps);
void add_audit_routes(Router& router, RouteDeps deps);
void add_admin_routes(Router& router, RouteDeps deps);
void add_system_routes(Router& router, RouteDeps deps);
void add_profile_routes(Router& router, RouteDeps deps);
void add_orientation_routes(Router& router, RouteDeps deps);
void add_support_routes(Router& router, RouteDeps deps);
void add_axe3_routes(Router& router, RouteDeps deps);
void add_appointment_routes(Router& router, RouteDeps deps);
void add_binome_routes(Router& router, RouteDeps deps);
void add_worklist_routes(Router& router, RouteDeps deps);
void add_resource_routes(Router& router, RouteDeps deps);
void add_commune_routes(Router& router, RouteDeps deps);
void add_rgpd_routes(Router& router, RouteDeps deps);
void add_indicator_routes(Router& router, RouteDeps deps);
// The JSON of an indicator report (also embedded in a committee's indicator pack).
Json indicator_report_json(const app::IndicatorReport& report);
void add_flows_routes(Router& router, RouteDeps deps);
void add_identity_routes(Router& router, RouteDeps deps);

}  // namespace binome::http
