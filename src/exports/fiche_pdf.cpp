// The fiche de liaison as a PDF (libharu), laid out like the seeds' form: A4 portrait,
// DejaVu Sans embedded with UTF-8 so accents and the checkbox glyphs (☐ ☒) print and extract.
#include <hpdf.h>

#include <algorithm>
#include <cstdio>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "domain/obstacles.hpp"
#include "exports/fiche_document.hpp"

namespace binome::exports {

namespace {

constexpr const char* kRegularFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* kBoldFontFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
constexpr HPDF_REAL kLeft = 48, kRight = 547, kTop = 800, kBottom = 60;
constexpr HPDF_REAL kBody = 9.5F, kSmall = 8.5F;
constexpr std::string_view kUnchecked = "☐", kChecked = "☒";

// libharu is C: its error handler only records, and C++ throws once back in our own frames.
struct HaruError {
  HPDF_STATUS error = HPDF_OK;
  HPDF_STATUS detail = 0;
};

void record_error(HPDF_STATUS error, HPDF_STATUS detail, void* user_data) {
  auto* state = static_cast<HaruError*>(user_data);
  if (state->error == HPDF_OK) *state = {error, detail};
}

class Document {
 public:
  Document() : doc_(HPDF_New(record_error, &error_)) {
    if (doc_ == nullptr) throw std::runtime_error("PDF : impossible de créer le document");
  }
  ~Document() { HPDF_Free(doc_); }
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  HPDF_Doc get() const { return doc_; }
  void check(std::string_view step) const {
    if (error_.error == HPDF_OK) return;
    char code[64];
    std::snprintf(code, sizeof code, "erreur libharu 0x%04X, détail %u",
                  static_cast<unsigned>(error_.error), static_cast<unsigned>(error_.detail));
    throw std::runtime_error("PDF : échec lors de " + std::string(step) + " (" + code + ")");
  }

 private:
  HaruError error_;
  HPDF_Doc doc_;
};

struct Style {
  HPDF_Font font;
  HPDF_REAL size;
};

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

struct Field {
  std::string_view label;
  std::string value;
};

// A cursor running down the pages, starting a new page when the next block does not fit.
class Layout {
 public:
  Layout(Document& doc, HPDF_Font regular, HPDF_Font bold)
      : doc_(doc), regular_{regular, kBody}, bold_{bold, kBody} {
    new_page();
  }

  Style regular(HPDF_REAL size = kBody) const { return {regular_.font, size}; }
  Style bold(HPDF_REAL size = kBody) const { return {bold_.font, size}; }
  HPDF_Page page() const { return pages_.back(); }
  HPDF_REAL y() const { return y_; }
  void skip(HPDF_REAL height) { y_ -= height; }

  void ensure(HPDF_REAL height) {
    if (y_ - height < kBottom) new_page();
  }

  void show(HPDF_REAL x, HPDF_REAL baseline, const Style& style, std::string_view text) {
    const std::string s(text);
    HPDF_Page_BeginText(page());
    HPDF_Page_SetFontAndSize(page(), style.font, style.size);
    HPDF_Page_TextOut(page(), x, baseline, s.c_str());
    HPDF_Page_EndText(page());
  }

  void centered(const Style& style, std::string_view text) {
    for (const auto& line : wrap(style, text, kRight - kLeft, kRight - kLeft)) {
      ensure(style.size * 1.4F);
      y_ -= style.size * 1.4F;
      show((kLeft + kRight - width_of(style, line)) / 2, y_, style, line);
    }
  }

  void paragraph(const Style& style, std::string_view text, HPDF_REAL indent = 0) {
    for (const auto& line : wrap(style, text, kRight - kLeft - indent, kRight - kLeft - indent)) {
      ensure(style.size * 1.35F);
      y_ -= style.size * 1.35F;
      show(kLeft + indent, y_, style, line);
    }
  }

  // A grey band with the section title, as on the paper form.
  void heading(std::string_view title) {
    ensure(40);
    y_ -= 8;
    HPDF_Page_SetGrayFill(page(), 0.88F);
    HPDF_Page_Rectangle(page(), kLeft - 4, y_ - 15, kRight - kLeft + 8, 15);
    HPDF_Page_Fill(page());
    HPDF_Page_SetGrayFill(page(), 0);
    show(kLeft, y_ - 11, bold(10.5F), title);
    y_ -= 19;
  }

