#include "exports/fse_pdf.hpp"

#include "exports/pdf_layout.hpp"

namespace binome::exports {

std::string render_fse_list_pdf(const FseListData& d) {
  Document doc("Liste FSE des personnes accompagnées");
  Layout out(doc);
  out.centered(out.bold(13), "Liste des personnes accompagnées — Fonds social européen");
  out.centered(out.regular(10), d.semester_label + " — " + d.scope_label);
  out.centered(out.regular(9), d.convention_label);
  out.skip(10);
  out.heading("Personnes accompagnées (" + std::to_string(d.rows.size()) + ")");
  const HPDF_REAL cols[] = {kLeft, kLeft + 200, kLeft + 280, kLeft + 360};
  out.ensure(kBody * 1.6F);
  out.skip(kBody * 1.4F);
  out.show(cols[0], out.y(), out.bold(), "Nom");
  out.show(cols[1], out.y(), out.bold(), "Entrée");
  out.show(cols[2], out.y(), out.bold(), "Sortie");
  out.show(cols[3], out.y(), out.bold(), "Motif de sortie");
  for (const auto& r : d.rows) {
    out.ensure(kBody * 1.4F);
    out.skip(kBody * 1.4F);
    out.show(cols[0], out.y(), out.regular(), r.name);
    out.show(cols[1], out.y(), out.regular(), r.start_date);
    out.show(cols[2], out.y(), out.regular(), r.exit_date.empty() ? "—" : r.exit_date);
    out.show(cols[3], out.y(), out.regular(kSmall), r.outcome);
  }
  out.skip(16);
  out.heading("Signatures");
  for (const auto& party : d.parties) {
    out.ensure(80);
    out.paragraph(out.bold(), "Pour " + party);
    out.paragraph(out.regular(), "Nom, fonction : ");
    out.paragraph(out.regular(), "Date :                                   Signature :");
    out.skip(40);
  }
  out.footers("Liste FSE — générée le " + d.generated_on +
              " — à conserver pendant la durée de contrôle du FSE");
  return doc.save();
}

}  // namespace binome::exports
