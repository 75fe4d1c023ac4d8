// Sending an e-mail through an SMTP relay (Poco::Net): the daily digest, the tableau de suivi
// of a portfolio review (an encrypted attachment).
#pragma once
#include <string>

#include "app/mailer.hpp"

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
