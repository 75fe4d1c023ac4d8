#include "exports/smtp_mailer.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/MailMessage.h>
#include <Poco/Net/MailRecipient.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SecureSMTPClientSession.h>
#include <Poco/Net/StringPartSource.h>

namespace binome::exports {

app::Mailer smtp_mailer(const SmtpSettings& s) {
  return [s](const app::MailMessage& m) {
    Poco::Net::MailMessage message;
    message.setSender(s.from);
    message.addRecipient(
        Poco::Net::MailRecipient(Poco::Net::MailRecipient::PRIMARY_RECIPIENT, m.to));
    message.setSubject(Poco::Net::MailMessage::encodeWord(m.subject, "UTF-8"));
    if (m.attachments.empty()) {
      message.setContentType("text/plain; charset=UTF-8");
      message.setContent(m.body, Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
    } else {
      // multipart/mixed: the text first, then each file in base64.
      message.addContent(new Poco::Net::StringPartSource(m.body, "text/plain; charset=UTF-8"),
                         Poco::Net::MailMessage::ENCODING_QUOTED_PRINTABLE);
      for (const auto& a : m.attachments)
        message.addAttachment(a.filename,
                              new Poco::Net::StringPartSource(a.bytes, a.content_type, a.filename));
    }
    Poco::Net::SecureSMTPClientSession session(s.host, static_cast<Poco::UInt16>(s.port));
    session.login();
    if (s.starttls) {
      // The relay's certificate is checked against the system's CAs (ca-certificates).
      Poco::Net::Context::Ptr tls =
          new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, "", "", "",
                                 Poco::Net::Context::VERIFY_RELAXED, 9, true);
      session.startTLS(tls);
    }
    if (!s.user.empty())
      session.login(Poco::Net::SMTPClientSession::AUTH_LOGIN, s.user, s.password);
    session.sendMessage(message);
    session.close();
  };
}

}  // namespace binome::exports
