// Text helpers of the domain: comparing French names regardless of accents and case.
#pragma once
#include <string>
#include <string_view>

namespace binome::domain {

// Lower case, accents removed (UTF-8 Latin-1 and Latin Extended-A letters), hyphens and
// apostrophes turned to spaces, runs of spaces folded: "Lefèvre-D'Aubigné" -> "lefevre d aubigne".
std::string fold_for_search(std::string_view text);

// Whether text is valid UTF-8 with no control character (a form field must be).
bool is_clean_utf8(std::string_view text);

}  // namespace binome::domain
