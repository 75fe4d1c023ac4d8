#include "flows/cgpem_writer.hpp"

#include <stdexcept>

#include "flows/person_keys.hpp"
#include "flows/schema.hpp"
#include "flows/transliterate.hpp"

namespace binome::flows {
namespace {

std::string escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

bool digits_only(const std::string& s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// A free-text item in ISO-8859-1 within its length, else nothing (an optional item).
std::optional<std::string> free_text(const std::optional<std::string>& v, std::size_t max) {
  if (!v || v->empty()) return std::nullopt;
  auto latin = to_latin1(*v);
  if (!latin || utf8_length(*v) > max) return std::nullopt;
  for (char c : *latin)
    if (static_cast<unsigned char>(c) < 0x20) return std::nullopt;
  return escape(*latin);
}

}  // namespace

CgpemOutcome write_cgpem(std::ostream& out, const CgpemHeader& h,
                         const std::vector<CgpemRecord>& records) {
  const SimpleType* dep_type = nullptr;
  for (const auto& p : schema_root(Flow::cgpem).children[0].node->children)
    if (p.node->field == Field::departement) dep_type = p.node->type;
  if (!dep_type || !dep_type->check(h.departement).empty())
    throw std::invalid_argument("département « " + h.departement + " » invalide pour CGPEM");
  if (h.periodicite != "M" && h.periodicite != "H" && h.periodicite != "J")
    throw std::invalid_argument("périodicité M, H ou J attendue");
  using std::chrono::sys_days;
  const domain::Date floor =
      h.periodicite == "M"
          ? domain::Date{h.date_reference.year(), h.date_reference.month(), std::chrono::day{1}}
          : h.date_reference;
  if (sys_days{h.date_fabrication} < sys_days{floor})
    throw std::invalid_argument("date de référence " + domain::to_iso(h.date_reference) +
                                " postérieure au jour de fabrication (règle F4)");
  const SimpleType& nir13 =
      *schema_root(Flow::cgpem).children[1].node->children[0].node->children[0].node->type;
  CgpemOutcome outcome;
  std::string body;
  PersonKeySet keys;
  for (const auto& r : records) {
    auto skip = [&](std::string reason) {
      outcome.skipped.push_back({r.person_id, std::move(reason)});
    };
    const auto last = transliterate_name(r.last_name);
    const auto first = transliterate_name(r.first_name);
    if (!last || last->size() > 25) {
      skip("nom « " + r.last_name +
           " » impossible à écrire en majuscules non accentuées de 25 "
           "caractères au plus (R3)");
      continue;
    }
    if (!first || first->size() > 25) {
      skip("prénom « " + r.first_name +
           " » impossible à écrire en majuscules non accentuées de "
           "25 caractères au plus (R3)");
      continue;
    }
    const auto birth = domain::parse_date(r.birth_date);
    if (!birth) {
      skip("date de naissance invalide");
      continue;
    }
    const std::optional<std::string> nir =
        r.nir && nir13.check(*r.nir).empty() ? r.nir : std::nullopt;
    const bool ft = r.code_pe && r.identifiant_pe && ft_key(*r.code_pe, *r.identifiant_pe);
    if (!nir && !ft) {
      skip("ni NIR ni identifiant France Travail complet (code-pe et identifiant-pe) : R1");
      continue;
    }
    const auto decision = domain::parse_date(r.decision_date);
    if (!decision || sys_days{*decision} > sys_days{h.date_fabrication}) {
      skip("date de décision absente ou postérieure au jour de traitement (R4)");
      continue;
    }
    if (r.nature.size() != 2 || r.nature[0] != '0' || r.nature[1] < '1' || r.nature[1] > '6') {
      skip("nature d'accompagnement hors de 01 à 06");
      continue;
    }
    const auto key = nir ? nir_key(*nir) : ft_key(*r.code_pe, *r.identifiant_pe);
    if (key && keys.insert(*key, std::uint32_t(outcome.written + 1))) {
      skip("même personne qu'un dossier déjà écrit (R10)");
      continue;
    }
    body += "  <dossier>\n    <individu>\n";
    if (nir) body += "      <nir>" + *nir + "</nir>\n";
    body += "      <nom-naissance>" + *last + "</nom-naissance>\n";
    body += "      <prenom>" + *first + "</prenom>\n";
    body += "      <date-naissance>" + domain::to_iso(*birth) + "</date-naissance>\n";
    body += "    </individu>\n";
    if (ft)
      body += "    <allocataire>\n      <code-pe>" + *r.code_pe +
              "</code-pe>\n      <identifiant-pe>" + *r.identifiant_pe +
              "</identifiant-pe>\n    </allocataire>\n";
    body += "    <orientation>\n      <nature>" + r.nature + "</nature>\n      <date-decision>" +
            domain::to_iso(*decision) + "</date-decision>\n    </orientation>\n";
    // R5: a correspondant is written only with its name (without one, France Travail would
    // erase the correspondant it holds).
    if (const auto nom = free_text(r.correspondant_nom, 30)) {
      body += "    <correspondant>\n";
      if (auto o = free_text(r.organisme, 90)) body += "      <organisme>" + *o + "</organisme>\n";
      if (auto s = free_text(r.service, 50)) body += "      <service>" + *s + "</service>\n";
      body += "      <nom>" + *nom + "</nom>\n";
      if (r.telephone) {
        std::string phone;
        for (char c : *r.telephone)
          if (c != ' ' && c != '.' && c != '-') phone.push_back(c);
        if (phone.size() == 10 && digits_only(phone))
          body += "      <telephone>" + phone + "</telephone>\n";
      }
      if (auto e = free_text(r.email, 60)) body += "      <email>" + *e + "</email>\n";
      body += "    </correspondant>\n";
    }
    body += "  </dossier>\n";
    ++outcome.written;
  }
  const std::string reference = domain::to_iso(h.date_reference);
  out << "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<flux>\n  <entete>\n"
      << "    <fichier>CGPE</fichier>\n    <periodicite>" << h.periodicite << "</periodicite>\n"
      << "    <departement>" << h.departement << "</departement>\n"
      << "    <date-reference>" << reference << "</date-reference>\n"
      << "    <date-fabrication>" << domain::to_iso(h.date_fabrication)
      << "</date-fabrication>\n    <version>001,0</version>\n  </entete>\n"
      << body << "  <fin>\n    <departement>" << h.departement
      << "</departement>\n    <date-reference>" << reference
      << "</date-reference>\n    <nb-dossier>" << outcome.written << "</nb-dossier>\n  </fin>\n"
      << "</flux>\n";
  return outcome;
}

}  // namespace binome::flows
