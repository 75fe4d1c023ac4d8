#include "store/orientations_repo.hpp"

#include <algorithm>
#include <iterator>
#include <sstream>

#include "store/rows.hpp"

namespace binome::store {
namespace {

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + v[i];
  return out;
}

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) out.push_back(item);
  return out;
}

// The names shown beside the ids are scalar look-ups, not joins: with eleven joins PostgreSQL
// planned each execution in 6 ms (for 1.5 ms of execution) and reordered only the first eight
// (join_collapse_limit), so that, persons coming tenth, it read every orientation in progress
// (14 500 at 100 000 persons, 59 ms) before the 42 persons of a portfolio. Four tables are
// joined now, the person second: 2.3 ms of planning, the plan starts from the portfolio. Every
// id looked up is a NOT NULL foreign key except the optional ones, which were LEFT JOINs.
// `su` stays a join: reach_condition() names it.
constexpr const char* kSelect =
    "SELECT o.id, o.person_id, o.profile_id, o.profile_version_id, cp.code, cp.label, "
    "o.oriented_on, o.orienteur_id, (SELECT display_name FROM users WHERE id = o.orienteur_id), "
    "(SELECT g.name FROM users u JOIN organisations g ON g.id = u.organisation_id "
    "WHERE u.id = o.orienteur_id), o.side, o.origin, "
    "(SELECT label FROM orientation_origins WHERE code = o.origin), "
    "o.decision_mode, o.tacit_public, o.rome_code, o.registered_job_seeker, o.social_criteria, "
    "o.professional_criteria, o.obstacles, o.consent_collected_by, "
    "(SELECT display_name FROM users WHERE id = o.consent_collected_by), "
    "o.consent_collected_on, o.consent_signature_on, o.electronic_exchange, o.override_reason, "
    "o.override_by, (SELECT display_name FROM users WHERE id = o.override_by), o.status, "
    "o.ft_position, o.ft_position_by, (SELECT display_name FROM users WHERE id = "
    "o.ft_position_by), "
    "o.ft_position_at, o.dep_position, o.dep_position_by, "
    "(SELECT display_name FROM users WHERE id = o.dep_position_by), o.dep_position_at, "
    "o.decision, o.decision_reason, o.planned_start_on, o.decided_by, "
    "(SELECT display_name FROM users WHERE id = o.decided_by), "
    "o.decided_at, o.no_shows, p.conseiller_id, p.referent_social_id, su.organisation_id, "
    "p.territory_id, p.agence_id, p.departement, p.first_name, p.last_name "
    "FROM orientations o JOIN persons p ON p.id = o.person_id "
    "JOIN convention_profiles cp ON cp.id = o.profile_id "
    "LEFT JOIN users su ON su.id = p.referent_social_id";

// In progress: neither non retenue nor entered. The partial indexes of migration 0023 hold
// exactly these rows: their predicate is this text.
constexpr const char* kPending = "o.status NOT IN ('non_retenue', 'entree')";

