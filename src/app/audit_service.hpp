// The dpo's view of the trail: search, export, and checking that the chain is whole.
#pragma once
#include <functional>

#include "app/context.hpp"
#include "store/audit_repo.hpp"

namespace binome::app {

struct ChainReport {
  bool ok = false;
  std::int64_t records = 0;
  std::optional<std::int64_t> first_bad_seq;
  std::string message;  // French
};

class AuditService {
 public:
  explicit AuditService(Context& ctx) : ctx_(ctx) {}
  store::AuditPage search(const domain::Actor& actor, const store::AuditFilter& filter, int page,
                          int per_page, const Origin& origin);
  // Writes the matching records as CSV lines through `write`; the export itself is audited.
  void export_csv(const domain::Actor& actor, const store::AuditFilter& filter,
                  const std::function<void(const std::string&)>& write, const Origin& origin);
  // Recomputes the whole chain. No actor: the CLI runs it as an operator command.
  ChainReport verify();
  ChainReport verify(const domain::Actor& actor, const Origin& origin);

 private:
  void require_dpo(const domain::Actor& actor, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
