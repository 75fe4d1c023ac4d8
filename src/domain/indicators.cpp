#include "domain/indicators.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
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

IndicatorCounts count_indicator_facts(const IndicatorFacts& facts, const Period& period) {
  const Range range{to_iso(period.from), to_iso(period.to)};
  IndicatorCounts c;
  std::set<std::pair<std::int64_t, std::int64_t>> binomes;
  for (auto id : facts.counsellors) c.portfolio[id];

  for (const auto& s : facts.supports) {
    const bool entered = range.holds(s.start_date);
    if (entered) {
      ++c.entries;
      binomes.insert({s.conseiller_id, s.referent_social_id});
      if (const auto o = parse_date(s.oriented_on), st = parse_date(s.start_date); o && st)
        ++c.entry_delays[days_between(*o, *st)];
    }
    if (s.exit_date && range.holds(*s.exit_date)) {
      ++c.exits;
      ++c.exits_by_outcome[s.exit_outcome.value_or("")];
      if (const auto a = parse_date(s.start_date), b = parse_date(*s.exit_date); a && b)
        c.time_in_support += days_between(*a, *b);
    }
    if (in_progress_at(s, range.to)) {
      ++c.in_progress;
      binomes.insert({s.conseiller_id, s.referent_social_id});
      if (s.brsa) ++c.brsa;
      if (s.rqth) ++c.rqth;
      const int age = age_on(s.birth_date, period.to);
      if (age >= 0 && age < 26)
        ++c.under26;
      else if (age >= 26 && age < 50)
        ++c.from26to49;
      else if (age >= 50)
        ++c.over50;
      if (s.conseiller_id) ++c.portfolio[s.conseiller_id];
    }
    if (const auto start = parse_date(s.start_date)) {
      const auto anniversary = plus_months(*start, 12);
      if (range.holds(to_iso(anniversary))) {
        ++c.cohort;
        if (s.exit_outcome && is_job_start(*s.exit_outcome) && s.exit_date &&
            *s.exit_date <= to_iso(anniversary))
          ++c.cohort_employed;
      }
    }
  }
  c.binomes = static_cast<int>(binomes.size());

  for (const auto& o : facts.orientations)
    if (range.holds(o.oriented_on)) {
      ++c.orientations_by_origin[o.origin];
      ++c.orientations;
    }

  const std::string year_start = std::to_string(static_cast<int>(period.to.year())) + "-01-01";
  for (const auto& s : facts.social_supports) {
    if (!s.start_date) continue;
    if (range.holds(*s.start_date)) ++c.axe3_started;
    if (*s.start_date <= range.to && (!s.end_date || *s.end_date > range.to)) ++c.axe3_ongoing;
    if (*s.start_date >= year_start && *s.start_date <= range.to) {
      ++c.axe3_started_year;
      ++c.axe3_started_year_by_service[s.service_org_id];
    }
  }
  return c;
}

