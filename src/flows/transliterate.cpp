#include "flows/transliterate.hpp"

#include "domain/text.hpp"

namespace binome::flows {

std::optional<std::string> transliterate_name(std::string_view s) {
  std::string out;
  auto push = [&](char c) {
    if (c == ' ' && (out.empty() || out.back() == ' ')) return;
    out.push_back(c);
  };
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c >= 'a' && c <= 'z')
        push(char(c - 'a' + 'A'));
      else if ((c >= 'A' && c <= 'Z') || c == '-' || c == '\'')
        push(char(c));
      else if (c == ' ' || c == '\t')
        push(' ');
      else
        return std::nullopt;
      ++i;
      continue;
    }
    const std::size_t len = (c & 0xE0) == 0xC0   ? 2
                            : (c & 0xF0) == 0xE0 ? 3
                            : (c & 0xF8) == 0xF0 ? 4
                                                 : 0;
    if (!len || i + len > s.size()) return std::nullopt;
    const std::string_view cp = s.substr(i, len);
    i += len;
    if (cp == "\xE2\x80\x99") {  // ’
      push('\'');
      continue;
    }
    // The domain's folding knows the Latin letters and their ligatures (œ, æ, ß).
    const std::string base = domain::fold_for_search(cp);
    if (base.empty()) return std::nullopt;
    for (char b : base) {
      if (b < 'a' || b > 'z') return std::nullopt;
      push(char(b - 'a' + 'A'));
    }
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.empty() || out[0] < 'A' || out[0] > 'Z') return std::nullopt;
  return out;
}

std::optional<std::string> to_latin1(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(char(c));
    } else if ((c == 0xC2 || c == 0xC3) && i + 1 < s.size()) {
      const auto d = static_cast<unsigned char>(s[++i]);
      if ((d & 0xC0) != 0x80) return std::nullopt;
      out.push_back(char(((c & 0x03) << 6) | (d & 0x3F)));
    } else {
      return std::nullopt;
    }
  }
  return out;
}

}  // namespace binome::flows
