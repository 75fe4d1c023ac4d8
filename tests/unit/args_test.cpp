// Command-line options of the subcommands.
#include "cli/args.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <string>
#include <vector>

namespace {

using binome::cli::Args;
using binome::cli::UsageError;

const std::set<std::string> kValues{"login", "role", "port", "db"};
const std::set<std::string> kFlags{"force", "json"};

Args parse(const std::vector<std::string>& argv) {
  return Args(argv, kValues, kFlags);
}

std::string usage_message(const std::vector<std::string>& argv) {
  try {
    parse(argv);
  } catch (const UsageError& e) {
    return e.what();
  }
  return "<no error>";
}

TEST(ArgsTest, EqualsAndSpaceFormsGiveTheSameValue) {
  const Args a = parse({"--login=cdupont", "--role", "admin"});
  EXPECT_EQ(a.get("login"), "cdupont");
  EXPECT_EQ(a.get("role"), "admin");
  EXPECT_FALSE(a.get("port").has_value());
  EXPECT_EQ(a.get_or("port", "8080"), "8080");
  EXPECT_EQ(a.get_or("login", "x"), "cdupont");
}

TEST(ArgsTest, ValueMayContainEqualsOrBeEmpty) {
  const Args a = parse({"--db=postgresql://h/db?sslmode=require", "--login="});
  EXPECT_EQ(a.get("db"), "postgresql://h/db?sslmode=require");
  EXPECT_EQ(a.get("login"), "");
}

TEST(ArgsTest, FlagsAndPositionals) {
  const Args a = parse({"create", "--force", "extra", "--port", "9000"});
  EXPECT_TRUE(a.flag("force"));
  EXPECT_FALSE(a.flag("json"));
  EXPECT_EQ(a.positional(), (std::vector<std::string>{"create", "extra"}));
  EXPECT_EQ(a.get("port"), "9000");
}

TEST(ArgsTest, UnknownOptionIsAUsageError) {
  EXPECT_THROW(parse({"--verbose"}), UsageError);
  EXPECT_THROW(parse({"--verbose=1"}), UsageError);
  EXPECT_THROW(parse({"--Login", "x"}), UsageError);
  EXPECT_NE(usage_message({"--verbose"}).find("--verbose"), std::string::npos);
}

TEST(ArgsTest, MissingValueIsAUsageError) {
  EXPECT_THROW(parse({"--login"}), UsageError);
  EXPECT_THROW(parse({"create", "--role"}), UsageError);
  EXPECT_NE(usage_message({"--login"}).find("--login"), std::string::npos);
}

TEST(ArgsTest, FlagWithValueIsAUsageError) {
  EXPECT_THROW(parse({"--force=yes"}), UsageError);
}

TEST(ArgsTest, LastValueWins) {
  const Args a = parse({"--role", "admin", "--role=dpo"});
  EXPECT_EQ(a.get("role"), "dpo");
}

TEST(ArgsTest, GetIntWithinBounds) {
  const Args a = parse({"--port", "8080"});
  EXPECT_EQ(a.get_int("port", 1, 1, 65535), 8080);
  EXPECT_EQ(parse({}).get_int("port", 8081, 1, 65535), 8081);  // absent: the fallback
  EXPECT_EQ(parse({"--port=1"}).get_int("port", 0, 1, 65535), 1);
  EXPECT_EQ(parse({"--port=65535"}).get_int("port", 0, 1, 65535), 65535);
}

TEST(ArgsTest, GetIntOutOfBoundsOrNotANumberIsAUsageError) {
  for (const char* bad : {"0", "65536", "-1", "abc", "80a", "", " 80", "99999999999999"}) {
    const Args a = parse({"--port", bad});
    EXPECT_THROW(a.get_int("port", 8080, 1, 65535), UsageError) << bad;
  }
  try {
    parse({"--port=70000"}).get_int("port", 8080, 1, 65535);
    FAIL() << "no error";
  } catch (const UsageError& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("--port"), std::string::npos) << msg;
    EXPECT_NE(msg.find("65535"), std::string::npos) << msg;
    EXPECT_NE(msg.find("70000"), std::string::npos) << msg;
  }
}

TEST(ArgsTest, DatabaseUrlPrefersTheOption) {
  EXPECT_EQ(binome::cli::database_url(parse({"--db", "sqlite:/tmp/x.db"})), "sqlite:/tmp/x.db");
}

}  // namespace
