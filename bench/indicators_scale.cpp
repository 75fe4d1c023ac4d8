// bench/indicators-scale: the quarterly indicator pack (IndicatorService::compute, the call
// behind GET /api/v1/indicators and the dashboard) on a synthetic département-year, timed for a
// département, a territory, an agence and a counsellor, next to baselines measured in the same
// run: a `SELECT 1` round trip and the same pack over the demo base before the bulk load.
//   indicators_scale URL SUPPORTS EVENTS RUNS
// The bulk data are written with INSERT … SELECT over a generated series, in transactions:
// SUPPORTS persons with an orientation and an axe 2 support each (entries spread over 2026,
// 40 % exited), a fifth of them with a second orientation still pending, an axe 3 support for
// one in 33, and EVENTS history rows (support events, orientation events, appointments).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "app/demo_data.hpp"
#include "app/indicator_service.hpp"
#include "store/database.hpp"
#include "store/migrations.hpp"
#include "store/orgs_repo.hpp"
#include "store/users_repo.hpp"

namespace {

using namespace binome;
using Clock = std::chrono::steady_clock;

class FixedClock : public domain::Clock {
 public:
  domain::Timestamp now() const override { return *domain::parse_iso("2027-01-15T09:00:00Z"); }
};

double ms_since(Clock::time_point t) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t).count();
}

// CPU time of this process: on SQLite, all the work of a measure (the base is in the
// process); on PostgreSQL, the client's share only. On a machine shared with busy neighbours
// it is what the wall time would be without waiting for a core.
double cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1000 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// CPU time of the PostgreSQL server processes that serve the bench's connections (a local
// server: /proc), the server's share of a measure that the client's CPU time leaves out. On a
// machine shared with busy neighbours it tells the work from the wait. Clock ticks (10 ms):
// only the mean over all the runs of a measure is meaningful.
std::vector<int> server_pids;
store::Database* bench_db = nullptr;

void find_server_pids() {
  server_pids.clear();
  if (!bench_db || bench_db->dialect() != store::Dialect::postgres) return;
  bench_db->with_session([](soci::session& sql) {
    soci::rowset<int> pids = sql.prepare << "SELECT pid FROM pg_stat_activity WHERE datname = "
                                            "current_database() AND backend_type = 'client "
                                            "backend'";
    for (const int pid : pids) server_pids.push_back(pid);
  });
}

double server_cpu_ms() {
  double ticks = 0;
  for (const int pid : server_pids) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string line;
    if (!std::getline(in, line)) continue;
    // Fields after the command name in parentheses: state is field 3, utime 14, stime 15.
    std::istringstream rest(line.substr(line.rfind(')') + 2));
    std::string field;
    for (int i = 3; i <= 15 && rest >> field; ++i)
      if (i >= 14) ticks += std::stod(field);
  }
  return ticks * 1000 / static_cast<double>(sysconf(_SC_CLK_TCK));
}

struct Timing {
  double median = 0, max = 0, cpu_median = 0, server_cpu_mean = 0;
};

template <typename F>
Timing time_runs(int runs, F&& f) {
  find_server_pids();
  f();  // warm-up: caches, prepared plans
  std::vector<double> v, cpu;
  const double server = server_cpu_ms();
  for (int i = 0; i < runs; ++i) {
    const auto t = Clock::now();
    const double c = cpu_ms();
    f();
    v.push_back(ms_since(t));
    cpu.push_back(cpu_ms() - c);
  }
  const double server_mean = (server_cpu_ms() - server) / runs;
  std::sort(v.begin(), v.end());
  std::sort(cpu.begin(), cpu.end());
  return {v[v.size() / 2], v.back(), cpu[cpu.size() / 2], server_mean};
}

// The SQL of a day `offset` days after `base` (ISO text), in the database's dialect.
std::string day(store::Dialect d, const std::string& base, const std::string& offset) {
  if (d == store::Dialect::postgres)
    return "to_char(DATE '" + base + "' + CAST(" + offset + " AS INTEGER), 'YYYY-MM-DD')";
  return "date(julianday('" + base + "') + (" + offset + "))";
}

