// The fiche sent by e-mail: one file inside a ZIP encrypted with AES-256 (WinZip AE-2, which
// 7-Zip opens), built in memory with libzip, under a random password for another channel.
#include <sodium.h>
#include <zip.h>

#include <stdexcept>
#include <string>
#include <string_view>

#include "exports/fiche_document.hpp"

namespace binome::exports {

namespace {

// No 0/O, 1/l/I: the password is read on a screen and typed by hand.
constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
constexpr std::size_t kPasswordLength = 20;

std::string random_password() {
  if (sodium_init() < 0)
    throw std::runtime_error("Impossible d'initialiser libsodium pour générer le mot de passe");
  std::string password;
  password.reserve(kPasswordLength);
  for (std::size_t i = 0; i < kPasswordLength; ++i)
    password += kAlphabet[randombytes_uniform(static_cast<std::uint32_t>(kAlphabet.size()))];
  return password;
}

[[noreturn]] void fail(const std::string& what, zip_error_t* error) {
  std::string message = "Chiffrement ZIP impossible : " + what;
  if (error != nullptr) message += std::string(" (") + zip_error_strerror(error) + ")";
  throw std::runtime_error(message);
}

// For a zip_error_t of our own, which must be released before throwing.
[[noreturn]] void fail_owned(const std::string& what, zip_error_t* error) {
  const std::string detail = zip_error_strerror(error);
  zip_error_fini(error);
  throw std::runtime_error("Chiffrement ZIP impossible : " + what + " (" + detail + ")");
}

// Owns the in-memory source that backs the archive and receives its bytes at zip_close.
struct SourceGuard {
  zip_source_t* source = nullptr;
  ~SourceGuard() {
    if (source != nullptr) zip_source_free(source);
  }
};

struct ArchiveGuard {
  zip_t* archive = nullptr;
  ~ArchiveGuard() {
    if (archive != nullptr) zip_discard(archive);
  }
};

std::string read_all(zip_source_t* source) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_source_stat(source, &stat) < 0 || (stat.valid & ZIP_STAT_SIZE) == 0)
    fail("taille de l'archive inconnue", zip_source_error(source));
  if (zip_source_open(source) < 0) fail("relecture de l'archive", zip_source_error(source));
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_source_read(source, bytes.data(), stat.size);
  zip_source_close(source);
  if (read < 0 || static_cast<zip_uint64_t>(read) != stat.size)
    fail("relecture de l'archive incomplète", zip_source_error(source));
  return bytes;
}

}  // namespace

EncryptedZip encrypt_in_zip(const std::string& filename, const std::string& content) {
  if (filename.empty())
    throw std::runtime_error("Chiffrement ZIP impossible : nom de fichier vide");
  EncryptedZip result;
  result.password = random_password();

  zip_error_t error;
  zip_error_init(&error);
  SourceGuard buffer;
  buffer.source = zip_source_buffer_create(nullptr, 0, 0, &error);
  if (buffer.source == nullptr) fail_owned("création du tampon", &error);

  ArchiveGuard zip;
  zip.archive = zip_open_from_source(buffer.source, ZIP_TRUNCATE, &error);
  if (zip.archive == nullptr) fail_owned("ouverture de l'archive en mémoire", &error);
  zip_error_fini(&error);
  zip_source_keep(buffer.source);  // survives zip_close, which writes the archive into it

  // libzip reads `content` at zip_close, while it is still alive.
  zip_source_t* file = zip_source_buffer(zip.archive, content.data(), content.size(), 0);
  if (file == nullptr) fail("lecture du document", zip_get_error(zip.archive));
  const zip_int64_t index =
      zip_file_add(zip.archive, filename.c_str(), file, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE);
  if (index < 0) {
    zip_source_free(file);
    fail("ajout du document", zip_get_error(zip.archive));
  }
  if (zip_file_set_encryption(zip.archive, static_cast<zip_uint64_t>(index), ZIP_EM_AES_256,
                              result.password.c_str()) < 0)
    fail("AES-256 indisponible", zip_get_error(zip.archive));
  if (zip_close(zip.archive) < 0) fail("écriture de l'archive", zip_get_error(zip.archive));
  zip.archive = nullptr;

  result.bytes = read_all(buffer.source);
  return result;
}

}  // namespace binome::exports
