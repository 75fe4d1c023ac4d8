// The audit trail is a hash chain: each record's hash covers its fields and the previous
// record's hash, so altering, removing or reordering a record breaks every hash after it.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace binome::security {

struct AuditRecord {
  std::int64_t seq = 0;  // 1, 2, 3… with no gap
  std::string at;        // ISO-8601 UTC
  std::optional<std::int64_t> user_id;
  std::string user_login;
  std::optional<std::int64_t> org_id;
  std::string action;
  std::optional<std::int64_t> person_id;
  std::string target;  // what else the action touched, e.g. "utilisateur:12"; empty if nothing
  std::string route;
  std::string client_ip;
  std::string prev_hash;
  std::string hash;
};

inline const std::string kGenesisHash(64, '0');

std::string compute_audit_hash(const AuditRecord& record);

// Walks records in order; reports the first one whose sequence, link or hash is wrong.
class AuditChainVerifier {
 public:
  // False at the first broken record; then failure() says which and why.
  bool feed(const AuditRecord& record);
  // Checks the end of the chain against the head kept beside it (catches a cut tail).
  bool finish(std::int64_t head_seq, const std::string& head_hash);
  std::int64_t records() const { return count_; }
  std::optional<std::int64_t> failed_seq() const { return failed_seq_; }
  const std::string& failure() const { return failure_; }

 private:
  std::int64_t count_ = 0;
  std::int64_t expected_seq_ = 1;
  std::string last_hash_ = kGenesisHash;
  std::optional<std::int64_t> failed_seq_;
  std::string failure_;
};

// What the rows of the persons shown by list reads (audit_person) must add up to: the lists in
// the records' targets ("personnes:3,8,…", under the chain's hash). Sums, so that each side is
// read in one pass with bounded memory; the product term catches a person moved from one record
// to another, which the plain sums would not.
struct ListedPersonsDigest {
  static constexpr std::int64_t kModulus = 1000000007;
  std::int64_t rows = 0;
  std::int64_t person_sum = 0;
  std::int64_t seq_sum = 0;
  std::int64_t pair_sum = 0;  // Σ (person × seq mod kModulus)
  void add(std::int64_t person_id, std::int64_t seq);
  bool operator==(const ListedPersonsDigest&) const = default;
};

// Adds the persons the record's target lists, if it lists any.
void add_listed_persons(ListedPersonsDigest& digest, const AuditRecord& record);

}  // namespace binome::security
