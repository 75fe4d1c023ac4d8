#include "store/orgs_repo.hpp"

#include "store/rows.hpp"

namespace binome::store {
namespace {

constexpr const char* kOrgSelect =
    "SELECT o.id, o.name, o.kind, o.departement, o.territory_id, o.parent_id, o.contract_start, "
    "o.contract_end, t.name FROM organisations o LEFT JOIN territories t ON t.id = o.territory_id";

OrganisationRow to_org(const soci::row& r) {
  OrganisationRow row;
  row.org.id = i64(r, 0);
  row.org.name = str(r, 1);
  row.org.kind = domain::parse_org_kind(str(r, 2)).value_or(domain::OrgKind::departement);
  row.org.departement = str(r, 3);
  row.org.territory_id = opt_i64(r, 4);
  row.org.parent_id = opt_i64(r, 5);
  row.org.contract_start = opt_str(r, 6);
  row.org.contract_end = opt_str(r, 7);
  row.territory_name = opt_str(r, 8);
  return row;
}

}  // namespace

void upsert_departement(soci::session& sql, const std::string& code, const std::string& name) {
  sql << "INSERT INTO departements (code, name) VALUES (:c, :n) ON CONFLICT (code) DO UPDATE "
         "SET name = excluded.name",
      soci::use(code), soci::use(name);
}

bool departement_exists(soci::session& sql, const std::string& code) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM departements WHERE code = :c", soci::use(code), soci::into(n);
  return n > 0;
}

std::vector<std::pair<std::string, std::string>> list_departements(soci::session& sql) {
  std::vector<std::pair<std::string, std::string>> out;
  soci::rowset<soci::row> rs = (sql.prepare << "SELECT code, name FROM departements ORDER BY code");
  for (const auto& r : rs) out.emplace_back(str(r, 0), str(r, 1));
  return out;
}

bool territory_name_taken(soci::session& sql, const std::string& departement,
                          const std::string& name) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM territories WHERE departement = :d AND name = :n",
      soci::use(departement), soci::use(name), soci::into(n);
  return n > 0;
}

std::int64_t insert_territory(soci::session& sql, const std::string& departement,
                              const std::string& name) {
  long long id = 0;
  sql << "INSERT INTO territories (departement, name) VALUES (:d, :n) RETURNING id",
      soci::use(departement), soci::use(name), soci::into(id);
  return id;
}

std::vector<TerritoryRow> list_territories(soci::session& sql) {
  std::vector<TerritoryRow> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT id, departement, name FROM territories ORDER BY departement, name");
  for (const auto& r : rs) out.push_back({i64(r, 0), str(r, 1), str(r, 2)});
  return out;
}

std::optional<TerritoryRow> find_territory(soci::session& sql, std::int64_t id) {
  long long v = id;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT id, departement, name FROM territories WHERE id = :id", soci::use(v));
  for (const auto& r : rs) return TerritoryRow{i64(r, 0), str(r, 1), str(r, 2)};
  return std::nullopt;
}

std::int64_t insert_organisation(soci::session& sql, const domain::Organisation& o,
                                 const std::string& now) {
  long long id = 0;
  const std::string kind(domain::to_string(o.kind));
  auto terr = Nullable::of(o.territory_id), parent = Nullable::of(o.parent_id);
  auto cs = Nullable::of(o.contract_start), ce = Nullable::of(o.contract_end);
  sql << "INSERT INTO organisations (name, kind, departement, territory_id, parent_id, "
         "contract_start, contract_end, created_at) VALUES (:name, :kind, :dep, :terr, :parent, "
         ":cs, :ce, :now) RETURNING id",
      soci::use(o.name), soci::use(kind), soci::use(o.departement),
      soci::use(terr.number, terr.ind), soci::use(parent.number, parent.ind),
      soci::use(cs.text, cs.ind), soci::use(ce.text, ce.ind), soci::use(now), soci::into(id);
  return id;
}

std::vector<OrganisationRow> list_organisations(soci::session& sql) {
  std::vector<OrganisationRow> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << std::string(kOrgSelect) + " ORDER BY o.departement, o.name");
  for (const auto& r : rs) out.push_back(to_org(r));
  return out;
}

std::optional<OrganisationRow> find_organisation(soci::session& sql, std::int64_t id) {
  long long v = id;
  soci::rowset<soci::row> rs =
      (sql.prepare << std::string(kOrgSelect) + " WHERE o.id = :id", soci::use(v));
  for (const auto& r : rs) return to_org(r);
  return std::nullopt;
}

bool organisation_name_taken(soci::session& sql, const std::string& departement,
                             const std::string& name) {
  int n = 0;
  sql << "SELECT COUNT(*) FROM organisations WHERE departement = :d AND name = :n",
      soci::use(departement), soci::use(name), soci::into(n);
  return n > 0;
}

}  // namespace binome::store
