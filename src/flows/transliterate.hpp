// R3: names sent to France Travail in CGPEM are upper case and unaccented ([A-Z '-]).
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace binome::flows {

// "Lefèvre-d'Aubigné" -> "LEFEVRE-D'AUBIGNE", "Œdipe" -> "OEDIPE", "Strauß" -> "STRAUSS";
// the typographic apostrophe becomes ', runs of spaces fold to one, ends are trimmed.
// nullopt when a character has no such spelling (digits, other scripts, punctuation) or the
// result is empty or does not start with a letter.
std::optional<std::string> transliterate_name(std::string_view utf8);

// UTF-8 (code points up to U+00FF only) to ISO-8859-1; nullopt beyond.
std::optional<std::string> to_latin1(std::string_view utf8);

}  // namespace binome::flows
