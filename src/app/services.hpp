// All application services over one context: what the HTTP server and the CLI call.
#pragma once
#include "app/admin_service.hpp"
#include "app/audit_service.hpp"
#include "app/auth_service.hpp"
#include "app/context.hpp"
#include "app/orientation_service.hpp"
#include "app/person_service.hpp"
#include "app/profile_service.hpp"
#include "app/resource_base_service.hpp"
#include "app/support_service.hpp"

namespace binome::app {

struct Services {
  explicit Services(Context& c)
      : ctx(c),
        auth(c),
        persons(c),
        audit(c),
        admin(c),
        profiles(c),
        supports(c),
        resources(c),
        orientations(c, profiles, supports) {}
  Context& ctx;
  AuthService auth;
  PersonService persons;
  AuditService audit;
  AdminService admin;
  ProfileService profiles;
  SupportService supports;
  ResourceBaseService resources;
  OrientationService orientations;
};

}  // namespace binome::app
