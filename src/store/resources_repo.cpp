#include "store/resources_repo.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <sstream>

#include "domain/resource_lists.hpp"
#include "domain/text.hpp"
#include "store/rows.hpp"

namespace binome::store {
namespace {

using domain::ResourceService;
using domain::ResourceStructure;

std::string encode_list(const std::vector<std::string>& values) {
  if (values.empty()) return "";
  std::string out = "|";
  for (const auto& v : values) out += v + "|";
  return out;
}

std::vector<std::string> decode_list(const std::string& text) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : text) {
    if (c == '|') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur.push_back(c);
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

// Values bound by name to a statement built at run time; kept alive until it has run.
class Binds {
 public:
  std::string text(const std::optional<std::string>& v) {
    auto& b = items_.emplace_back();
    b.name = "b" + std::to_string(items_.size());
    if (v) b.text = *v, b.ind = soci::i_ok;
    return ":" + b.name;
  }
  std::string number(const std::optional<long long>& v) {
    auto& b = items_.emplace_back();
    b.name = "b" + std::to_string(items_.size());
    b.is_number = true;
    if (v) b.number = *v, b.ind = soci::i_ok;
    return ":" + b.name;
  }
  void bind(soci::statement& st) {
    for (auto& b : items_)
      if (b.is_number)
        st.exchange(soci::use(b.number, b.ind, b.name));
      else
        st.exchange(soci::use(b.text, b.ind, b.name));
  }

 private:
  struct Item {
    std::string name, text;
    long long number = 0;
    bool is_number = false;
    soci::indicator ind = soci::i_null;
  };
  std::deque<Item> items_;  // stable addresses
};

void run(soci::session& sql, const std::string& query, Binds& binds,
         const std::function<void(const soci::row&)>& visit = {}) {
  soci::statement st(sql);
  soci::row row;
  binds.bind(st);
  if (visit) st.exchange(soci::into(row));
  st.alloc();
  st.prepare(query);
  st.define_and_bind();
  if (!visit) {
    st.execute(true);
    return;
  }
  if (st.execute(true)) {
    do visit(row);
    while (st.fetch());
  }
}

std::optional<long long> opt_ll(const std::optional<std::int64_t>& v) {
  return v ? std::optional<long long>(*v) : std::nullopt;
}

// ---- structures

constexpr const char* kStructureColumns =
    "id, source, source_id, departement, nom, description, siret, adresse, complement_adresse, "
    "code_postal, commune, code_insee, telephone, courriel, site_web, horaires_accueil, "
    "reseaux_porteurs, date_maj";

ResourceStructure structure_of(const soci::row& r) {
  ResourceStructure s;
  std::size_t i = 0;
  s.id = i64(r, i++);
  s.source = str(r, i++);
  s.source_id = str(r, i++);
  s.departement = str(r, i++);
  s.nom = str(r, i++);
  s.description = str(r, i++);
  for (auto* f : {&s.siret, &s.adresse, &s.complement_adresse, &s.code_postal, &s.commune,
                  &s.code_insee, &s.telephone, &s.courriel, &s.site_web, &s.horaires_accueil})
    *f = opt_str(r, i++);
  s.reseaux_porteurs = decode_list(str(r, i++));
  s.date_maj = str(r, i++);
  return s;
}

std::vector<std::pair<std::string, std::string>> structure_values(const ResourceStructure& s,
                                                                  Binds& b) {
  return {{"source", b.text(s.source)},
          {"source_id", b.text(s.source_id)},
          {"departement", b.text(s.departement)},
          {"nom", b.text(s.nom)},
          {"description", b.text(s.description)},
          {"siret", b.text(s.siret)},
          {"adresse", b.text(s.adresse)},
          {"complement_adresse", b.text(s.complement_adresse)},
          {"code_postal", b.text(s.code_postal)},
          {"commune", b.text(s.commune)},
          {"code_insee", b.text(s.code_insee)},
          {"telephone", b.text(s.telephone)},
          {"courriel", b.text(s.courriel)},
          {"site_web", b.text(s.site_web)},
          {"horaires_accueil", b.text(s.horaires_accueil)},
          {"reseaux_porteurs", b.text(encode_list(s.reseaux_porteurs))},
          {"date_maj", b.text(s.date_maj)}};
}

std::vector<ResourceStructure> select_structures(soci::session& sql, const std::string& where,
                                                 Binds& binds) {
  std::vector<ResourceStructure> out;
  run(sql, std::string("SELECT ") + kStructureColumns + " FROM resource_structures " + where, binds,
      [&](const soci::row& r) { out.push_back(structure_of(r)); });
  return out;
}

// ---- services

constexpr const char* kServiceColumns =
    "s.id, s.source, s.source_id, s.structure_id, st.source_id, s.departement, s.territory_id, "
    "s.nom, s.description, s.type, s.frais, s.frais_precisions, s.publics_precisions, "
    "s.conditions_acces, s.adresse, s.complement_adresse, s.code_postal, s.commune, "
    "s.code_insee, s.telephone, s.courriel, s.contact_nom_prenom, s.mobilisation_precisions, "
    "s.lien_mobilisation, s.horaires_accueil, s.thematiques, s.publics, s.modes_accueil, "
    "s.zone_eligibilite, s.modes_mobilisation, s.mobilisable_par, s.date_maj, "
    "s.update_every_months, s.state, s.validated_departement_by, s.validated_departement_at, "
    "s.validated_france_travail_by, s.validated_france_travail_at, s.published_at, "
    "s.archived_at, st.nom";
constexpr std::size_t kServiceColumnCount = 41;

ResourceService service_of(const soci::row& r) {
  ResourceService s;
  std::size_t i = 0;
  s.id = i64(r, i++);
  s.source = str(r, i++);
  s.source_id = str(r, i++);
  s.structure_id = i64(r, i++);
  s.structure_source_id = str(r, i++);
  s.departement = str(r, i++);
  s.territory_id = opt_i64(r, i++);
  s.nom = str(r, i++);
  s.description = str(r, i++);
  for (auto* f : {&s.type, &s.frais, &s.frais_precisions, &s.publics_precisions,
                  &s.conditions_acces, &s.adresse, &s.complement_adresse, &s.code_postal,
                  &s.commune, &s.code_insee, &s.telephone, &s.courriel, &s.contact_nom_prenom,
                  &s.mobilisation_precisions, &s.lien_mobilisation, &s.horaires_accueil})
    *f = opt_str(r, i++);
  for (auto* f : {&s.thematiques, &s.publics, &s.modes_accueil, &s.zone_eligibilite,
                  &s.modes_mobilisation, &s.mobilisable_par})
    *f = decode_list(str(r, i++));
  s.date_maj = str(r, i++);
  s.update_every_months = static_cast<int>(i64(r, i++));
  s.state = domain::parse_resource_state(str(r, i++)).value_or(domain::ResourceState::brouillon);
  s.validated_departement_by = opt_i64(r, i++);
  s.validated_departement_at = opt_str(r, i++);
  s.validated_france_travail_by = opt_i64(r, i++);
  s.validated_france_travail_at = opt_str(r, i++);
  s.published_at = opt_str(r, i++);
  s.archived_at = opt_str(r, i++);
  return s;
}

// The sub-themes of every service of a page in one query, in the problématiques' order.
void load_sub_themes(soci::session& sql, std::vector<ResourceService*> services) {
  if (services.empty()) return;
  std::map<std::int64_t, ResourceService*> by_id;
  std::string ids;
  for (auto* s : services) {
    s->sub_themes.clear();
    by_id[s->id] = s;
    ids += (ids.empty() ? "" : ", ") + std::to_string(s->id);
  }
  for_each_row(sql,
               "SELECT x.service_id, x.sub_theme FROM resource_service_sub_themes x JOIN "
               "resource_sub_themes t ON t.code = x.sub_theme JOIN resource_problematiques p ON "
               "p.code = t.problematique WHERE x.service_id IN (" +
                   ids + ") ORDER BY x.service_id, p.position, t.position",
               std::nullopt, [&](const soci::row& r) {
                 if (auto it = by_id.find(i64(r, 0)); it != by_id.end())
                   it->second->sub_themes.push_back(str(r, 1));
               });
}

std::vector<ResourceService> select_services(soci::session& sql, const std::string& where,
                                             Binds& binds) {
  std::vector<ResourceService> out;
  run(sql,
      std::string("SELECT ") + kServiceColumns +
          " FROM resource_services s JOIN resource_structures st ON st.id = s.structure_id " +
          where,
      binds, [&](const soci::row& r) { out.push_back(service_of(r)); });
  std::vector<ResourceService*> ptrs;
  for (auto& s : out) ptrs.push_back(&s);
  load_sub_themes(sql, ptrs);
  return out;
}

template <std::size_t N>
void add_labels(std::string& out, const std::vector<std::string>& codes,
                const std::array<domain::Labelled, N>& list) {
  for (const auto& c : codes)
    if (auto l = domain::label_of(list, c)) out += " " + std::string(*l);
}

// The folded text the search runs on: the name apart (it weighs more), and a body of what a
// professional may type: description, structure, commune, themes, publics, conditions.
std::pair<std::string, std::string> search_texts(soci::session& sql, const ResourceService& s) {
  std::string body = s.description;
  long long structure = s.structure_id;
  std::string structure_nom;
  sql << "SELECT nom FROM resource_structures WHERE id = :id", soci::use(structure),
      soci::into(structure_nom);
  body += " " + structure_nom;
  for (const auto* f : {&s.commune, &s.conditions_acces, &s.publics_precisions, &s.adresse})
    if (*f) body += " " + **f;
  if (s.type)
    if (auto l = domain::label_of(domain::kDiServiceTypes, *s.type)) body += " " + std::string(*l);
  add_labels(body, s.thematiques, domain::kDiThematiques);
  add_labels(body, s.publics, domain::kDiPublics);
  for (const auto& code : s.sub_themes) {
    std::string label, problem;
    sql << "SELECT t.label, p.label FROM resource_sub_themes t JOIN resource_problematiques p ON "
           "p.code = t.problematique WHERE t.code = :c",
        soci::use(code), soci::into(label), soci::into(problem);
    body += " " + label + " " + problem;
  }
  return {domain::fold_for_search(s.nom), domain::fold_for_search(body)};
}

std::vector<std::pair<std::string, std::string>> service_values(soci::session& sql,
                                                                const ResourceService& s,
                                                                Binds& b) {
  const auto [name, body] = search_texts(sql, s);
  return {
      {"source", b.text(s.source)},
      {"source_id", b.text(s.source_id)},
      {"structure_id", b.number(s.structure_id)},
      {"departement", b.text(s.departement)},
      {"territory_id", b.number(opt_ll(s.territory_id))},
      {"nom", b.text(s.nom)},
      {"description", b.text(s.description)},
      {"type", b.text(s.type)},
      {"thematiques", b.text(encode_list(s.thematiques))},
      {"frais", b.text(s.frais)},
      {"frais_precisions", b.text(s.frais_precisions)},
      {"publics", b.text(encode_list(s.publics))},
      {"publics_precisions", b.text(s.publics_precisions)},
      {"conditions_acces", b.text(s.conditions_acces)},
      {"adresse", b.text(s.adresse)},
      {"complement_adresse", b.text(s.complement_adresse)},
      {"code_postal", b.text(s.code_postal)},
      {"commune", b.text(s.commune)},
      {"code_insee", b.text(s.code_insee)},
      {"telephone", b.text(s.telephone)},
      {"courriel", b.text(s.courriel)},
      {"contact_nom_prenom", b.text(s.contact_nom_prenom)},
      {"modes_accueil", b.text(encode_list(s.modes_accueil))},
      {"zone_eligibilite", b.text(encode_list(s.zone_eligibilite))},
      {"modes_mobilisation", b.text(encode_list(s.modes_mobilisation))},
      {"mobilisable_par", b.text(encode_list(s.mobilisable_par))},
      {"mobilisation_precisions", b.text(s.mobilisation_precisions)},
      {"lien_mobilisation", b.text(s.lien_mobilisation)},
      {"horaires_accueil", b.text(s.horaires_accueil)},
      {"date_maj", b.text(s.date_maj)},
      {"update_every_months", b.number(s.update_every_months)},
      {"due_on", b.text(domain::to_iso(domain::update_due_on(s.date_maj, s.update_every_months)))},
      {"state", b.text(std::string(domain::to_string(s.state)))},
      {"validated_departement_by", b.number(opt_ll(s.validated_departement_by))},
      {"validated_departement_at", b.text(s.validated_departement_at)},
      {"validated_france_travail_by", b.number(opt_ll(s.validated_france_travail_by))},
      {"validated_france_travail_at", b.text(s.validated_france_travail_at)},
      {"published_at", b.text(s.published_at)},
      {"archived_at", b.text(s.archived_at)},
      {"search_name", b.text(name)},
      {"search_body", b.text(body)},
  };
}

std::int64_t insert_row(soci::session& sql, const std::string& table,
                        const std::vector<std::pair<std::string, std::string>>& values,
                        Binds& binds, const std::string& now) {
  std::string cols, vals;
  for (const auto& [c, v] : values) cols += c + ", ", vals += v + ", ";
  const auto created = binds.text(now), updated = binds.text(now);
  std::int64_t id = 0;
  run(sql,
      "INSERT INTO " + table + " (" + cols + "created_at, updated_at) VALUES (" + vals + created +
          ", " + updated + ") RETURNING id",
      binds, [&](const soci::row& r) { id = i64(r, 0); });
  return id;
}

void update_row(soci::session& sql, const std::string& table, std::int64_t id,
                const std::vector<std::pair<std::string, std::string>>& values, Binds& binds,
                const std::string& now) {
  std::string sets;
  for (const auto& [c, v] : values) sets += c + " = " + v + ", ";
  const auto updated = binds.text(now);
  const auto key = binds.number(id);
  run(sql, "UPDATE " + table + " SET " + sets + "updated_at = " + updated + " WHERE id = " + key,
      binds);
}

void write_children(soci::session& sql, Dialect dialect, const ResourceService& s) {
  long long id = s.id;
  sql << "DELETE FROM resource_service_sub_themes WHERE service_id = :id", soci::use(id);
  for (const auto& code : s.sub_themes)
    sql << "INSERT INTO resource_service_sub_themes (service_id, sub_theme) VALUES (:id, :c)",
        soci::use(id), soci::use(code);
  sql << "DELETE FROM resource_service_zone WHERE service_id = :id", soci::use(id);
  for (const auto& code : s.zone_eligibilite)
    sql << "INSERT INTO resource_service_zone (service_id, code) VALUES (:id, :c)", soci::use(id),
        soci::use(code);
  if (dialect == Dialect::sqlite) {
    std::string name, body;
    sql << "SELECT search_name, search_body FROM resource_services WHERE id = :id", soci::use(id),
        soci::into(name), soci::into(body);
    sql << "DELETE FROM resource_services_fts WHERE rowid = :id", soci::use(id);
    sql << "INSERT INTO resource_services_fts (rowid, name, body) VALUES (:id, :n, :b)",
        soci::use(id), soci::use(name), soci::use(body);
  }
}

// The folded words of a query, letters and digits only, at most eight.
std::vector<std::string> query_terms(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(domain::fold_for_search(text));
  std::string word;
  while (in >> word && out.size() < 8) {
    std::string clean;
    for (char c : word)
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) clean.push_back(c);
    if (!clean.empty()) out.push_back(clean);
  }
  return out;
}

ResourceAction action_of(const soci::row& r) {
  ResourceAction a;
  std::size_t i = 0;
  a.id = i64(r, i++);
  a.person_id = i64(r, i++);
  a.service_id = i64(r, i++);
  a.problematique = str(r, i++);
  a.status = str(r, i++);
  a.proposed_on = str(r, i++);
  a.done_on = opt_str(r, i++);
  a.abandoned_on = opt_str(r, i++);
  a.created_by = i64(r, i++);
  a.created_at = str(r, i++);
  a.updated_at = str(r, i++);
  a.service_nom = str(r, i++);
  a.structure_nom = str(r, i++);
  a.problematique_label = str(r, i++);
  a.person_scope.conseiller_id = opt_i64(r, i++);
  a.person_scope.referent_social_id = opt_i64(r, i++);
  a.person_scope.referent_social_org_id = opt_i64(r, i++);
  a.person_scope.territory_id = opt_i64(r, i++);
  a.person_scope.agence_id = opt_i64(r, i++);
  a.person_scope.departement = str(r, i++);
  return a;
}

constexpr const char* kActionSelect =
    "SELECT a.id, a.person_id, a.service_id, a.problematique, a.status, a.proposed_on, "
    "a.done_on, a.abandoned_on, a.created_by, a.created_at, a.updated_at, s.nom, st.nom, "
    "pr.label, p.conseiller_id, p.referent_social_id, su.organisation_id, p.territory_id, "
    "p.agence_id, p.departement FROM person_resource_actions a "
    "JOIN resource_services s ON s.id = a.service_id "
    "JOIN resource_structures st ON st.id = s.structure_id "
    "JOIN resource_problematiques pr ON pr.code = a.problematique "
    "JOIN persons p ON p.id = a.person_id LEFT JOIN users su ON su.id = p.referent_social_id";

}  // namespace

