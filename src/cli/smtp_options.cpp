#include "cli/smtp_options.hpp"

#include <cstdlib>

namespace binome::cli {
namespace {

std::string env(const char* name) {
  const char* v = std::getenv(name);
  return v ? v : "";
}

}  // namespace

std::optional<exports::SmtpSettings> smtp_settings(const Args& args) {
  exports::SmtpSettings s;
  s.host = args.get_or("smtp-host", env("BINOME_SMTP_HOST"));
  if (s.host.empty()) return std::nullopt;
  const auto port_env = env("BINOME_SMTP_PORT");
  s.port = args.get_int("smtp-port", port_env.empty() ? 25 : std::atoi(port_env.c_str()), 1, 65535);
  s.from = args.get_or("smtp-from", env("BINOME_SMTP_FROM"));
  if (s.from.empty())
    throw UsageError("--smtp-from (ou BINOME_SMTP_FROM) : l'adresse d'expédition est requise.");
  s.user = args.get_or("smtp-user", env("BINOME_SMTP_USER"));
  s.password = env("BINOME_SMTP_PASSWORD");
  s.starttls = args.flag("smtp-starttls") || env("BINOME_SMTP_STARTTLS") == "1";
  return s;
}

std::string base_url(const Args& args) {
  auto url = args.get_or("base-url", env("BINOME_BASE_URL"));
  if (url.empty())
    throw UsageError(
        "--base-url (ou BINOME_BASE_URL) : l'adresse de binome pour les liens est "
        "requise, par ex. https://binome.departement.fr.");
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace binome::cli
