// The audit trail's hash chain: a valid chain verifies, and every kind of tampering is caught
// at the right record.
#include "security/audit_chain.hpp"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace {

using binome::security::AuditChainVerifier;
using binome::security::AuditRecord;
using binome::security::compute_audit_hash;
using binome::security::kGenesisHash;

AuditRecord make_record(std::int64_t seq, const std::string& action,
                        std::optional<std::int64_t> person_id) {
  AuditRecord r;
  r.seq = seq;
  r.at = "2026-11-22T05:00:0" + std::to_string(seq) + "Z";
  r.user_id = 10 + seq % 2;
  r.user_login = seq % 2 ? "cdupont" : "mmartin";
  r.org_id = 100;
  r.action = action;
  r.person_id = person_id;
  r.route = "GET /api/v1/persons/{id}";
  r.client_ip = "192.0.2.1";
  return r;
}

// Links and hashes the records in order, as the store does on append.
void seal(std::vector<AuditRecord>& chain, std::size_t from = 0) {
  for (std::size_t i = from; i < chain.size(); ++i) {
    chain[i].prev_hash = i == 0 ? kGenesisHash : chain[i - 1].hash;
    chain[i].hash = compute_audit_hash(chain[i]);
  }
}

std::vector<AuditRecord> valid_chain() {
  std::vector<AuditRecord> chain{
      make_record(1, "session.login", std::nullopt),
      make_record(2, "person.create", 7),
      make_record(3, "person.read", 7),
      make_record(4, "person.update", 7),
      make_record(5, "session.logout", std::nullopt),
  };
  seal(chain);
  return chain;
}

struct Outcome {
  bool fed_ok = true;
  bool finished_ok = false;
  std::optional<std::int64_t> failed_seq;
  std::string failure;
  std::int64_t records = 0;
};

Outcome verify(const std::vector<AuditRecord>& records, std::int64_t head_seq,
               const std::string& head_hash) {
  AuditChainVerifier v;
  Outcome o;
  for (const auto& r : records) {
    if (!v.feed(r)) {
      o.fed_ok = false;
      break;
    }
  }
  o.finished_ok = v.finish(head_seq, head_hash);
  o.failed_seq = v.failed_seq();
  o.failure = v.failure();
  o.records = v.records();
  return o;
}

TEST(AuditChainTest, GenesisHashIs64Zeros) {
  EXPECT_EQ(kGenesisHash, std::string(64, '0'));
}

TEST(AuditChainTest, HashIsHexSha256AndDependsOnEveryField) {
  const AuditRecord base = valid_chain()[1];
  const std::string h = compute_audit_hash(base);
  ASSERT_EQ(h.size(), 64u);
  EXPECT_EQ(h.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(compute_audit_hash(base), h);  // deterministic

  std::vector<AuditRecord> variants(10, base);
  variants[0].seq = 9;
  variants[1].at = "2026-11-22T05:00:09Z";
  variants[2].user_id = 99;
  variants[3].user_login = "intrus";
  variants[4].org_id.reset();
  variants[5].action = "person.delete";
  variants[6].person_id = 8;
  variants[7].route = "DELETE /api/v1/persons/{id}";
  variants[8].client_ip = "198.51.100.7";
  variants[9].prev_hash = std::string(64, 'f');
  for (std::size_t i = 0; i < variants.size(); ++i)
    EXPECT_NE(compute_audit_hash(variants[i]), h) << "field " << i;
}

TEST(AuditChainTest, FieldBoundariesCannotBeShifted) {
  // Moving characters from one field to the next must change the hash.
  AuditRecord a = valid_chain()[0];
  AuditRecord b = a;
  a.user_login = "ab";
  a.action = "c";
  b.user_login = "a";
  b.action = "bc";
  EXPECT_NE(compute_audit_hash(a), compute_audit_hash(b));
  // An absent id is not the same as any present one.
  AuditRecord c = valid_chain()[0];
  AuditRecord d = c;
  c.person_id.reset();
  d.person_id = 0;
  EXPECT_NE(compute_audit_hash(c), compute_audit_hash(d));
}

TEST(AuditChainTest, ValidChainVerifies) {
  const auto chain = valid_chain();
  const auto o = verify(chain, 5, chain.back().hash);
  EXPECT_TRUE(o.fed_ok);
  EXPECT_TRUE(o.finished_ok) << o.failure;
  EXPECT_FALSE(o.failed_seq.has_value());
  EXPECT_EQ(o.records, 5);
}

TEST(AuditChainTest, EmptyChainWithGenesisHeadVerifies) {
  const auto o = verify({}, 0, kGenesisHash);
  EXPECT_TRUE(o.finished_ok) << o.failure;
  EXPECT_EQ(o.records, 0);
}

TEST(AuditChainTest, ChangedActionIsDetectedAtThatRecord) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain[2].action = "person.list";
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_FALSE(o.finished_ok);
  EXPECT_EQ(o.failed_seq, 3);
  EXPECT_EQ(o.records, 2);
  EXPECT_FALSE(o.failure.empty());
}

TEST(AuditChainTest, ChangedPersonIdIsDetectedAtThatRecord) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain[3].person_id = 8;
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 4);
}

TEST(AuditChainTest, RemovedMiddleRecordIsDetected) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain.erase(chain.begin() + 2);  // seq 3 gone
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 3);
  EXPECT_EQ(o.records, 2);
}

