#include "app/indicator_service.hpp"

#include "app/guards.hpp"
#include "exports/csv.hpp"
#include "exports/xlsx.hpp"
#include "store/indicators_repo.hpp"
#include "store/orgs_repo.hpp"
#include "store/orientations_repo.hpp"
#include "store/profiles_repo.hpp"
#include "store/users_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;
using domain::Reach;

DomainError invalid(const std::string& field, const std::string& code, const std::string& msg) {
  return DomainError(DomainError::Kind::invalid, domain::FieldErrors{{field, code, msg}});
}

DomainError forbidden(const std::string& message) {
  return DomainError(DomainError::Kind::forbidden, "hors_perimetre", message);
}

// Where the requested scope sits: its département, territory and agence (when it has one).
struct Place {
  std::string departement;
  std::optional<std::int64_t> territory_id, agence_id, counsellor_id;
  std::string label;
};

std::int64_t parse_id(const std::string& text) {
  try {
    std::size_t used = 0;
    const auto v = std::stoll(text, &used);
    if (used == text.size() && v > 0) return v;
  } catch (const std::exception&) {
  }
  throw invalid("id", "invalide", "Identifiant de périmètre invalide.");
}

Place locate(soci::session& sql, const std::string& scope, const std::string& id) {
  Place p;
  if (scope == "departement") {
    for (const auto& [code, name] : store::list_departements(sql))
      if (code == id) {
        p.departement = code;
        p.label = name + " (" + code + ")";
        return p;
      }
  } else if (scope == "territory") {
    if (auto t = store::find_territory(sql, parse_id(id))) {
      p.departement = t->departement;
      p.territory_id = t->id;
      p.label = "Territoire " + t->name;
      return p;
    }
  } else if (scope == "agence") {
    if (auto o = store::find_organisation(sql, parse_id(id));
        o && o->org.kind == domain::OrgKind::agence) {
      p.departement = o->org.departement;
      p.territory_id = o->org.territory_id;
      p.agence_id = o->org.id;
      p.label = o->org.name;
      return p;
    }
  } else if (scope == "counsellor") {
    if (auto u = store::find_user_by_id(sql, parse_id(id)); u && u->role == "conseiller") {
      p.departement = u->org_departement;
      p.territory_id = u->org_territory_id;
      p.agence_id = u->org_id;
      p.counsellor_id = u->id;
      p.label = u->display_name;
      return p;
    }
  } else {
    throw invalid("scope", "invalide",
                  "Le périmètre est departement, territory, agence ou counsellor.");
  }
  throw DomainError(DomainError::Kind::not_found, "introuvable", "Périmètre introuvable.");
}

// The persons of the place (by their current fiche); a coordinateur's figures are also bounded
// by their reach, person by person (domain::person_access).
store::IndicatorPersons persons_of(const Place& place, const std::string& scope,
                                   const domain::Actor& actor) {
  using Column = store::IndicatorPersons::Column;
  store::IndicatorPersons out;
  out.departement = place.departement;
  if (scope == "territory") out.equal.push_back({Column::territory, *place.territory_id});
  if (scope == "agence") out.equal.push_back({Column::agence, *place.agence_id});
  if (scope == "counsellor") out.equal.push_back({Column::conseiller, *place.counsellor_id});
  if (actor.role == domain::Role::coordinateur) {
    const auto reach = domain::reach_of(actor);
    switch (reach.kind) {
      case Reach::Kind::agence:
        out.equal.push_back({Column::agence, reach.id});
        break;
      case Reach::Kind::territory:
        out.equal.push_back({Column::territory, reach.id});
        break;
      case Reach::Kind::partner:
        out.equal.push_back({Column::referent_org, reach.id});
        break;
      case Reach::Kind::departement:  // check_reach: the place is in that département
        break;
      default:
        throw forbidden("Ce périmètre n'est pas le vôtre : les indicateurs sont refusés.");
    }
  }
  return out;
}

// Whether the actor may read the place's figures, and whether small cells must be masked.
// Throws forbidden otherwise.
bool check_reach(const domain::Actor& actor, const std::string& scope, const Place& place) {
  const auto refuse = [] {
    throw forbidden("Ce périmètre n'est pas le vôtre : les indicateurs sont refusés.");
  };
  switch (actor.role) {
    case domain::Role::pilotage:
      if (place.departement != actor.departement) refuse();
      return true;
    case domain::Role::conseiller:
      if (scope != "counsellor" || place.counsellor_id != actor.user_id) refuse();
      return false;
    case domain::Role::coordinateur: {
      const auto reach = domain::reach_of(actor);
      switch (reach.kind) {
        case Reach::Kind::departement:
          if (place.departement != reach.departement) refuse();
          return false;
        case Reach::Kind::territory:
          if (scope == "departement" || place.territory_id != reach.id) refuse();
          return false;
        case Reach::Kind::agence:
          if ((scope != "agence" && scope != "counsellor") || place.agence_id != reach.id) refuse();
          return false;
        default:
          refuse();
      }
      return false;
    }
    default:
      throw DomainError(DomainError::Kind::forbidden, "role_sans_acces",
                        "Les indicateurs sont réservés au pilotage, aux coordinateurs et aux "
                        "conseillers.");
  }
}

