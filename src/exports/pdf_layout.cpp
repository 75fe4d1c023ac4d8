#include "exports/pdf_layout.hpp"

#include <algorithm>
#include <cstdio>
#include <stdexcept>

namespace binome::exports {
namespace {

void record_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* state = static_cast<HaruError*>(user_data);
  if (state->error == HPDF_OK) *state = {error, detail};
}

}  // namespace

Document::Document(const std::string& title) : doc_(HPDF_New(record_error, &error_)) {
  if (doc_ == nullptr) throw std::runtime_error("PDF : impossible de créer le document");
  HPDF_SetCompressionMode(doc_, HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc_);
  HPDF_SetCurrentEncoder(doc_, "UTF-8");
  HPDF_SetInfoAttr(doc_, HPDF_INFO_TITLE, title.c_str());
  HPDF_SetInfoAttr(doc_, HPDF_INFO_CREATOR, "binome");
  const char* regular_name = HPDF_LoadTTFontFromFile(doc_, kRegularFontFile, HPDF_TRUE);
  const char* bold_name = HPDF_LoadTTFontFromFile(doc_, kBoldFontFile, HPDF_TRUE);
  check("le chargement des polices DejaVu (paquet fonts-dejavu-core)");
  regular_ = HPDF_GetFont(doc_, regular_name, "UTF-8");
  bold_ = HPDF_GetFont(doc_, bold_name, "UTF-8");
  check("la préparation des polices en UTF-8");
}

Document::~Document() {
  HPDF_Free(doc_);
}

void Document::check(std::string_view step) const {
  if (error_.error == HPDF_OK) return;
  char code[64];
  std::snprintf(code, sizeof code, "erreur libharu 0x%04X, détail %u",
                static_cast<unsigned>(error_.error), static_cast<unsigned>(error_.detail));
  throw std::runtime_error("PDF : échec lors de " + std::string(step) + " (" + code + ")");
}

std::string Document::save() {
  HPDF_SaveToStream(doc_);
  check("l'enregistrement");
  std::string bytes;
  HPDF_BYTE buffer[8192];
  for (;;) {
    HPDF_UINT32 size = sizeof buffer;
    const HPDF_STATUS status = HPDF_ReadFromStream(doc_, buffer, &size);
    bytes.append(reinterpret_cast<const char*>(buffer), size);
    if (status == HPDF_STREAM_EOF) break;
    if (status != HPDF_OK || size == 0) {
      check("la lecture du PDF");
      throw std::runtime_error("PDF : lecture du document interrompue");
    }
  }
  return bytes;
}

HPDF_REAL width_of(const Style& style, std::string_view text) {
  const auto w = HPDF_Font_TextWidth(style.font, reinterpret_cast<const HPDF_BYTE*>(text.data()),
                                     static_cast<HPDF_UINT>(text.size()));
  return static_cast<HPDF_REAL>(w.width) * style.size / 1000.0F;
}

// Greedy word wrap; the first line may be narrower (text after a label). A word wider than a
// whole line is cut between UTF-8 characters.
std::vector<std::string> wrap(const Style& style, std::string_view text, HPDF_REAL width,
                              HPDF_REAL first_width) {
  std::vector<std::string> lines{""};
  auto room = [&] { return lines.size() == 1 ? first_width : width; };
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(" \t\r\n", pos);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
    std::string word(text.substr(start, end - start));
    pos = end;
    while (!word.empty()) {
      std::string candidate = lines.back().empty() ? word : lines.back() + " " + word;
      if (width_of(style, candidate) <= room()) {
        lines.back() = std::move(candidate);
        break;
      }
      // Next line; the narrow first line may also stay empty rather than cut a word that
      // fits a whole line.
      if (!lines.back().empty() || (lines.size() == 1 && width_of(style, word) <= width)) {
        lines.emplace_back();
        continue;
      }
      std::size_t cut = word.size();  // alone and still too wide: cut it
      while (cut > 1 && width_of(style, std::string_view(word).substr(0, cut)) > room()) {
        do --cut;
        while (cut > 1 && (static_cast<unsigned char>(word[cut]) & 0xC0) == 0x80);
      }
      lines.back() = word.substr(0, cut);
      word.erase(0, cut);
      if (!word.empty()) lines.emplace_back();
    }
  }
  return lines;
}

}  // namespace binome::exports
