#include "app/totp_secrets.hpp"

#include <stdexcept>

#include "app/admin_service.hpp"
#include "app/flows_service.hpp"
#include "domain/errors.hpp"
#include "security/nir_keys.hpp"

namespace binome::app {
namespace {

[[noreturn]] void no_key() {
  throw domain::DomainError(
      domain::DomainError::Kind::conflict, "cle_absente",
      "La double authentification ne peut pas être activée : le serveur n'a pas de clé de "
      "chiffrement (option --nir-key-file ou BINOME_NIR_KEY_FILE), et un secret n'est jamais "
      "enregistré en clair. Prévenez l'exploitation de binome.");
}

std::optional<std::string> open_one(const Context& ctx, std::int64_t user_id,
                                    const std::optional<std::string>& sealed,
                                    const std::optional<std::string>& clear) {
  if (sealed) {
    if (!ctx.settings.nir_keys) no_key();
    auto secret = ctx.settings.nir_keys->open_totp_secret(*sealed, user_id);
    if (!secret)
      throw std::runtime_error(
          "secret de double authentification illisible avec la clé donnée (utilisateur n° " +
          std::to_string(user_id) + ")");
    return secret;
  }
  return clear;
}

}  // namespace

std::string seal_totp_secret(const Context& ctx, std::int64_t user_id,
                             const std::string& secret_base32) {
  if (!ctx.settings.nir_keys) no_key();
  return ctx.settings.nir_keys->seal_totp_secret(secret_base32, user_id);
}

std::optional<std::string> confirmed_totp_secret(const Context& ctx, std::int64_t user_id,
                                                 const store::TotpRow& row) {
  return open_one(ctx, user_id, row.secret_sealed, row.secret);
}

std::optional<std::string> pending_totp_secret(const Context& ctx, std::int64_t user_id,
                                               const store::TotpRow& row) {
  return open_one(ctx, user_id, row.pending_sealed, row.pending_secret);
}

TotpSealing seal_clear_totp_secrets(Context& ctx, const Origin& origin) {
  TotpSealing out;
  if (!ctx.settings.nir_keys) {
    const auto [clear, sealed] = ctx.db.with_session([](soci::session& sql) {
      return std::make_pair(store::clear_totp_count(sql), store::sealed_totp_count(sql));
    });
    if (sealed > 0)
      throw std::runtime_error(
          std::to_string(sealed) +
          " secret(s) de double authentification sont chiffrés avec la clé du NIR : donnez "
          "--nir-key-file FICHIER (ou BINOME_NIR_KEY_FILE), sans quoi leurs titulaires ne "
          "pourraient plus se connecter");
    out.left_clear = clear;
    return out;
  }
  out.sealed = ctx.db.transaction([&](soci::session& sql) {
    check_nir_key(ctx, sql);  // the key this database's secrets and NIRs are sealed with
    if (store::clear_totp_count(sql) == 0) return 0LL;
    // The clear bytes must not survive in the file's free space.
    if (ctx.db.dialect() == store::Dialect::sqlite) sql << "PRAGMA secure_delete = ON";
    const auto n = store::seal_clear_totp_secrets(sql, *ctx.settings.nir_keys);
    store::append_audit(sql, ctx.db.dialect(), ctx.now_iso(),
                        {audit_entry(operator_actor(), "totp.sealed", std::nullopt, origin,
                                     "comptes:" + std::to_string(n))});
    return n;
  });
  return out;
}

}  // namespace binome::app
