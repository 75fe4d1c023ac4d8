// The NIR key (issue 8, item 4): a wrong key cannot read a NIR, the lookup hash depends on the
// key, the key file is refused when loose or malformed, the identity token is stable.
#include "security/nir_keys.hpp"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace binome::security {
namespace {

NirKeys::Key key_of(unsigned char seed) {
  NirKeys::Key k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<unsigned char>(seed + i * 7);
  return k;
}

class NirKeyFile : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("binome-nir-keys-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text, mode_t mode) {
    const auto p = (dir_ / name).string();
    std::ofstream(p) << text;
    ::chmod(p.c_str(), mode);
    return p;
  }
  std::string refusal(const std::string& path) {
    try {
      NirKeys::load_file(path);
    } catch (const std::runtime_error& e) {
      return e.what();
    }
    return "";
  }
  std::filesystem::path dir_;
};

TEST(NirKeys, SealedNirOpensOnlyWithTheSameKeyAndPerson) {
  const NirKeys keys(key_of(1)), other(key_of(2));
  const auto sealed = keys.seal("2850762041123", 42);
  EXPECT_EQ(sealed.find("2850762041123"), std::string::npos);
  EXPECT_EQ(keys.open(sealed, 42), "2850762041123");
  EXPECT_FALSE(other.open(sealed, 42)) << "a wrong key cannot read the NIR";
  EXPECT_FALSE(keys.open(sealed, 43)) << "a sealed NIR moved onto another person does not open";
  std::string altered = sealed;
  altered[60] = altered[60] == '0' ? '1' : '0';
  EXPECT_FALSE(keys.open(altered, 42));
  EXPECT_FALSE(keys.open("pas de l'hexadécimal", 42));
  EXPECT_FALSE(keys.open("", 42));
  EXPECT_NE(keys.seal("2850762041123", 42), sealed) << "random nonce: equal NIRs look different";
}

TEST(NirKeys, LookupHashIsStableAndKeyed) {
  const NirKeys keys(key_of(1)), same(key_of(1)), other(key_of(2));
  EXPECT_EQ(keys.lookup_hash("2850762041123"), same.lookup_hash("2850762041123"));
  EXPECT_NE(keys.lookup_hash("2850762041123"), keys.lookup_hash("2850762041124"));
  EXPECT_NE(keys.lookup_hash("2850762041123"), other.lookup_hash("2850762041123"));
  EXPECT_EQ(keys.lookup_hash("2850762041123").size(), 32u);
}

TEST(NirKeys, PersonTokenIsTheSameForEveryInstanceWithTheKey) {
  const NirKeys a(key_of(5)), b(key_of(5)), other(key_of(6));
  EXPECT_EQ(a.person_token(17), b.person_token(17));
  EXPECT_NE(a.person_token(17), a.person_token(18));
  EXPECT_EQ(b.open_person_token(a.person_token(17)), 17);
  EXPECT_FALSE(other.open_person_token(a.person_token(17)));
  EXPECT_FALSE(a.open_person_token(std::string(96, 'a')));
  EXPECT_FALSE(a.open_person_token("zz"));
}

TEST_F(NirKeyFile, CreatedFileIsOwnerOnlyAndLoads) {
  const auto path = (dir_ / "nir.key").string();
  NirKeys::create_file(path);
  struct stat st {};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const auto keys = NirKeys::load_file(path);
  EXPECT_EQ(keys.open(keys.seal("1991299123456", 1), 1), "1991299123456");
  try {
    NirKeys::create_file(path);
    ADD_FAILURE() << "an existing key file must not be replaced";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("existe déjà"), std::string::npos) << e.what();
  }
  EXPECT_EQ(NirKeys::load_file(path).lookup_hash("x"), keys.lookup_hash("x")) << "unchanged";
}

TEST_F(NirKeyFile, LooseMissingOrMalformedFilesAreRefusedInFrench) {
  const std::string hex(64, 'a');
  EXPECT_EQ(refusal(write("ok.key", hex + "\n", 0600)), "");
  EXPECT_EQ(refusal(write("ok-no-newline.key", hex, 0400)), "");
  EXPECT_NE(refusal(write("loose.key", hex, 0644)).find("permissions trop larges (0644)"),
            std::string::npos);
  EXPECT_NE(refusal(write("group.key", hex, 0640)).find("chmod 600"), std::string::npos);
  EXPECT_NE(refusal(write("short.key", hex.substr(2), 0600)).find("64 caractères"),
            std::string::npos);
  EXPECT_NE(refusal(write("long.key", hex + "aa", 0600)).find("64 caractères"), std::string::npos);
  EXPECT_NE(refusal(write("nothex.key", std::string(64, 'z'), 0600)).find("64 caractères"),
            std::string::npos);
  EXPECT_NE(refusal((dir_ / "absent.key").string()).find("fichier introuvable"), std::string::npos);
  EXPECT_NE(refusal(dir_.string()).find("clé de chiffrement du NIR"), std::string::npos);
}

TEST(NirKeys, TotpSecretsAreSealedUnderTheirOwnSubkeyAndBoundToTheirAccount) {
  const NirKeys keys(key_of(1)), other(key_of(2));
  const std::string secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
  const auto sealed = keys.seal_totp_secret(secret, 12);
  EXPECT_EQ(sealed.find(secret), std::string::npos);
  EXPECT_NE(keys.seal_totp_secret(secret, 12), sealed) << "a fresh nonce each time";
  EXPECT_EQ(keys.open_totp_secret(sealed, 12), secret);
  EXPECT_FALSE(keys.open_totp_secret(sealed, 13)) << "moved onto another account";
  EXPECT_FALSE(other.open_totp_secret(sealed, 12)) << "another key";
  EXPECT_FALSE(keys.open(sealed, 12)) << "not readable as a NIR: another subkey";
  EXPECT_FALSE(keys.open_totp_secret(keys.seal(secret, 12), 12));
  auto altered = sealed;
  altered.back() = altered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(keys.open_totp_secret(altered, 12));
}

}  // namespace
}  // namespace binome::security
