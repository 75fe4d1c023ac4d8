#include "domain/fse_report.hpp"

#include <cmath>
#include <set>
#include <string>

#include "domain/support.hpp"

namespace binome::domain {
namespace {

IndicatorRow count(std::string key, std::string label, int n, int base,
                   std::string unit = "personnes") {
  return {
      std::move(key), std::move(label), static_cast<double>(n), std::move(unit), std::nullopt, base,
      false};
}

int age_at(const std::string& birth, const std::string& day) {
  const auto b = parse_date(birth);
  const auto d = parse_date(day);
  if (!b || !d) return -1;
  int years = static_cast<int>(d->year()) - static_cast<int>(b->year());
  if (std::chrono::month_day{d->month(), d->day()} < std::chrono::month_day{b->month(), b->day()})
    --years;
  return years;
}

// Supported at some day of [from, to]: entered by `to` and not gone before `from`.
bool supported_during(const SupportIndicatorFact& s, const std::string& from,
                      const std::string& to) {
  return !s.start_date.empty() && s.start_date <= to && (!s.exit_date || *s.exit_date >= from);
}

const IndicatorTable* table_of(const std::vector<IndicatorTable>& tables, const std::string& key) {
  for (const auto& t : tables)
    if (t.key == key) return &t;
  return nullptr;
}

}  // namespace

std::vector<IndicatorTable> fse_annual_tables(const IndicatorFacts& facts,
                                              const ConventionRules& rules, int year,
                                              const std::vector<Labelled>& origin_labels) {
  const std::string y = std::to_string(year);
  const std::string jan1 = y + "-01-01", jun30 = y + "-06-30", jul1 = y + "-07-01",
                    dec31 = y + "-12-31";
  int participants = 0, carried = 0, entries = 0, exits = 0, at_end = 0, s1 = 0, s2 = 0;
  int brsa = 0, rqth = 0, under26 = 0, from26to49 = 0, over50 = 0, employed = 0;
  std::set<std::int64_t> counsellors;
  std::set<std::pair<std::int64_t, std::int64_t>> binomes;
  for (const auto& s : facts.supports) {
    if (!supported_during(s, jan1, dec31)) continue;
    ++participants;
    if (s.start_date < jan1) ++carried;
    if (s.start_date >= jan1) ++entries;
    if (s.exit_date && *s.exit_date <= dec31) {
      ++exits;
      if (s.exit_outcome && is_job_start(*s.exit_outcome)) ++employed;
    } else {
      ++at_end;
    }
    if (supported_during(s, jan1, jun30)) ++s1;
    if (supported_during(s, jul1, dec31)) ++s2;
    if (s.brsa) ++brsa;
    if (s.rqth) ++rqth;
    const int age = age_at(s.birth_date, s.start_date);
    if (age >= 0 && age < 26)
      ++under26;
    else if (age >= 26 && age < 50)
      ++from26to49;
    else if (age >= 50)
      ++over50;
    if (s.conseiller_id) counsellors.insert(s.conseiller_id);
    if (s.conseiller_id && s.referent_social_id)
      binomes.insert({s.conseiller_id, s.referent_social_id});
  }

  std::vector<IndicatorTable> out;
  out.push_back({"participants",
                 "Participants de l'année " + y,
                 {count("participants", "Personnes accompagnées (axe 2) dans l'année", participants,
                        participants),
                  count("deja_en_cours", "dont entrées avant le 1er janvier", carried, carried),
                  count("entrees", "dont entrées dans l'année", entries, entries),
                  count("sorties", "Sorties dans l'année", exits, exits),
                  count("en_cours_31_12", "En cours au 31 décembre", at_end, at_end),
                  count("liste_fse_s1", "Liste FSE du 1er semestre (personnes)", s1, s1),
                  count("liste_fse_s2", "Liste FSE du 2d semestre (personnes)", s2, s2)}});
  out.push_back({"profil",
                 "Profil des participants (âge à l'entrée)",
                 {count("brsa", "Bénéficiaires du RSA (BrSa)", brsa, brsa),
                  count("boe_rqth", "BOE / RQTH", rqth, rqth),
                  count("age_moins_26", "Moins de 26 ans", under26, under26),
                  count("age_26_49", "26 à 49 ans", from26to49, from26to49),
                  count("age_50_plus", "50 ans et plus", over50, over50)}});

  // Exits by outcome, entry delay, time in support and employment within 12 months are the
  // indicators of the year taken as one period: the same formulas, not a second version.
  const Period period{*parse_date(jan1), *parse_date(dec31)};
  const auto year_tables = compute_indicators(facts, rules, period, origin_labels);
  IndicatorTable results{"resultats", "Sorties et résultats de l'année", {}};
  results.rows.push_back(
      count("sorties_emploi", "Sorties vers l'emploi (CDI, CDD/CTT, création)", employed, exits));
  results.rows.push_back(
      {"part_sorties_emploi", "Part des sorties vers l'emploi",
       exits ? std::optional(std::round(employed * 1000.0 / exits) / 10.0) : std::nullopt, "%",
       std::nullopt, exits, false});
  if (const auto* t = table_of(year_tables, "sorties"))
    for (const auto& r : t->rows) results.rows.push_back(r);
  if (const auto* t = table_of(year_tables, "objectifs"))
    for (const auto& r : t->rows)
      if (r.key == "delai_entree_moyen" || r.key == "duree_moyenne" ||
          r.key == "acces_emploi_12_mois")
        results.rows.push_back(r);
  out.push_back(std::move(results));

  IndicatorTable means{"moyens", "Moyens mobilisés", {}};
  means.rows.push_back(count("conseillers_perimetre", "Conseillers France Travail du périmètre",
                             static_cast<int>(facts.counsellors.size()), participants,
                             "conseillers"));
  means.rows.push_back(count("conseillers_actifs",
                             "Conseillers ayant accompagné au moins une personne dans l'année",
                             static_cast<int>(counsellors.size()), participants, "conseillers"));
  means.rows.push_back(count("binomes_actifs", "Binômes ayant accompagné dans l'année",
                             static_cast<int>(binomes.size()), participants, "binômes"));
  if (const auto* t = table_of(year_tables, "axe3"))
    for (const auto& r : t->rows)
      if (r.key == "axe3_debuts") means.rows.push_back(r);
  out.push_back(std::move(means));
  return out;
}

std::vector<std::string> fse_report_not_held() {
  return {"Volet qualitatif (actions menées, partenariats, difficultés) : rédigé par les parties.",
          "Volet financier (dépenses, ETP valorisés, cofinancements) : binome ne tient aucune "
          "donnée financière.",
          "Sexe, ancienneté d'inscription, ASS et ARE : non détenus par binome "
          "(docs/INDICATEURS.md)."};
}

}  // namespace binome::domain
