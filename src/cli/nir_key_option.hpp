// --nir-key-file FICHIER (else BINOME_NIR_KEY_FILE): the key of the NIRs at rest.
#pragma once
#include <memory>

#include "app/context.hpp"
#include "cli/args.hpp"
#include "security/nir_keys.hpp"

namespace binome::cli {

// The key named by the option or the environment; null when neither names one and it is not
// required; UsageError (French) when required and not named. A named file that cannot be
// used (missing, loose permissions, wrong size) is std::runtime_error.
std::shared_ptr<const security::NirKeys> nir_keys_option(const Args& args, bool required);

// Puts the key in ctx and seals the NIRs (migration 0014) and the TOTP secrets (0018) an
// earlier version stored in clear, telling how many on stderr. Without a key, refuses when
// such NIRs remain (they must not stay readable in the database file) or when sealed TOTP
// secrets exist (their holders could not log in); clear TOTP secrets left get a warning.
void use_nir_keys(app::Context& ctx, std::shared_ptr<const security::NirKeys> keys);

}  // namespace binome::cli
