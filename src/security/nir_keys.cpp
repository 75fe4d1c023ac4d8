#include "security/nir_keys.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "security/sodium_init.hpp"

namespace binome::security {
namespace {

constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "binomNIR";
constexpr std::size_t kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;

std::string to_hex(const unsigned char* p, std::size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), p, n);
  out.pop_back();
  return out;
}

std::optional<std::vector<unsigned char>> from_hex(std::string_view hex) {
  std::vector<unsigned char> out(hex.size() / 2 + 1);
  std::size_t len = 0;
  const char* end = nullptr;
  if (hex.size() % 2 ||
      sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, &end) != 0 ||
      end != hex.data() + hex.size())
    return std::nullopt;
  out.resize(len);
  return out;
}

std::array<unsigned char, 8> le64(std::int64_t v) {
  std::array<unsigned char, 8> b{};
  for (std::size_t i = 0; i < 8; ++i) b[i] = (std::uint64_t(v) >> (8 * i)) & 0xff;
  return b;
}

// Random nonce, the row's id as associated data: a value copied onto another row does not open.
std::string seal_bound(const unsigned char* key, std::string_view plain, std::int64_t id) {
  std::vector<unsigned char> out(kNonce + plain.size() + kTag);
  randombytes_buf(out.data(), kNonce);
  const auto ad = le64(id);
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(
      out.data() + kNonce, &len, reinterpret_cast<const unsigned char*>(plain.data()), plain.size(),
      ad.data(), ad.size(), nullptr, out.data(), key);
  return to_hex(out.data(), kNonce + std::size_t(len));
}

std::optional<std::string> open_bound(const unsigned char* key, std::string_view sealed,
                                      std::int64_t id) {
  const auto bytes = from_hex(sealed);
  if (!bytes || bytes->size() < kNonce + kTag) return std::nullopt;
  std::string out(bytes->size() - kNonce - kTag, '\0');
  const auto ad = le64(id);
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(
          reinterpret_cast<unsigned char*>(out.data()), &len, nullptr, bytes->data() + kNonce,
          bytes->size() - kNonce, ad.data(), ad.size(), bytes->data(), key) != 0)
    return std::nullopt;
  out.resize(std::size_t(len));
  return out;
}

std::string errno_text() {
  return errno == ENOENT ? "fichier introuvable" : std::strerror(errno);
}

}  // namespace

NirKeys::NirKeys(const Key& master) {
  ensure_sodium();
  crypto_kdf_derive_from_key(seal_.data(), seal_.size(), 1, kContext, master.data());
  crypto_kdf_derive_from_key(lookup_.data(), lookup_.size(), 2, kContext, master.data());
  crypto_kdf_derive_from_key(token_.data(), token_.size(), 3, kContext, master.data());
  crypto_kdf_derive_from_key(token_nonce_.data(), token_nonce_.size(), 4, kContext, master.data());
  crypto_kdf_derive_from_key(totp_.data(), totp_.size(), 5, kContext, master.data());
}

NirKeys::~NirKeys() {
  for (Key* k : {&seal_, &lookup_, &token_, &token_nonce_, &totp_})
    sodium_memzero(k->data(), k->size());
}

NirKeys NirKeys::load_file(const std::string& path) {
  const std::string where = "clé de chiffrement du NIR « " + path + " » : ";
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) throw std::runtime_error(where + errno_text());
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw std::runtime_error(where + "ce n'est pas un fichier ordinaire");
  }
  if (st.st_mode & 077) {
    ::close(fd);
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", unsigned(st.st_mode & 07777));
    throw std::runtime_error(where + "permissions trop larges (" + mode +
                             ") : seul son propriétaire doit pouvoir la lire (chmod 600 « " + path +
                             " »)");
  }
  char buf[80];
  const auto n = ::read(fd, buf, sizeof buf);
  ::close(fd);
  if (n < 0) throw std::runtime_error(where + errno_text());
  std::string_view text(buf, std::size_t(n));
  if (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  auto bytes = text.size() == kKeyBytes * 2 ? from_hex(text) : std::nullopt;
  if (!bytes || bytes->size() != kKeyBytes) {
    if (bytes) sodium_memzero(bytes->data(), bytes->size());
    sodium_memzero(buf, sizeof buf);
    throw std::runtime_error(where +
                             "taille ou format incorrect : elle doit contenir exactement 64 "
                             "caractères hexadécimaux (32 octets), comme l'écrit « binome setup "
                             "nir-key »");
  }
  Key master{};
  std::memcpy(master.data(), bytes->data(), kKeyBytes);
  sodium_memzero(bytes->data(), bytes->size());
  sodium_memzero(buf, sizeof buf);
  NirKeys keys(master);
  sodium_memzero(master.data(), master.size());
  return keys;
}

