// The encrypted ZIP for sending the fiche by e-mail: AES-256, opened by 7-Zip (p7zip-full)
// with the right password only; the password is random and easy to read out.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <string_view>

#include "exports/fiche_document.hpp"

namespace {

using binome::exports::encrypt_in_zip;

constexpr std::string_view kAlphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

struct Command {
  int status = -1;
  std::string out;
};

Command run(const std::string& command) {
  Command result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.out.append(buffer, n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

bool has_7z() {
  return run("command -v 7z >/dev/null 2>&1").status == 0;
}
constexpr const char* kMissing7z = "7z est introuvable : installez le paquet Debian p7zip-full";

// Bytes of every value, accents and a NUL included, long enough to be compressed.
std::string content() {
  std::string s = "%PDF-1.3 Fiche de liaison — Élodie Lefèvre-D'Aubigné\n";
  s += std::string(1, '\0');
  for (int i = 0; i < 40000; ++i) s += static_cast<char>((i * 7919) % 256);
  return s;
}

class EncryptedZipTest : public ::testing::Test {
 protected:
  void SetUp() override {
    static std::atomic<int> counter{0};
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-zip-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string write(const std::string& bytes) {
    const auto path = dir_ / "fiche.zip";
    std::ofstream(path, std::ios::binary) << bytes;
    return "'" + path.string() + "'";
  }

  std::filesystem::path dir_;
};

TEST_F(EncryptedZipTest, SevenZipIsInstalled) {
  ASSERT_TRUE(has_7z()) << kMissing7z;
}

TEST_F(EncryptedZipTest, PasswordIsTwentyUnambiguousCharacters) {
  const auto zip = encrypt_in_zip("fiche.pdf", "x");
  ASSERT_EQ(zip.password.size(), 20u);
  for (char c : zip.password) EXPECT_NE(kAlphabet.find(c), std::string_view::npos) << c;
  EXPECT_EQ(zip.password.find_first_of("0O1lI"), std::string::npos);
}

TEST_F(EncryptedZipTest, EachCallDrawsAFreshPassword) {
  std::set<std::string> seen;
  for (int i = 0; i < 5; ++i) seen.insert(encrypt_in_zip("fiche.pdf", "x").password);
  EXPECT_EQ(seen.size(), 5u);
}

TEST_F(EncryptedZipTest, SevenZipOpensItWithThePassword) {
  ASSERT_TRUE(has_7z()) << kMissing7z;
  const std::string data = content();
  const auto zip = encrypt_in_zip("fiche-liaison.pdf", data);
  ASSERT_EQ(zip.bytes.substr(0, 2), "PK");
  const std::string file = write(zip.bytes);

  const Command test = run("7z t -y -p" + zip.password + " " + file + " </dev/null 2>&1");
  EXPECT_EQ(test.status, 0) << test.out;

  const Command list = run("7z l -slt -y -p" + zip.password + " " + file + " </dev/null 2>&1");
  EXPECT_EQ(list.status, 0) << list.out;
  EXPECT_NE(list.out.find("AES-256"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("Encrypted = +"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("Path = fiche-liaison.pdf"), std::string::npos) << list.out;

  const Command extract = run("7z x -so -y -p" + zip.password + " " + file +
                              " fiche-liaison.pdf </dev/null 2>/dev/null");
  EXPECT_EQ(extract.status, 0);
  EXPECT_TRUE(extract.out == data) << "contenu extrait différent (" << extract.out.size()
                                   << " octets au lieu de " << data.size() << ")";
}

TEST_F(EncryptedZipTest, SevenZipRefusesAWrongPassword) {
  ASSERT_TRUE(has_7z()) << kMissing7z;
  const auto zip = encrypt_in_zip("fiche-liaison.pdf", content());
  const std::string file = write(zip.bytes);
  const Command test = run("7z t -y -pMauvaisMotDePasse " + file + " </dev/null 2>&1");
  EXPECT_NE(test.status, 0) << test.out;
  const Command none = run("7z x -so -y -p " + file + " </dev/null 2>/dev/null");
  EXPECT_NE(none.status, 0);
  EXPECT_NE(none.out, content());
}

TEST_F(EncryptedZipTest, AccentedFileNameSurvives) {
  ASSERT_TRUE(has_7z()) << kMissing7z;
  const auto zip = encrypt_in_zip("fiche-Lefèvre.pdf", "contenu");
  const Command list =
      run("7z l -slt -y -p" + zip.password + " " + write(zip.bytes) + " </dev/null 2>&1");
  EXPECT_EQ(list.status, 0) << list.out;
  EXPECT_NE(list.out.find("Path = fiche-Lefèvre.pdf"), std::string::npos) << list.out;
}

TEST_F(EncryptedZipTest, EmptyFileNameIsRefused) {
  EXPECT_THROW(encrypt_in_zip("", "x"), std::runtime_error);
}

}  // namespace
