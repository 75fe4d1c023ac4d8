// Organisations taking part in the partnership. The local name of a Département service
// (SLAI, MDS, UTAMS, TDS) is data: the kind only says which side it is on.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace binome::domain {

enum class OrgKind { departement, service_departemental, ft_direction, agence, partenaire };

std::optional<OrgKind> parse_org_kind(std::string_view text);
std::string_view to_string(OrgKind kind);
std::string_view label_fr(OrgKind kind);

struct Organisation {
  std::int64_t id = 0;
  std::string name;
  OrgKind kind = OrgKind::departement;
  std::string departement;  // code, e.g. "62"
  std::optional<std::int64_t> territory_id;
  std::optional<std::int64_t> parent_id;
  // Mandated partners are sub-processors: their contract dates are kept (RGPD art. 28).
  std::optional<std::string> contract_start;
  std::optional<std::string> contract_end;
};

}  // namespace binome::domain
