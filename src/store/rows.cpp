#include "store/rows.hpp"

#include <stdexcept>

namespace binome::store {

std::optional<std::int64_t> opt_i64(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_integer:
      return row.get<int>(i);
    case soci::dt_long_long:
      return row.get<long long>(i);
    case soci::dt_unsigned_long_long:
      return static_cast<std::int64_t>(row.get<unsigned long long>(i));
    case soci::dt_double:
      return static_cast<std::int64_t>(row.get<double>(i));
    case soci::dt_string:
      return std::stoll(row.get<std::string>(i));
    default:
      break;
  }
  throw std::runtime_error("colonne " + row.get_properties(i).get_name() + " : entier attendu");
}

std::int64_t i64(const soci::row& row, std::size_t i) {
  return opt_i64(row, i).value_or(0);
}

std::optional<std::string> opt_str(const soci::row& row, std::size_t i) {
  if (row.get_indicator(i) == soci::i_null) return std::nullopt;
  switch (row.get_properties(i).get_data_type()) {
    case soci::dt_string:
      return row.get<std::string>(i);
    case soci::dt_integer:
      return std::to_string(row.get<int>(i));
    case soci::dt_long_long:
      return std::to_string(row.get<long long>(i));
    default:
      break;
  }
  throw std::runtime_error("colonne " + row.get_properties(i).get_name() + " : texte attendu");
}

std::string str(const soci::row& row, std::size_t i) {
  return opt_str(row, i).value_or("");
}

void for_each_row(soci::session& sql, const std::string& query, std::optional<long long> value,
                  const std::function<void(const soci::row&)>& visit) {
  long long v = value.value_or(0);
  soci::statement st(sql);
  soci::row row;
  if (value) st.exchange(soci::use(v));
  st.exchange(soci::into(row));
  st.alloc();
  st.prepare(query, kOnce);
  st.define_and_bind();
  if (st.execute(true)) {
    do visit(row);
    while (st.fetch());
  }
}

std::string reach_condition(const domain::Reach& reach, const std::string& social) {
  using K = domain::Reach::Kind;
  switch (reach.kind) {
    case K::referent:
      return "(p.conseiller_id = :rid1 OR p.referent_social_id = :rid2)";
    case K::agence:
      return "p.agence_id = :rid1";
    case K::territory:
      return "p.territory_id = :rid1";
    case K::partner:
      return std::string(social).append(".organisation_id = :rid1");
    case K::departement:
      return "p.departement = :rdep";
    case K::none:
      break;
  }
  return "1 = 0";
}

std::string copied_reach_condition(const domain::Reach& reach, const std::string& row) {
  using K = domain::Reach::Kind;
  switch (reach.kind) {
    case K::agence:
      return row + ".person_agence_id = :rid1";
    case K::territory:
      return row + ".person_territory_id = :rid1";
    case K::departement:
      return row + ".person_departement = :rdep";
    default:
      return "";
  }
}

std::string in_ids(Dialect dialect) {
  return dialect == Dialect::sqlite ? " IN (SELECT value FROM json_each(:ids))"
                                    : " = ANY(CAST(:ids AS BIGINT[]))";
}

std::string ids_text(Dialect dialect, const std::vector<std::int64_t>& ids) {
  std::string out = dialect == Dialect::sqlite ? "[" : "{";
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  out += dialect == Dialect::sqlite ? "]" : "}";
  return out;
}

void for_each_row_in_reach(soci::session& sql, const std::string& query, const domain::Reach& reach,
                           const std::function<void(const soci::row&)>& visit) {
  using K = domain::Reach::Kind;
  long long rid = reach.id;
  std::string dep = reach.departement;
  switch (reach.kind) {
    case K::departement:
      return for_each_row_once(sql, query, visit, soci::use(dep, "rdep"));
    case K::referent:
      return for_each_row_once(sql, query, visit, soci::use(rid, "rid1"), soci::use(rid, "rid2"));
    case K::none:
      return for_each_row_once(sql, query, visit);
    default:
      return for_each_row_once(sql, query, visit, soci::use(rid, "rid1"));
  }
}

PersonOfRow read_person_columns(const soci::row& r, std::size_t& i) {
  PersonOfRow p;
  p.scope.conseiller_id = opt_i64(r, i++);
  p.scope.referent_social_id = opt_i64(r, i++);
  p.scope.referent_social_org_id = opt_i64(r, i++);
  p.scope.territory_id = opt_i64(r, i++);
  p.scope.agence_id = opt_i64(r, i++);
  p.scope.departement = str(r, i++);
  p.name = str(r, i++);
  p.name += " " + str(r, i++);
  p.brsa = flag(r, i++);
  return p;
}

}  // namespace binome::store