TEST(AuditChainTest, RemovedAndRenumberedRecordIsDetectedByTheLink) {
  // Removing seq 3 and renumbering the rest keeps the sequence but breaks the link.
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain.erase(chain.begin() + 2);
  for (std::size_t i = 0; i < chain.size(); ++i) chain[i].seq = static_cast<std::int64_t>(i) + 1;
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 3);
}

TEST(AuditChainTest, SwappedRecordsAreDetected) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  std::swap(chain[2], chain[3]);
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 3);
}

TEST(AuditChainTest, SwappedContentsWithKeptSequenceAreDetected) {
  // Swap the contents of 3 and 4 but keep the seq numbers in place.
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  std::swap(chain[2], chain[3]);
  chain[2].seq = 3;
  chain[3].seq = 4;
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 3);
}

TEST(AuditChainTest, CutTailIsDetectedByTheHead) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain.resize(3);  // records 4 and 5 deleted
  const auto o = verify(chain, 5, head);
  EXPECT_TRUE(o.fed_ok);  // what is left is a consistent chain
  EXPECT_FALSE(o.finished_ok);
  EXPECT_EQ(o.failed_seq, 4);
  EXPECT_EQ(o.records, 3);
}

TEST(AuditChainTest, ForgedAppendBeyondHeadIsDetected) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain.push_back(make_record(6, "person.read", 7));
  seal(chain, 5);  // correctly linked and hashed, but not recorded in the head
  const auto o = verify(chain, 5, head);
  EXPECT_TRUE(o.fed_ok);
  EXPECT_FALSE(o.finished_ok);
  EXPECT_EQ(o.failed_seq, 6);
  EXPECT_EQ(o.records, 6);
}

TEST(AuditChainTest, RecomputedHashWithoutFixingNextLinkIsDetectedAtTheNextRecord) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain[2].person_id = 8;
  chain[2].hash = compute_audit_hash(chain[2]);  // record 3 now verifies on its own
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 4);  // its successor still points at the old hash
  EXPECT_EQ(o.records, 3);
}

TEST(AuditChainTest, FullyResealedChainIsDetectedByTheHeadHash) {
  // Alter record 3 and rehash everything after it: every link holds, only the head differs.
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain[2].action = "person.list";
  seal(chain, 2);
  const auto o = verify(chain, 5, head);
  EXPECT_TRUE(o.fed_ok);
  EXPECT_FALSE(o.finished_ok);
  EXPECT_TRUE(o.failed_seq.has_value());
}

// A rewritten and resealed chain keeps its length: the head's hash betrays it, at the last
// record.
TEST(AuditChainTest, FullyResealedChainIsReportedAtTheLastRecord) {
  auto chain = valid_chain();
  const std::string head = chain.back().hash;
  chain[2].action = "person.list";
  seal(chain, 2);
  const auto o = verify(chain, 5, head);
  EXPECT_FALSE(o.finished_ok);
  EXPECT_EQ(o.failed_seq, 5);
  EXPECT_EQ(o.failure.find("ajouté"), std::string::npos) << o.failure;
}

TEST(AuditChainTest, FirstRecordMustLinkToGenesis) {
  auto chain = valid_chain();
  chain[0].prev_hash = std::string(64, '1');
  chain[0].hash = compute_audit_hash(chain[0]);
  const auto o = verify(chain, 5, chain.back().hash);
  EXPECT_FALSE(o.fed_ok);
  EXPECT_EQ(o.failed_seq, 1);
}

TEST(AuditChainTest, VerifierStaysFailedAfterFirstError) {
  auto chain = valid_chain();
  chain[1].action = "x";
  AuditChainVerifier v;
  EXPECT_TRUE(v.feed(chain[0]));
  EXPECT_FALSE(v.feed(chain[1]));
  // Later records (even valid ones) do not clear the failure nor move the reported seq.
  EXPECT_FALSE(v.feed(chain[2]));
  EXPECT_FALSE(v.finish(5, chain.back().hash));
  EXPECT_EQ(v.failed_seq(), 2);
}

TEST(AuditChainTest, ListedPersonsDigestAddsTheTargetsListAndNothingElse) {
  using binome::security::add_listed_persons;
  using binome::security::ListedPersonsDigest;
  AuditRecord list = make_record(7, "person.list", std::nullopt);
  list.target = "personnes:3,8,120";
  AuditRecord other = make_record(8, "user.update", std::nullopt);
  other.target = "utilisateur:12";
  ListedPersonsDigest from_targets;
  add_listed_persons(from_targets, list);
  add_listed_persons(from_targets, other);
  ListedPersonsDigest rows;
  for (std::int64_t p : {3, 8, 120}) rows.add(p, 7);
  EXPECT_EQ(from_targets, rows);
  EXPECT_EQ(from_targets.rows, 3);
  // The same persons and records, but person 3 moved to record 8 and person 8 to record 7:
  // the counts and the plain sums agree, the product term does not.
  ListedPersonsDigest moved;
  moved.add(8, 7);
  moved.add(3, 8);
  moved.add(120, 7);
  ListedPersonsDigest original;
  original.add(3, 7);
  original.add(8, 8);
  original.add(120, 7);
  EXPECT_EQ(moved.rows, original.rows);
  EXPECT_EQ(moved.person_sum, original.person_sum);
  EXPECT_EQ(moved.seq_sum, original.seq_sum);
  EXPECT_FALSE(moved == original);
}

}  // namespace
