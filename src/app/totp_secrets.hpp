// The accounts' TOTP secrets at rest: sealed with a subkey of the NIR key file
// (security::NirKeys::seal_totp_secret), bound to the user's id. Without a key file binome
// writes no new secret (409 `cle_absente`, a French message naming the option); secrets
// enrolled before migration 0018 are still read in clear until a start with the key seals them.
#pragma once
#include <optional>
#include <string>

#include "app/context.hpp"
#include "store/totp_repo.hpp"

namespace binome::app {

// The secret (base32) sealed for storage, or DomainError conflict `cle_absente`.
std::string seal_totp_secret(const Context& ctx, std::int64_t user_id,
                             const std::string& secret_base32);
// The confirmed and the pending secret (base32) of a row, opened; empty when there is none.
// DomainError conflict `cle_absente` when sealed and no key, std::runtime_error when the key
// cannot open it (another key, an altered value).
std::optional<std::string> confirmed_totp_secret(const Context& ctx, std::int64_t user_id,
                                                 const store::TotpRow& row);
std::optional<std::string> pending_totp_secret(const Context& ctx, std::int64_t user_id,
                                               const store::TotpRow& row);

struct TotpSealing {
  long long sealed = 0;      // clear secrets sealed now
  long long left_clear = 0;  // clear secrets left (no key)
};
// At start-up: with the key, seals the secrets still in clear (audited `totp.sealed`);
// without it, std::runtime_error (French) when sealed secrets exist (nobody holding one could
// log in), otherwise how many remain in clear.
TotpSealing seal_clear_totp_secrets(Context& ctx, const Origin& origin);

}  // namespace binome::app
