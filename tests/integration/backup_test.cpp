// binome backup / restore on both backends, through the real program: backup → restore into
// a new database → every table holds the same rows; a wrong key, a changed byte, a loose key
// file or a non-empty target are refused in French and change nothing.
#include <sys/stat.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "harness.hpp"
#include "security/backup_cipher.hpp"

namespace binome::testing {
namespace {

namespace fs = std::filesystem;

class BackupTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (IsSkipped() || HasFatalFailure()) return;
    dir_ = fs::temp_directory_path() /
           ("binome-backup-" + std::to_string(::getpid()) + "-" + GetParam());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    key_ = (dir_ / "cle").string();
    security::write_new_backup_key(key_);
  }
  void TearDown() override {
    ApiTest::TearDown();
    std::error_code ec;
    if (!dir_.empty()) fs::remove_all(dir_, ec);
  }

  std::pair<int, std::string> run_cli(const std::string& args) {
    const std::string cmd = std::string(BINOME_BIN) + " " + args + " 2>&1";
    std::array<char, 512> buf{};
    std::string out;
    FILE* pipe = ::popen(cmd.c_str(), "r");
    while (pipe && std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pipe ? ::pclose(pipe) : -1;
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
  }

  fs::path dir_;
  std::string key_;
};

TEST_P(BackupTest, RestoredDatabaseHoldsExactlyTheSameRows) {
  // Some activity on top of the demo: logins, a read, a session row, audit records.
  auto c = logged_in("conseiller.demo");
  ASSERT_EQ(c.get("/api/v1/persons").status, 200);
  logged_in("dpo.demo");

  const auto out = (dir_ / "binome.sauvegarde").string();
  auto [code, text] =
      run_cli("backup --db '" + testdb_->url() + "' --key-file " + key_ + " " + out);
  ASSERT_EQ(code, 0) << text;
  EXPECT_NE(text.find("Sauvegarde chiffrée écrite"), std::string::npos) << text;
  EXPECT_EQ(fs::status(out).permissions() & (fs::perms::group_all | fs::perms::others_all),
            fs::perms::none)
      << "the backup file is readable by its owner only";
  // Not readable as such: the persons' names are not in the file in clear.
  std::ifstream raw(out, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(raw)), {});
  EXPECT_EQ(bytes.find("Val-de-Démo"), std::string::npos);
  EXPECT_EQ(bytes.find("SQLite format"), std::string::npos);

  const auto before = table_contents(*db_);  // after the backup's own audit record
  TestDatabase target(GetParam());
  auto [rcode, rtext] =
      run_cli("restore --db '" + target.url() + "' --key-file " + key_ + " " + out);
  ASSERT_EQ(rcode, 0) << rtext;
  auto restored = store::Database::open(target.url(), 1);
  const auto after = table_contents(*restored);
  ASSERT_EQ(before.size(), after.size());
  for (const auto& [table, rows] : before) {
    ASSERT_TRUE(after.count(table)) << table;
    EXPECT_EQ(rows, after.at(table)) << "table " << table;
  }
  EXPECT_GT(before.at("persons").size(), 100u);
  EXPECT_GT(before.at("audit_log").size(), 3u);
  EXPECT_EQ(before.at("user_totp").size(), 2u);

  // The restored base is usable: the chain verifies, new rows get new ids.
  auto [vcode, vtext] = run_cli("audit verify --db '" + target.url() + "'");
  EXPECT_EQ(vcode, 0) << vtext;
  restored->transaction([](soci::session& sql) {
    sql << "INSERT INTO departements (code, name) VALUES ('99', 'Essai')";
    sql << "INSERT INTO territories (departement, name) VALUES ('99', 'Territoire d''essai')";
  });

  // Restoring over an existing database is refused, and it is left as it was.
  auto [again, again_text] =
      run_cli("restore --db '" + target.url() + "' --key-file " + key_ + " " + out);
  EXPECT_EQ(again, 1);
  EXPECT_TRUE(again_text.find("existe déjà") != std::string::npos ||
              again_text.find("n'est pas vide") != std::string::npos)
      << again_text;
}

