// The FSE list of a semester (seed 003 art. 2.2 a): the people supported (axe 2) at any time
// in the semester within a coordinateur's reach, as XLSX or as a PDF with a signature block
// for each party. Named persons: coordinateurs only; every export audited with the persons.
#pragma once
#include <string>

#include "app/context.hpp"

namespace binome::app {

class FseService {
 public:
  explicit FseService(Context& ctx) : ctx_(ctx) {}
  // semester: "2026-S1" or "2026-S2"; format: "pdf" or "xlsx".
  std::string list(const domain::Actor& actor, const std::string& semester,
                   const std::string& format, const Origin& origin);

 private:
  Context& ctx_;
};

}  // namespace binome::app
