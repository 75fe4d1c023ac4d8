// What binome's PDF documents share (libharu): an A4 page layout running down the pages,
// DejaVu Sans embedded in UTF-8 so French accents print and extract, "page i/n" footers,
// and libharu's C errors turned into French exceptions.
#pragma once
#include <hpdf.h>

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace binome::exports {

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

class Document {
 public:
  // A new document with its title, compressed, with the two DejaVu fonts loaded.
  explicit Document(const std::string& title);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  HPDF_Doc get() const { return doc_; }
  HPDF_Font regular() const { return regular_; }
  HPDF_Font bold() const { return bold_; }
  // Throws a French error naming the step if libharu reported one.
  void check(std::string_view step) const;
  std::string save();

 private:
  HaruError error_;
  HPDF_Doc doc_;
  HPDF_Font regular_ = nullptr, bold_ = nullptr;
};

struct Style {
  HPDF_Font font;
  HPDF_REAL size;
};

HPDF_REAL width_of(const Style& style, std::string_view text);
// Greedy word wrap; the first line may be narrower (text after a label). A word wider than a
// whole line is cut between UTF-8 characters.
std::vector<std::string> wrap(const Style& style, std::string_view text, HPDF_REAL width,
                              HPDF_REAL first_width);

struct Field {
  std::string_view label;
  std::string value;
};

// A cursor running down the pages, starting a new page when the next block does not fit.
class Layout {
 public:
  explicit Layout(Document& doc)
      : doc_(doc), regular_{doc.regular(), kBody}, bold_{doc.bold(), kBody} {
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

}  // namespace binome::exports