// The default scope of a role: its own place.
std::pair<std::string, std::string> default_scope(const domain::Actor& actor) {
  if (actor.role == domain::Role::conseiller) return {"counsellor", std::to_string(actor.user_id)};
  if (actor.role == domain::Role::coordinateur) {
    const auto reach = domain::reach_of(actor);
    if (reach.kind == Reach::Kind::territory) return {"territory", std::to_string(reach.id)};
    if (reach.kind == Reach::Kind::agence) return {"agence", std::to_string(reach.id)};
  }
  return {"departement", actor.departement};
}

domain::Date date_param(const std::optional<std::string>& text, const std::string& field,
                        const domain::Date& fallback) {
  if (!text || text->empty()) return fallback;
  if (auto d = domain::parse_date(*text); d && d->ok()) return *d;
  throw invalid(field, "date_invalide", "Date attendue au format AAAA-MM-JJ.");
}

std::string unit_fr(const domain::IndicatorRow& r) {
  return r.unit;
}

}  // namespace

IndicatorService::Gathered IndicatorService::gather(const domain::Actor& actor,
                                                    const IndicatorQuery& query,
                                                    const Origin& origin, bool with_facts) {
  auto [scope, id] = default_scope(actor);
  if (query.scope && !query.scope->empty()) {
    scope = *query.scope;
    id = query.id.value_or("");
    if (id.empty() && scope == "departement") id = actor.departement;
    if (id.empty()) throw invalid("id", "obligatoire", "Précisez l'identifiant du périmètre.");
  }
  const auto quarter = domain::quarter_of(today(ctx_));
  const domain::Period period{date_param(query.from, "from", quarter.from),
                              date_param(query.to, "to", quarter.to)};
  if (std::chrono::sys_days{period.to} < std::chrono::sys_days{period.from})
    throw invalid("to", "avant_debut", "La fin de la période précède son début.");

  Gathered g;
  g.period = period;
  auto& out = g.report;
  out.scope = scope;
  out.scope_id = id;
  out.from = domain::to_iso(period.from);
  out.to = domain::to_iso(period.to);
  const auto place =
      ctx_.db.with_session([&](soci::session& sql) { return locate(sql, scope, id); });
  out.scope_label = place.label;
  try {
    out.masked = check_reach(actor, scope, place);
  } catch (const DomainError&) {
    audit_now(ctx_,
              audit_entry(actor, "indicators.denied", std::nullopt, origin, scope + ":" + id));
    throw;
  }

  auto& rules = g.rules;
  auto& origin_names = g.origin_names;
  // Aggregates over the place's supports and events: through the file's map.
  ctx_.db.with_mapped_session([&](soci::session& sql) {
    store::CounsellorPlace where{place.departement, {}, {}, {}};
    if (scope == "territory") where.territory_id = place.territory_id;
    if (scope == "agence") where.agence_id = place.agence_id;
    if (scope == "counsellor") where.counsellor_id = place.counsellor_id;
    const auto counsellors = store::counsellors_of(sql, where);
    const auto persons = persons_of(place, scope, actor);
    if (with_facts) {
      g.facts = store::load_indicator_facts(sql, persons);
      g.facts.counsellors = counsellors;
    } else {
      g.counts = store::count_indicators(sql, persons, period, counsellors);
    }
    if (auto profile = store::profile_for(sql, place.departement, out.to))
      if (const auto* v = domain::version_in_force(*profile, period.to)) {
        rules = v->rules;
        out.convention_code = profile->code;
        out.convention_label = profile->label;
      }
    origin_names = store::orientation_origins(sql);
    if (actor.role == domain::Role::conseiller) return;
    const auto fits = [&](const std::string& kind, const Place& p) {
      try {
        check_reach(actor, kind, p);
        return true;
      } catch (const DomainError&) {
        return false;
      }
    };
    if (fits("departement", Place{actor.departement, {}, {}, {}, {}}))
      out.choices.push_back({"departement", actor.departement, "Tout le département"});
    for (const auto& t : store::list_territories(sql))
      if (t.departement == actor.departement &&
          fits("territory", Place{t.departement, t.id, {}, {}, {}}))
        out.choices.push_back({"territory", std::to_string(t.id), "Territoire " + t.name});
    for (const auto& o : store::list_organisations(sql))
      if (o.org.kind == domain::OrgKind::agence && o.org.departement == actor.departement &&
          fits("agence", Place{o.org.departement, o.org.territory_id, o.org.id, {}, {}}))
        out.choices.push_back({"agence", std::to_string(o.org.id), o.org.name});
  });
  return g;
}