  // "Label : value" cells side by side, each wrapping inside its own column.
  void row(std::initializer_list<Field> fields) {
    const HPDF_REAL column = (kRight - kLeft) / static_cast<HPDF_REAL>(fields.size());
    const HPDF_REAL leading = kBody * 1.4F;
    std::vector<std::string> labels;
    std::vector<std::vector<std::string>> values;
    std::size_t height = 1;
    for (const auto& f : fields) {
      labels.push_back(std::string(f.label) + " : ");
      const HPDF_REAL first = column - 8 - width_of(bold_, labels.back());
      values.push_back(wrap(regular_, f.value, column - 8, first));
      height = std::max(height, values.back().size());
    }
    for (std::size_t line = 0; line < height; ++line) {  // line by line: may cross a page
      ensure(leading);
      y_ -= leading;
      for (std::size_t i = 0; i < labels.size(); ++i) {
        const HPDF_REAL x = kLeft + column * static_cast<HPDF_REAL>(i);
        if (line == 0) show(x, y_, bold_, labels[i]);
        if (line < values[i].size())
          show(line == 0 ? x + width_of(bold_, labels[i]) : x, y_, regular_, values[i][line]);
      }
    }
  }

  void checkbox(bool checked, std::string_view label) {
    ensure(17);
    y_ -= 17;
    show(kLeft + 6, y_, regular(13), checked ? kChecked : kUnchecked);
    show(kLeft + 24, y_ + 1, regular(), label);
  }

  void box(HPDF_REAL x, HPDF_REAL top, HPDF_REAL width, HPDF_REAL height) {
    HPDF_Page_SetLineWidth(page(), 0.8F);
    HPDF_Page_Rectangle(page(), x, top - height, width, height);
    HPDF_Page_Stroke(page());
  }

  // The same footer on every page, with "page i/n".
  void footers(std::string_view text) {
    const Style style = regular(7.5F);
    for (std::size_t i = 0; i < pages_.size(); ++i) {
      std::string line(text);
      if (pages_.size() > 1)
        line += " — page " + std::to_string(i + 1) + "/" + std::to_string(pages_.size());
      HPDF_Page_SetLineWidth(pages_[i], 0.5F);
      HPDF_Page_MoveTo(pages_[i], kLeft, 40);
      HPDF_Page_LineTo(pages_[i], kRight, 40);
      HPDF_Page_Stroke(pages_[i]);
      HPDF_Page_BeginText(pages_[i]);
      HPDF_Page_SetFontAndSize(pages_[i], style.font, style.size);
      HPDF_Page_TextOut(pages_[i], (kLeft + kRight - width_of(style, line)) / 2, 28, line.c_str());
      HPDF_Page_EndText(pages_[i]);
    }
  }

 private:
  void new_page() {
    if (!pages_.empty()) doc_.check("la mise en page");
    HPDF_Page page = HPDF_AddPage(doc_.get());
    HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
    pages_.push_back(page);
    y_ = kTop;
  }

