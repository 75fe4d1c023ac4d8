// Storage of the audit trail. Appends take the chain's head under lock, in the caller's
// transaction, so a record exists exactly when what it records was committed.
#pragma once
#include <soci/soci.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "security/audit_chain.hpp"
#include "store/database.hpp"

namespace binome::store {

struct AuditEntry {
  std::optional<std::int64_t> user_id;
  std::string user_login;
  std::optional<std::int64_t> org_id;
  std::string action;
  std::optional<std::int64_t> person_id;
  std::string route;
  std::string client_ip;
  std::string target;
  // For a read that shows several persons (a list page): recorded once, with the ids in the
  // target and in audit_person.
  std::vector<std::int64_t> listed_persons;
};

void append_audit(soci::session& sql, Dialect dialect, const std::string& at,
                  const std::vector<AuditEntry>& entries);

struct AuditFilter {
  std::optional<std::string> from;  // YYYY-MM-DD, inclusive
  std::optional<std::string> to;    // YYYY-MM-DD, inclusive
  std::optional<std::string> action;
  std::optional<std::int64_t> user_id;
  std::optional<std::int64_t> person_id;
};

struct AuditPage {
  std::vector<security::AuditRecord> items;
  std::int64_t total = 0;
};

AuditPage query_audit(soci::session& sql, const AuditFilter& filter, int limit, int offset);

// Visits matching records in sequence order, a bounded batch at a time.
void for_each_audit(soci::session& sql, const AuditFilter& filter,
                    const std::function<bool(const security::AuditRecord&)>& visit);

struct AuditHead {
  std::int64_t last_seq = 0;
  std::string last_hash;
};
AuditHead read_audit_head(soci::session& sql);

// The rows of audit_person up to a record, summed as the chain's targets are
// (security::ListedPersonsDigest): one pass over the table.
security::ListedPersonsDigest audit_person_digest(soci::session& sql, std::int64_t up_to_seq);

}  // namespace binome::store