std::vector<IndicatorTable> indicator_tables(const IndicatorCounts& c, const ConventionRules& rules,
                                             const Period& period,
                                             const std::vector<Labelled>& origin_labels) {
  const int period_days = days_between(period.from, period.to) + 1;
  const auto count_of = [](const auto& map, const auto& key) {
    const auto it = map.find(key);
    return it == map.end() ? 0 : it->second;
  };
  std::vector<IndicatorTable> out;

  out.push_back({"flux",
                 "Entrées, sorties et accompagnements en cours",
                 {count_row("entrees", "Entrées en accompagnement global (axe 2)", c.entries),
                  count_row("sorties", "Sorties", c.exits),
                  count_row("en_cours_fin", "Accompagnements en cours à la fin de la période",
                            c.in_progress)}});

  {
    IndicatorTable t{"origine", "Origine des orientations", {}};
    for (const auto& l : origin_labels)
      t.rows.push_back(count_row("origine_" + std::string(l.code), std::string(l.label),
                                 count_of(c.orientations_by_origin, std::string(l.code))));
    t.rows.push_back(count_row("orientations", "Total des orientations", c.orientations));
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"typologie", "Public en cours d'accompagnement à la fin de la période", {}};
    t.rows.push_back(count_row("brsa", "Bénéficiaires du RSA (BrSa)", c.brsa));
    t.rows.push_back(count_row("boe_rqth", "BOE / RQTH", c.rqth));
    t.rows.push_back(count_row("age_moins_26", "Moins de 26 ans", c.under26));
    t.rows.push_back(count_row("age_26_49", "26 à 49 ans", c.from26to49));
    t.rows.push_back(count_row("age_50_plus", "50 ans et plus", c.over50));
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"sorties", "Sorties par motif", {}};
    for (const auto& l : kExitOutcomes)
      t.rows.push_back(count_row("sortie_" + std::string(l.code), std::string(l.label),
                                 count_of(c.exits_by_outcome, std::string(l.code))));
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"objectifs", "Indicateurs et cibles de la convention", {}};
    const auto opt_target = [](const std::optional<int>& v) -> std::optional<double> {
      return v ? std::optional<double>(*v) : std::nullopt;
    };
    int n = 0;
    double sum = 0;
    for (const auto& [days, count] : c.entry_delays) {
      n += count;
      sum += static_cast<double>(days) * count;
    }
    // The k-th smallest delay (from 0) of the histogram.
    const auto nth = [&](int k) {
      for (const auto& [days, count] : c.entry_delays) {
        if (k < count) return days;
        k -= count;
      }
      return 0;
    };
    std::optional<double> mean, median;
    if (n > 0) {
      mean = round1(sum / n);
      median = n % 2 ? nth(n / 2) : round1((nth(n / 2 - 1) + nth(n / 2)) / 2.0);
    }
    t.rows.push_back({"delai_entree_moyen", "Délai moyen d'entrée (de l'orientation à l'entrée)",
                      mean, "jours", opt_target(rules.entry_deadline_days), n, false});
    t.rows.push_back({"delai_entree_median", "Délai médian d'entrée", median, "jours",
                      opt_target(rules.entry_deadline_days), n, false});
    t.rows.push_back({"part_brsa", "Part des BrSa parmi les accompagnements en cours",
                      share(c.brsa, c.in_progress), "%", opt_target(rules.brsa_share_target_pct),
                      c.in_progress, false});
    std::optional<double> per_binome, per_binome_target;
    if (c.binomes > 0)
      per_binome = round1(static_cast<double>(c.entries) / static_cast<double>(c.binomes));
    if (rules.new_entries_per_binome_year)
      per_binome_target = round1(*rules.new_entries_per_binome_year * period_days / 365.0);
    t.rows.push_back({"entrees_par_binome",
                      "Nouvelles entrées par binôme (cible annuelle ramenée à la période)",
                      per_binome, "entrées", per_binome_target, c.entries, false});
    int under = 0, within = 0, above = 0;
    for (const auto& [id, size] : c.portfolio) {
      if (rules.portfolio_min && size < *rules.portfolio_min)
        ++under;
      else if (rules.portfolio_max && size > *rules.portfolio_max)
        ++above;
      else
        ++within;
    }
    const bool bounds = rules.portfolio_min || rules.portfolio_max;
    std::optional<double> mean_portfolio;
    if (!c.portfolio.empty())
      mean_portfolio = round1(static_cast<double>(c.in_progress) / c.portfolio.size());
    t.rows.push_back({"portefeuille_moyen", "Portefeuille moyen par conseiller", mean_portfolio,
                      "personnes", opt_target(rules.portfolio_max), c.in_progress, false});
    if (bounds) {
      t.rows.push_back({"conseillers_sous_borne", "Conseillers sous la borne basse",
                        static_cast<double>(under), "conseillers", opt_target(rules.portfolio_min),
                        c.in_progress, false});
      t.rows.push_back({"conseillers_dans_bornes", "Conseillers dans les bornes",
                        static_cast<double>(within), "conseillers", std::nullopt, c.in_progress,
                        false});
      t.rows.push_back({"conseillers_au_dessus", "Conseillers au-dessus de la borne haute",
                        static_cast<double>(above), "conseillers", opt_target(rules.portfolio_max),
                        c.in_progress, false});
    }
    t.rows.push_back({"acces_emploi_12_mois", "Accès à l'emploi dans les 12 mois suivant l'entrée",
                      share(c.cohort_employed, c.cohort), "%", std::nullopt, c.cohort, false});
    std::optional<double> mean_time;
    if (c.exits > 0) mean_time = round1(static_cast<double>(c.time_in_support) / c.exits);
    t.rows.push_back({"duree_moyenne", "Durée moyenne d'accompagnement des sortants", mean_time,
                      "jours", std::nullopt, c.exits, false});
    out.push_back(std::move(t));
  }

  {
    IndicatorTable t{"axe3", "Accompagnement social exclusif (axe 3)", {}};
    int over_quota = 0;
    if (rules.axe3.quota_per_service_year)
      for (const auto& [id, n] : c.axe3_started_year_by_service)
        if (n > *rules.axe3.quota_per_service_year) ++over_quota;
    t.rows.push_back(count_row("axe3_debuts", "Débuts d'accompagnement axe 3", c.axe3_started));
    t.rows.push_back(
        count_row("axe3_en_cours_fin", "Axe 3 en cours à la fin de la période", c.axe3_ongoing));
    auto year_row =
        count_row("axe3_debuts_annee", "Débuts axe 3 depuis le 1er janvier (quota annuel)",
                  c.axe3_started_year);
    if (rules.axe3.quota_total_year) year_row.target = *rules.axe3.quota_total_year;
    t.rows.push_back(year_row);
    if (rules.axe3.quota_per_service_year)
      t.rows.push_back(
          {"axe3_services_au_dessus_quota", "Services au-dessus du quota annuel par service",
           static_cast<double>(over_quota), "services",
           static_cast<double>(*rules.axe3.quota_per_service_year), c.axe3_started_year, false});
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<IndicatorTable> compute_indicators(const IndicatorFacts& facts,
                                               const ConventionRules& rules, const Period& period,
                                               const std::vector<Labelled>& origin_labels) {
  return indicator_tables(count_indicator_facts(facts, period), rules, period, origin_labels);
}

namespace {

std::string iso_text(int year, unsigned month, unsigned day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", year, month, day);
  return buf;
}

}  // namespace

// Age n or more on `on` <=> (birth year, month, day) <= (on.year - n, on.month, on.day), the
// comparison age_on makes; as text it holds even when that day does not exist (29 February).
AgeBounds age_bounds(const Date& on) {
  const int y = static_cast<int>(on.year());
  const auto m = static_cast<unsigned>(on.month()), d = static_cast<unsigned>(on.day());
  return {iso_text(y, m, d), iso_text(y - 26, m, d), iso_text(y - 50, m, d)};
}

// plus_months(start, 12) moves the year on, except 29 February -> 28 February. So the
// anniversary is in [from, to] when the start is in [from - 1 year, to - 1 year] as text, and
// also when the start is 29 February of the year before a `to` of 28 February.
EntryRange twelve_month_cohort(const Period& period) {
  const int fy = static_cast<int>(period.from.year()), ty = static_cast<int>(period.to.year());
  const auto tm = static_cast<unsigned>(period.to.month()),
             td = static_cast<unsigned>(period.to.day());
  EntryRange r{iso_text(fy - 1, static_cast<unsigned>(period.from.month()),
                        static_cast<unsigned>(period.from.day())),
               iso_text(ty - 1, tm, td)};
  if (tm == 2 && td == 28 && std::chrono::year{ty - 1}.is_leap()) r.to = iso_text(ty - 1, 2, 29);
  return r;
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
