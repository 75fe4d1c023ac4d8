#include "exports/access_pdf.hpp"

#include "exports/pdf_layout.hpp"

namespace binome::exports {

std::string render_access_pdf(const AccessDocument& d) {
  Document doc("Réponse à une demande d'accès - binome");
  Layout out(doc);
  out.centered(out.bold(13), "Vos données personnelles dans binome");
  out.centered(out.regular(10), d.request_label);
  out.skip(8);
  out.paragraph(out.bold(10), "Personne concernée : " + d.person_name);
  out.skip(4);
  for (const auto& p : d.preamble) {
    out.paragraph(out.regular(), p);
    out.skip(3);
  }
  for (const auto& s : d.sections) {
    out.heading(s.title);
    if (s.records.empty()) {
      out.paragraph(out.regular(), s.empty_text);
      continue;
    }
    for (std::size_t i = 0; i < s.records.size(); ++i) {
      if (i > 0) out.skip(5);
      for (const auto& [label, value] : s.records[i].fields) out.row({{label, value}});
    }
  }
  out.footers("binome — accompagnement global — réponse au droit d'accès (RGPD art. 15) — " +
              d.generated_on);
  return doc.save();
}

}  // namespace binome::exports
