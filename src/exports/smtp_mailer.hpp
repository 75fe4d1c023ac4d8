// Sending an e-mail through an SMTP relay (Poco::Net), for the daily digest.
#pragma once
#include <string>

#include "app/digest_service.hpp"

namespace binome::exports {

struct SmtpSettings {
  std::string host;
  int port = 25;
  std::string from;  // e.g. "binome <ne-pas-repondre@departement.fr>"
  bool starttls = false;
  std::string user, password;  // empty: no authentication
};

// A mailer that opens one SMTP session per message.
app::Mailer smtp_mailer(const SmtpSettings& settings);

}  // namespace binome::exports
