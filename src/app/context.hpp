// What every application service needs: the database, the clock, the settings, and for each
// call the caller and where the call came from (for the audit trail).
#pragma once
#include <chrono>
#include <string>

#include "app/mailer.hpp"
#include "domain/login_policy.hpp"
#include "domain/scope.hpp"
#include "domain/time.hpp"
#include "store/audit_repo.hpp"
#include "store/database.hpp"

namespace binome::app {

struct Settings {
  std::chrono::minutes idle_timeout{30};
  std::chrono::hours absolute_session_lifetime{12};
  domain::LoginPolicy login_policy;
  bool secure_cookies = false;
  // The SMTP relay when one is configured (--smtp-host): the tableau de suivi is sent by it.
  Mailer mailer;
};

struct Context {
  store::Database& db;
  const domain::Clock& clock;
  Settings settings;

  std::string now_iso() const { return domain::to_iso(clock.now()); }
};

// Where a call came from: "GET /api/v1/persons/{id}" or "cli: user create", and the client.
struct Origin {
  std::string route;
  std::string client_ip;
};

store::AuditEntry audit_entry(const domain::Actor& actor, std::string action,
                              std::optional<std::int64_t> person, const Origin& origin,
                              std::string target = {});

}  // namespace binome::app
