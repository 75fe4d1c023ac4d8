#include "exports/convocation_pdf.hpp"

#include "exports/pdf_layout.hpp"

namespace binome::exports {
namespace {

// Where and how the meeting takes place, in the words of the letter.
std::string how(const ConvocationData& c) {
  if (c.channel == "telephone")
    return "Cet entretien aura lieu par téléphone : votre interlocuteur vous appellera au "
           "numéro que vous nous avez communiqué.";
  if (c.channel == "visio")
    return "Cet entretien aura lieu en visioconférence : le lien de connexion vous sera transmis "
           "par votre interlocuteur. Aucun enregistrement n'est réalisé.";
  return "Cet entretien aura lieu dans les locaux de : " + c.place + ".";
}

}  // namespace

std::string render_convocation_pdf(const ConvocationData& c) {
  Document doc("Convocation - accompagnement global");
  Layout out(doc);
  out.paragraph(out.bold(), c.convener_structure);
  if (!c.convener_phone.empty()) out.paragraph(out.regular(), "Téléphone : " + c.convener_phone);
  out.skip(24);
  const HPDF_REAL x = kLeft + 280;
  for (const auto& line : {c.person_name, c.street, c.postal_code + " " + c.commune}) {
    out.skip(kBody * 1.4F);
    out.show(x, out.y(), out.regular(10), line);
  }
  out.skip(30);
  out.paragraph(out.regular(), "Le " + c.generated_on);
  out.skip(12);
  out.paragraph(out.bold(11), "Objet : convocation — " + c.kind_label);
  out.skip(12);
  out.paragraph(out.regular(10), "Madame, Monsieur,");
  out.skip(6);
  out.paragraph(
      out.regular(10),
      "Dans le cadre de l'accompagnement global mis en œuvre par le Département et France "
      "Travail, vous êtes invité(e) à un entretien (" +
          c.kind_label + ") le " + c.date_label + " à " + c.time_label + ".");
  out.skip(6);
  out.paragraph(out.regular(10), how(c));
  out.skip(6);
  out.paragraph(
      out.regular(10),
      "En cas d'empêchement, merci de prévenir votre interlocuteur le plus tôt possible : "
      "une absence non excusée peut avoir des conséquences sur votre accompagnement et, "
      "si vous êtes allocataire du RSA, sur votre allocation.");
  out.skip(6);
  out.paragraph(out.regular(10),
                "Veuillez agréer, Madame, Monsieur, l'expression de nos salutations distinguées.");
  out.skip(24);
  out.show(x, out.y(), out.bold(10), c.convener_name);
  out.skip(kBody * 1.4F);
  out.show(x, out.y(), out.regular(), c.convener_function);
  out.footers("Accompagnement global — Département et France Travail — document généré le " +
              c.generated_on);
  doc.check("la mise en page");
  return doc.save();
}

}  // namespace binome::exports
