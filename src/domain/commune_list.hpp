// The communes of a département and the EPCI à fiscalité propre each belongs to, as admin loads
// them from a CSV file (no official list ships offline): what lets a zone d'éligibilité name an
// EPCI by its SIREN and a commune search find it.
#pragma once
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "domain/errors.hpp"

namespace binome::domain {

struct Epci {
  std::string siren, nom;
};
struct CommuneEntry {
  std::string code_insee, nom, code_postal;
  std::optional<std::string> epci;  // SIREN
};
struct CommuneList {
  std::vector<Epci> epcis;
  std::vector<CommuneEntry> communes;
};

// The header of the file, separator ';', UTF-8: one line per commune.
inline constexpr std::string_view kCommuneCsvHeader =
    "code_insee;commune;code_postal;siren_epci;epci";

// Parses and checks the whole file for département `departement`: every problem is reported
// (field "ligne N"), and the list is only usable when `errors` stays empty.
CommuneList parse_commune_csv(std::string_view text, const std::string& departement,
                              FieldErrors& errors);
// The EPCI of a zone d'éligibilité that the département's list does not know: a commune search
// could never find the service, so the zone is refused.
FieldErrors check_zone_epcis(const std::vector<std::string>& zone,
                             const std::set<std::string>& known_epcis);
// The same file back, so that admin edits the current list and loads it again.
std::string commune_csv(const CommuneList& list);

}  // namespace binome::domain
