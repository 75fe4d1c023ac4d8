#include "app/context.hpp"

#include <stdexcept>

namespace binome::app {

const security::NirKeys& require_nir_keys(const Context& ctx) {
  if (!ctx.settings.nir_keys)
    throw std::runtime_error(
        "clé de chiffrement du NIR absente : donnez --nir-key-file FICHIER (ou "
        "BINOME_NIR_KEY_FILE) ; « binome setup nir-key --file FICHIER » en crée une");
  return *ctx.settings.nir_keys;
}

store::AuditEntry audit_entry(const domain::Actor& actor, std::string action,
                              std::optional<std::int64_t> person, const Origin& origin,
                              std::string target) {
  store::AuditEntry e;
  if (actor.user_id) e.user_id = actor.user_id;
  e.user_login = actor.login;
  if (actor.org_id) e.org_id = actor.org_id;
  e.action = std::move(action);
  e.person_id = person;
  e.route = origin.route;
  e.client_ip = origin.client_ip;
  e.target = std::move(target);
  return e;
}

}  // namespace binome::app
