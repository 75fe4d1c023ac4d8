// Command-line options: "--name value", "--name=value" and boolean "--flag", each checked
// against the options a subcommand knows, with French messages for every mistake.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace binome::cli {

class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Args {
 public:
  // with_value: options that take a value; flags: boolean options.
  Args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
       const std::set<std::string>& flags);
  std::optional<std::string> get(const std::string& name) const;
  std::string get_or(const std::string& name, const std::string& fallback) const;
  bool flag(const std::string& name) const { return flags_.count(name) > 0; }
  int get_int(const std::string& name, int fallback, int min, int max) const;
  const std::vector<std::string>& positional() const { return positional_; }

 private:
  std::map<std::string, std::string> values_;
  std::set<std::string> flags_;
  std::vector<std::string> positional_;
};

// The database URL: --db, else BINOME_DB, else the embedded default.
std::string database_url(const Args& args);

}  // namespace binome::cli
