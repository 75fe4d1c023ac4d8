#include "flows/rules.hpp"

#include <array>
#include <chrono>
#include <functional>
#include <optional>

#include "flows/codes.hpp"

namespace binome::flows {
namespace {

using domain::Date;
using std::chrono::days;
using std::chrono::sys_days;

std::optional<Date> date_of(const Values& v, Field f) {
  if (!v.ok(f)) return std::nullopt;
  std::string_view s = v.get(f);
  // the XSD type collapses whitespace around a date
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
    s.remove_prefix(1);
  return domain::parse_date(s.substr(0, 10));
}

// Completed years between birth and day.
int age_at(const Date& birth, const Date& day) {
  int age = int(day.year()) - int(birth.year());
  if (day.month() < birth.month() || (day.month() == birth.month() && day.day() < birth.day()))
    --age;
  return age;
}

int two_digits(std::string_view s, std::size_t at) {
  return (s[at] - '0') * 10 + (s[at + 1] - '0');
}

void check_nir(const Values& d, const RuleSink& sink) {
  if (!d.ok(Field::nir)) return;
  const std::string& nir = d.get(Field::nir);
  const unsigned long line = d.line_of(Field::nir);
  const int month = two_digits(nir, 3);
  if (month == 0 || (month >= 13 && month <= 19) || (month >= 43 && month <= 49))
    sink(Field::nir, "R8", Severity::error,
         "NIR : mois de naissance « " + nir.substr(3, 2) +
             " » impossible (01 à 12, ou 20 à 42 et 50 à 99 pour un mois inconnu)",
         line);
  const auto birth = date_of(d, Field::date_naissance);
  if (nir[5] == '2' && (nir[6] == 'A' || nir[6] == 'B') && birth && int(birth->year()) < 1976)
    sink(Field::nir, "R8", Severity::error,
         "NIR : les codes 2A et 2B ne désignent que des naissances en Corse depuis 1976 "
         "(avant : 20)",
         line);
  if (!birth) return;
  if (two_digits(nir, 1) != int(birth->year()) % 100)
    sink(Field::nir, "R8", Severity::warning,
         "NIR : l'année « " + nir.substr(1, 2) + " » ne concorde pas avec la date de naissance " +
             domain::to_iso(*birth),
         line);
  if (month >= 1 && month <= 12 && unsigned(month) != unsigned(birth->month()))
    sink(Field::nir, "R8", Severity::warning,
         "NIR : le mois « " + nir.substr(3, 2) + " » ne concorde pas avec la date de naissance " +
             domain::to_iso(*birth),
         line);
}

void check_birth(const Values& d, const Values& header, const Date& today, const RuleSink& sink) {
  const auto birth = date_of(d, Field::date_naissance);
  if (!birth) return;
  const unsigned long line = d.line_of(Field::date_naissance);
  if (sys_days{*birth} > sys_days{today}) {
    sink(Field::date_naissance, "R7", Severity::error,
         "date de naissance " + domain::to_iso(*birth) + " dans le futur", line);
    return;
  }
  const auto reference = date_of(header, Field::date_reference);
  const Date at = reference ? *reference : today;
  const int age = age_at(*birth, at);
  if (age < 15 || age > 120)
    sink(Field::date_naissance, "R7", Severity::error,
         "âge de " + std::to_string(age) +
             " ans à la date de référence : entre 15 et 120 ans "
             "attendu",
         line);
  else if (age > 70)
    sink(Field::date_naissance, "R7", Severity::warning,
         "âge de " + std::to_string(age) + " ans à la date de référence (plus de 70 ans)", line);
}

// R6: a motif or label only with its date, and the date with its motif.
void check_end(const Values& d, Field date, Field motif, Field lib, const char* what,
               const RuleSink& sink) {
  if (!d.has(date)) {
    for (Field f : {motif, lib})
      if (d.has(f))
        sink(f, "R6", Severity::error,
             std::string("motif ou libellé de ") + what + " sans date de " + what, d.line_of(f));
  } else if (!d.has(motif)) {
    sink(date, "R6", Severity::error, std::string("date de ") + what + " sans motif de " + what,
         d.line_of(date));
  }
}

bool alnum2(std::string_view s) {
  if (s.size() != 2) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))) return false;
  return true;
}

}  // namespace

std::string field_path(Field field) {
  static const std::array<std::string, kFieldCount> paths = [] {
    std::array<std::string, kFieldCount> p;
    // Walk the three trees: every element with a field gives its path.
    std::function<void(const Node&)> walk = [&](const Node& n) {
      if (n.field != Field::none) p[static_cast<std::size_t>(n.field)] = n.path;
      for (const auto& c : n.children) walk(*c.node);
    };
    for (Flow f : {Flow::pecgm, Flow::pecdh, Flow::cgpem}) walk(schema_root(f));
    return p;
  }();
  return paths[static_cast<std::size_t>(field)];
}