// ---- problématiques

std::vector<Problematique> list_problematiques(soci::session& sql) {
  std::vector<Problematique> out;
  for_each_row(sql, "SELECT code, label FROM resource_problematiques ORDER BY position",
               std::nullopt, [&](const soci::row& r) {
                 out.push_back({str(r, 0), str(r, 1), {}});
               });
  std::map<std::string, Problematique*> by_problem;
  for (auto& p : out) by_problem[p.code] = &p;
  for_each_row(sql,
               "SELECT problematique, code, label FROM resource_sub_themes ORDER BY problematique, "
               "position",
               std::nullopt, [&](const soci::row& r) {
                 if (auto it = by_problem.find(str(r, 0)); it != by_problem.end())
                   it->second->sub_themes.push_back({str(r, 1), str(r, 2), {}});
               });
  std::map<std::string, SubTheme*> by_code;
  for (auto& p : out)
    for (auto& st : p.sub_themes) by_code[st.code] = &st;
  for_each_row(sql,
               "SELECT sub_theme, thematique FROM resource_sub_theme_thematiques ORDER BY "
               "sub_theme, thematique",
               std::nullopt, [&](const soci::row& r) {
                 if (auto it = by_code.find(str(r, 0)); it != by_code.end())
                   it->second->thematiques.push_back(str(r, 1));
               });
  return out;
}

