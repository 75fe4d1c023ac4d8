#include "security/audit_chain.hpp"

#include <algorithm>

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

std::string opt(const std::optional<std::int64_t>& v) { return v ? std::to_string(*v) : "-"; }

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
  put(canonical, r.route);
  put(canonical, r.client_ip);
  put(canonical, r.prev_hash);
  return sha256_hex(canonical);
}

bool AuditChainVerifier::feed(const AuditRecord& r) {
  if (failed_seq_) return false;
  if (r.seq != expected_seq_) {
    failed_seq_ = expected_seq_;
    failure_ = r.seq > expected_seq_ ? "enregistrement manquant" : "enregistrement en double ou déplacé";
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
  if (head_seq != count_ || head_hash != last_hash_) {
    // A cut tail leaves the head ahead of the records; a forged append leaves it behind.
    failed_seq_ = std::min(head_seq, count_) + 1;
    failure_ = head_seq > count_ ? "fin de la chaîne supprimée" : "enregistrement ajouté hors de la chaîne";
    return false;
  }
  return true;
}

}  // namespace binome::security
