// Storage of the tableau de suivi's recipients per agence and of each sending of a review's
// tableau (when, by whom, to how many, how many failed).
#pragma once
#include <soci/soci.h>

#include <optional>
#include <string>
#include <vector>

#include "domain/review_recipients.hpp"

namespace binome::store {

struct RecipientsRow {
  std::vector<domain::Recipient> recipients;
  std::optional<std::string> updated_at;
};

struct SendingRow {
  std::int64_t id = 0;
  std::string sent_by_name, sent_at;
  int recipients = 0, failures = 0;
};

RecipientsRow recipients_of_agence(soci::session& sql, std::int64_t agence_id);
void replace_recipients(soci::session& sql, std::int64_t agence_id,
                        const std::vector<domain::Recipient>& list, std::int64_t by,
                        const std::string& at);

void insert_sending(soci::session& sql, std::int64_t review_id, std::int64_t by,
                    const std::string& at, int recipients, int failures);
std::vector<SendingRow> sendings_of(soci::session& sql, std::int64_t review_id);

}  // namespace binome::store
