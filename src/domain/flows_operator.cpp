#include "domain/flows_operator.hpp"

namespace binome::domain {

bool is_flows_operator(const Actor& a) {
  if (a.role == Role::admin) return true;
  return a.role == Role::coordinateur &&
         (a.org_kind == OrgKind::departement || a.org_kind == OrgKind::service_departemental);
}

}  // namespace binome::domain