std::string series(store::Dialect d, long n) {
  if (d == store::Dialect::postgres)
    return "(SELECT CAST(g AS BIGINT) AS i FROM generate_series(0, " + std::to_string(n - 1) +
           ") g) n";
  return "(WITH RECURSIVE s(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM s WHERE i < " +
         std::to_string(n - 1) + ") SELECT i FROM s) n";
}

constexpr const char* kNow = "'2027-01-15T09:00:00Z'";

struct Scope {
  std::string label, login, scope, id;
};

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage : indicators_scale URL SUPPORTS EVENTS RUNS\n");
    return 2;
  }
  const long supports = std::stol(argv[2]);
  const long events = std::stol(argv[3]);
  const int runs = std::stoi(argv[4]);
  auto db = store::Database::open(argv[1], 2);
  store::migrate(*db);
  bench_db = db.get();
  FixedClock clock;
  app::Context ctx{*db, clock, {}};
  app::load_demo(ctx, "Mesure-indicateurs-2026!");
  const auto dialect = db->dialect();
  const auto d = [&](const std::string& base, const std::string& offset) {
    return day(dialect, base, offset);
  };

  // Staff of a large département: 4 more territories (6), 5 agences and one SLAI per
  // territory, 50 counsellors per agence and 30 social referents per SLAI; a coordinateur of
  // one agence for the agence measure.
  std::int64_t version_id = 0, profile_id = 0, bench_agence = 0;
  db->transaction([&](soci::session& sql) {
    sql << "SELECT p.id, v.id FROM convention_profiles p JOIN convention_profile_versions v ON "
           "v.profile_id = p.id WHERE p.departement = '00'",
        soci::into(profile_id), soci::into(version_id);
    std::string hash;
    sql << "SELECT password_hash FROM users WHERE login = 'conseiller.demo'", soci::into(hash);
    std::vector<std::int64_t> territories;
    for (const auto& t : store::list_territories(sql))
      if (t.departement == "00") territories.push_back(t.id);
    for (int t = 0; t < 4; ++t)
      territories.push_back(
          store::insert_territory(sql, "00", "Territoire de mesure " + std::to_string(t + 1)));
    sql << "CREATE TABLE bench_staff (n BIGINT PRIMARY KEY, conseiller_id BIGINT, referent_id "
           "BIGINT, agence_id BIGINT, territory_id BIGINT, slai_id BIGINT)";
    long n = 0;
    for (std::size_t t = 0; t < territories.size(); ++t) {
      const auto terr = territories[t];
      const auto slai = store::insert_organisation(
          sql,
          {0, "SLAI de mesure " + std::to_string(t), domain::OrgKind::service_departemental, "00",
           terr, std::nullopt, std::nullopt, std::nullopt},
          "2026-01-01T00:00:00Z");
      std::vector<std::int64_t> referents;
      for (int r = 0; r < 30; ++r)
        referents.push_back(store::insert_user(
            sql,
            {"bench.r." + std::to_string(t) + "." + std::to_string(r), "Référent de mesure",
             "referent_social", slai, std::nullopt, std::nullopt, std::nullopt, hash},
            "2026-01-01T00:00:00Z"));
      for (int a = 0; a < 5; ++a) {
        const auto agence = store::insert_organisation(
            sql,
            {0, "Agence de mesure " + std::to_string(t) + "." + std::to_string(a),
             domain::OrgKind::agence, "00", terr, std::nullopt, std::nullopt, std::nullopt},
            "2026-01-01T00:00:00Z");
        if (!bench_agence) bench_agence = agence;
        for (int c = 0; c < 50; ++c, ++n) {
          const auto user = store::insert_user(
              sql,
              {"bench.c." + std::to_string(n), "Conseiller de mesure", "conseiller", agence,
               std::nullopt, std::nullopt, std::nullopt, hash},
              "2026-01-01T00:00:00Z");
          sql << "INSERT INTO bench_staff (n, conseiller_id, referent_id, agence_id, "
                 "territory_id, slai_id) VALUES (:n, :c, :r, :a, :t, :s)",
              soci::use(n), soci::use(user), soci::use(referents[std::size_t(n) % 30]),
              soci::use(agence), soci::use(terr), soci::use(slai);
        }
      }
    }
    store::insert_user(sql,
                       {"bench.coordo.agence", "Coordinateur de mesure", "coordinateur",
                        bench_agence, std::nullopt, std::nullopt, std::nullopt, hash},
                       "2026-01-01T00:00:00Z");
  });
  long staff = 0;
  std::int64_t first_person = 0;
  db->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM bench_staff", soci::into(staff);
    sql << "SELECT COALESCE(MAX(id), 0) FROM persons", soci::into(first_person);
  });

  const std::vector<Scope> scopes = {
      {"département (pilotage)", "pilotage.demo", "departement", "00"},
      {"territoire (coordinateur)", "coordo.demo", "", ""},
      {"agence (coordinateur)", "bench.coordo.agence", "", ""},
      {"conseiller (lui-même)", "bench.c.7", "", ""},
  };
  app::IndicatorService service(ctx);
  const app::Origin origin{"bench", "127.0.0.1"};
  const auto pack = [&](const Scope& s) {
    const auto user = db->with_session(
        [&](soci::session& sql) { return store::find_user_by_login(sql, s.login); });
    const auto actor = store::to_actor(*user);
    app::IndicatorQuery q;
    if (!s.scope.empty()) q.scope = s.scope, q.id = s.id;
    q.from = "2026-10-01";
    q.to = "2026-12-31";
    return [&service, &origin, actor, q] { return service.compute(actor, q, origin); };
  };

  // Baselines, before the bulk load: a round trip, and the pack over the demo base.
  const auto select1 = time_runs(runs, [&] {
    db->with_session([](soci::session& sql) {
      int one = 0;
      sql << "SELECT 1", soci::into(one);
    });
  });
  std::vector<Timing> empty;
  for (const auto& s : scopes) empty.push_back(time_runs(runs, pack(s)));

  // The bulk load.
  const auto load_start = Clock::now();
  const std::string k = "(p.id - " + std::to_string(first_person) + ")";
  const std::string start = "((p.id * 7919) % 365)";  // day of 2026 the support starts
  const std::string exit_offset = "(" + start + " + 60 + (p.id * 13) % 300)";
  db->transaction([&](soci::session& sql) {
    sql << "INSERT INTO persons (last_name, first_name, birth_date, street, postal_code, "
           "commune, brsa, rqth, family_situation, dependent_children, departement, "
           "territory_id, agence_id, conseiller_id, referent_social_id, search_key, created_at, "
           "updated_at) SELECT 'MESURE', 'Personne', " +
               d("1958-01-01", "(n.i * 37) % 17000") +
               ", '1 rue de la Mesure', '00100', 'Démoville', CASE WHEN n.i % 10 < 7 THEN 1 "
               "ELSE 0 END, CASE WHEN n.i % 10 = 9 THEN 1 ELSE 0 END, 'seul', 0, '00', "
               "s.territory_id, s.agence_id, s.conseiller_id, s.referent_id, 'mesure personne', " +
               kNow + ", " + kNow + " FROM " + series(dialect, supports) +
               " JOIN bench_staff s ON s.n = n.i % " + std::to_string(staff);
    const std::string orientation_cols =
        "INSERT INTO orientations (person_id, profile_id, profile_version_id, oriented_on, "
        "orienteur_id, side, origin, decision_mode, registered_job_seeker, social_criteria, "
        "professional_criteria, obstacles, consent_collected_by, consent_collected_on, "
        "consent_signature_on, electronic_exchange, status, created_at, updated_at) ";
    const std::string origin_of =
        "CASE p.id % 6 WHEN 0 THEN 'france_travail' WHEN 1 THEN 'service_departemental' WHEN 2 "
        "THEN 'plateforme_rsa' WHEN 3 THEN 'ccas' WHEN 4 THEN 'caf' ELSE 'autre_partenaire' END";
    const std::string oriented = d("2026-01-01", start + " - 3 - p.id % 40");
    sql << orientation_cols + "SELECT p.id, " + std::to_string(profile_id) + ", " +
               std::to_string(version_id) + ", " + oriented + ", p.conseiller_id, " +
               "'france_travail', " + origin_of +
               ", 'accord_tacite', 1, '[]', '[]', '[]', p.conseiller_id, " + oriented + ", " +
               oriented + ", 0, 'entree', " + kNow + ", " + kNow + " FROM persons p WHERE p.id > " +
               std::to_string(first_person);
    // A fifth of the persons have a second orientation, still awaiting its decision.
    const std::string pending = d("2026-01-01", "(p.id * 31) % 365");
    sql << orientation_cols + "SELECT p.id, " + std::to_string(profile_id) + ", " +
               std::to_string(version_id) + ", " + pending + ", p.conseiller_id, " +
               "'france_travail', " + origin_of +
               ", 'accord_tacite', 1, '[]', '[]', '[]', p.conseiller_id, " + pending + ", " +
               pending + ", 0, 'en_attente_decision', " + kNow + ", " + kNow +
               " FROM persons p WHERE p.id > " + std::to_string(first_person) + " AND p.id % 5 = 0";
    // Fresh statistics, or PostgreSQL plans the next joins as if the tables were empty.
    if (dialect == store::Dialect::postgres) {
      sql << "ANALYZE persons";
      sql << "ANALYZE orientations";
    }
    const std::string exited =
        "(p.id % 10 < 4 AND " + exit_offset + " <= 364)";  // exits within 2026 only
    const std::string outcome =
        "CASE (p.id / 10) % 10 WHEN 0 THEN 'emploi_cdi' WHEN 1 THEN 'emploi_cdd_plus_6' WHEN 2 "
        "THEN 'emploi_cdd_moins_6' WHEN 3 THEN 'creation_entreprise' WHEN 4 THEN "
        "'autre_sortie' WHEN 5 THEN 'service_civique' WHEN 6 THEN 'autres_suivis_ft' WHEN 7 "
        "THEN 'retrait_marche' WHEN 8 THEN 'orientation_axe3' ELSE 'reorientation_referent' END";
    sql << "INSERT INTO supports (person_id, orientation_id, profile_id, profile_version_id, "
           "start_date, initial_months, total_months, state, exit_outcome, exit_date, "
           "created_at, updated_at) SELECT p.id, o.id, o.profile_id, o.profile_version_id, " +
               d("2026-01-01", start) + ", 12, 12, CASE WHEN NOT " + exited +
               " THEN 'en_cours' WHEN (p.id / 10) % 10 < 4 THEN 'suivi_emploi' ELSE 'termine' "
               "END, CASE WHEN " +
               exited + " THEN " + outcome + " END, CASE WHEN " + exited + " THEN " +
               d("2026-01-01", exit_offset) + " END, " + kNow + ", " + kNow +
               " FROM orientations o JOIN persons p ON p.id = o.person_id WHERE p.id > " +
               std::to_string(first_person) + " AND o.status = 'entree'";
    sql << "INSERT INTO social_supports (person_id, profile_id, profile_version_id, "
           "service_org_id, state, requested_by, planned_start, start_date, total_months, "
           "created_at, updated_at) SELECT p.id, " +
               std::to_string(profile_id) + ", " + std::to_string(version_id) +
               ", s.slai_id, 'en_cours', s.referent_id, " + d("2026-01-01", start) + ", " +
               d("2026-01-01", start) + ", 12, " + kNow + ", " + kNow +
               " FROM persons p JOIN bench_staff s ON s.conseiller_id = p.conseiller_id WHERE "
               "p.id > " +
               std::to_string(first_person) + " AND p.id % 33 = 0";
  });
  if (dialect == store::Dialect::postgres)
    db->with_session([](soci::session& sql) { sql << "ANALYZE supports"; });
  // History: half support events, 30 % orientation events, 20 % appointments.
  const long support_events = events / 2, orientation_events = events * 3 / 10,
             appointments = events - support_events - orientation_events;
  const auto per = [&](long total) { return std::max(1L, (total + supports - 1) / supports); };
  db->transaction([&](soci::session& sql) {
    sql << "INSERT INTO support_events (support_id, at, user_id, kind, detail) SELECT x.id, " +
               d("2026-01-01", "(x.id * 7) % 365 + n.i") +
               " || 'T10:00:00Z', NULL, CASE n.i % 4 WHEN 0 THEN 'entree' WHEN 1 THEN "
               "'rendez_vous' WHEN 2 THEN 'bilan' ELSE 'renouvellement' END, '{}' FROM "
               "supports x JOIN " +
               series(dialect, per(support_events)) + " ON 1 = 1 WHERE x.person_id > " +
               std::to_string(first_person) + " AND (x.id * " +
               std::to_string(per(support_events)) + " + n.i) % " +
               std::to_string(per(support_events) * supports) + " < " +
               std::to_string(support_events);
  });
  db->transaction([&](soci::session& sql) {
    sql << "INSERT INTO orientation_events (orientation_id, at, user_id, kind, detail) SELECT "
           "o.id, o.oriented_on || 'T09:00:00Z', o.orienteur_id, CASE n.i % 3 WHEN 0 THEN "
           "'creee' WHEN 1 THEN 'position' ELSE 'decision' END, '{}' FROM orientations o JOIN " +
               series(dialect, 3) + " ON 1 = 1 WHERE o.person_id > " +
               std::to_string(first_person) + " AND (o.id * 3 + n.i) % " +
               std::to_string(3 * supports * 6 / 5) + " < " + std::to_string(orientation_events);
  });
  db->transaction([&](soci::session& sql) {
    sql << "INSERT INTO appointments (person_id, support_id, kind, scheduled_at, channel, "
           "created_by, created_at, updated_at) SELECT x.person_id, x.id, 'suivi', " +
               d("2026-01-01", "(x.id * 11) % 365 + n.i * 30") +
               " || 'T14:00', 'sur_site', p.conseiller_id, " + kNow + ", " + kNow +
               " FROM supports x JOIN persons p ON p.id = x.person_id JOIN " +
               series(dialect, per(appointments)) + " ON 1 = 1 WHERE x.person_id > " +
               std::to_string(first_person) + " AND (x.id * " + std::to_string(per(appointments)) +
               " + n.i) % " + std::to_string(per(appointments) * supports) + " < " +
               std::to_string(appointments);
    sql << "DROP TABLE bench_staff";
  });
  // Statistics and visibility map as a running PostgreSQL has them (autovacuum: index-only
  // scans need the latter); SQLite is left without ANALYZE, as binome leaves it.
  if (dialect == store::Dialect::postgres)
    db->with_session([](soci::session& sql) { sql << "VACUUM ANALYZE"; });
  const double load_ms = ms_since(load_start);

  long n_supports = 0, n_orientations = 0, n_events = 0;
  db->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM supports", soci::into(n_supports);
    sql << "SELECT COUNT(*) FROM orientations", soci::into(n_orientations);
    sql << "SELECT (SELECT COUNT(*) FROM support_events) + (SELECT COUNT(*) FROM "
           "orientation_events) + (SELECT COUNT(*) FROM appointments)",
        soci::into(n_events);
  });
  std::printf("base : %ld accompagnements, %ld orientations, %ld événements (chargés en %.1f s)\n",
              n_supports, n_orientations, n_events, load_ms / 1000);
  double load1 = 0;
  if (std::ifstream in("/proc/loadavg"); !(in >> load1)) load1 = -1;
  std::printf("charge moyenne (1 min) au début des mesures : %.2f\n", load1);
  // The server's CPU (PostgreSQL only): mean per call over the runs of the measure.
  const auto server = [&](const Timing& t) {
    if (server_pids.empty()) return std::string("-");
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", t.server_cpu_mean);
    return std::string(text);
  };
  std::printf("%-28s%12s%12s%14s%16s%16s%18s\n", "mesure (T4 2026)", "ms médiane", "ms max",
              "ms CPU méd.", "ms CPU serveur", "× SELECT 1", "× base vide");
  std::printf("%-28s%12.3f%12.3f%14.3f%16s%16s%18s\n", "SELECT 1 (référence)", select1.median,
              select1.max, select1.cpu_median, server(select1).c_str(), "1", "");
  for (std::size_t i = 0; i < scopes.size(); ++i) {
    const auto t = time_runs(runs, pack(scopes[i]));
    std::printf("%-28s%12.2f%12.2f%14.2f%16s%16.0f%18.1f   (base vide : %.2f ms)\n",
                scopes[i].label.c_str(), t.median, t.max, t.cpu_median, server(t).c_str(),
                t.median / select1.median, t.median / empty[i].median, empty[i].median);
  }
  // One line for the record: the figures the pack shows on the département.
  const auto report = pack(scopes[0])();
  for (const auto& t : report.tables)
    if (t.key == "flux")
      for (const auto& r : t.rows)
        std::printf("  %s = %s\n", r.key.c_str(), domain::display_value(r).c_str());
  return 0;
}
