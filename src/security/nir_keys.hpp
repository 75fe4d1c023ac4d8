// The NIR (numéro de sécurité sociale) is stored encrypted (issue 8, item 4). One 32-byte
// master key, kept in a file outside the database (owner-only permissions), gives four
// subkeys (libsodium's KDF):
//  - seal/open: XChaCha20-Poly1305 with a random nonce, bound to the person's row id (a
//    sealed NIR copied onto another person does not open);
//  - lookup_hash: keyed BLAKE2b of the NIR, so reconciliation and the identity API find a NIR
//    by equality without decrypting anything, and a copy of the database without the key
//    cannot test guesses;
//  - person_token: the opaque id of the identity API, the same for a person whatever the
//    process or instance (deterministic: nonce from a keyed hash of the id), readable only
//    with the key.
// A fifth subkey seals the accounts' second-factor (TOTP) secrets the same way, bound to the
// user's id: one key file to keep apart from the database, not two.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace binome::security {

class NirKeys {
 public:
  static constexpr std::size_t kKeyBytes = 32;
  using Key = std::array<unsigned char, kKeyBytes>;

  explicit NirKeys(const Key& master);
  ~NirKeys();
  NirKeys(const NirKeys&) = default;
  NirKeys& operator=(const NirKeys&) = default;

  // Reads a key file: 64 hexadecimal characters (one optional final newline), a regular file
  // readable by its owner only (no permission for group or others). std::runtime_error with a
  // French message otherwise: a missing file, loose permissions, a wrong size.
  static NirKeys load_file(const std::string& path);
  // Creates a new random key file with permission 0600; refuses to replace an existing file
  // (losing the key loses every NIR stored).
  static void create_file(const std::string& path);

  // hex(nonce ‖ ciphertext ‖ tag).
  std::string seal(std::string_view nir, std::int64_t person_id) const;
  // nullopt when the key is not the one that sealed it, or the text was altered or moved.
  std::optional<std::string> open(std::string_view sealed, std::int64_t person_id) const;
  // hex(16 bytes).
  std::string lookup_hash(std::string_view nir) const;

  // Tells one key from another without revealing it (stored in the database).
  std::string fingerprint() const;

  std::string person_token(std::int64_t person_id) const;
  std::optional<std::int64_t> open_person_token(std::string_view token) const;

  // hex(nonce ‖ ciphertext ‖ tag) of a TOTP secret, bound to the user's id.
  std::string seal_totp_secret(std::string_view secret, std::int64_t user_id) const;
  // nullopt when the key is not the one that sealed it, or the text was altered or moved.
  std::optional<std::string> open_totp_secret(std::string_view sealed, std::int64_t user_id) const;

 private:
  Key seal_{}, lookup_{}, token_{}, token_nonce_{}, totp_{};
};

}  // namespace binome::security
