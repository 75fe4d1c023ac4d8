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
#include "exports/pdf_layout.hpp"

namespace binome::exports {

namespace {

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

}  // namespace

std::string render_fiche_pdf(const FicheData& fiche) {
  Document doc("Fiche de liaison - accompagnement global");
  Layout out(doc);
  draw_header(out, fiche);
  draw_prescriber(out, fiche);
  draw_person(out, fiche);
  draw_obstacles(out, fiche);
  draw_consent(out, fiche);
  draw_decision(out, fiche);
  out.footers("Document généré le " + fiche.generated_at + " — à transmettre de façon sécurisée");
  doc.check("la mise en page");
  return doc.save();
}

}  // namespace binome::exports
