#include "cli/nir_key_option.hpp"

#include <cstdlib>
#include <iostream>

#include "app/flows_service.hpp"
#include "app/totp_secrets.hpp"

namespace binome::cli {

std::shared_ptr<const security::NirKeys> nir_keys_option(const Args& args, bool required) {
  std::string path = args.get_or("nir-key-file", "");
  if (path.empty())
    if (const char* env = std::getenv("BINOME_NIR_KEY_FILE"); env && *env) path = env;
  if (path.empty()) {
    if (required)
      throw UsageError(
          "--nir-key-file FICHIER (ou BINOME_NIR_KEY_FILE) est requis : le NIR est chiffré "
          "avec cette clé ; « binome setup nir-key --file FICHIER » en crée une.");
    return nullptr;
  }
  return std::make_shared<const security::NirKeys>(security::NirKeys::load_file(path));
}

void use_nir_keys(app::Context& ctx, std::shared_ptr<const security::NirKeys> keys) {
  ctx.settings.nir_keys = std::move(keys);
  if (const auto sealed = app::seal_clear_nirs(ctx, {"cli: chiffrement des NIR", "local"});
      sealed > 0)
    std::cerr << "binome : " << sealed
              << " NIR enregistré(s) en clair par une version antérieure désormais chiffré(s).\n";
  // The second-factor secrets are sealed with the same key file.
  const auto totp =
      app::seal_clear_totp_secrets(ctx, {"cli: chiffrement des secrets TOTP", "local"});
  if (totp.sealed > 0)
    std::cerr << "binome : " << totp.sealed
              << " secret(s) de double authentification enregistré(s) en clair par une version "
                 "antérieure désormais chiffré(s).\n";
  if (totp.left_clear > 0)
    std::cerr << "binome : ATTENTION — " << totp.left_clear
              << " secret(s) de double authentification sont encore en clair dans la base "
                 "(version antérieure) : donnez --nir-key-file FICHIER (ou BINOME_NIR_KEY_FILE) "
                 "pour qu'ils soient chiffrés ; aucune nouvelle activation n'est possible sans "
                 "clé.\n";
}

}  // namespace binome::cli