void check_record(Flow flow, const Values& d, const Values& header, const Date& today,
                  const RuleSink& sink) {
  const unsigned long first_line = d.line_of(Field::nom_naissance);
  // R2
  if (d.has(Field::code_pe) != d.has(Field::identifiant_pe)) {
    const Field given = d.has(Field::code_pe) ? Field::code_pe : Field::identifiant_pe;
    sink(given, "R2", Severity::error,
         "code-pe et identifiant-pe vont ensemble : l'un est donné sans l'autre", d.line_of(given));
  }
  // R6
  if (flow != Flow::cgpem) {
    check_end(d, Field::date_cessation_ide, Field::motif_cessation_ide, Field::lib_cessation_ide,
              "cessation", sink);
    check_end(d, Field::date_radiation_ide, Field::motif_radiation_ide, Field::lib_radiation_ide,
              "radiation", sink);
  }
  check_birth(d, header, today, sink);  // R7
  check_nir(d, sink);                   // R8
  if (flow == Flow::pecgm) {            // R9
    if (d.ok(Field::code_categorie) && !d.get(Field::code_categorie).empty()) {
      const char c = d.get(Field::code_categorie)[0];
      if (c < '1' || c > '5')
        sink(Field::code_categorie, "R9", Severity::warning,
             std::string("catégorie « ") + c + " » hors de la liste 1 à 5",
             d.line_of(Field::code_categorie));
    }
    if (d.ok(Field::motif_cessation_ide) && !cessation_label(d.get(Field::motif_cessation_ide)))
      sink(Field::motif_cessation_ide, "R9", Severity::warning,
           "motif de cessation « " + d.get(Field::motif_cessation_ide) +
               " » inconnu de la liste de l'annexe 4",
           d.line_of(Field::motif_cessation_ide));
    if (d.ok(Field::motif_radiation_ide) && !alnum2(d.get(Field::motif_radiation_ide)))
      sink(Field::motif_radiation_ide, "R9", Severity::warning,
           "motif de radiation « " + d.get(Field::motif_radiation_ide) +
               " » : deux caractères (chiffres ou majuscules) attendus",
           d.line_of(Field::motif_radiation_ide));
  }
  if (flow != Flow::cgpem) return;
  // R1
  if (!d.has(Field::nir) && !(d.has(Field::code_pe) && d.has(Field::identifiant_pe)))
    sink(Field::nir, "R1", Severity::error,
         "NIR obligatoire quand code-pe et identifiant-pe sont absents", first_line);
  // R4
  if (const auto decision = date_of(d, Field::date_decision);
      decision && sys_days{*decision} > sys_days{today})
    sink(Field::date_decision, "R4", Severity::error,
         "date de décision " + domain::to_iso(*decision) + " postérieure au jour de traitement " +
             domain::to_iso(today),
         d.line_of(Field::date_decision));
  // R5
  if (d.has(Field::correspondant) && !d.has(Field::corr_nom)) {
    const bool details =
        d.has(Field::corr_prenom) || d.has(Field::corr_telephone) || d.has(Field::corr_email);
    if (details)
      sink(Field::corr_nom, "R5", Severity::error,
           "nom du correspondant obligatoire quand son prénom, téléphone ou courriel est donné",
           d.line_of(Field::correspondant));
    else
      sink(Field::corr_nom, "R5", Severity::warning,
           "correspondant sans nom : celui que France Travail connaît sera effacé",
           d.line_of(Field::correspondant));
  }
}

void check_file(Flow flow, const Values& h, std::size_t dossiers, const Date& today,
                const RuleSink& sink) {
  // F1
  if (h.ok(Field::fin_nb_dossier) && std::stoul(h.get(Field::fin_nb_dossier)) != dossiers)
    sink(Field::fin_nb_dossier, "F1", Severity::error,
         "fin/nb-dossier annonce " + std::to_string(std::stoul(h.get(Field::fin_nb_dossier))) +
             " dossier(s), le fichier en contient " + std::to_string(dossiers),
         h.line_of(Field::fin_nb_dossier));
  // F2
  if (h.ok(Field::fin_departement) && h.ok(Field::departement) &&
      h.get(Field::fin_departement) != h.get(Field::departement))
    sink(Field::fin_departement, "F2", Severity::error,
         "fin/departement « " + h.get(Field::fin_departement) + " » différent de l'en-tête « " +
             h.get(Field::departement) + " »",
         h.line_of(Field::fin_departement));
  const auto reference = date_of(h, Field::date_reference);
  const auto fin_reference = date_of(h, Field::fin_date_reference);
  if (reference && fin_reference && *reference != *fin_reference)
    sink(Field::fin_date_reference, "F2", Severity::error,
         "fin/date-reference " + domain::to_iso(*fin_reference) + " différente de l'en-tête " +
             domain::to_iso(*reference),
         h.line_of(Field::fin_date_reference));
  // F3
  if (flow == Flow::pecgm && reference && reference->day() != std::chrono::day{1})
    sink(Field::date_reference, "F3", Severity::error,
         "date de référence " + domain::to_iso(*reference) +
             " : un fichier PECGM porte le premier jour du mois (aaaa-mm-01)",
         h.line_of(Field::date_reference));
  // F4
  if (const auto made = date_of(h, Field::date_fabrication)) {
    if (reference) {
      const bool monthly = h.ok(Field::periodicite) && h.get(Field::periodicite) == "M";
      const Date floor =
          monthly ? Date{reference->year(), reference->month(), std::chrono::day{1}} : *reference;
      if (sys_days{*made} < sys_days{floor})
        sink(Field::date_fabrication, "F4", Severity::error,
             "date de fabrication " + domain::to_iso(*made) + " antérieure " +
                 (monthly ? "au premier jour du mois de référence " : "à la date de référence ") +
                 domain::to_iso(floor),
             h.line_of(Field::date_fabrication));
    }
    if (sys_days{*made} > sys_days{today})
      sink(Field::date_fabrication, "F4", Severity::error,
           "date de fabrication " + domain::to_iso(*made) + " dans le futur (aujourd'hui " +
               domain::to_iso(today) + ")",
           h.line_of(Field::date_fabrication));
  }
}

}  // namespace binome::flows
