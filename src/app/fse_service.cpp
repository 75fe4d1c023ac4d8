#include "app/fse_service.hpp"

#include <algorithm>

#include "app/guards.hpp"
#include "exports/fse_pdf.hpp"
#include "exports/xlsx.hpp"
#include "store/profiles_repo.hpp"
#include "store/supports_repo.hpp"

namespace binome::app {

using domain::DomainError;

std::string FseService::list(const domain::Actor& actor, const std::string& semester,
                             const std::string& format, const Origin& origin) {
  if (actor.role != domain::Role::coordinateur) {
    audit_now(ctx_, audit_entry(actor, "fse.denied", std::nullopt, origin, "semestre:" + semester));
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "La liste FSE nomme les personnes : elle est produite par les "
                      "coordinateurs.");
  }
  const bool ok_format = format == "pdf" || format == "xlsx";
  const bool ok_semester = semester.size() == 7 && semester.substr(4, 2) == "-S" &&
                           (semester[6] == '1' || semester[6] == '2') &&
                           std::all_of(semester.begin(), semester.begin() + 4,
                                       [](char c) { return c >= '0' && c <= '9'; });
  if (!ok_format || !ok_semester)
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{ok_format ? "semester" : "format", "invalide",
                                           ok_format ? "Semestre attendu sous la forme 2026-S1."
                                                     : "Le format est pdf ou xlsx."}});
  const auto year = semester.substr(0, 4);
  const std::string from = year + (semester[6] == '1' ? "-01-01" : "-07-01");
  const std::string to = year + (semester[6] == '1' ? "-06-30" : "-12-31");

  exports::FseListData data;
  data.semester_label = std::string(semester[6] == '1' ? "1er" : "2d") + " semestre " + year +
                        " (du " + french_date(from) + " au " + french_date(to) + ")";
  data.scope_label = "Périmètre du coordinateur " + actor.login;
  data.generated_on = french_date(domain::to_iso(today(ctx_)));
  std::vector<std::int64_t> listed;
  // The semester's participants of a whole scope: through the file's map.
  ctx_.db.with_mapped_session([&](soci::session& sql) {
    std::string party = "le Département";
    if (auto p = store::profile_for(sql, actor.departement, to)) {
      data.convention_label = "Convention " + p->label;
      if (const auto* party_row = domain::party_on(*p, *domain::parse_date(to)))
        party = party_row->name;
    }
    data.parties = {party, "France Travail"};
    for (const auto& s : store::all_supports_in_reach(sql, domain::reach_of(actor))) {
      if (domain::person_access(actor, s.person_scope) != domain::Access::allowed) continue;
      if (s.start_date > to || (s.exit_date && *s.exit_date < from)) continue;
      data.rows.push_back({s.person_name, french_date(s.start_date),
                           s.exit_date ? french_date(*s.exit_date) : "",
                           s.exit_outcome.value_or("")});
      listed.push_back(s.person_id);
    }
  });
  std::sort(data.rows.begin(), data.rows.end(),
            [](const auto& a, const auto& b) { return a.name < b.name; });

  std::string bytes;
  if (format == "pdf") {
    bytes = exports::render_fse_list_pdf(data);
  } else {
    exports::XlsxSheet s;
    s.name = "Liste FSE";
    s.title_lines = {"Liste des personnes accompagnées — Fonds social européen",
                     data.semester_label, data.convention_label};
    s.header = {"Nom", "Entrée", "Sortie", "Motif de sortie"};
    s.widths = {34, 12, 12, 28};
    for (const auto& r : data.rows)
      s.rows.push_back({exports::XlsxCell::of(r.name), exports::XlsxCell::of(r.start_date),
                        exports::XlsxCell::of(r.exit_date), exports::XlsxCell::of(r.outcome)});
    s.rows.push_back({});
    for (const auto& party : data.parties)
      s.rows.push_back({exports::XlsxCell{
          "Pour " + party + " — nom, fonction, date, signature :", std::nullopt, true}});
    bytes = exports::xlsx_workbook({s});
  }
  std::sort(listed.begin(), listed.end());
  listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
  auto entry =
      audit_entry(actor, "fse.export", std::nullopt, origin, "semestre:" + semester + "," + format);
  entry.listed_persons = listed;
  audit_now(ctx_, entry);
  return bytes;
}

}  // namespace binome::app
