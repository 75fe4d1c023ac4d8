// The communes of the département and their EPCI: everyone reads them (the search by commune,
// the zone of a service), admin replaces them from a CSV file, audited.
#pragma once
#include <string>

#include "app/context.hpp"
#include "domain/commune_list.hpp"

namespace binome::app {

struct CommuneImportReport {
  int communes = 0, epcis = 0;
};

class CommuneService {
 public:
  explicit CommuneService(Context& ctx) : ctx_(ctx) {}
  domain::CommuneList list(const std::string& departement);
  // The whole file is checked; any problem rejects it and nothing changes. An EPCI still named
  // in the zone of a service cannot disappear.
  CommuneImportReport import_csv(const domain::Actor& actor, const std::string& departement,
                                 const std::string& csv, const Origin& origin);

 private:
  Context& ctx_;
};

}  // namespace binome::app