TEST_P(BackupTest, WrongKeyTamperedFileOrLooseKeyChangeNothing) {
  const auto out = (dir_ / "binome.sauvegarde").string();
  ASSERT_EQ(run_cli("backup --db '" + testdb_->url() + "' --key-file " + key_ + " " + out).first,
            0);
  TestDatabase target(GetParam());
  auto target_has_tables = [&] {
    if (GetParam() == "sqlite") return fs::exists(target.url().substr(7));
    auto db = store::Database::open(target.url(), 1);
    return db->with_session([](soci::session& sql) {
      long long n = 0;
      sql << "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
             "current_schema()",
          soci::into(n);
      return n > 0;
    });
  };

  const auto other_key = (dir_ / "autre-cle").string();
  security::write_new_backup_key(other_key);
  auto [wrong, wrong_text] =
      run_cli("restore --db '" + target.url() + "' --key-file " + other_key + " " + out);
  EXPECT_EQ(wrong, 1);
  EXPECT_NE(wrong_text.find("clé incorrecte"), std::string::npos) << wrong_text;
  EXPECT_FALSE(target_has_tables());

  // One byte changed in the middle, then a cut tail: both found before anything is written.
  const auto tampered = (dir_ / "alteree.sauvegarde").string();
  fs::copy_file(out, tampered);
  {
    std::fstream f(tampered, std::ios::in | std::ios::out | std::ios::binary);
    f.seekg(static_cast<std::streamoff>(fs::file_size(tampered) / 2));
    char b = 0;
    f.get(b);
    f.seekp(static_cast<std::streamoff>(fs::file_size(tampered) / 2));
    f.put(static_cast<char>(b ^ 0x20));
  }
  auto [bad, bad_text] =
      run_cli("restore --db '" + target.url() + "' --key-file " + key_ + " " + tampered);
  EXPECT_EQ(bad, 1);
  EXPECT_NE(bad_text.find("altérée"), std::string::npos) << bad_text;
  EXPECT_FALSE(target_has_tables());
  const auto cut = (dir_ / "coupee.sauvegarde").string();
  fs::copy_file(out, cut);
  fs::resize_file(cut, fs::file_size(cut) - 10);
  auto [short_code, short_text] =
      run_cli("restore --db '" + target.url() + "' --key-file " + key_ + " " + cut);
  EXPECT_EQ(short_code, 1);
  EXPECT_NE(short_text.find("tronquée"), std::string::npos) << short_text;
  EXPECT_FALSE(target_has_tables());

  // A key others may read, or of the wrong size, is refused before anything else.
  ::chmod(key_.c_str(), 0644);
  auto [loose, loose_text] =
      run_cli("restore --db '" + target.url() + "' --key-file " + key_ + " " + out);
  EXPECT_EQ(loose, 1);
  EXPECT_NE(loose_text.find("chmod 600"), std::string::npos) << loose_text;
  EXPECT_NE(run_cli("backup --db '" + testdb_->url() + "' --key-file " + key_ + " " +
                    (dir_ / "x").string())
                .first,
            0);
  EXPECT_FALSE(fs::exists(dir_ / "x"));
  const auto short_key = (dir_ / "cle-courte").string();
  {
    std::ofstream k(short_key);
    k << "0123456789abcdef\n";
  }
  ::chmod(short_key.c_str(), 0600);
  auto [size_code, size_text] =
      run_cli("restore --db '" + target.url() + "' --key-file " + short_key + " " + out);
  EXPECT_EQ(size_code, 1);
  EXPECT_NE(size_text.find("32 octets"), std::string::npos) << size_text;
  EXPECT_FALSE(target_has_tables());
  // A backup never overwrites an existing file.
  ::chmod(key_.c_str(), 0600);
  auto [exists, exists_text] =
      run_cli("backup --db '" + testdb_->url() + "' --key-file " + key_ + " " + out);
  EXPECT_EQ(exists, 1);
  EXPECT_NE(exists_text.find("existe déjà"), std::string::npos) << exists_text;
}

INSTANTIATE_TEST_SUITE_P(Backends, BackupTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
