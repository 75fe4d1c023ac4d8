// Reading SOCI rows the same way on both backends, whatever integer width each reports.
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "domain/scope.hpp"
#include "store/database.hpp"
#include "store/persons_filter.hpp"

namespace binome::store {

std::optional<std::int64_t> opt_i64(const soci::row& row, std::size_t i);
std::int64_t i64(const soci::row& row, std::size_t i);
std::optional<std::string> opt_str(const soci::row& row, std::size_t i);
std::string str(const soci::row& row, std::size_t i);
inline bool flag(const soci::row& row, std::size_t i) {
  return i64(row, i) != 0;
}

// Statements here run once each as far as SOCI knows: on PostgreSQL a one-time statement is one
// round trip (PQexecParams) where SOCI's default, a prepared one, costs three (prepare,
// execute, deallocate). The connection keeps a text it runs again prepared under a name
// (store/pg_statement_cache), still one round trip per execution.
inline constexpr auto kOnce = soci::details::st_one_time_query;

// Runs a one-time query with the given soci::use(...) bindings; hands each row to `visit`.
template <class... Uses>
void for_each_row_once(soci::session& sql, const std::string& query,
                       const std::function<void(const soci::row&)>& visit, Uses... uses) {
  soci::statement st(sql);
  (st.exchange(uses), ...);
  soci::row row;
  st.exchange(soci::into(row));
  st.alloc();
  st.prepare(query, kOnce);
  st.define_and_bind();
  if (st.execute(true)) {
    do visit(row);
    while (st.fetch());
  }
}

// Runs a query with at most one bound integer and hands each row to `visit`.
void for_each_row(soci::session& sql, const std::string& query, std::optional<long long> value,
                  const std::function<void(const soci::row&)>& visit);

// The condition to append after a WHERE's others for `persons`. A live person is one binome may
// still process: neither restricted (RGPD art. 18, or an erasure the FSE retention turns into a
// restriction) nor anonymised; lists built for work leave the others out.
inline const char* persons_condition(Persons persons) {
  return persons == Persons::live ? " AND p.restricted_at IS NULL AND p.anonymised_at IS NULL" : "";
}

// The actor's reach as a SQL condition on persons p, `social` being the alias of the social
// referent's user (LEFT JOIN users su ON su.id = p.referent_social_id), which only a
// partner's reach reads. Lists filter in SQL with it, then check each row in C++ as before.
std::string reach_condition(const domain::Reach& reach, const std::string& social = "su");

// The same reach read on the copy of the person's scope that an orientation (alias `row`)
// carries (`person_territory_id`…, kept equal to the fiche by triggers since migration 0017),
// for the reaches the copy answers alone: an agence, a territory, a département. Empty for the
// others (a referent's reach has its small indexes already; a partner's needs the users).
std::string copied_reach_condition(const domain::Reach& reach, const std::string& row);

// A list of ids bound as one text, so that a query's text stays the same whatever their number
// and is prepared once per connection: `column + in_ids(dialect)` in the query, the value of
// ids_text(dialect, ids) bound as :ids (a JSON array for SQLite, an array literal for
// PostgreSQL).
std::string in_ids(Dialect dialect);
std::string ids_text(Dialect dialect, const std::vector<std::int64_t>& ids);

// Runs a query holding reach_condition(reach) and hands each row to `visit`.
void for_each_row_in_reach(soci::session& sql, const std::string& query, const domain::Reach& reach,
                           const std::function<void(const soci::row&)>& visit);

// A value to bind that may be NULL; keeps the value and its indicator alive for the statement.
struct Nullable {
  std::string text;
  long long number = 0;
  soci::indicator ind = soci::i_null;
  static Nullable of(const std::optional<std::string>& v) {
    return v ? Nullable{*v, 0, soci::i_ok} : Nullable{};
  }
  static Nullable of(const std::optional<std::int64_t>& v) {
    return v ? Nullable{{}, static_cast<long long>(*v), soci::i_ok} : Nullable{};
  }
  // Read back through soci::into(text, ind) or soci::into(number, ind).
  std::optional<std::string> opt_text() const {
    return ind == soci::i_ok ? std::optional<std::string>(text) : std::nullopt;
  }
  std::optional<std::int64_t> opt_number() const {
    return ind == soci::i_ok ? std::optional<std::int64_t>(number) : std::nullopt;
  }
};

// The person a row belongs to, as the access rule needs it. Select kPersonColumns from
// `persons p LEFT JOIN users su ON su.id = p.referent_social_id`, then read them at `i`.
inline constexpr const char* kPersonColumns =
    "p.conseiller_id, p.referent_social_id, su.organisation_id, p.territory_id, p.agence_id, "
    "p.departement, p.first_name, p.last_name, p.brsa";
struct PersonOfRow {
  domain::PersonScope scope;
  std::string name;
  bool brsa = false;
};
PersonOfRow read_person_columns(const soci::row& row, std::size_t& i);

}  // namespace binome::store