void NirKeys::create_file(const std::string& path) {
  ensure_sodium();
  const std::string where = "clé de chiffrement du NIR « " + path + " » : ";
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) {
    if (errno == EEXIST)
      throw std::runtime_error(where +
                               "le fichier existe déjà ; il n'est pas remplacé (les NIR "
                               "chiffrés avec lui deviendraient illisibles)");
    throw std::runtime_error(where + errno_text());
  }
  Key master{};
  randombytes_buf(master.data(), master.size());
  std::string text = to_hex(master.data(), master.size()) + "\n";
  sodium_memzero(master.data(), master.size());
  const bool ok = ::fchmod(fd, 0600) == 0 &&
                  ::write(fd, text.data(), text.size()) == ssize_t(text.size()) && ::fsync(fd) == 0;
  sodium_memzero(text.data(), text.size());
  ::close(fd);
  if (!ok) {
    ::unlink(path.c_str());
    throw std::runtime_error(where + "écriture impossible");
  }
}

std::string NirKeys::seal(std::string_view nir, std::int64_t person_id) const {
  return seal_bound(seal_.data(), nir, person_id);
}

std::optional<std::string> NirKeys::open(std::string_view sealed, std::int64_t person_id) const {
  return open_bound(seal_.data(), sealed, person_id);
}

std::string NirKeys::seal_totp_secret(std::string_view secret, std::int64_t user_id) const {
  return seal_bound(totp_.data(), secret, user_id);
}

std::optional<std::string> NirKeys::open_totp_secret(std::string_view sealed,
                                                     std::int64_t user_id) const {
  return open_bound(totp_.data(), sealed, user_id);
}

std::string NirKeys::lookup_hash(std::string_view nir) const {
  // 128 bits: collisions are out of reach for any population, and the index stays small.
  unsigned char h[16];
  crypto_generichash(h, sizeof h, reinterpret_cast<const unsigned char*>(nir.data()), nir.size(),
                     lookup_.data(), lookup_.size());
  return to_hex(h, sizeof h);
}

std::string NirKeys::fingerprint() const {
  return lookup_hash("binome : empreinte de la clé des NIR");
}

std::string NirKeys::person_token(std::int64_t person_id) const {
  const auto plain = le64(person_id);
  unsigned char out[kNonce + 8 + kTag];
  // Deterministic nonce (keyed hash of the id): the same person, the same token.
  crypto_generichash(out, kNonce, plain.data(), plain.size(), token_nonce_.data(),
                     token_nonce_.size());
  unsigned long long len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(out + kNonce, &len, plain.data(), plain.size(),
                                             nullptr, 0, nullptr, out, token_.data());
  return to_hex(out, sizeof out);
}

std::optional<std::int64_t> NirKeys::open_person_token(std::string_view token) const {
  const auto bytes = from_hex(token);
  if (!bytes || bytes->size() != kNonce + 8 + kTag) return std::nullopt;
  std::array<unsigned char, 8> plain{};
  unsigned long long len = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &len, nullptr,
                                                 bytes->data() + kNonce, 8 + kTag, nullptr, 0,
                                                 bytes->data(), token_.data()) != 0 ||
      len != 8)
    return std::nullopt;
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= std::uint64_t(plain[i]) << (8 * i);
  return std::int64_t(v);
}

}  // namespace binome::security
