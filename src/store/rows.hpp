// Reading SOCI rows the same way on both backends, whatever integer width each reports.
#pragma once
#include <soci/soci.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "domain/scope.hpp"

namespace binome::store {

std::optional<std::int64_t> opt_i64(const soci::row& row, std::size_t i);
std::int64_t i64(const soci::row& row, std::size_t i);
std::optional<std::string> opt_str(const soci::row& row, std::size_t i);
std::string str(const soci::row& row, std::size_t i);
inline bool flag(const soci::row& row, std::size_t i) {
  return i64(row, i) != 0;
}

// Runs a query with at most one bound integer and hands each row to `visit`.
void for_each_row(soci::session& sql, const std::string& query, std::optional<long long> value,
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
