// The FSE list of a semester (seed 003 art. 2.2 a): the people supported, produced every six
// months and signed by both parties — a signature block for each.
#pragma once
#include <string>
#include <vector>

namespace binome::exports {

struct FseListRow {
  std::string name, start_date, exit_date, outcome;  // dates already written the French way
};

struct FseListData {
  std::string scope_label, semester_label, convention_label, generated_on;
  std::vector<std::string> parties;  // one signature block each
  std::vector<FseListRow> rows;
};

std::string render_fse_list_pdf(const FseListData& data);

}  // namespace binome::exports
