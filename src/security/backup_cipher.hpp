// Encrypted backup files: libsodium secretstream (XChaCha20-Poly1305), each 64 KiB chunk
// authenticated, the last one tagged final, so a wrong key, a changed byte, a cut or an
// appended tail are all found before anything is restored. The key (32 bytes) lives in a
// file outside the database, readable by its owner only.
//
// File: "BNMSAV01" | secretstream header (24 bytes) | chunks, each a 4-byte big-endian
// length then the ciphertext. The first chunk is the metadata (JSON), the last is FINAL.
#pragma once
#include <cstdint>
#include <functional>
#include <iosfwd>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace binome::security {

// Any problem with a key file or a backup file; the message is French and says what to do.
class BackupError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr std::size_t kBackupKeyBytes = 32;

// The key of a key file: exactly 32 bytes, or 64 hexadecimal digits (a final newline allowed).
// Refuses a missing file, a file that is not a regular file, one that the group or others may
// read or write, and one of the wrong size.
std::string read_backup_key(const std::string& path);
// Writes a new random key (64 hex digits) to a file that must not exist yet, mode 0600.
void write_new_backup_key(const std::string& path);

class BackupWriter {
 public:
  BackupWriter(std::ostream& out, std::string_view key, std::string_view metadata);
  ~BackupWriter();
  BackupWriter(const BackupWriter&) = delete;
  BackupWriter& operator=(const BackupWriter&) = delete;
  void write(std::string_view data);
  // Writes the final chunk; nothing may be written after.
  void finish();

 private:
  void flush_chunk(bool final);
  std::ostream& out_;
  std::vector<unsigned char> state_;
  std::string buffer_;
  bool finished_ = false;
};

// Reads a whole backup: returns the metadata, hands each plaintext chunk to `sink` (may be
// empty to only verify). Throws BackupError at the first chunk that does not authenticate.
std::string read_backup(std::istream& in, std::string_view key,
                        const std::function<void(std::string_view)>& sink);

}  // namespace binome::security
