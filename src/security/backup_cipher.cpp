#include "security/backup_cipher.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <optional>
#include <sstream>

#include "security/sodium_init.hpp"

namespace binome::security {
namespace {

constexpr std::string_view kMagic = "BNMSAV01";
constexpr std::size_t kChunk = 64 * 1024;
constexpr std::size_t kMaxCipherChunk = kChunk + crypto_secretstream_xchacha20poly1305_ABYTES;
static_assert(crypto_secretstream_xchacha20poly1305_KEYBYTES == kBackupKeyBytes);

std::string octal_mode(mode_t mode) {
  char text[8];
  std::snprintf(text, sizeof text, "%04o", static_cast<unsigned>(mode & 07777));
  return text;
}

std::optional<std::string> from_hex(std::string_view text) {
  std::string out(text.size() / 2, '\0');
  if (sodium_hex2bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                     text.size(), nullptr, nullptr, nullptr) != 0)
    return std::nullopt;
  return out;
}

void put_u32(std::ostream& out, std::uint32_t v) {
  const unsigned char b[4] = {static_cast<unsigned char>(v >> 24),
                              static_cast<unsigned char>(v >> 16),
                              static_cast<unsigned char>(v >> 8), static_cast<unsigned char>(v)};
  out.write(reinterpret_cast<const char*>(b), 4);
}

}  // namespace

std::string read_backup_key(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0)
    throw BackupError("fichier de clé « " + path + " » introuvable (" + std::strerror(errno) +
                      ").");
  if (!S_ISREG(st.st_mode))
    throw BackupError("« " + path + " » n'est pas un fichier ordinaire : clé refusée.");
  if ((st.st_mode & 077) != 0)
    throw BackupError("le fichier de clé « " + path +
                      " » est accessible à d'autres que son "
                      "propriétaire (droits " +
                      octal_mode(st.st_mode) + ") : clé refusée. Corrigez avec « chmod 600 " +
                      path + " ».");
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buf;
  buf << in.rdbuf();
  if (!in && !in.eof()) throw BackupError("fichier de clé « " + path + " » illisible.");
  std::string content = buf.str();
  if (content.size() == kBackupKeyBytes) return content;
  std::string text = content;
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  if (text.size() == 2 * kBackupKeyBytes)
    if (auto key = from_hex(text)) return *key;
  sodium_memzero(content.data(), content.size());
  throw BackupError("le fichier de clé « " + path +
                    " » doit contenir une clé de 32 octets (ou 64 "
                    "chiffres hexadécimaux) : il contient " +
                    std::to_string(buf.str().size()) +
                    " octet(s). Créez-en une avec « binome backup --new-key FICHIER ».");
}

void write_new_backup_key(const std::string& path) {
  ensure_sodium();
  std::array<unsigned char, kBackupKeyBytes> key{};
  randombytes_buf(key.data(), key.size());
  std::array<char, 2 * kBackupKeyBytes + 1> hex{};
  sodium_bin2hex(hex.data(), hex.size(), key.data(), key.size());
  sodium_memzero(key.data(), key.size());
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    throw BackupError("impossible de créer le fichier de clé « " + path + " » (" +
                      std::strerror(errno) + ") : il ne doit pas déjà exister.");
  std::string line(hex.data(), 2 * kBackupKeyBytes);
  line += '\n';
  const bool ok = ::write(fd, line.data(), line.size()) == static_cast<ssize_t>(line.size()) &&
                  ::fsync(fd) == 0;
  ::close(fd);
  sodium_memzero(line.data(), line.size());
  sodium_memzero(hex.data(), hex.size());
  if (!ok) throw BackupError("écriture du fichier de clé « " + path + " » impossible.");
}

BackupWriter::BackupWriter(std::ostream& out, std::string_view key, std::string_view metadata)
    : out_(out), state_(sizeof(crypto_secretstream_xchacha20poly1305_state)) {
  ensure_sodium();
  if (key.size() != kBackupKeyBytes) throw BackupError("clé de sauvegarde de taille invalide.");
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
  crypto_secretstream_xchacha20poly1305_init_push(
      reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_.data()), header.data(),
      reinterpret_cast<const unsigned char*>(key.data()));
  out_.write(kMagic.data(), static_cast<std::streamsize>(kMagic.size()));
  out_.write(reinterpret_cast<const char*>(header.data()), header.size());
  buffer_ = std::string(metadata);
  if (buffer_.size() > kChunk) throw BackupError("métadonnées de sauvegarde trop longues.");
  flush_chunk(false);
}

BackupWriter::~BackupWriter() {
  sodium_memzero(state_.data(), state_.size());
}

void BackupWriter::write(std::string_view data) {
  if (finished_) throw BackupError("sauvegarde déjà terminée.");
  while (!data.empty()) {
    const auto take = std::min(kChunk - buffer_.size(), data.size());
    buffer_.append(data.substr(0, take));
    data.remove_prefix(take);
    if (buffer_.size() == kChunk) flush_chunk(false);
  }
}