std::set<std::string> sub_theme_codes(soci::session& sql) {
  std::set<std::string> out;
  for_each_row(sql, "SELECT code FROM resource_sub_themes", std::nullopt,
               [&](const soci::row& r) { out.insert(str(r, 0)); });
  return out;
}

std::map<std::string, std::vector<std::string>> thematique_mapping(soci::session& sql) {
  std::map<std::string, std::vector<std::string>> out;
  for_each_row(sql,
               "SELECT m.thematique, m.sub_theme FROM resource_sub_theme_thematiques m JOIN "
               "resource_sub_themes t ON t.code = m.sub_theme JOIN resource_problematiques p ON "
               "p.code = t.problematique ORDER BY p.position, t.position",
               std::nullopt, [&](const soci::row& r) { out[str(r, 0)].push_back(str(r, 1)); });
  return out;
}

void set_sub_theme_thematiques(soci::session& sql, const std::string& sub_theme,
                               const std::vector<std::string>& thematiques) {
  sql << "DELETE FROM resource_sub_theme_thematiques WHERE sub_theme = :s", soci::use(sub_theme);
  for (const auto& t : thematiques)
    sql << "INSERT INTO resource_sub_theme_thematiques (sub_theme, thematique) VALUES (:s, :t)",
        soci::use(sub_theme), soci::use(t);
}

