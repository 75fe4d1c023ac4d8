// The rules of spec/flows/README.md that an XSD cannot say (F1–F4, R1–R10), on values the
// reader has already checked against their XSD types. Pure: the processing day comes in.
#pragma once
#include <cstddef>
#include <functional>
#include <string>

#include "domain/time.hpp"
#include "flows/diagnostic.hpp"
#include "flows/fields.hpp"
#include "flows/schema.hpp"

namespace binome::flows {

// field, rule, severity, message, line
using RuleSink = std::function<void(Field, const char*, Severity, std::string, unsigned long)>;

// Rules of one dossier (R1, R2, R4–R9; R3 and R8's shape are the XSD facets of the reader,
// R10 needs the other records and lives in the reader). header: the file's entete values.
void check_record(Flow flow, const Values& dossier, const Values& header, const domain::Date& today,
                  const RuleSink& sink);

// File rules F1–F4 once the trailer is read.
void check_file(Flow flow, const Values& header, std::size_t dossiers, const domain::Date& today,
                const RuleSink& sink);

// The path of a field in messages and JSON ("individu/nir").
std::string field_path(Field field);

}  // namespace binome::flows
