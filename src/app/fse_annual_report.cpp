// The figures of the annual FSE execution report (seed 003 art. 5), for a calendar year: the
// indicators' scope and reach rules, pilotage masked, coordinateurs exact; XLSX audited.
#include "app/guards.hpp"
#include "app/indicator_service.hpp"
#include "domain/fse_report.hpp"
#include "exports/xlsx.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

void check_year(int year) {
  if (year < 2000 || year > 2100)
    throw DomainError(
        DomainError::Kind::invalid,
        domain::FieldErrors{{"year", "invalide", "Année attendue sur quatre chiffres (2026)."}});
}

}  // namespace

IndicatorReport IndicatorService::fse_annual(const domain::Actor& actor,
                                             const IndicatorQuery& query, int year,
                                             const Origin& origin) {
  check_year(year);
  if (actor.role != domain::Role::pilotage && actor.role != domain::Role::coordinateur) {
    audit_now(ctx_, audit_entry(actor, "fse_report.denied", std::nullopt, origin,
                                "annee:" + std::to_string(year)));
    throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                      "Les chiffres du rapport annuel d'exécution FSE sont produits par le "
                      "pilotage et les coordinateurs.");
  }
  auto q = query;
  q.from = std::to_string(year) + "-01-01";
  q.to = std::to_string(year) + "-12-31";
  auto g = gather(actor, q, origin, true);
  g.report.tables = domain::fse_annual_tables(g.facts, g.rules, year, g.labels());
  if (g.report.masked) domain::mask_small_cells(g.report.tables);
  return std::move(g.report);
}

std::string IndicatorService::fse_annual_xlsx(const domain::Actor& actor,
                                              const IndicatorQuery& query, int year,
                                              const Origin& origin) {
  const auto report = fse_annual(actor, query, year, origin);
  exports::XlsxSheet s;
  s.name = "Rapport FSE " + std::to_string(year);
  s.title_lines = {
      "Rapport annuel d'exécution FSE " + std::to_string(year) + " — volet quantitatif",
      report.scope_label + ", du " + french_date(report.from) + " au " + french_date(report.to),
      report.convention_label ? "Convention : " + *report.convention_label
                              : "Aucune convention en vigueur"};
  if (report.masked)
    s.title_lines.push_back("Chiffres reposant sur moins de 5 personnes affichés « < 5 »");
  s.header = {"Tableau", "Indicateur", "Valeur", "Unité", "Base"};
  s.widths = {34, 62, 12, 14, 10};
  for (const auto& t : report.tables)
    for (const auto& r : t.rows) {
      std::vector<exports::XlsxCell> cells{exports::XlsxCell::of(t.title),
                                           exports::XlsxCell::of(r.label)};
      if (r.masked)
        cells.push_back(exports::XlsxCell::of("< 5"));
      else if (r.value)
        cells.push_back(exports::XlsxCell::num(*r.value));
      else
        cells.push_back(exports::XlsxCell::of(""));
      cells.push_back(exports::XlsxCell::of(r.unit));
      cells.push_back(r.masked ? exports::XlsxCell::of("< 5")
                               : exports::XlsxCell::num(static_cast<double>(r.base)));
      s.rows.push_back(std::move(cells));
    }
  s.rows.push_back({});
  s.rows.push_back({exports::XlsxCell{"Non produit par binome :", std::nullopt, true}});
  for (const auto& line : domain::fse_report_not_held())
    s.rows.push_back({exports::XlsxCell::of(line)});
  auto bytes = exports::xlsx_workbook({s});
  audit_now(ctx_,
            audit_entry(actor, "fse_report.export", std::nullopt, origin,
                        report.scope + ":" + report.scope_id + ",annee:" + std::to_string(year)));
  return bytes;
}

}  // namespace binome::app