  Document& doc_;
  Style regular_, bold_;
  std::vector<HPDF_Page> pages_;
  HPDF_REAL y_ = kTop;
};

std::string yes_no(bool value) {
  return value ? "Oui" : "Non";
}
std::string or_absent(const std::optional<std::string>& value) {
  return value && !value->empty() ? *value : "Non communiqué";
}

constexpr std::string_view kRgpdText[] = {
    "Dans le cadre de la convention de coopération entre le Département et France Travail, un "
    "échange de données personnelles est mis en œuvre afin de renforcer la complémentarité de "
    "leurs actions en faveur de votre insertion professionnelle. L'accompagnement global repose "
    "sur une prise en charge conjointe de vos besoins sociaux et professionnels par un conseiller "
    "France Travail et un professionnel du travail social du Département.",
    "Vos données personnelles listées ci-dessus sont échangées entre le Département et France "
    "Travail uniquement pour l'accompagnement global. Elles sont conservées pendant la durée "
    "nécessaire à l'exécution de la convention. Vous disposez d'un droit d'accès, de "
    "rectification, d'effacement et d'opposition en vous adressant au délégué à la protection "
    "des données de France Travail ou à celui du Département, qui s'engagent à répondre à votre "
    "demande dans un délai d'un mois. Vous pouvez également introduire une réclamation auprès de "
    "la CNIL (www.cnil.fr).",
};

void draw_header(Layout& out, const FicheData& f) {
  out.centered(out.bold(14), "FICHE DE LIAISON — ACCOMPAGNEMENT GLOBAL");
  out.centered(out.regular(10), f.convention_label);
  out.skip(4);
  out.centered(out.regular(kSmall),
               "L'échange de données est limité strictement aux données listées ci-dessous. "
               "Si envoi par courriel, la fiche est obligatoirement chiffrée avant l'envoi.");
}

void draw_prescriber(Layout& out, const FicheData& f) {
  out.heading("Prescripteur");
  out.row({{"Structure prescriptrice", f.prescriber_kind}});
  out.row({{"Nom", f.prescriber.last_name}, {"Prénom", f.prescriber.first_name}});
  out.row({{"Fonction", f.prescriber.function_title}, {"Téléphone", f.prescriber.phone}});
  out.row({{"Courriel", f.prescriber.email}, {"Structure / agence", f.prescriber.structure}});
  if (f.partner_structure && !f.partner_structure->empty())
    out.row({{"Structure partenaire mandatée", *f.partner_structure}});
}

void draw_person(Layout& out, const FicheData& f) {
  out.heading("Personne");
  out.row({{"Nom", f.last_name}, {"Prénom", f.first_name}});
  out.row({{"Date de naissance", f.birth_date}});
  out.row({{"Adresse", f.street + ", " + f.postal_code + " " + f.commune}});
  out.row({{"Téléphone", or_absent(f.phone)}, {"Courriel", or_absent(f.email)}});
  out.row({{"Identifiant France Travail", or_absent(f.ft_id)},
           {"N° allocataire CAF", or_absent(f.caf_id)}});
  out.skip(4);
  out.row({{"Bénéficiaire du RSA", yes_no(f.brsa)}, {"RQTH", yes_no(f.rqth)}});
  out.row({{"Orientation accompagnement global", yes_no(f.orientation_ag)}});
  out.row({{"Situation familiale", f.family_situation_label},
           {"Nombre d'enfants à charge", std::to_string(f.dependent_children)}});
}

void draw_obstacles(Layout& out, const FicheData& f) {
  out.heading("Freins périphériques au retour à l'emploi (cases à cocher)");
  for (std::size_t i = 0; i < domain::kPeripheralObstacles.size(); ++i)
    out.checkbox(f.obstacles[i], domain::kPeripheralObstacles[i].label);
  out.skip(6);
  out.paragraph(out.bold(),
                "Aucune information d'ordre économique et financière ne doit être communiquée.");
  out.skip(2);
  out.row({{"Mode de décision", f.decision_mode_label}});
}

void draw_consent(Layout& out, const FicheData& f) {
  out.heading("Consentement");
  for (const auto text : kRgpdText) {
    out.paragraph(out.regular(kSmall), text);
    out.skip(3);
  }
  out.row({{"Consentement recueilli par", f.consent_collected_by}});
  constexpr HPDF_REAL kBoxWidth = 240, kBoxHeight = 64;
  out.ensure(kBoxHeight + 8);
  out.skip(6);
  const HPDF_REAL x = kRight - kBoxWidth, top = out.y();
  out.box(x, top, kBoxWidth, kBoxHeight);
  out.show(x + 6, top - 12, out.bold(kSmall), "Date et signature de la personne");
  if (f.consent_signature_date && !f.consent_signature_date->empty())
    out.show(x + 6, top - 25, out.regular(kSmall), "Le " + *f.consent_signature_date);
  out.skip(kBoxHeight);
}

void draw_decision(Layout& out, const FicheData& f) {
  out.heading("Décision après diagnostic partagé (à adresser à la structure prescriptrice)");
  out.row({{"Décision", f.decision && !f.decision->empty() ? *f.decision : "En attente"}});
}

std::string save(Document& doc) {
  HPDF_SaveToStream(doc.get());
  doc.check("l'enregistrement");
  std::string bytes;
  HPDF_BYTE buffer[8192];
  for (;;) {
    HPDF_UINT32 size = sizeof buffer;
    const HPDF_STATUS status = HPDF_ReadFromStream(doc.get(), buffer, &size);
    bytes.append(reinterpret_cast<const char*>(buffer), size);
    if (status == HPDF_STREAM_EOF) break;
    if (status != HPDF_OK || size == 0) {
      doc.check("la lecture du PDF");
      throw std::runtime_error("PDF : lecture du document interrompue");
    }
  }
  return bytes;
}

}  // namespace

std::string render_fiche_pdf(const FicheData& fiche) {
  Document doc;
  HPDF_SetCompressionMode(doc.get(), HPDF_COMP_ALL);
  HPDF_UseUTFEncodings(doc.get());
  HPDF_SetCurrentEncoder(doc.get(), "UTF-8");
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_TITLE, "Fiche de liaison - accompagnement global");
  HPDF_SetInfoAttr(doc.get(), HPDF_INFO_CREATOR, "binome");
  const char* regular_name = HPDF_LoadTTFontFromFile(doc.get(), kRegularFontFile, HPDF_TRUE);
  const char* bold_name = HPDF_LoadTTFontFromFile(doc.get(), kBoldFontFile, HPDF_TRUE);
  doc.check("le chargement des polices DejaVu (paquet fonts-dejavu-core)");
  HPDF_Font regular = HPDF_GetFont(doc.get(), regular_name, "UTF-8");
  HPDF_Font bold = HPDF_GetFont(doc.get(), bold_name, "UTF-8");
  doc.check("la préparation des polices en UTF-8");

  Layout out(doc, regular, bold);
  draw_header(out, fiche);
  draw_prescriber(out, fiche);
  draw_person(out, fiche);
  draw_obstacles(out, fiche);
  draw_consent(out, fiche);
  draw_decision(out, fiche);
  out.footers("Document généré le " + fiche.generated_at + " — à transmettre de façon sécurisée");
  doc.check("la mise en page");
  return save(doc);
}

}  // namespace binome::exports
