#include "cli/args.hpp"

#include <charconv>
#include <cstdlib>

namespace binome::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& with_value,
           const std::set<std::string>& flags) {
  for (std::size_t i = 0; i < argv.size(); ++i) {
    const std::string& a = argv[i];
    if (a.rfind("--", 0) != 0) {
      positional_.push_back(a);
      continue;
    }
    std::string name = a.substr(2), value;
    bool has_value = false;
    if (auto eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_value = true;
    }
    if (flags.count(name)) {
      if (has_value) throw UsageError("L'option --" + name + " ne prend pas de valeur.");
      flags_.insert(name);
    } else if (with_value.count(name)) {
      if (!has_value) {
        if (i + 1 >= argv.size()) throw UsageError("L'option --" + name + " attend une valeur.");
        value = argv[++i];
      }
      values_[name] = value;
    } else {
      throw UsageError("Option inconnue : --" + name + ".");
    }
  }
}

std::optional<std::string> Args::get(const std::string& name) const {
  auto it = values_.find(name);
  if (it == values_.end()) return std::nullopt;
  return it->second;
}

std::string Args::get_or(const std::string& name, const std::string& fallback) const {
  return get(name).value_or(fallback);
}

int Args::get_int(const std::string& name, int fallback, int min, int max) const {
  auto v = get(name);
  if (!v) return fallback;
  int out = 0;
  auto res = std::from_chars(v->data(), v->data() + v->size(), out);
  if (res.ec != std::errc() || res.ptr != v->data() + v->size() || out < min || out > max)
    throw UsageError("L'option --" + name + " attend un entier entre " + std::to_string(min) +
                     " et " + std::to_string(max) + " (reçu : « " + *v + " »).");
  return out;
}

std::string database_url(const Args& args) {
  if (auto db = args.get("db")) return *db;
  if (const char* env = std::getenv("BINOME_DB"); env && *env) return env;
  return "sqlite:var/binome.db";
}

}  // namespace binome::cli