// ---- structures

std::int64_t insert_structure(soci::session& sql, const ResourceStructure& s,
                              const std::string& now) {
  Binds b;
  const auto values = structure_values(s, b);
  return insert_row(sql, "resource_structures", values, b, now);
}

void update_structure(soci::session& sql, const ResourceStructure& s, const std::string& now) {
  Binds b;
  const auto values = structure_values(s, b);
  update_row(sql, "resource_structures", s.id, values, b, now);
}

std::optional<ResourceStructure> find_structure(soci::session& sql, std::int64_t id) {
  Binds b;
  auto rows = select_structures(sql, "WHERE id = " + b.number(id), b);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<ResourceStructure> find_structure_by_source(soci::session& sql,
                                                          const std::string& source,
                                                          const std::string& source_id) {
  Binds b;
  auto rows = select_structures(
      sql, "WHERE source = " + b.text(source) + " AND source_id = " + b.text(source_id), b);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ResourceStructure> list_structures(soci::session& sql, const std::string& departement) {
  Binds b;
  return select_structures(
      sql,
      (departement.empty() ? "" : "WHERE departement = " + b.text(departement)) +
          " ORDER BY nom, id",
      b);
}

// ---- services

std::int64_t insert_service(soci::session& sql, Dialect dialect, const ResourceService& s,
                            const std::string& now) {
  Binds b;
  const auto values = service_values(sql, s, b);
  auto copy = s;
  copy.id = insert_row(sql, "resource_services", values, b, now);
  write_children(sql, dialect, copy);
  return copy.id;
}

void update_service(soci::session& sql, Dialect dialect, const ResourceService& s,
                    const std::string& now) {
  Binds b;
  const auto values = service_values(sql, s, b);
  update_row(sql, "resource_services", s.id, values, b, now);
  write_children(sql, dialect, s);
}

std::optional<ResourceService> find_service(soci::session& sql, std::int64_t id) {
  Binds b;
  auto rows = select_services(sql, "WHERE s.id = " + b.number(id), b);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::optional<ResourceService> find_service_by_source(soci::session& sql, const std::string& source,
                                                      const std::string& source_id) {
  Binds b;
  auto rows = select_services(
      sql, "WHERE s.source = " + b.text(source) + " AND s.source_id = " + b.text(source_id), b);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<ResourceService> services_for_export(soci::session& sql,
                                                 const std::string& departement) {
  Binds b;
  std::string where = "WHERE s.state <> 'archive'";
  if (!departement.empty()) where += " AND s.departement = " + b.text(departement);
  return select_services(sql, where + " ORDER BY s.id", b);
}

std::vector<ResourceService> stale_services(soci::session& sql, const std::string& departement,
                                            const std::string& today) {
  Binds b;
  return select_services(sql,
                         "WHERE s.departement = " + b.text(departement) +
                             " AND s.state IN ('publie', 'valide') AND s.due_on < " +
                             b.text(today) + " ORDER BY s.due_on, s.id",
                         b);
}

std::vector<ResourceService> stale_services_to_update(soci::session& sql,
                                                      const std::string& departement,
                                                      const std::string& today,
                                                      std::int64_t user_id, bool unvalidated_too,
                                                      std::size_t limit) {
  Binds b;
  const auto dep = b.text(departement), day = b.text(today);
  const auto user1 = b.number(user_id), user2 = b.number(user_id);
  std::string mine = "(s.validated_departement_by = " + user1 +
                     " OR s.validated_france_travail_by = " + user2 + ")";
  if (unvalidated_too)
    mine = "(" + mine +
           " OR (s.validated_departement_by IS NULL AND s.validated_france_travail_by IS NULL))";
  return select_services(sql,
                         "WHERE s.departement = " + dep +
                             " AND s.state IN ('publie', 'valide') AND s.due_on < " + day +
                             " AND " + mine + " ORDER BY s.date_maj, s.due_on, s.id LIMIT " +
                             b.number(static_cast<long long>(limit)),
                         b);
}

std::vector<std::string> epcis_of_commune(soci::session& sql, const std::string& commune) {
  std::vector<std::string> out;
  std::string epci;
  soci::indicator ind = soci::i_null;
  sql << "SELECT epci FROM communes WHERE code_insee = :c", soci::use(commune),
      soci::into(epci, ind);
  if (ind == soci::i_ok) out.push_back(epci);  // untouched (NULL) when no row
  return out;
}

namespace {

// Which services a search visits, written for one statement (its own binds).
// `walk`: the SQLite plan that walks the services in name order (index resource_services_by_name)
// and tests each filter on the row it visits (correlated EXISTS), stopping at the page's last
// match — for a broad filter, where reading every match to sort them is the cost. Otherwise
// each filter is a sub-select the planner may read first (a narrow filter drives the search).
struct SearchSql {
  std::string from, where;
};

enum class Freshness { any, fresh, stale };

// The query with its names resolved once, before the statements that share them.
struct Resolved {
  std::vector<std::string> zone_codes;     // commune: itself, its EPCI, département, france
  std::vector<std::string> problem_codes;  // problématique: its sub-themes
  std::string fts_query, today;
};

SearchSql search_sql(Binds& b, Dialect dialect, const ResourceQuery& q, const Resolved& r,
                     Freshness freshness, bool walk) {
  const auto& zone_codes = r.zone_codes;
  const auto& fts_query = r.fts_query;
  const auto& today = r.today;
  SearchSql out;
  out.from = walk ? " FROM resource_services s INDEXED BY resource_services_by_name"
                  : " FROM resource_services s";
  // No join with the structures here (the foreign key guarantees one): only the page's
  // services are read in full, afterwards.
  std::string& where = out.where;
  where = " WHERE s.departement = " + b.text(q.departement);
  std::string states;
  for (const auto& state : q.states) states += (states.empty() ? "" : ", ") + b.text(state);
  if (!states.empty()) where += " AND s.state IN (" + states + ")";
  if (freshness == Freshness::fresh) where += " AND s.due_on >= " + b.text(today);
  if (freshness == Freshness::stale) where += " AND s.due_on < " + b.text(today);
  if (q.structure_id) where += " AND s.structure_id = " + b.number(*q.structure_id);
  const auto member = [&](const std::string& table_alias_cond, const std::string& from_tables,
                          const std::string& id_column) {
    if (walk)
      return " AND EXISTS (SELECT 1 FROM " + from_tables + " WHERE " + id_column + " = s.id AND " +
             table_alias_cond + ")";
    return " AND s.id IN (SELECT " + id_column + " FROM " + from_tables + " WHERE " +
           table_alias_cond + ")";
  };
  const auto list = [&](const std::vector<std::string>& values) {
    std::string joined;
    for (const auto& v : values) joined += (joined.empty() ? "" : ", ") + b.text(v);
    return joined;
  };
  // The problématique as its sub-themes' codes, not a join: PostgreSQL then estimates the
  // matches from the column's statistics (the join was estimated at 95 rows for 2 470).
  if (q.problematique)
    where += member("x.sub_theme IN (" + list(r.problem_codes) + ")",
                    "resource_service_sub_themes x", "x.service_id");
  if (q.sub_theme)
    where += member("x.sub_theme = " + b.text(*q.sub_theme), "resource_service_sub_themes x",
                    "x.service_id");
  if (!zone_codes.empty())
    where +=
        member("z.code IN (" + list(zone_codes) + ")", "resource_service_zone z", "z.service_id");
  if (q.public_code) {
    // The code is matched as text: LIKE's wildcards in it are escaped.
    std::string code;
    for (char c : *q.public_code) {
      if (c == '%' || c == '_' || c == '\\') code += '\\';
      code += c;
    }
    where += " AND s.publics LIKE " + b.text("%|" + code + "|%") + " ESCAPE '\\'";
  }
  if (!fts_query.empty()) {
    if (dialect == Dialect::sqlite) {
      // The FTS table drives the loop (CROSS JOIN keeps that order): one MATCH, not one per row.
      out.from =
          " FROM resource_services_fts CROSS JOIN resource_services s ON s.id = "
          "resource_services_fts.rowid";
      where += " AND resource_services_fts MATCH " + b.text(fts_query);
    } else {
      where += " AND s.search_vector @@ to_tsquery('simple', " + b.text(fts_query) + ")";
    }
  }
  return out;
}

// The relevance of a match to the text: the name weighs more than the body. Its own binds
// (every bind must appear in the statement), so only the ranking statement carries it.
std::string score_sql(Binds& b, Dialect dialect, const Resolved& r) {
  if (r.fts_query.empty()) return "";
  if (dialect == Dialect::sqlite) return "-bm25(resource_services_fts, 10.0, 1.0)";
  return "ts_rank(s.search_vector, to_tsquery('simple', " + b.text(r.fts_query) + "))";
}

// The matches counted up to `cap` (+1 to tell "more than cap").
long long count_matches(soci::session& sql, Dialect dialect, const ResourceQuery& q,
                        const Resolved& r, Freshness freshness, long long cap) {
  Binds b;
  const auto s = search_sql(b, dialect, q, r, freshness, false);
  long long n = 0;
  run(sql,
      "SELECT COUNT(*) FROM (SELECT 1" + s.from + s.where + " LIMIT " + std::to_string(cap) +
          ") capped",
      b, [&](const soci::row& row) { n = i64(row, 0); });
  return n;
}

// One freshness class of matches, ranked by relevance then name, from `offset`.
std::vector<std::int64_t> rank_matches(soci::session& sql, Dialect dialect, const ResourceQuery& q,
                                       const Resolved& r, Freshness freshness, bool walk,
                                       long long limit, long long offset) {
  std::vector<std::int64_t> ids;
  if (limit <= 0) return ids;
  Binds b;
  const auto s = search_sql(b, dialect, q, r, freshness, walk);
  const auto score = score_sql(b, dialect, r);
  const std::string order =
      score.empty() ? " ORDER BY s.nom, s.id" : " ORDER BY " + score + " DESC, s.nom, s.id";
  run(sql,
      "SELECT s.id" + s.from + s.where + order + " LIMIT " + std::to_string(limit) + " OFFSET " +
          std::to_string(offset),
      b, [&](const soci::row& row) { ids.push_back(i64(row, 0)); });
  return ids;
}

}  // namespace

void refresh_search_statistics(soci::session& sql, Dialect dialect) {
  // PostgreSQL's autovacuum analyses a table a minute or more after it changed: until then an
  // imported base is planned as an empty one (full sorts of every match, 300-460 ms a search
  // on 10 000 services). ANALYZE is transactional there: it commits with the import. SQLite
  // plans without statistics (the search names its walk index where it matters).
  if (dialect == Dialect::postgres)
    sql << "ANALYZE resource_services, resource_service_zone, resource_service_sub_themes";
}

ResourcePage search_services(soci::session& sql, Dialect dialect, const ResourceQuery& q,
                             const std::string& today) {
  Resolved r;
  r.today = today;
  if (q.text) {
    const auto terms = query_terms(*q.text);
    if (terms.empty()) return {};
    for (const auto& t : terms)
      r.fts_query += dialect == Dialect::sqlite ? (r.fts_query.empty() ? "\"" : " \"") + t + "\"*"
                                                : (r.fts_query.empty() ? "" : " & ") + t + ":*";
  }
  if (q.commune) {
    // The zone covers the commune when it lists the commune, its EPCI, its département or all
    // France: the commune is expanded to those codes here, each one an indexed range of the
    // zone table, rather than every zone expanded to its communes at write time.
    r.zone_codes = {*q.commune, domain::departement_of_commune(*q.commune), "france", "99100"};
    for (const auto& epci : epcis_of_commune(sql, *q.commune)) r.zone_codes.push_back(epci);
  }
  if (q.problematique) {
    Binds b;
    run(sql,
        "SELECT code FROM resource_sub_themes WHERE problematique = " + b.text(*q.problematique), b,
        [&](const soci::row& row) { r.problem_codes.push_back(str(row, 0)); });
    if (r.problem_codes.empty()) return {};  // no such problématique: nothing filed under it
  }
  const long long per_page = q.per_page, offset = static_cast<long long>(q.page - 1) * per_page;
  ResourcePage page;
  // Counting stops past the cap: a page says "plus de 500", not the exact figure, so a filter
  // that matches thousands of services costs what 501 rows cost. Without text the count comes
  // first: it tells a broad filter (walk the names, stop at the page) from a narrow one (read
  // its matches, sort them). With text the FTS index drives either way, and the count is only
  // needed when the page is full.
  bool counted = false, walk = false;
  const auto count_all = [&] {
    page.total = count_matches(sql, dialect, q, r, Freshness::any, kSearchCountCap + 1);
    if (page.total > kSearchCountCap) {
      page.total = kSearchCountCap;
      page.total_capped = true;
    }
    counted = true;
  };
  if (r.fts_query.empty()) {
    count_all();
    if (!page.total_capped && page.total <= offset) return page;
    walk = dialect == Dialect::sqlite && page.total_capped;
  }
  // Fresh services first, then the stale ones (marked), each class ranked on its own: the
  // ranking (and its relevance score) is computed for the class the page needs, not for all.
  auto ranked = rank_matches(sql, dialect, q, r, Freshness::fresh, walk, per_page, offset);
  const auto fresh_on_page = static_cast<long long>(ranked.size());
  if (fresh_on_page < per_page) {
    // Fresh matches before the stale ones: all of them are known once this page holds some.
    const long long fresh_total = fresh_on_page > 0 || offset == 0
                                      ? offset + fresh_on_page
                                      : count_matches(sql, dialect, q, r, Freshness::fresh, offset);
    auto stale = rank_matches(sql, dialect, q, r, Freshness::stale, walk, per_page - fresh_on_page,
                              std::max(0LL, offset - fresh_total));
    ranked.insert(ranked.end(), stale.begin(), stale.end());
  }
  if (!counted) {
    const auto n = static_cast<long long>(ranked.size());
    if (n < per_page && (n > 0 || offset == 0)) {
      // The last page: every match before it was on a full page.
      page.total = std::min(offset + n, kSearchCountCap);
      page.total_capped = offset + n > kSearchCountCap;
    } else {
      count_all();
    }
  }
  if (ranked.empty()) return page;
  std::string ids;
  for (const auto id : ranked) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
  std::map<std::int64_t, ResourceHit> hits;
  Binds none;
  run(sql,
      std::string("SELECT ") + kServiceColumns +
          " FROM resource_services s JOIN resource_structures st ON st.id = s.structure_id "
          "WHERE s.id IN (" +
          ids + ")",
      none, [&](const soci::row& row) {
        ResourceHit hit;
        hit.service = service_of(row);
        hit.structure_nom = str(row, kServiceColumnCount - 1);
        hits[hit.service.id] = std::move(hit);
      });
  for (std::size_t i = 0; i < ranked.size(); ++i) {
    auto it = hits.find(ranked[i]);
    if (it == hits.end()) continue;
    it->second.stale = static_cast<long long>(i) >= fresh_on_page;
    page.items.push_back(std::move(it->second));
  }
  std::vector<ResourceService*> ptrs;
  for (auto& h : page.items) ptrs.push_back(&h.service);
  load_sub_themes(sql, ptrs);
  return page;
}

// ---- person actions

std::int64_t insert_action(soci::session& sql, const ResourceAction& a, const std::string& now) {
  Binds b;
  return insert_row(sql, "person_resource_actions",
                    {{"person_id", b.number(a.person_id)},
                     {"service_id", b.number(a.service_id)},
                     {"problematique", b.text(a.problematique)},
                     {"status", b.text(a.status)},
                     {"proposed_on", b.text(a.proposed_on)},
                     {"done_on", b.text(a.done_on)},
                     {"abandoned_on", b.text(a.abandoned_on)},
                     {"created_by", b.number(a.created_by)}},
                    b, now);
}

void update_action(soci::session& sql, const ResourceAction& a, const std::string& now) {
  Binds b;
  update_row(sql, "person_resource_actions", a.id,
             {{"status", b.text(a.status)},
              {"done_on", b.text(a.done_on)},
              {"abandoned_on", b.text(a.abandoned_on)}},
             b, now);
}

std::optional<ResourceAction> find_action(soci::session& sql, std::int64_t id) {
  std::optional<ResourceAction> out;
  for_each_row(sql, std::string(kActionSelect) + " WHERE a.id = :id", id,
               [&](const soci::row& r) { out = action_of(r); });
  return out;
}

std::vector<ResourceAction> actions_of_person(soci::session& sql, std::int64_t person_id) {
  std::vector<ResourceAction> out;
  for_each_row(sql,
               std::string(kActionSelect) +
                   " WHERE a.person_id = :id ORDER BY a.proposed_on "
                   "DESC, a.id DESC",
               person_id, [&](const soci::row& r) { out.push_back(action_of(r)); });
  return out;
}

}  // namespace binome::store
