#include "domain/text.hpp"

#include <cstdint>

namespace binome::domain {
namespace {

// Base letter of the code points U+00C0..U+017F, '\0' where there is none to give.
char base_letter(std::uint32_t cp) {
  static const char* latin1 =  // U+00C0..U+00FF
      "aaaaaaaceeeeiiii"
      "dnooooo\0ouuuuyts"
      "aaaaaaaceeeeiiii"
      "dnooooo\0ouuuuyty";
  static const char* ext_a =  // U+0100..U+017F
      "aaaaaaccccccccdd"
      "ddeeeeeeeeeegggg"
      "gggghhhhiiiiiiii"
      "iijjjjkkklllllll"
      "lllnnnnnnnnnoooo"
      "oooorrrrrrssssss"
      "ssttttttuuuuuuuu"
      "uuuuwwyyyzzzzzzs";
  if (cp >= 0xC0 && cp <= 0xFF) return latin1[cp - 0xC0];
  if (cp >= 0x100 && cp <= 0x17F) return ext_a[cp - 0x100];
  return '\0';
}

}  // namespace

std::string fold_for_search(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  auto push_space = [&out] {
    if (!out.empty() && out.back() != ' ') out.push_back(' ');
  };
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z')
        out.push_back(char(c - 'A' + 'a'));
      else if (c == '-' || c == '\'' || c == ' ' || c == '\t')
        push_space();
      else
        out.push_back(char(c));
      ++i;
      continue;
    }
    std::uint32_t cp = 0;
    int len = 0;
    if ((c & 0xE0) == 0xC0)
      cp = c & 0x1F, len = 2;
    else if ((c & 0xF0) == 0xE0)
      cp = c & 0x0F, len = 3;
    else if ((c & 0xF8) == 0xF0)
      cp = c & 0x07, len = 4;
    else {
      ++i;
      continue;
    }
    if (i + len > text.size()) break;
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    if (cp == 0x2019)
      push_space();  // typographic apostrophe
    else if (cp == 0xC6 || cp == 0xE6)
      out += "ae";
    else if (cp == 0x152 || cp == 0x153)
      out += "oe";
    else if (cp == 0xDF)
      out += "ss";
    else if (char b = base_letter(cp))
      out.push_back(b);
    else
      out.append(text.substr(i, len));
    i += len;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool is_clean_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == 0x7F) return false;
    if (c < 0x80) {
      ++i;
      continue;
    }
    // Lead bytes and the allowed range of the second byte (RFC 3629, table 3-7 of Unicode):
    // no overlong forms, no surrogates, nothing beyond U+10FFFF.
    int len = 0;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
      len = 2;
    else if (c == 0xE0)
      len = 3, lo = 0xA0;
    else if (c >= 0xE1 && c <= 0xEC)
      len = 3;
    else if (c == 0xED)
      len = 3, hi = 0x9F;
    else if (c >= 0xEE && c <= 0xEF)
      len = 3;
    else if (c == 0xF0)
      len = 4, lo = 0x90;
    else if (c >= 0xF1 && c <= 0xF3)
      len = 4;
    else if (c == 0xF4)
      len = 4, hi = 0x8F;
    else
      return false;
    if (i + len > text.size()) return false;
    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (second < lo || second > hi) return false;
    for (int k = 2; k < len; ++k)
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    // C1 control characters (U+0080..U+009F) are controls too.
    if (c == 0xC2 && second <= 0x9F) return false;
    i += len;
  }
  return true;
}

}  // namespace binome::domain
