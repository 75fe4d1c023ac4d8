// What every application service needs: the database, the clock, the settings, and for each
// call the caller and where the call came from (for the audit trail).
#pragma once
#include <chrono>
#include <memory>
#include <string>

#include "app/mailer.hpp"
#include "domain/login_policy.hpp"
#include "domain/scope.hpp"
#include "domain/time.hpp"
#include "store/audit_repo.hpp"
#include "store/database.hpp"

namespace binome::security {
class NirKeys;
}

namespace binome::app {

struct Settings {
  std::chrono::minutes idle_timeout{30};
  std::chrono::hours absolute_session_lifetime{12};
  domain::LoginPolicy login_policy;
  bool secure_cookies = false;
  // The key of the NIRs at rest (--nir-key-file): null when the process was not given one;
  // what reads or writes a NIR then refuses with a French message (require_nir_keys).
  std::shared_ptr<const security::NirKeys> nir_keys;
  // Where imported raw exchange files are kept (90 days at most): none when empty.
  std::string flow_files_dir;
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

// The NIR key, or std::runtime_error (French) naming the option that gives it.
const security::NirKeys& require_nir_keys(const Context& ctx);

store::AuditEntry audit_entry(const domain::Actor& actor, std::string action,
                              std::optional<std::int64_t> person, const Origin& origin,
                              std::string target = {});

}  // namespace binome::app
