// An e-mail as the application services compose it, and the port that sends it: the SMTP
// adapter (exports/smtp_mailer) in production, a recorder or a local relay in tests.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace binome::app {

struct MailAttachment {
  std::string filename, content_type, bytes;
};

struct MailMessage {
  std::string to, subject, body;
  std::vector<MailAttachment> attachments;
};

// Sends one message; throws on failure.
using Mailer = std::function<void(const MailMessage&)>;

}  // namespace binome::app
