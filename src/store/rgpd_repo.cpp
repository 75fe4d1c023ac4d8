#include "store/rgpd_repo.hpp"

#include <algorithm>

#include "store/rows.hpp"

namespace binome::store {
namespace {

using Json = nlohmann::json;

// A row as JSON, whatever the backend reports for each column.
Json row_json(const soci::row& r) {
  Json o = Json::object();
  for (std::size_t i = 0; i < r.size(); ++i) {
    const auto& props = r.get_properties(i);
    if (r.get_indicator(i) == soci::i_null) {
      o[props.get_name()] = nullptr;
      continue;
    }
    switch (props.get_data_type()) {
      case soci::dt_string:
        o[props.get_name()] = r.get<std::string>(i);
        break;
      case soci::dt_double:
        o[props.get_name()] = r.get<double>(i);
        break;
      default:
        o[props.get_name()] = i64(r, i);
    }
  }
  return o;
}

Json rows_json(soci::session& sql, const std::string& query, std::int64_t person_id) {
  Json out = Json::array();
  for_each_row(sql, query, person_id, [&](const soci::row& r) { out.push_back(row_json(r)); });
  return out;
}

RgpdRequestRow to_request(const soci::row& r) {
  RgpdRequestRow q;
  std::size_t i = 0;
  q.id = i64(r, i++);
  q.kind = str(r, i++);
  q.received_on = str(r, i++);
  q.due_on = str(r, i++);
  q.last_name = str(r, i++);
  q.first_name = str(r, i++);
  q.birth_date = str(r, i++);
  q.person_id = opt_i64(r, i++);
  q.status = str(r, i++);
  q.outcome = opt_str(r, i++);
  q.answer = opt_str(r, i++);
  q.answered_at = opt_str(r, i++);
  q.recorded_at = str(r, i++);
  return q;
}
const std::string kRequestColumns =
    "SELECT id, kind, received_on, due_on, last_name, first_name, birth_date, person_id, status, "
    "outcome, answer, answered_at, recorded_at FROM rgpd_requests";

BreachRow to_breach(const soci::row& r) {
  BreachRow b;
  std::size_t i = 0;
  b.id = i64(r, i++);
  b.discovered_at = str(r, i++);
  b.api_incident = flag(r, i++);
  b.nature = str(r, i++);
  b.summary = str(r, i++);
  b.persons_affected = opt_i64(r, i++);
  b.deadline_at = str(r, i++);
  b.notified_at = opt_str(r, i++);
  b.notified_to = opt_str(r, i++);
  b.recorded_at = str(r, i++);
  return b;
}
const std::string kBreachColumns =
    "SELECT id, discovered_at, api_incident, nature, summary, persons_affected, deadline_at, "
    "notified_at, notified_to, recorded_at FROM breaches";

// The follow-up tables, in the order their rows can be deleted.
constexpr const char* kFollowupDeletes[] = {
    "DELETE FROM ep_decisions WHERE person_id = :p",
    "DELETE FROM tasks WHERE person_id = :p",
    "DELETE FROM appointments WHERE person_id = :p",
    "DELETE FROM person_resource_actions WHERE person_id = :p",
    "DELETE FROM binome_assignments WHERE person_id = :p",
    // What the RSA flows brought about the person: its events and its job-seeker snapshot
    // (the sealed NIR, the France Travail ids).
    "DELETE FROM flow_events WHERE person_id = :p",
    "DELETE FROM job_seeker_snapshots WHERE person_id = :p",
};
constexpr const char* kFlowDeletes[] = {
    "DELETE FROM flow_events WHERE person_id = :p",
    "DELETE FROM job_seeker_snapshots WHERE person_id = :p",
};

template <std::size_t N>
long long delete_rows_of(soci::session& sql, std::int64_t person_id,
                         const char* const (&queries)[N]) {
  long long total = 0;
  long long p = person_id;
  for (const char* q : queries) {
    soci::statement st = (sql.prepare << q, soci::use(p));
    st.execute(true);
    total += st.get_affected_rows();
  }
  return total;
}

}  // namespace

std::vector<RetentionCandidate> retention_candidates(soci::session& sql) {
  // Every person of the base, once a day: kept small (no index beside the vector, which is in
  // id order; the creation day fits in the string itself), as 100 000 persons took 30 MB.
  std::vector<RetentionCandidate> out;
  for_each_row(sql,
               "SELECT id, departement, created_at FROM persons WHERE anonymised_at IS NULL "
               "ORDER BY id",
               std::nullopt, [&](const soci::row& r) {
                 RetentionCandidate c;
                 c.person_id = i64(r, 0);
                 c.departement = str(r, 1);
                 c.created_on = str(r, 2).substr(0, 10);
                 out.push_back(std::move(c));
               });
  auto each = [&](const std::string& q,
                  const std::function<void(RetentionCandidate&, const soci::row&)>& f) {
    for_each_row(sql, q, std::nullopt, [&](const soci::row& r) {
      const auto id = i64(r, 0);
      auto it = std::lower_bound(
          out.begin(), out.end(), id,
          [](const RetentionCandidate& c, std::int64_t v) { return c.person_id < v; });
      if (it != out.end() && it->person_id == id) f(*it, r);
    });
  };
  each(
      "SELECT person_id, profile_id FROM orientations UNION SELECT person_id, profile_id FROM "
      "supports UNION SELECT person_id, profile_id FROM social_supports",
      [](RetentionCandidate& c, const soci::row& r) { c.profile_ids.push_back(i64(r, 1)); });
  each("SELECT DISTINCT person_id FROM orientations",
       [](RetentionCandidate& c, const soci::row&) { c.has_fiche = true; });
  each(
      "SELECT DISTINCT person_id FROM supports WHERE state IN ('en_cours', 'suivi_emploi') "
      "UNION SELECT DISTINCT person_id FROM social_supports WHERE state IN ('a_valider', "
      "'en_cours')",
      [](RetentionCandidate& c, const soci::row&) { c.support_in_progress = true; });
  each(
      "SELECT person_id, COUNT(*) FROM (SELECT person_id FROM ep_decisions UNION ALL SELECT "
      "person_id FROM tasks UNION ALL SELECT person_id FROM appointments UNION ALL SELECT "
      "person_id FROM person_resource_actions UNION ALL SELECT person_id FROM "
      "binome_assignments UNION ALL SELECT person_id FROM flow_events UNION ALL SELECT "
      "person_id FROM job_seeker_snapshots) f GROUP BY person_id",
      [](RetentionCandidate& c, const soci::row& r) { c.followup_rows = i64(r, 1); });
  each(
      "SELECT person_id, COUNT(*) FROM (SELECT person_id FROM flow_events UNION ALL SELECT "
      "person_id FROM job_seeker_snapshots) f GROUP BY person_id",
      [](RetentionCandidate& c, const soci::row& r) { c.flow_rows = i64(r, 1); });
  return out;
}

long long delete_followup_data(soci::session& sql, std::int64_t person_id) {
  return delete_rows_of(sql, person_id, kFollowupDeletes);
}

long long delete_flow_data(soci::session& sql, std::int64_t person_id) {
  return delete_rows_of(sql, person_id, kFlowDeletes);
}

void anonymise_person(soci::session& sql, std::int64_t person_id, const std::string& now) {
  long long p = person_id;
  // The birth date keeps its year only (age bands); every identifying field is emptied.
  sql << "UPDATE persons SET last_name = 'ANONYME', first_name = '', birth_date = "
         "SUBSTR(birth_date, 1, 4) || '-01-01', street = '', postal_code = '', commune = '', "
         "phone = NULL, email = NULL, consent_electronic = 0, ft_id = NULL, caf_id = NULL, "
         "search_key = '', anonymised_at = :a, updated_at = :u WHERE id = :p",
      soci::use(now), soci::use(now), soci::use(p);
}

void restrict_person(soci::session& sql, std::int64_t person_id, const std::string& reason,
                     const std::string& now) {
  long long p = person_id;
  sql << "UPDATE persons SET restricted_at = :a, restriction_reason = :r, updated_at = :u "
         "WHERE id = :p",
      soci::use(now), soci::use(reason), soci::use(now), soci::use(p);
}

bool claim_purge_day(soci::session& sql, const std::string& day, const std::string& now) {
  int existing = 0;
  sql << "SELECT COUNT(*) FROM purge_runs WHERE day = :d", soci::use(day), soci::into(existing);
  if (existing > 0) return false;
  sql << "INSERT INTO purge_runs (day, started_at) VALUES (:d, :s)", soci::use(day), soci::use(now);
  return true;
}

void finish_purge_day(soci::session& sql, const std::string& day, const std::string& now,
                      int followup, int anonymised) {
  sql << "UPDATE purge_runs SET finished_at = :f, persons_followup = :a, persons_anonymised = :b "
         "WHERE day = :d",
      soci::use(now), soci::use(followup), soci::use(anonymised), soci::use(day);
}

std::int64_t insert_rgpd_request(soci::session& sql, const RgpdRequestRow& r,
                                 std::int64_t recorded_by) {
  long long id = 0, by = recorded_by;
  auto person = Nullable::of(r.person_id);
  sql << "INSERT INTO rgpd_requests (kind, received_on, due_on, last_name, first_name, "
         "birth_date, person_id, status, recorded_by, recorded_at) VALUES (:k, :r, :d, :l, :f, "
         ":b, :p, 'ouverte', :by, :at) RETURNING id",
      soci::use(r.kind), soci::use(r.received_on), soci::use(r.due_on), soci::use(r.last_name),
      soci::use(r.first_name), soci::use(r.birth_date), soci::use(person.number, person.ind),
      soci::use(by), soci::use(r.recorded_at), soci::into(id);
  return id;
}

std::vector<RgpdRequestRow> list_rgpd_requests(soci::session& sql, bool open_only) {
  std::vector<RgpdRequestRow> out;
  for_each_row(
      sql,
      kRequestColumns + (open_only ? " WHERE status = 'ouverte'" : "") + " ORDER BY due_on, id",
      std::nullopt, [&](const soci::row& r) { out.push_back(to_request(r)); });
  return out;
}

std::optional<RgpdRequestRow> find_rgpd_request(soci::session& sql, std::int64_t id) {
  std::optional<RgpdRequestRow> out;
  for_each_row(sql, kRequestColumns + " WHERE id = :i", id,
               [&](const soci::row& r) { out = to_request(r); });
  return out;
}

void close_rgpd_request(soci::session& sql, std::int64_t id, const std::string& outcome,
                        const std::string& answer, std::int64_t by, const std::string& now) {
  long long i = id, b = by;
  sql << "UPDATE rgpd_requests SET status = 'traitee', outcome = :o, answer = :a, answered_by = "
         ":b, answered_at = :t WHERE id = :i",
      soci::use(outcome), soci::use(answer), soci::use(b), soci::use(now), soci::use(i);
}

std::vector<BornOn> persons_born_on(soci::session& sql, const std::string& birth_date) {
  std::vector<BornOn> out;
  soci::rowset<soci::row> rs =
      (sql.prepare << "SELECT id, last_name, first_name FROM persons WHERE birth_date = :b AND "
                      "anonymised_at IS NULL ORDER BY id",
       soci::use(birth_date));
  for (const auto& r : rs) out.push_back({i64(r, 0), str(r, 1), str(r, 2)});
  return out;
}

bool has_fiche(soci::session& sql, std::int64_t person_id) {
  long long p = person_id;
  int n = 0;
  sql << "SELECT COUNT(*) FROM orientations WHERE person_id = :p", soci::use(p), soci::into(n);
  return n > 0;
}

Json person_data(soci::session& sql, std::int64_t id) {
  Json out = Json::object();
  // search_key is derived from the identity (shown above it); nothing else is left out.
  auto person = rows_json(sql, "SELECT * FROM persons WHERE id = :p", id);
  for (auto& p : person) p.erase("search_key");
  out["personne"] = person.empty() ? Json(nullptr) : person[0];
  out["orientations"] =
      rows_json(sql, "SELECT * FROM orientations WHERE person_id = :p ORDER BY id", id);
  out["historique_orientations"] = rows_json(
      sql,
      "SELECT e.* FROM orientation_events e JOIN orientations o ON o.id = e.orientation_id "
      "WHERE o.person_id = :p ORDER BY e.id",
      id);
  out["accompagnements"] =
      rows_json(sql, "SELECT * FROM supports WHERE person_id = :p ORDER BY id", id);
  out["historique_accompagnements"] =
      rows_json(sql,
                "SELECT e.* FROM support_events e JOIN supports s ON s.id = e.support_id WHERE "
                "s.person_id = :p ORDER BY e.id",
                id);
  out["axe3"] =
      rows_json(sql, "SELECT * FROM social_supports WHERE person_id = :p ORDER BY id", id);
  out["historique_axe3"] =
      rows_json(sql,
                "SELECT e.* FROM social_support_events e JOIN social_supports s ON s.id = "
                "e.social_support_id WHERE s.person_id = :p ORDER BY e.id",
                id);
  out["rendez_vous"] = rows_json(
      sql, "SELECT * FROM appointments WHERE person_id = :p ORDER BY scheduled_at, id", id);
  out["taches"] = rows_json(sql, "SELECT * FROM tasks WHERE person_id = :p ORDER BY id", id);
  out["decisions_equipe_pluridisciplinaire"] =
      rows_json(sql, "SELECT * FROM ep_decisions WHERE person_id = :p ORDER BY id", id);
  out["ressources"] = rows_json(
      sql,
      "SELECT a.*, s.nom AS service_nom FROM person_resource_actions a JOIN resource_services s "
      "ON s.id = a.service_id WHERE a.person_id = :p ORDER BY a.id",
      id);
  out["binomes"] =
      rows_json(sql, "SELECT * FROM binome_assignments WHERE person_id = :p ORDER BY id", id);
  out["demandes_rgpd"] =
      rows_json(sql,
                "SELECT id, kind, received_on, due_on, status, outcome, answer, answered_at FROM "
                "rgpd_requests WHERE person_id = :p ORDER BY id",
                id);
  return out;
}

Json person_audit(soci::session& sql, std::int64_t id) {
  // Who did what about the person, and when: the person as subject, or in a list read.
  Json out = Json::array();
  long long p1 = id, p2 = id;
  soci::row row;
  soci::statement st =
      (sql.prepare << "SELECT a.seq, a.at, a.user_login, o.name AS organisation, a.action, "
                      "a.route FROM audit_log a LEFT JOIN organisations o ON o.id = "
                      "a.organisation_id WHERE a.person_id = :p1 OR a.seq IN (SELECT seq FROM "
                      "audit_person WHERE person_id = :p2) ORDER BY a.seq",
       soci::use(p1), soci::use(p2), soci::into(row));
  if (st.execute(true)) {
    do out.push_back(row_json(row));
    while (st.fetch());
  }
  return out;
}

std::int64_t insert_breach(soci::session& sql, const BreachRow& b, std::int64_t recorded_by) {
  long long id = 0, by = recorded_by;
  int api = b.api_incident;
  auto n = Nullable::of(b.persons_affected);
  sql << "INSERT INTO breaches (discovered_at, api_incident, nature, summary, persons_affected, "
         "deadline_at, recorded_by, recorded_at) VALUES (:d, :a, :n, :s, :pa, :dl, :by, :at) "
         "RETURNING id",
      soci::use(b.discovered_at), soci::use(api), soci::use(b.nature), soci::use(b.summary),
      soci::use(n.number, n.ind), soci::use(b.deadline_at), soci::use(by), soci::use(b.recorded_at),
      soci::into(id);
  return id;
}

std::vector<BreachRow> list_breaches(soci::session& sql) {
  std::vector<BreachRow> out;
  for_each_row(sql, kBreachColumns + " ORDER BY discovered_at DESC, id DESC", std::nullopt,
               [&](const soci::row& r) { out.push_back(to_breach(r)); });
  return out;
}

std::optional<BreachRow> find_breach(soci::session& sql, std::int64_t id) {
  std::optional<BreachRow> out;
  for_each_row(sql, kBreachColumns + " WHERE id = :i", id,
               [&](const soci::row& r) { out = to_breach(r); });
  return out;
}

void record_breach_notification(soci::session& sql, std::int64_t id, const std::string& at,
                                const std::string& to) {
  long long i = id;
  sql << "UPDATE breaches SET notified_at = :a, notified_to = :t WHERE id = :i", soci::use(at),
      soci::use(to), soci::use(i);
}

std::vector<SubprocessorRow> list_subprocessors(soci::session& sql) {
  std::vector<SubprocessorRow> out;
  for_each_row(sql,
               "SELECT id, name, departement, contract_start, contract_end FROM organisations "
               "WHERE kind = 'partenaire' ORDER BY departement, name",
               std::nullopt, [&](const soci::row& r) {
                 out.push_back({i64(r, 0), str(r, 1), str(r, 2), opt_str(r, 3), opt_str(r, 4)});
               });
  return out;
}

std::vector<std::pair<std::string, std::string>> last_subprocessor_reviews(soci::session& sql) {
  std::vector<std::pair<std::string, std::string>> out;
  for_each_row(sql,
               "SELECT departement, MAX(reviewed_on) FROM subprocessor_reviews GROUP BY "
               "departement ORDER BY departement",
               std::nullopt, [&](const soci::row& r) { out.emplace_back(str(r, 0), str(r, 1)); });
  return out;
}

void insert_subprocessor_review(soci::session& sql, const std::string& departement,
                                const std::string& day, std::int64_t by, const std::string& now) {
  long long b = by;
  sql << "INSERT INTO subprocessor_reviews (departement, reviewed_on, reviewed_by, recorded_at) "
         "VALUES (:d, :r, :b, :n)",
      soci::use(departement), soci::use(day), soci::use(b), soci::use(now);
}

}  // namespace binome::store