OrientationRow to_row(const soci::row& r) {
  OrientationRow o;
  std::size_t i = 0;
  o.id = i64(r, i++);
  o.person_id = i64(r, i++);
  o.profile_id = i64(r, i++);
  o.profile_version_id = i64(r, i++);
  o.profile_code = str(r, i++);
  o.profile_label = str(r, i++);
  o.oriented_on = str(r, i++);
  o.orienteur_id = i64(r, i++);
  o.orienteur_name = str(r, i++);
  o.orienteur_org = str(r, i++);
  o.side = str(r, i++);
  o.origin = str(r, i++);
  o.origin_label = str(r, i++);
  o.decision_mode = str(r, i++);
  o.tacit_public = opt_str(r, i++);
  o.rome_code = opt_str(r, i++);
  o.registered_job_seeker = flag(r, i++);
  o.social_criteria = split(str(r, i++));
  o.professional_criteria = split(str(r, i++));
  o.obstacles = split(str(r, i++));
  o.consent_collected_by = i64(r, i++);
  o.consent_collected_by_name = str(r, i++);
  o.consent_collected_on = str(r, i++);
  o.consent_signature_on = str(r, i++);
  o.electronic_exchange = flag(r, i++);
  o.override_reason = opt_str(r, i++);
  o.override_by = opt_i64(r, i++);
  o.override_by_name = str(r, i++);
  o.status = str(r, i++);
  for (auto* pos : {&o.ft_position, &o.dep_position}) {
    auto value = opt_i64(r, i++);
    auto by = opt_i64(r, i++);
    auto name = str(r, i++);
    auto at = str(r, i++);
    if (value) *pos = PositionRow{*value != 0, by.value_or(0), name, at};
  }
  o.decision = opt_str(r, i++);
  o.decision_reason = opt_str(r, i++);
  o.planned_start_on = opt_str(r, i++);
  o.decided_by = opt_i64(r, i++);
  o.decided_by_name = str(r, i++);
  o.decided_at = opt_str(r, i++);
  o.no_shows = static_cast<int>(i64(r, i++));
  o.person_scope.conseiller_id = opt_i64(r, i++);
  o.person_scope.referent_social_id = opt_i64(r, i++);
  o.person_scope.referent_social_org_id = opt_i64(r, i++);
  o.person_scope.territory_id = opt_i64(r, i++);
  o.person_scope.agence_id = opt_i64(r, i++);
  o.person_scope.departement = str(r, i++);
  o.person_name = str(r, i++);
  o.person_name += " " + str(r, i++);
  return o;
}

