// Synthetic flow files with fictional identities, for benchmarks and tests: deterministic
// (same options, same bytes), ISO-8859-1, valid against the XSD and every rule. A person's
// identity depends on their index only; their registration status depends on the index and
// the reference month, so two months of the same département differ the way real stocks do
// (registrations, cessations, radiations, changes of site, modalité GLO coming and going).
#pragma once
#include <cstddef>
#include <ostream>
#include <string>

#include "domain/time.hpp"
#include "flows/schema.hpp"

namespace binome::flows {

struct GenerateOptions {
  Flow flow = Flow::pecgm;
  std::size_t dossiers = 1000;
  std::string departement = "62";
  domain::Date date_reference{std::chrono::year{2024}, std::chrono::month{9}, std::chrono::day{1}};
  std::size_t first_index = 0;  // person indices first_index … first_index + dossiers - 1
};

// Writes the file; returns the number of bytes written.
std::size_t generate_flow(std::ostream& out, const GenerateOptions& options);

// The fictional identity of person `index` (shared with tests that create matching persons).
struct FictionalPerson {
  std::string nir;         // 13 characters, or empty (one person in ten has none)
  std::string last_name;   // ISO-8859-1 bytes in the files; UTF-8 here
  std::string first_name;  // UTF-8
  std::string birth_date;  // AAAA-MM-JJ
  std::string code_pe, identifiant_pe;
};
FictionalPerson fictional_person(std::size_t index, const std::string& departement);

}  // namespace binome::flows