void BackupWriter::finish() {
  if (finished_) return;
  flush_chunk(true);
  finished_ = true;
  out_.flush();
  if (!out_) throw BackupError("écriture de la sauvegarde impossible (disque plein ?).");
}

void BackupWriter::flush_chunk(bool final) {
  std::vector<unsigned char> cipher(buffer_.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
  unsigned long long len = 0;
  crypto_secretstream_xchacha20poly1305_push(
      reinterpret_cast<crypto_secretstream_xchacha20poly1305_state*>(state_.data()), cipher.data(),
      &len, reinterpret_cast<const unsigned char*>(buffer_.data()), buffer_.size(), nullptr, 0,
      final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL
            : crypto_secretstream_xchacha20poly1305_TAG_MESSAGE);
  put_u32(out_, static_cast<std::uint32_t>(len));
  out_.write(reinterpret_cast<const char*>(cipher.data()), static_cast<std::streamsize>(len));
  sodium_memzero(buffer_.data(), buffer_.size());
  buffer_.clear();
  if (!out_) throw BackupError("écriture de la sauvegarde impossible (disque plein ?).");
}

std::string read_backup(std::istream& in, std::string_view key,
                        const std::function<void(std::string_view)>& sink) {
  ensure_sodium();
  if (key.size() != kBackupKeyBytes) throw BackupError("clé de sauvegarde de taille invalide.");
  std::string magic(kMagic.size(), '\0');
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  if (in.gcount() != static_cast<std::streamsize>(magic.size()) || magic != kMagic)
    throw BackupError("ce fichier n'est pas une sauvegarde binome.");
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_HEADERBYTES> header{};
  in.read(reinterpret_cast<char*>(header.data()), header.size());
  if (in.gcount() != static_cast<std::streamsize>(header.size()))
    throw BackupError("la sauvegarde est tronquée : rien n'a été restauré.");
  crypto_secretstream_xchacha20poly1305_state state;
  if (crypto_secretstream_xchacha20poly1305_init_pull(
          &state, header.data(), reinterpret_cast<const unsigned char*>(key.data())) != 0)
    throw BackupError("en-tête de sauvegarde invalide.");

  std::string metadata;
  std::vector<unsigned char> cipher, plain;
  for (std::size_t index = 0;; ++index) {
    unsigned char len_bytes[4];
    in.read(reinterpret_cast<char*>(len_bytes), 4);
    if (in.gcount() != 4) {
      sodium_memzero(&state, sizeof state);
      throw BackupError(
          "la sauvegarde est tronquée (fin de fichier avant le dernier bloc) : "
          "rien n'a été restauré.");
    }
    const std::size_t len = (std::size_t{len_bytes[0]} << 24) | (std::size_t{len_bytes[1]} << 16) |
                            (std::size_t{len_bytes[2]} << 8) | std::size_t{len_bytes[3]};
    if (len < crypto_secretstream_xchacha20poly1305_ABYTES || len > kMaxCipherChunk)
      throw BackupError("la sauvegarde est altérée (bloc " + std::to_string(index) +
                        " de taille invalide) : rien n'a été restauré.");
    cipher.resize(len);
    in.read(reinterpret_cast<char*>(cipher.data()), static_cast<std::streamsize>(len));
    if (static_cast<std::size_t>(in.gcount()) != len)
      throw BackupError("la sauvegarde est tronquée : rien n'a été restauré.");
    plain.resize(len - crypto_secretstream_xchacha20poly1305_ABYTES);
    unsigned long long plain_len = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&state, plain.data(), &plain_len, &tag,
                                                   cipher.data(), len, nullptr, 0) != 0) {
      sodium_memzero(&state, sizeof state);
      if (index == 0)
        throw BackupError(
            "clé incorrecte, ou fichier altéré : la sauvegarde ne peut pas être "
            "déchiffrée. Rien n'a été restauré.");
      throw BackupError("la sauvegarde est altérée (bloc " + std::to_string(index) +
                        " non authentique) : rien n'a été restauré.");
    }
    const std::string_view chunk(reinterpret_cast<const char*>(plain.data()), plain_len);
    if (index == 0) {
      metadata = std::string(chunk);
    } else if (sink) {
      sink(chunk);
    }
    sodium_memzero(plain.data(), plain.size());
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      if (index == 0)
        throw BackupError("la sauvegarde est altérée (aucune donnée) : rien n'a été restauré.");
      break;
    }
  }
  sodium_memzero(&state, sizeof state);
  if (in.peek() != std::char_traits<char>::eof())
    throw BackupError(
        "la sauvegarde est altérée (données après le dernier bloc) : rien n'a été "
        "restauré.");
  return metadata;
}

}  // namespace binome::security
