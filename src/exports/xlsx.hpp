// XLSX workbooks (libxlsxwriter) for the governance exports: tables of text and numbers.
// Text is always written as a string cell, never as a formula, whatever it starts with.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace binome::exports {

struct XlsxCell {
  std::string text;
  std::optional<double> number;  // written as a number when set
  bool bold = false;
  static XlsxCell of(std::string t) { return {std::move(t), std::nullopt, false}; }
  static XlsxCell num(double v) { return {{}, v, false}; }
};

struct XlsxSheet {
  std::string name;                      // at most 31 characters
  std::vector<std::string> title_lines;  // written first, in bold
  std::vector<std::string> header;       // bold header row
  std::vector<std::vector<XlsxCell>> rows;
  std::vector<double> widths;  // column widths, in characters
};

// The workbook's bytes (written through a temporary file, then removed).
std::string xlsx_workbook(const std::vector<XlsxSheet>& sheets);

}  // namespace binome::exports
