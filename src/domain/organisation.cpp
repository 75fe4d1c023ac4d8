#include "domain/organisation.hpp"

namespace binome::domain {

std::optional<OrgKind> parse_org_kind(std::string_view text) {
  if (text == "departement") return OrgKind::departement;
  if (text == "service_departemental") return OrgKind::service_departemental;
  if (text == "ft_direction") return OrgKind::ft_direction;
  if (text == "agence") return OrgKind::agence;
  if (text == "partenaire") return OrgKind::partenaire;
  return std::nullopt;
}

std::string_view to_string(OrgKind kind) {
  switch (kind) {
    case OrgKind::departement:
      return "departement";
    case OrgKind::service_departemental:
      return "service_departemental";
    case OrgKind::ft_direction:
      return "ft_direction";
    case OrgKind::agence:
      return "agence";
    case OrgKind::partenaire:
      return "partenaire";
  }
  return "departement";
}

std::string_view label_fr(OrgKind kind) {
  switch (kind) {
    case OrgKind::departement:
      return "Département";
    case OrgKind::service_departemental:
      return "Service départemental";
    case OrgKind::ft_direction:
      return "Direction France Travail";
    case OrgKind::agence:
      return "Agence France Travail";
    case OrgKind::partenaire:
      return "Partenaire mandaté";
  }
  return "Département";
}

}  // namespace binome::domain