std::vector<OrientationRow> select_rows(soci::session& sql, const std::string& where,
                                        std::optional<long long> value) {
  std::vector<OrientationRow> out;
  for_each_row(sql, std::string(kSelect) + where, value,
               [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

}  // namespace

std::int64_t insert_orientation(soci::session& sql, const OrientationRow& o,
                                const std::string& now) {
  long long id = 0, person = o.person_id, profile = o.profile_id, version = o.profile_version_id,
            orienteur = o.orienteur_id, consent_by = o.consent_collected_by;
  int registered = o.registered_job_seeker, electronic = o.electronic_exchange;
  auto tacit = Nullable::of(o.tacit_public), rome = Nullable::of(o.rome_code),
       override_reason = Nullable::of(o.override_reason);
  auto override_by = Nullable::of(o.override_by);
  const std::string social = join(o.social_criteria), pro = join(o.professional_criteria),
                    obstacles = join(o.obstacles);
  sql << "INSERT INTO orientations (person_id, profile_id, profile_version_id, oriented_on, "
         "orienteur_id, side, origin, decision_mode, tacit_public, rome_code, "
         "registered_job_seeker, social_criteria, professional_criteria, obstacles, "
         "consent_collected_by, consent_collected_on, consent_signature_on, electronic_exchange, "
         "override_reason, override_by, status, created_at, updated_at) VALUES (:pe, :pr, :ve, "
         ":on, :or, :si, :og, :dm, :tp, :ro, :rj, :sc, :pc, :ob, :cb, :co, :cs, :ee, :vr, :vb, "
         ":st, :c1, :c2) RETURNING id",
      soci::use(person), soci::use(profile), soci::use(version), soci::use(o.oriented_on),
      soci::use(orienteur), soci::use(o.side), soci::use(o.origin), soci::use(o.decision_mode),
      soci::use(tacit.text, tacit.ind), soci::use(rome.text, rome.ind), soci::use(registered),
      soci::use(social), soci::use(pro), soci::use(obstacles), soci::use(consent_by),
      soci::use(o.consent_collected_on), soci::use(o.consent_signature_on), soci::use(electronic),
      soci::use(override_reason.text, override_reason.ind),
      soci::use(override_by.number, override_by.ind), soci::use(o.status), soci::use(now),
      soci::use(now), soci::into(id);
  return id;
}

std::optional<OrientationRow> find_orientation(soci::session& sql, std::int64_t id) {
  auto rows = select_rows(sql, " WHERE o.id = :id", id);
  if (rows.empty()) return std::nullopt;
  return rows.front();
}

std::vector<OrientationRow> orientations_of_person(soci::session& sql, std::int64_t person_id) {
  return select_rows(sql, " WHERE o.person_id = :p ORDER BY o.id DESC", person_id);
}

std::vector<OrientationRow> pending_orientations_in_reach(soci::session& sql,
                                                          const domain::Reach& reach,
                                                          Persons persons) {
  std::vector<OrientationRow> out;
  std::string query = std::string(kSelect) + " WHERE " + kPending + " AND ";
  // A coordinator's reach reads the orientation's copy of the person's scope, as the paged
  // list does: « à faire » of a territory took 75 ms in this query on PostgreSQL through the
  // persons, 43 ms through migration 0023's partial index.
  const auto copied = copied_reach_condition(reach, "o");
  query.append(copied.empty() ? reach_condition(reach) : copied).append(persons_condition(persons));
  query.append(" ORDER BY o.oriented_on, o.id");
  for_each_row_in_reach(sql, query, reach,
                        [&](const soci::row& row) { out.push_back(to_row(row)); });
  return out;
}

OrientationPage pending_orientations_page(soci::session& sql, Dialect dialect,
                                          const domain::Reach& reach, Persons persons, int limit,
                                          int offset) {
  OrientationPage page;
  const auto cut = [&](std::size_t size) {
    const auto first = std::min<std::size_t>(static_cast<std::size_t>(std::max(offset, 0)), size);
    return std::make_pair(
        first, std::min<std::size_t>(first + static_cast<std::size_t>(std::max(limit, 0)), size));
  };
  if (reach.kind == domain::Reach::Kind::referent) {
    // A referent's list is a few dozen rows: one query, cut here, costs less than two.
    auto rows = pending_orientations_in_reach(sql, reach, persons);
    page.total = static_cast<std::int64_t>(rows.size());
    const auto [first, last] = cut(rows.size());
    page.rows.assign(std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(first)),
                     std::make_move_iterator(rows.begin() + static_cast<std::ptrdiff_t>(last)));
    return page;
  }
  // Otherwise the ids of the whole list first (a territory's few thousand integers, from the
  // indexes), then the page's full rows by id: the total and the page agree, and no statement
  // text depends on the page asked. A coordinator's reach reads the orientation's copy of the
  // person's scope: the ids then come from one partial index in order (0.2 ms for a
  // territory's 1 500, where going through its 10 000 persons took 14 ms). Each row is still
  // checked against the fiche afterwards.
  const auto copied = persons == Persons::all ? copied_reach_condition(reach, "o") : "";
  std::string query = copied.empty()
                          ? "SELECT o.id FROM orientations o JOIN persons p ON p.id = o.person_id "
                            "LEFT JOIN users su ON su.id = p.referent_social_id WHERE "
                          : "SELECT o.id FROM orientations o WHERE ";
  query.append(kPending).append(" AND ");
  if (copied.empty())
    query.append(reach_condition(reach)).append(persons_condition(persons));
  else
    query.append(copied);
  query.append(" ORDER BY o.oriented_on, o.id");
  std::vector<std::int64_t> ids;
  for_each_row_in_reach(sql, query, reach,
                        [&](const soci::row& row) { ids.push_back(i64(row, 0)); });
  page.total = static_cast<std::int64_t>(ids.size());
  const auto [first, last] = cut(ids.size());
  if (first == last) return page;
  const auto text = ids_text(dialect, {ids.begin() + static_cast<std::ptrdiff_t>(first),
                                       ids.begin() + static_cast<std::ptrdiff_t>(last)});
  for_each_row_once(
      sql, std::string(kSelect) + " WHERE o.id" + in_ids(dialect) + " ORDER BY o.oriented_on, o.id",
      [&](const soci::row& row) { page.rows.push_back(to_row(row)); }, soci::use(text, "ids"));
  return page;
}

void update_orientation(soci::session& sql, const OrientationRow& o, const std::string& now) {
  long long id = o.id;
  auto pos = [](const std::optional<PositionRow>& p, Nullable& value, Nullable& by, Nullable& at) {
    value = p ? Nullable::of(std::optional<std::int64_t>(p->accord ? 1 : 0)) : Nullable{};
    by = p ? Nullable::of(std::optional<std::int64_t>(p->by)) : Nullable{};
    at = p ? Nullable::of(std::optional<std::string>(p->at)) : Nullable{};
  };
  Nullable fv, fb, fa, dv, db, da;
  pos(o.ft_position, fv, fb, fa);
  pos(o.dep_position, dv, db, da);
  auto decision = Nullable::of(o.decision), reason = Nullable::of(o.decision_reason),
       start = Nullable::of(o.planned_start_on), decided_at = Nullable::of(o.decided_at);
  auto decided_by = Nullable::of(o.decided_by);
  int no_shows = o.no_shows;
  sql << "UPDATE orientations SET status = :st, ft_position = :fv, ft_position_by = :fb, "
         "ft_position_at = :fa, dep_position = :dv, dep_position_by = :db, dep_position_at = :da, "
         "decision = :de, decision_reason = :re, planned_start_on = :ps, decided_by = :dby, "
         "decided_at = :dat, no_shows = :ns, updated_at = :now WHERE id = :id",
      soci::use(o.status), soci::use(fv.number, fv.ind), soci::use(fb.number, fb.ind),
      soci::use(fa.text, fa.ind), soci::use(dv.number, dv.ind), soci::use(db.number, db.ind),
      soci::use(da.text, da.ind), soci::use(decision.text, decision.ind),
      soci::use(reason.text, reason.ind), soci::use(start.text, start.ind),
      soci::use(decided_by.number, decided_by.ind), soci::use(decided_at.text, decided_at.ind),
      soci::use(no_shows), soci::use(now), soci::use(id);
}

namespace {

std::string version_text(const std::string& status, const std::string& ft, const std::string& dep,
                         const std::string& decision, int no_shows) {
  return status + "|" + ft + "|" + dep + "|" + decision + "|" + std::to_string(no_shows);
}

std::string position_text(const std::optional<PositionRow>& p) {
  return p ? std::string(p->accord ? "1:" : "0:") + std::to_string(p->by) : "-";
}

}  // namespace

std::string orientation_version(const OrientationRow& row) {
  return version_text(row.status, position_text(row.ft_position), position_text(row.dep_position),
                      row.decision.value_or("-"), row.no_shows);
}

std::string locked_orientation_version(soci::session& sql, Dialect dialect, std::int64_t id) {
  long long key = id;
  soci::rowset<soci::row> rs =
      (sql.prepare << std::string("SELECT status, ft_position, ft_position_by, dep_position, "
                                  "dep_position_by, decision, no_shows FROM orientations WHERE "
                                  "id = :id") +
                          (dialect == Dialect::postgres ? " FOR UPDATE" : ""),
       soci::use(key));
  for (const auto& r : rs) {
    auto position = [&](std::size_t value, std::size_t by) -> std::optional<PositionRow> {
      const auto v = opt_i64(r, value);
      if (!v) return std::nullopt;
      return PositionRow{*v != 0, opt_i64(r, by).value_or(0), {}, {}};
    };
    return version_text(str(r, 0), position_text(position(1, 2)), position_text(position(3, 4)),
                        opt_str(r, 5).value_or("-"), static_cast<int>(i64(r, 6)));
  }
  return {};
}

void lock_person(soci::session& sql, Dialect dialect, std::int64_t person_id) {
  if (dialect != Dialect::postgres) return;
  long long id = person_id, found = 0;
  sql << "SELECT id FROM persons WHERE id = :id FOR UPDATE", soci::use(id), soci::into(found);
}

std::vector<std::pair<std::string, std::string>> orientation_origins(soci::session& sql) {
  std::vector<std::pair<std::string, std::string>> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT code, label FROM orientation_origins ORDER BY position, code");
  for (const auto& r : rs) out.emplace_back(str(r, 0), str(r, 1));
  return out;
}

void insert_orientation_origin(soci::session& sql, const std::string& code,
                               const std::string& label) {
  sql << "INSERT INTO orientation_origins (code, label, position) SELECT :c, :l, "
         "COALESCE(MAX(position), "
         "0) + 1 FROM orientation_origins",
      soci::use(code), soci::use(label);
}

}  // namespace binome::store
