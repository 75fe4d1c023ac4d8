// Writes a CGPEM file (Département -> France Travail): the current orientation decisions of a
// département's persons, ISO-8859-1, names transliterated (R3), every rule of spec/flows
// checked before a record is written; what cannot be written is returned, not guessed.
#pragma once
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "domain/time.hpp"

namespace binome::flows {

struct CgpemRecord {
  std::int64_t person_id = 0;
  std::string last_name, first_name, birth_date;  // UTF-8 as binome holds them
  std::optional<std::string> nir, code_pe, identifiant_pe;
  std::string nature;         // "01"…"06"
  std::string decision_date;  // AAAA-MM-JJ
  // The Département's correspondent for the person (the social referent).
  std::optional<std::string> organisme, service, correspondant_nom, telephone, email;
};

struct CgpemHeader {
  std::string departement;
  domain::Date date_reference;
  domain::Date date_fabrication;  // the processing day
  std::string periodicite = "M";
};

struct CgpemSkip {
  std::int64_t person_id = 0;
  std::string reason;  // French
};

struct CgpemOutcome {
  std::size_t written = 0;
  std::vector<CgpemSkip> skipped;
};

// Throws std::invalid_argument (French) for a header that would break F3/F4 or the XSD.
CgpemOutcome write_cgpem(std::ostream& out, const CgpemHeader& header,
                         const std::vector<CgpemRecord>& records);

}  // namespace binome::flows
