// Who is the « opérateur des flux » of a Département: a coordinateur of the Département itself
// (organisation of kind « departement » or « service_departemental ») or an administrator.
// They validate and import the RSA flow files and keep the deposit calendar.
#pragma once
#include "domain/scope.hpp"

namespace binome::domain {

bool is_flows_operator(const Actor& actor);

}  // namespace binome::domain