IndicatorReport IndicatorService::compute(const domain::Actor& actor, const IndicatorQuery& query,
                                          const Origin& origin) {
  auto g = gather(actor, query, origin, false);
  g.report.tables = domain::indicator_tables(g.counts, g.rules, g.period, g.labels());
  if (g.report.masked) domain::mask_small_cells(g.report.tables);
  return std::move(g.report);
}

std::vector<domain::Labelled> IndicatorService::Gathered::labels() const {
  std::vector<domain::Labelled> out;
  for (const auto& [code, label] : origin_names) out.push_back({code, label});
  return out;
}

namespace {

std::string target_text(const domain::IndicatorRow& r) {
  return r.target ? domain::display_number(*r.target) : "";
}

std::vector<std::string> heading(const IndicatorReport& r) {
  return {
      "Indicateurs binome — " + r.scope_label,
      "Période du " + french_date(r.from) + " au " + french_date(r.to),
      r.convention_label ? "Convention : " + *r.convention_label : "Aucune convention en vigueur",
      r.masked ? "Chiffres reposant sur moins de 5 personnes affichés « < 5 »" : ""};
}

}  // namespace

std::string indicators_csv(const IndicatorReport& report) {
  std::string out = exports::csv_bom();
  for (const auto& line : heading(report))
    if (!line.empty()) out += exports::csv_line({line});
  out += exports::csv_line({"Tableau", "Indicateur", "Clé", "Valeur", "Unité", "Cible", "Base"});
  for (const auto& t : report.tables)
    for (const auto& r : t.rows)
      out += exports::csv_line({t.title, r.label, r.key, domain::display_value(r), unit_fr(r),
                                target_text(r), r.masked ? "< 5" : std::to_string(r.base)});
  return out;
}

std::string indicators_xlsx(const IndicatorReport& report) {
  std::vector<exports::XlsxSheet> sheets;
  for (const auto& t : report.tables) {
    exports::XlsxSheet s;
    s.name = t.key;
    for (const auto& line : heading(report))
      if (!line.empty()) s.title_lines.push_back(line);
    s.title_lines.push_back(t.title);
    s.header = {"Indicateur", "Valeur", "Unité", "Cible", "Base"};
    s.widths = {60, 12, 14, 10, 10};
    for (const auto& r : t.rows) {
      std::vector<exports::XlsxCell> cells;
      cells.push_back(exports::XlsxCell::of(r.label));
      if (r.masked)
        cells.push_back(exports::XlsxCell::of("< 5"));
      else if (r.value)
        cells.push_back(exports::XlsxCell::num(*r.value));
      else
        cells.push_back(exports::XlsxCell::of(""));
      cells.push_back(exports::XlsxCell::of(unit_fr(r)));
      cells.push_back(r.target ? exports::XlsxCell::num(*r.target) : exports::XlsxCell::of(""));
      cells.push_back(r.masked ? exports::XlsxCell::of("< 5")
                               : exports::XlsxCell::num(static_cast<double>(r.base)));
      s.rows.push_back(std::move(cells));
    }
    sheets.push_back(std::move(s));
  }
  return exports::xlsx_workbook(sheets);
}

std::string IndicatorService::export_tables(const domain::Actor& actor, const IndicatorQuery& query,
                                            const std::optional<std::string>& table,
                                            const std::string& format, const Origin& origin) {
  if (format != "csv" && format != "xlsx")
    throw invalid("format", "invalide", "Le format est csv ou xlsx.");
  auto report = compute(actor, query, origin);
  if (table && !table->empty()) {
    std::erase_if(report.tables, [&](const auto& t) { return t.key != *table; });
    if (report.tables.empty()) throw invalid("table", "inconnue", "Tableau d'indicateurs inconnu.");
  }
  auto bytes = format == "csv" ? indicators_csv(report) : indicators_xlsx(report);
  audit_now(ctx_,
            audit_entry(actor, "indicators.export", std::nullopt, origin,
                        report.scope + ":" + report.scope_id + "," + format + "," + report.from +
                            "/" + report.to + (table && !table->empty() ? "," + *table : "")));
  return bytes;
}

}  // namespace binome::app
