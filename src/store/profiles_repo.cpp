#include "store/profiles_repo.hpp"

#include <stdexcept>

#include "store/profile_json.hpp"
#include "store/rows.hpp"

namespace binome::store {
namespace {

void load_children(soci::session& sql, domain::ConventionProfile& p) {
  long long id = p.id;
  for_each_row(
      sql,
      "SELECT name, from_date FROM convention_parties WHERE profile_id = :id ORDER BY from_date",
      id, [&](const soci::row& r) {
        p.parties.push_back({str(r, 0), str(r, 1)});
      });
  for_each_row(
      sql,
      "SELECT id, effective_from, rules, changed_by, changed_at FROM "
      "convention_profile_versions WHERE profile_id = :id ORDER BY effective_from, id",
      id, [&](const soci::row& r) {
        domain::ProfileVersion v;
        v.id = i64(r, 0);
        v.effective_from = str(r, 1);
        domain::FieldErrors errors;
        v.rules = rules_from_json(nlohmann::json::parse(str(r, 2), nullptr, false), errors);
        if (!errors.empty())
          throw std::runtime_error("règles illisibles pour la version " + std::to_string(v.id) +
                                   " du profil " + p.code + " : " + errors.front().message);
        v.changed_by = str(r, 3);
        v.changed_at = str(r, 4);
        p.versions.push_back(std::move(v));
      });
}

std::vector<domain::ConventionProfile> select_profiles(soci::session& sql, const std::string& where,
                                                       const std::vector<std::string>& values) {
  std::vector<domain::ConventionProfile> out;
  {
    std::string query =
        "SELECT id, code, departement, label, valid_from, valid_to FROM convention_profiles" +
        where + " ORDER BY departement, valid_from";
    soci::statement st(sql);
    soci::row row;
    std::vector<std::string> bound = values;
    for (auto& v : bound) st.exchange(soci::use(v));
    st.exchange(soci::into(row));
    st.alloc();
    st.prepare(query, kOnce);
    st.define_and_bind();
    if (st.execute(true)) {
      do {
        domain::ConventionProfile p;
        p.id = i64(row, 0);
        p.code = str(row, 1);
        p.departement = str(row, 2);
        p.label = str(row, 3);
        p.valid_from = str(row, 4);
        p.valid_to = opt_str(row, 5);
        out.push_back(std::move(p));
      } while (st.fetch());
    }
  }
  for (auto& p : out) load_children(sql, p);
  return out;
}

}  // namespace

std::vector<domain::ConventionProfile> list_profiles(soci::session& sql) {
  return select_profiles(sql, "", {});
}

std::optional<domain::ConventionProfile> find_profile(soci::session& sql, std::int64_t id) {
  auto found = select_profiles(sql, " WHERE id = :id", {std::to_string(id)});
  if (found.empty()) return std::nullopt;
  return found.front();
}

std::optional<domain::ConventionRules> find_version_rules(soci::session& sql,
                                                          std::int64_t profile_id,
                                                          std::int64_t version_id) {
  long long profile = profile_id, version = version_id;
  std::optional<domain::ConventionRules> out;
  for_each_row_once(
      sql, "SELECT rules FROM convention_profile_versions WHERE id = :v AND profile_id = :p",
      [&](const soci::row& r) {
        domain::FieldErrors errors;
        out = rules_from_json(nlohmann::json::parse(str(r, 0), nullptr, false), errors);
        if (!errors.empty())
          throw std::runtime_error("règles illisibles pour la version " +
                                   std::to_string(version_id) + " : " + errors.front().message);
      },
      soci::use(version, "v"), soci::use(profile, "p"));
  return out;
}

std::optional<domain::ConventionProfile> profile_for(soci::session& sql,
                                                     const std::string& departement,
                                                     const std::string& date) {
  auto found = select_profiles(
      sql, " WHERE departement = :d AND valid_from <= :f AND (valid_to IS NULL OR valid_to >= :t)",
      {departement, date, date});
  if (found.empty()) return std::nullopt;
  return found.back();  // the most recent convention covering the date
}

std::int64_t insert_profile_version(soci::session& sql, std::int64_t profile_id,
                                    const std::string& effective_from,
                                    const domain::ConventionRules& rules,
                                    const std::string& changed_by, const std::string& changed_at) {
  long long id = 0, pid = profile_id;
  const std::string text = rules_to_json(rules).dump();
  sql << "INSERT INTO convention_profile_versions (profile_id, effective_from, rules, changed_by, "
         "changed_at) VALUES (:p, :e, :r, :b, :a) RETURNING id",
      soci::use(pid), soci::use(effective_from), soci::use(text), soci::use(changed_by),
      soci::use(changed_at), soci::into(id);
  return id;
}

void insert_party(soci::session& sql, std::int64_t profile_id, const std::string& name,
                  const std::string& from) {
  long long pid = profile_id;
  sql << "INSERT INTO convention_parties (profile_id, name, from_date) VALUES (:p, :n, :f)",
      soci::use(pid), soci::use(name), soci::use(from);
}

std::int64_t insert_profile(soci::session& sql, const domain::ConventionProfile& p) {
  long long id = 0;
  auto to = Nullable::of(p.valid_to);
  sql << "INSERT INTO convention_profiles (code, departement, label, valid_from, valid_to) VALUES "
         "(:c, :d, :l, :f, :t) RETURNING id",
      soci::use(p.code), soci::use(p.departement), soci::use(p.label), soci::use(p.valid_from),
      soci::use(to.text, to.ind), soci::into(id);
  return id;
}

}  // namespace binome::store
