#include "exports/xlsx.hpp"

#include <unistd.h>
#include <xlsxwriter.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace binome::exports {
namespace {

struct TempFile {
  std::string path;
  TempFile() {
    auto pattern = (std::filesystem::temp_directory_path() / "binome-xlsx-XXXXXX").string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw std::runtime_error("fichier temporaire impossible à créer");
    close(fd);
    path = pattern;
  }
  ~TempFile() { std::remove(path.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
};

}  // namespace

std::string xlsx_workbook(const std::vector<XlsxSheet>& sheets) {
  TempFile file;
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;  // inline strings, rows streamed in order
  const auto tmpdir = std::filesystem::temp_directory_path().string();
  options.tmpdir = const_cast<char*>(tmpdir.c_str());
  lxw_workbook* wb = workbook_new_opt(file.path.c_str(), &options);
  if (!wb) throw std::runtime_error("classeur XLSX impossible à créer");
  lxw_format* bold = workbook_add_format(wb);
  format_set_bold(bold);
  for (const auto& sheet : sheets) {
    lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.substr(0, 31).c_str());
    for (std::size_t c = 0; c < sheet.widths.size(); ++c)
      worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c),
                           sheet.widths[c], nullptr);
    lxw_row_t row = 0;
    for (const auto& line : sheet.title_lines)
      worksheet_write_string(ws, row++, 0, line.c_str(), bold);
    if (!sheet.title_lines.empty()) ++row;
    if (!sheet.header.empty()) {
      for (std::size_t c = 0; c < sheet.header.size(); ++c)
        worksheet_write_string(ws, row, static_cast<lxw_col_t>(c), sheet.header[c].c_str(), bold);
      ++row;
    }
    for (const auto& cells : sheet.rows) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const auto& cell = cells[c];
        const auto col = static_cast<lxw_col_t>(c);
        if (cell.number)
          worksheet_write_number(ws, row, col, *cell.number, cell.bold ? bold : nullptr);
        else if (!cell.text.empty())
          worksheet_write_string(ws, row, col, cell.text.c_str(), cell.bold ? bold : nullptr);
      }
      ++row;
    }
  }
  if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("classeur XLSX non écrit");
  std::ifstream in(file.path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

}  // namespace binome::exports
