// The optional daily e-mail digest: each user with an e-mail address and items waiting is told
// how many, with a link to binome — counts and a link only, never a person's data in an
// e-mail. A day's digest goes out once, even with several instances (digest_runs).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "app/context.hpp"
#include "app/mailer.hpp"

namespace binome::app {

class WorklistService;

struct DigestReport {
  bool already_sent_today = false;
  int users_with_items = 0;
  int sent = 0;
  std::vector<std::string> failures;  // French, one per address that failed (no person data)
};

class DigestService {
 public:
  DigestService(Context& ctx, WorklistService& worklist) : ctx_(ctx), worklist_(worklist) {}
  // The messages of today, without sending anything (for --dry-run and the tests).
  std::vector<MailMessage> compose(const std::string& base_url);
  // Composes and sends, once a day: a second call the same day sends nothing.
  DigestReport run(const std::string& base_url, const Mailer& mailer, const Origin& origin);

 private:
  Context& ctx_;
  WorklistService& worklist_;
};

}  // namespace binome::app
