// All application services over one context: what the HTTP server and the CLI call.
#pragma once
#include "app/admin_service.hpp"
#include "app/appointment_service.hpp"
#include "app/audit_service.hpp"
#include "app/auth_service.hpp"
#include "app/axe3_service.hpp"
#include "app/binome_service.hpp"
#include "app/commune_service.hpp"
#include "app/context.hpp"
#include "app/digest_service.hpp"
#include "app/indicator_service.hpp"
#include "app/orientation_service.hpp"
#include "app/person_service.hpp"
#include "app/profile_service.hpp"
#include "app/resource_base_service.hpp"
#include "app/rgpd_service.hpp"
#include "app/support_service.hpp"
#include "app/task_service.hpp"
#include "app/worklist_service.hpp"

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
        communes(c),
        orientations(c, profiles, supports),
        axe3(c),
        appointments(c),
        binomes(c),
        tasks(c),
        rgpd(c),
        worklist(c, orientations, supports, axe3, appointments, resources, rgpd),
        digest(c, worklist),
        indicators(c) {}
  Context& ctx;
  AuthService auth;
  PersonService persons;
  AuditService audit;
  AdminService admin;
  ProfileService profiles;
  SupportService supports;
  ResourceBaseService resources;
  CommuneService communes;
  OrientationService orientations;
  Axe3Service axe3;
  AppointmentService appointments;
  BinomeService binomes;
  TaskService tasks;
  RgpdService rgpd;
  WorklistService worklist;
  DigestService digest;
  IndicatorService indicators;
};

}  // namespace binome::app
