#include "security/audit_chain.hpp"

#include "security/tokens.hpp"

namespace binome::security {
namespace {

void put(std::string& out, const std::string& field) {
  // Length-prefixed, so no choice of field values can make two records hash alike.
  out += std::to_string(field.size());
  out += ':';
  out += field;
  out += '|';
}

std::string opt(const std::optional<std::int64_t>& v) {
  return v ? std::to_string(*v) : "-";
}

}  // namespace

std::string compute_audit_hash(const AuditRecord& r) {
  std::string canonical;
  put(canonical, std::to_string(r.seq));
  put(canonical, r.at);
  put(canonical, opt(r.user_id));
  put(canonical, r.user_login);
  put(canonical, opt(r.org_id));
  put(canonical, r.action);
  put(canonical, opt(r.person_id));
  put(canonical, r.target);
  put(canonical, r.route);
  put(canonical, r.client_ip);
  put(canonical, r.prev_hash);
  return sha256_hex(canonical);
}

bool AuditChainVerifier::feed(const AuditRecord& r) {
  if (failed_seq_) return false;
  if (r.seq != expected_seq_) {
    failed_seq_ = expected_seq_;
    failure_ =
        r.seq > expected_seq_ ? "enregistrement manquant" : "enregistrement en double ou déplacé";
    return false;
  }
  if (r.prev_hash != last_hash_) {
    failed_seq_ = r.seq;
    failure_ = "lien avec l'enregistrement précédent rompu";
    return false;
  }
  if (compute_audit_hash(r) != r.hash) {
    failed_seq_ = r.seq;
    failure_ = "contenu modifié";
    return false;
  }
  ++count_;
  ++expected_seq_;
  last_hash_ = r.hash;
  return true;
}

bool AuditChainVerifier::finish(std::int64_t head_seq, const std::string& head_hash) {
  if (failed_seq_) return false;
  if (head_seq > count_) {
    failed_seq_ = count_ + 1;
    failure_ = "fin de la chaîne supprimée";
  } else if (head_seq < count_) {
    failed_seq_ = head_seq + 1;
    failure_ = "enregistrement ajouté hors de la chaîne";
  } else if (head_hash != last_hash_) {
    // Same count, other hash: records were rewritten and resealed; the last one disagrees.
    failed_seq_ = count_ == 0 ? 1 : count_;
    failure_ = "chaîne réécrite : la dernière empreinte ne correspond pas à la tête de chaîne";
  } else {
    return true;
  }
  return false;
}

void ListedPersonsDigest::add(std::int64_t person_id, std::int64_t seq) {
  rows += 1;
  person_sum += person_id;
  seq_sum += seq;
  pair_sum += (person_id % kModulus) * (seq % kModulus) % kModulus;
}

void add_listed_persons(ListedPersonsDigest& digest, const AuditRecord& record) {
  static const std::string prefix = "personnes:";
  if (record.target.rfind(prefix, 0) != 0) return;
  std::int64_t id = 0;
  bool digits = false;
  for (std::size_t i = prefix.size(); i <= record.target.size(); ++i) {
    const char c = i < record.target.size() ? record.target[i] : ',';
    if (c >= '0' && c <= '9') {
      id = id * 10 + (c - '0');
      digits = true;
    } else {
      if (digits) digest.add(id, record.seq);
      id = 0;
      digits = false;
    }
  }
}

}  // namespace binome::security
