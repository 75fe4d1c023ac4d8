// The SMTP relay and public address of binome for the e-mail digest, from the command line
// or the environment (the password from the environment only: never on a command line).
#pragma once
#include <optional>
#include <set>
#include <string>

#include "cli/args.hpp"
#include "exports/smtp_mailer.hpp"

namespace binome::cli {

inline const std::set<std::string> kSmtpOptions{"smtp-host", "smtp-port", "smtp-from", "smtp-user",
                                                "base-url"};
inline const std::set<std::string> kSmtpFlags{"smtp-starttls"};

// None when no relay is configured.
std::optional<exports::SmtpSettings> smtp_settings(const Args& args);
// The address users open (links in e-mails), without a trailing slash.
std::string base_url(const Args& args);

}  // namespace binome::cli
