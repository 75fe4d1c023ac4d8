// The XSDs of spec/flows (pecgm.xsd, pecdh.xsd, cgpem.xsd, common.xsd) as a tree the streaming
// reader walks: one Node per element declaration, its sequence of children with their
// occurrences, and for simple content the XSD type and its facets. The tree is written once
// here, element for element in the order of the XSD files, and checked against xmllint by the
// tests.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "flows/fields.hpp"

namespace binome::flows {

enum class Flow { pecgm, pecdh, cgpem };
std::string_view to_string(Flow flow);
// entete/fichier: PECG, PECD, CGPE.
std::optional<Flow> flow_of_fichier(std::string_view fichier);

// A simple type with its facets. check() returns an empty string when the value is valid,
// else a French explanation. Lengths count characters, not bytes (XSD maxLength).
struct SimpleType {
  std::string name;            // as in the XSD: "an25", "nir13", "date"…
  std::size_t max_length = 0;  // 0: none
  std::vector<std::string> enumeration;
  // Pattern check, hand-written from the XSD regular expression; null when none.
  bool (*pattern)(std::string_view) = nullptr;
  std::string pattern_text;  // the XSD pattern, for messages
  bool is_date = false;      // xs:date base: whitespace collapsed, real calendar date
  std::string check(std::string_view value) const;
};

struct Node;
struct Particle {
  const Node* node = nullptr;
  unsigned min = 1;
  unsigned max = 1;  // kUnbounded for maxOccurs="unbounded"
};
inline constexpr unsigned kUnbounded = ~0u;

struct Node {
  std::string name;
  std::string path;  // "individu/nir", for messages and JSON "field"
  Field field = Field::none;
  const SimpleType* type = nullptr;  // simple content; null: element-only content
  std::vector<Particle> children;
};

// The document element <flux> of one flow.
const Node& schema_root(Flow flow);
// The <entete> shared by the three flows up to its enumerations: used until entete/fichier
// says which flow the file is.
const Node& generic_root();

// Number of UTF-8 characters.
std::size_t utf8_length(std::string_view s);

}  // namespace binome::flows
