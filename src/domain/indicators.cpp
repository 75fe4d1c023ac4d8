#include "domain/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>
#include <set>

#include "domain/support.hpp"

namespace binome::domain {

Period quarter_of(const Date& day) {
  const unsigned m = static_cast<unsigned>(day.month());
  const unsigned first = (m - 1) / 3 * 3 + 1;
  const Date from{day.year(), std::chrono::month{first}, std::chrono::day{1}};
  const auto last = std::chrono::year_month_day_last{
      day.year(), std::chrono::month_day_last{std::chrono::month{first + 2}}};
  return {from, Date{last}};
}

int days_between(const Date& a, const Date& b) {
  return static_cast<int>((std::chrono::sys_days{b} - std::chrono::sys_days{a}).count());
}

namespace {

struct Range {
  std::string from, to;  // ISO, both included
  bool holds(const std::string& day) const { return !day.empty() && day >= from && day <= to; }
};

double round1(double v) {
  return std::round(v * 10.0) / 10.0;
}

IndicatorRow count_row(std::string key, std::string label, int n, std::string unit = "personnes") {
  return {
      std::move(key), std::move(label), static_cast<double>(n), std::move(unit), std::nullopt, n,
      false};
}

std::optional<double> share(int part, int whole) {
  if (whole == 0) return std::nullopt;
  return round1(part * 100.0 / whole);
}

int age_on(const std::string& birth, const Date& on) {
  const auto b = parse_date(birth);
  if (!b) return -1;
  int years = static_cast<int>(on.year()) - static_cast<int>(b->year());
  if (std::chrono::month_day{on.month(), on.day()} < std::chrono::month_day{b->month(), b->day()})
    --years;
  return years;
}

bool in_progress_at(const SupportIndicatorFact& s, const std::string& day) {
  return !s.start_date.empty() && s.start_date <= day && (!s.exit_date || *s.exit_date > day);
}

}  // namespace

std::vector<IndicatorTable> compute_indicators(const IndicatorFacts& facts,
                                               const ConventionRules& rules, const Period& period,
                                               const std::vector<Labelled>& origin_labels) {
  const Range range{to_iso(period.from), to_iso(period.to)};
  const int period_days = days_between(period.from, period.to) + 1;

  int entries = 0, exits = 0, in_progress = 0, brsa = 0, rqth = 0;
  int under26 = 0, from26to49 = 0, over50 = 0;
  std::vector<int> delays;
  long long time_in_support = 0;
  int cohort = 0, cohort_employed = 0;
  std::map<std::string, int> by_outcome;
  std::map<std::int64_t, int> portfolio;  // counsellor -> in progress at the end
  std::set<std::pair<std::int64_t, std::int64_t>> binomes;
  for (auto id : facts.counsellors) portfolio[id];

  for (const auto& s : facts.supports) {
    const bool entered = range.holds(s.start_date);
    if (entered) {
      ++entries;
      binomes.insert({s.conseiller_id, s.referent_social_id});
      if (const auto o = parse_date(s.oriented_on), st = parse_date(s.start_date); o && st)
        delays.push_back(days_between(*o, *st));
    }
    if (s.exit_date && range.holds(*s.exit_date)) {
      ++exits;
      ++by_outcome[s.exit_outcome.value_or("")];
      if (const auto a = parse_date(s.start_date), b = parse_date(*s.exit_date); a && b)
        time_in_support += days_between(*a, *b);
    }
    if (in_progress_at(s, range.to)) {
      ++in_progress;
      binomes.insert({s.conseiller_id, s.referent_social_id});
      if (s.brsa) ++brsa;
      if (s.rqth) ++rqth;
      const int age = age_on(s.birth_date, period.to);
      if (age >= 0 && age < 26)
        ++under26;
      else if (age >= 26 && age < 50)
        ++from26to49;
      else if (age >= 50)
        ++over50;
      if (s.conseiller_id) ++portfolio[s.conseiller_id];
    }
    if (const auto start = parse_date(s.start_date)) {
      const auto anniversary = plus_months(*start, 12);
      if (range.holds(to_iso(anniversary))) {
        ++cohort;
        if (s.exit_outcome && is_job_start(*s.exit_outcome) && s.exit_date &&
            *s.exit_date <= to_iso(anniversary))
          ++cohort_employed;
      }
    }
  }

  std::vector<IndicatorTable> out;

  out.push_back({"flux",
                 "Entrées, sorties et accompagnements en cours",
                 {count_row("entrees", "Entrées en accompagnement global (axe 2)", entries),
                  count_row("sorties", "Sorties", exits),
                  count_row("en_cours_fin", "Accompagnements en cours à la fin de la période",
                            in_progress)}});

  {
    IndicatorTable t{"origine", "Origine des orientations", {}};
    std::map<std::string, int> by_origin;
    int total = 0;
    for (const auto& o : facts.orientations)
      if (range.holds(o.oriented_on)) {
        ++by_origin[o.origin];
        ++total;
      }
    for (const auto& l : origin_labels)
      t.rows.push_back(count_row("origine_" + std::string(l.code), std::string(l.label),
                                 by_origin[std::string(l.code)]));
    t.rows.push_back(count_row("orientations", "Total des orientations", total));
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"typologie", "Public en cours d'accompagnement à la fin de la période", {}};
    t.rows.push_back(count_row("brsa", "Bénéficiaires du RSA (BrSa)", brsa));
    t.rows.push_back(count_row("boe_rqth", "BOE / RQTH", rqth));
    t.rows.push_back(count_row("age_moins_26", "Moins de 26 ans", under26));
    t.rows.push_back(count_row("age_26_49", "26 à 49 ans", from26to49));
    t.rows.push_back(count_row("age_50_plus", "50 ans et plus", over50));
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"sorties", "Sorties par motif", {}};
    for (const auto& l : kExitOutcomes)
      t.rows.push_back(count_row("sortie_" + std::string(l.code), std::string(l.label),
                                 by_outcome[std::string(l.code)]));
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"objectifs", "Indicateurs et cibles de la convention", {}};
    const auto opt_target = [](const std::optional<int>& v) -> std::optional<double> {
      return v ? std::optional<double>(*v) : std::nullopt;
    };
    const int n = static_cast<int>(delays.size());
    std::optional<double> mean, median;
    if (n > 0) {
      mean = round1(std::accumulate(delays.begin(), delays.end(), 0.0) / n);
      auto sorted = delays;
      std::sort(sorted.begin(), sorted.end());
      median = n % 2 ? sorted[n / 2] : round1((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0);
    }
    t.rows.push_back({"delai_entree_moyen", "Délai moyen d'entrée (de l'orientation à l'entrée)",
                      mean, "jours", opt_target(rules.entry_deadline_days), n, false});
    t.rows.push_back({"delai_entree_median", "Délai médian d'entrée", median, "jours",
                      opt_target(rules.entry_deadline_days), n, false});
    t.rows.push_back({"part_brsa", "Part des BrSa parmi les accompagnements en cours",
                      share(brsa, in_progress), "%", opt_target(rules.brsa_share_target_pct),
                      in_progress, false});
    std::optional<double> per_binome, per_binome_target;
    if (!binomes.empty())
      per_binome = round1(static_cast<double>(entries) / static_cast<double>(binomes.size()));
    if (rules.new_entries_per_binome_year)
      per_binome_target = round1(*rules.new_entries_per_binome_year * period_days / 365.0);
    t.rows.push_back({"entrees_par_binome",
                      "Nouvelles entrées par binôme (cible annuelle ramenée à la période)",
                      per_binome, "entrées", per_binome_target, entries, false});
    int under = 0, within = 0, above = 0;
    for (const auto& [id, size] : portfolio) {
      if (rules.portfolio_min && size < *rules.portfolio_min)
        ++under;
      else if (rules.portfolio_max && size > *rules.portfolio_max)
        ++above;
      else
        ++within;
    }
    const bool bounds = rules.portfolio_min || rules.portfolio_max;
    std::optional<double> mean_portfolio;
    if (!portfolio.empty())
      mean_portfolio = round1(static_cast<double>(in_progress) / portfolio.size());
    t.rows.push_back({"portefeuille_moyen", "Portefeuille moyen par conseiller", mean_portfolio,
                      "personnes", opt_target(rules.portfolio_max), in_progress, false});
    if (bounds) {
      t.rows.push_back({"conseillers_sous_borne", "Conseillers sous la borne basse",
                        static_cast<double>(under), "conseillers", opt_target(rules.portfolio_min),
                        in_progress, false});
      t.rows.push_back({"conseillers_dans_bornes", "Conseillers dans les bornes",
                        static_cast<double>(within), "conseillers", std::nullopt, in_progress,
                        false});
      t.rows.push_back({"conseillers_au_dessus", "Conseillers au-dessus de la borne haute",
                        static_cast<double>(above), "conseillers", opt_target(rules.portfolio_max),
                        in_progress, false});
    }
    t.rows.push_back({"acces_emploi_12_mois", "Accès à l'emploi dans les 12 mois suivant l'entrée",
                      share(cohort_employed, cohort), "%", std::nullopt, cohort, false});
    std::optional<double> mean_time;
    if (exits > 0) mean_time = round1(static_cast<double>(time_in_support) / exits);
    t.rows.push_back({"duree_moyenne", "Durée moyenne d'accompagnement des sortants", mean_time,
                      "jours", std::nullopt, exits, false});
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"axe3", "Accompagnement social exclusif (axe 3)", {}};
    int started = 0, ongoing = 0, started_year = 0;
    std::map<std::int64_t, int> per_service;
    const std::string year_start = std::to_string(static_cast<int>(period.to.year())) + "-01-01";
    for (const auto& s : facts.social_supports) {
      if (!s.start_date) continue;
      if (range.holds(*s.start_date)) ++started;
      if (*s.start_date <= range.to && (!s.end_date || *s.end_date > range.to)) ++ongoing;
      if (*s.start_date >= year_start && *s.start_date <= range.to) {
        ++started_year;
        ++per_service[s.service_org_id];
      }
    }
    int over_quota = 0;
    if (rules.axe3.quota_per_service_year)
      for (const auto& [id, n] : per_service)
        if (n > *rules.axe3.quota_per_service_year) ++over_quota;
    t.rows.push_back(count_row("axe3_debuts", "Débuts d'accompagnement axe 3", started));
    t.rows.push_back(
        count_row("axe3_en_cours_fin", "Axe 3 en cours à la fin de la période", ongoing));
    auto year_row = count_row("axe3_debuts_annee",
                              "Débuts axe 3 depuis le 1er janvier (quota annuel)", started_year);
    if (rules.axe3.quota_total_year) year_row.target = *rules.axe3.quota_total_year;
    t.rows.push_back(year_row);
    if (rules.axe3.quota_per_service_year)
      t.rows.push_back(
          {"axe3_services_au_dessus_quota", "Services au-dessus du quota annuel par service",
           static_cast<double>(over_quota), "services",
           static_cast<double>(*rules.axe3.quota_per_service_year), started_year, false});
    out.push_back(std::move(t));
  }
  return out;
}

void mask_small_cells(std::vector<IndicatorTable>& tables, int threshold) {
  for (auto& t : tables)
    for (auto& r : t.rows)
      if (r.base < threshold) {
        r.masked = true;
        r.value.reset();
      }
}

std::string display_number(double v) {
  if (std::abs(v - std::round(v)) < 1e-9)
    return std::to_string(static_cast<long long>(std::round(v)));
  auto text = std::to_string(round1(v));
  text = text.substr(0, text.find('.') + 2);
  std::replace(text.begin(), text.end(), '.', ',');
  return text;
}

std::string display_value(const IndicatorRow& row) {
  if (row.masked) return "< 5";
  if (!row.value) return "";
  return display_number(*row.value);
}

}  // namespace binome::domain
