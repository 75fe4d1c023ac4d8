// The indicator counts are SQL aggregates (store/indicators_repo); the formulas are the
// domain's (count_indicator_facts, hand-checked in tests/unit/indicators_test.cpp). On both
// backends, over rows placed on the periods' boundaries (last and first days of quarters, 29
// February, birthdays on the last day), both must give the same counts for every scope.
#include "app/demo_data.hpp"
#include "domain/support.hpp"
#include "harness.hpp"
#include "store/binome_repo.hpp"
#include "store/indicators_repo.hpp"
#include "store/migrations.hpp"
#include "store/rgpd_repo.hpp"
#include "store/rows.hpp"

namespace binome::testing {
namespace {

using domain::Date;
using Column = store::IndicatorPersons::Column;

std::string plus_days(const std::string& iso, int days) {
  return domain::to_iso(
      Date{std::chrono::sys_days{*domain::parse_date(iso)} + std::chrono::days{days}});
}

struct Scoped {
  domain::PersonScope scope;
  domain::SupportIndicatorFact support;
};

class IndicatorsSqlTest : public ApiTest {
 protected:
  // Supports, orientations and axe 3 on the first 60 persons of the demo.
  void seed() {
    const long long c1 = user_id("conseiller.demo"), c2 = user_id("conseiller2.demo");
    const long long s1 = user_id("social.demo"), s2 = user_id("social2.demo");
    counsellors_ = {c1, c2};
    const std::vector<std::string> days = {"2024-02-29", "2025-02-28", "2025-03-01", "2025-01-01",
                                           "2025-03-31", "2025-12-31", "2026-01-01", "2026-02-15",
                                           "2026-03-31", "2026-04-01", "2025-10-01", "2025-09-30",
                                           "2024-12-31", "2025-04-01", "2026-06-30"};
    const std::vector<std::string> births = {"2000-03-31", "2000-04-01", "1976-03-31", "1976-04-01",
                                             "1999-12-31", "2000-01-01", "1975-12-31", "1990-06-15",
                                             "1960-02-29", "2004-02-29", "2026-05-01"};
    db_->transaction([&](soci::session& sql) {
      long long profile = 0, version = 0, slai = 0;
      sql << "SELECT p.id, v.id FROM convention_profiles p JOIN convention_profile_versions v ON "
             "v.profile_id = p.id WHERE p.departement = '00'",
          soci::into(profile), soci::into(version);
      sql << "SELECT MIN(id) FROM organisations WHERE kind = 'service_departemental'",
          soci::into(slai);
      std::vector<long long> persons(60);
      sql << "SELECT id FROM persons WHERE departement = '00' ORDER BY id", soci::into(persons);
      for (std::size_t i = 0; i < persons.size(); ++i) {
        const long long pid = persons[i];
        const std::string birth = births[i % births.size()];
        const int brsa = i % 3 != 0, rqth = i % 4 == 0;
        soci::indicator c_ind = i % 5 == 4 ? soci::i_null : soci::i_ok;
        soci::indicator r_ind = i % 7 == 6 ? soci::i_null : soci::i_ok;
        long long conseiller = i % 2 ? c1 : c2, referent = i % 3 ? s1 : s2;
        sql << "UPDATE persons SET birth_date = :b, brsa = :br, rqth = :rq, conseiller_id = :c, "
               "referent_social_id = :r WHERE id = :id",
            soci::use(birth), soci::use(brsa), soci::use(rqth), soci::use(conseiller, c_ind),
            soci::use(referent, r_ind), soci::use(pid);
        const std::string start = days[i % days.size()];
        const std::string oriented = plus_days(start, -int(i * 7 % 45));
        const std::string origin = i % 2 ? "france_travail" : "caf";
        long long oid = 0;
        sql << "INSERT INTO orientations (person_id, profile_id, profile_version_id, "
               "oriented_on, orienteur_id, side, origin, decision_mode, registered_job_seeker, "
               "social_criteria, professional_criteria, obstacles, consent_collected_by, "
               "consent_collected_on, consent_signature_on, electronic_exchange, status, "
               "created_at, updated_at) VALUES (:p, :pr, :v, :o, :u, 'france_travail', :origin, "
               "'accord_tacite', 1, '[]', '[]', '[]', :u2, :o2, :o3, 0, 'entree', "
               "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z') RETURNING id",
            soci::use(pid), soci::use(profile), soci::use(version), soci::use(oriented),
            soci::use(c1), soci::use(origin), soci::use(c1), soci::use(oriented),
            soci::use(oriented), soci::into(oid);
        if (i % 6 == 5) continue;  // an orientation without entry
        std::string exit_date, outcome;
        soci::indicator exit_ind = soci::i_null;
        if (i % 4 != 0) {
          exit_date =
              i % 4 == 1 ? plus_days(start, int(i * 17 % 400)) : days[(i + 3) % days.size()];
          if (exit_date < start) exit_date = start;
          outcome = std::string(domain::kExitOutcomes[i % domain::kExitOutcomes.size()].code);
          exit_ind = soci::i_ok;
        }
        sql << "INSERT INTO supports (person_id, orientation_id, profile_id, profile_version_id, "
               "start_date, initial_months, total_months, state, exit_outcome, exit_date, "
               "created_at, updated_at) VALUES (:p, :o, :pr, :v, :s, 12, 12, 'en_cours', :out, "
               ":e, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            soci::use(pid), soci::use(oid), soci::use(profile), soci::use(version),
            soci::use(start), soci::use(outcome, exit_ind), soci::use(exit_date, exit_ind);
        if (i % 5 == 0) {
          std::string ss_start = days[(i + 5) % days.size()], ss_end = days[(i + 8) % days.size()];
          soci::indicator start_ind = i % 3 == 2 ? soci::i_null : soci::i_ok;
          soci::indicator end_ind = (i % 2 && ss_end > ss_start) ? soci::i_ok : soci::i_null;
          long long service = slai;
          soci::indicator service_ind = i % 4 == 0 ? soci::i_ok : soci::i_null;
          sql << "INSERT INTO social_supports (person_id, profile_id, profile_version_id, "
                 "service_org_id, state, requested_by, planned_start, start_date, end_date, "
                 "total_months, created_at, updated_at) VALUES (:p, :pr, :v, :svc, 'en_cours', "
                 ":u, '2025-01-01', :s, :e, 12, '2026-01-01T00:00:00Z', "
                 "'2026-01-01T00:00:00Z')",
              soci::use(pid), soci::use(profile), soci::use(version),
              soci::use(service, service_ind), soci::use(s1), soci::use(ss_start, start_ind),
              soci::use(ss_end, end_ind);
        }
      }
    });
  }

  // The reference: every row of the département read as facts, then kept by `keep`.
  domain::IndicatorFacts facts(const std::function<bool(const domain::PersonScope&)>& keep) {
    domain::IndicatorFacts f;
    f.counsellors = counsellors_;
    const std::string person =
        " JOIN persons p ON p.id = x.person_id LEFT JOIN users su ON su.id = "
        "p.referent_social_id WHERE p.departement = '00'";
    const auto scope_of = [](const soci::row& r) {
      domain::PersonScope s;
      s.conseiller_id = store::opt_i64(r, 0);
      s.referent_social_id = store::opt_i64(r, 1);
      s.referent_social_org_id = store::opt_i64(r, 2);
      s.territory_id = store::opt_i64(r, 3);
      s.agence_id = store::opt_i64(r, 4);
      s.departement = store::str(r, 5);
      return s;
    };
    const std::string cols =
        "SELECT p.conseiller_id, p.referent_social_id, su.organisation_id, p.territory_id, "
        "p.agence_id, p.departement, ";
    db_->with_session([&](soci::session& sql) {
      soci::rowset<soci::row> supports =
          sql.prepare << cols +
                             "p.brsa, p.rqth, p.birth_date, o.oriented_on, x.start_date, "
                             "x.exit_date, x.exit_outcome FROM supports x JOIN orientations "
                             "o ON o.id = x.orientation_id" +
                             person;
      for (const auto& r : supports) {
        const auto s = scope_of(r);
        if (!keep(s)) continue;
        f.supports.push_back({s.conseiller_id.value_or(0), s.referent_social_id.value_or(0),
                              store::flag(r, 6), store::flag(r, 7), store::str(r, 8),
                              store::str(r, 9), store::str(r, 10), store::opt_str(r, 11),
                              store::opt_str(r, 12)});
      }
      soci::rowset<soci::row> orientations =
          sql.prepare << cols + "x.oriented_on, x.origin FROM orientations x" + person;
      for (const auto& r : orientations)
        if (keep(scope_of(r))) f.orientations.push_back({store::str(r, 6), store::str(r, 7)});
      soci::rowset<soci::row> social = sql.prepare
                                       << cols +
                                              "x.service_org_id, x.start_date, x.end_date FROM "
                                              "social_supports x" +
                                              person;
      for (const auto& r : social)
        if (keep(scope_of(r)))
          f.social_supports.push_back(
              {store::opt_i64(r, 6).value_or(0), store::opt_str(r, 7), store::opt_str(r, 8)});
    });
    return f;
  }

  void expect_same(const store::IndicatorPersons& persons,
                   const std::function<bool(const domain::PersonScope&)>& keep,
                   const std::string& what) {
    const auto f = facts(keep);
    for (const auto& [from, to] :
         std::vector<std::pair<std::string, std::string>>{{"2026-01-01", "2026-03-31"},
                                                          {"2025-10-01", "2025-12-31"},
                                                          {"2025-02-28", "2025-02-28"},
                                                          {"2025-01-01", "2025-12-31"},
                                                          {"2026-03-31", "2026-04-01"},
                                                          {"2025-04-01", "2025-06-30"}}) {
      const domain::Period p{*domain::parse_date(from), *domain::parse_date(to)};
      const auto want = domain::count_indicator_facts(f, p);
      const auto got = db_->with_session([&](soci::session& sql) {
        return store::count_indicators(sql, persons, p, counsellors_);
      });
      const auto at = what + " " + from + "–" + to;
      EXPECT_EQ(got.entries, want.entries) << at;
      EXPECT_EQ(got.exits, want.exits) << at;
      EXPECT_EQ(got.in_progress, want.in_progress) << at;
      EXPECT_EQ(got.brsa, want.brsa) << at;
      EXPECT_EQ(got.rqth, want.rqth) << at;
      EXPECT_EQ(got.under26, want.under26) << at;
      EXPECT_EQ(got.from26to49, want.from26to49) << at;
      EXPECT_EQ(got.over50, want.over50) << at;
      EXPECT_EQ(got.entry_delays, want.entry_delays) << at;
      EXPECT_EQ(got.time_in_support, want.time_in_support) << at;
      EXPECT_EQ(got.cohort, want.cohort) << at;
      EXPECT_EQ(got.cohort_employed, want.cohort_employed) << at;
      EXPECT_EQ(got.exits_by_outcome, want.exits_by_outcome) << at;
      EXPECT_EQ(got.portfolio, want.portfolio) << at;
      EXPECT_EQ(got.binomes, want.binomes) << at;
      EXPECT_EQ(got.orientations_by_origin, want.orientations_by_origin) << at;
      EXPECT_EQ(got.orientations, want.orientations) << at;
      EXPECT_EQ(got.axe3_started, want.axe3_started) << at;
      EXPECT_EQ(got.axe3_ongoing, want.axe3_ongoing) << at;
      EXPECT_EQ(got.axe3_started_year, want.axe3_started_year) << at;
      EXPECT_EQ(got.axe3_started_year_by_service, want.axe3_started_year_by_service) << at;
    }
  }

  std::vector<std::int64_t> counsellors_;
};

// Rows whose copy of the fiche (migration 0017) differs from their person or orientation: the
// indicator counts read the copies, so there must be none after any write.
long long copies_out_of_step(soci::session& sql) {
  const auto differs = [](const std::string& a, const std::string& b) {
    return "COALESCE(" + a + ", -1) <> COALESCE(" + b + ", -1)";
  };
  const auto differs_text = [](const std::string& a, const std::string& b) {
    return "COALESCE(" + a + ", '?') <> COALESCE(" + b + ", '?')";
  };
  const std::string scope = differs_text("x.person_departement", "p.departement") + " OR " +
                            differs("x.person_territory_id", "p.territory_id") + " OR " +
                            differs("x.person_agence_id", "p.agence_id") + " OR " +
                            differs("x.person_conseiller_id", "p.conseiller_id") + " OR " +
                            differs("x.person_referent_social_id", "p.referent_social_id");
  long long supports = 0, orientations = 0, social = 0;
  sql << "SELECT COUNT(*) FROM supports x JOIN persons p ON p.id = x.person_id JOIN orientations "
         "o ON o.id = x.orientation_id WHERE " +
             scope + " OR " + differs("x.person_brsa", "p.brsa") + " OR " +
             differs("x.person_rqth", "p.rqth") + " OR " +
             differs_text("x.person_birth_date", "p.birth_date") + " OR " +
             differs_text("x.oriented_on", "o.oriented_on"),
      soci::into(supports);
  sql << "SELECT COUNT(*) FROM orientations x JOIN persons p ON p.id = x.person_id WHERE " + scope,
      soci::into(orientations);
  sql << "SELECT COUNT(*) FROM social_supports x JOIN persons p ON p.id = x.person_id WHERE " +
             scope,
      soci::into(social);
  return supports + orientations + social;
}

TEST_P(IndicatorsSqlTest, SqlCountsEqualTheFormulasForEveryScope) {
  seed();
  const auto c1 = user_id("conseiller.demo");
  long long north = 0, agence = 0, slai = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT id FROM territories WHERE name = 'Territoire Nord'", soci::into(north);
    sql << "SELECT MIN(id) FROM organisations WHERE kind = 'agence'", soci::into(agence);
    sql << "SELECT MIN(id) FROM organisations WHERE kind = 'service_departemental'",
        soci::into(slai);
  });
  const auto facts_count = facts([](const domain::PersonScope&) { return true; });
  ASSERT_GE(facts_count.supports.size(), 45u);

  store::IndicatorPersons dep{"00", {}};
  expect_same(
      dep, [](const auto&) { return true; }, "département");
  expect_same(
      {"00", {{Column::territory, north}}},
      [&](const domain::PersonScope& s) { return s.territory_id == north; }, "territoire");
  expect_same(
      {"00", {{Column::agence, agence}}},
      [&](const domain::PersonScope& s) { return s.agence_id == agence; }, "agence");
  expect_same(
      {"00", {{Column::conseiller, c1}}},
      [&](const domain::PersonScope& s) { return s.conseiller_id == c1; }, "conseiller");
  // A territory coordinateur asking for an agence: both conditions hold.
  expect_same(
      {"00", {{Column::agence, agence}, {Column::territory, north}}},
      [&](const domain::PersonScope& s) {
        return s.agence_id == agence && s.territory_id == north;
      },
      "agence ∩ territoire");
  expect_same(
      {"00", {{Column::referent_org, slai}}},
      [&](const domain::PersonScope& s) { return s.referent_social_org_id == slai; },
      "organisation du référent");
  expect_same(
      {"99", {}}, [](const auto&) { return false; }, "autre département");
}

// The counts read the supports' and orientations' copies of the fiche: after a binôme change
// (counsellor reassigned), a person moved to another territory and agence, a typology edit,
// an anonymisation, an orientation re-dated and a copy overwritten by hand, the copies still
// follow the fiche and the counts still equal the formulas, exits after the period included.
TEST_P(IndicatorsSqlTest, CountsFollowTheFicheAfterEveryKindOfChange) {
  seed();
  const auto c1 = user_id("conseiller.demo"), c2 = user_id("conseiller2.demo");
  long long north = 0, agence = 0, other_agence = 0;
  std::vector<long long> persons(60);
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT id FROM territories WHERE name = 'Territoire Nord'", soci::into(north);
    sql << "SELECT MIN(id) FROM organisations WHERE kind = 'agence'", soci::into(agence);
    sql << "SELECT MAX(id) FROM organisations WHERE kind = 'agence'", soci::into(other_agence);
    sql << "SELECT id FROM persons WHERE departement = '00' ORDER BY id", soci::into(persons);
  });
  ASSERT_NE(agence, other_agence);
  const auto before = db_->with_session([&](soci::session& sql) {
    return store::count_indicators(
        sql, {"00", {{Column::conseiller, c1}}},
        {*domain::parse_date("2026-01-01"), *domain::parse_date("2026-03-31")}, counsellors_);
  });
  db_->transaction([&](soci::session& sql) {
    // The binôme change path: every second person goes to the other counsellor.
    for (std::size_t i = 0; i < persons.size(); i += 2)
      store::set_person_referents(sql, persons[i], i % 4 ? c1 : c2, std::nullopt,
                                  "2026-11-18T10:00:00Z");
    // A fiche edit: territory, agence, typology and birth date.
    for (std::size_t i = 1; i < persons.size(); i += 3) {
      const long long pid = persons[i], terr = north, ag = i % 2 ? agence : other_agence;
      sql << "UPDATE persons SET territory_id = :t, agence_id = :a, brsa = 1 - brsa, rqth = 1 - "
             "rqth, birth_date = '1976-04-01' WHERE id = :p",
          soci::use(terr), soci::use(ag), soci::use(pid);
    }
    store::anonymise_person(sql, persons[5], "2026-11-18T10:00:00Z");
    // Exits after the first quarter of 2026 for supports started before it.
    sql << "UPDATE supports SET exit_date = '2026-05-15', exit_outcome = 'emploi_cdi' WHERE "
           "exit_date IS NULL AND start_date < '2026-03-31'";
    // An orientation re-dated, and a copy written by hand: both are brought back to the truth.
    sql << "UPDATE orientations SET oriented_on = '2025-12-01' WHERE id = (SELECT "
           "MIN(orientation_id) "
           "FROM supports)";
    sql << "UPDATE supports SET person_conseiller_id = NULL, person_birth_date = '1900-01-01'";
    sql << "UPDATE orientations SET person_departement = '99'";
    sql << "UPDATE social_supports SET person_territory_id = NULL";
  });
  EXPECT_EQ(db_->with_session(copies_out_of_step), 0);

  const auto after = db_->with_session([&](soci::session& sql) {
    return store::count_indicators(
        sql, {"00", {{Column::conseiller, c1}}},
        {*domain::parse_date("2026-01-01"), *domain::parse_date("2026-03-31")}, counsellors_);
  });
  EXPECT_NE(after.in_progress + after.entries, before.in_progress + before.entries)
      << "the reassigned supports moved to the other counsellor";
  expect_same(
      {"00", {}}, [](const auto&) { return true; }, "département après changements");
  expect_same(
      {"00", {{Column::territory, north}}},
      [&](const domain::PersonScope& s) { return s.territory_id == north; },
      "territoire après changements");
  expect_same(
      {"00", {{Column::agence, other_agence}}},
      [&](const domain::PersonScope& s) { return s.agence_id == other_agence; },
      "agence après changements");
  expect_same(
      {"00", {{Column::conseiller, c1}}},
      [&](const domain::PersonScope& s) { return s.conseiller_id == c1; },
      "conseiller après changements");
  expect_same(
      {"00", {{Column::conseiller, c2}}},
      [&](const domain::PersonScope& s) { return s.conseiller_id == c2; },
      "autre conseiller après changements");
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorsSqlTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

// Migration 0017 on a base that already holds supports and orientations: the copies are
// filled from the fiches, and the indicator counts see every row.
class IndicatorCopiesMigrationTest : public ::testing::TestWithParam<std::string> {};

TEST_P(IndicatorCopiesMigrationTest, TheMigrationFillsTheCopiesOfExistingRows) {
  TestDatabase testdb(GetParam());
  if (!testdb.available()) GTEST_SKIP() << testdb.skip_reason;
  auto db = store::Database::open(testdb.url(), 1);
  // Every migration but 0017 (and 0023, which indexes its copies), then data written the way
  // the code before it wrote them.
  EXPECT_EQ(store::schema_version(*db), 0);  // creates the version table
  db->with_session([](soci::session& sql) {
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (17, 'plus tard', "
           "'x')";
    sql << "INSERT INTO schema_migrations (version, name, applied_at) VALUES (23, 'plus tard', "
           "'x')";
  });
  store::migrate(*db);
  FakeClock clock;
  app::Context ctx{*db, clock, {}};
  app::load_demo(ctx, kDemoPassword);
  long long supports = 0, orientations = 0;
  db->transaction([&](soci::session& sql) {
    long long profile = 0, version = 0, orienteur = 0, slai = 0;
    sql << "SELECT p.id, v.id FROM convention_profiles p JOIN convention_profile_versions v ON "
           "v.profile_id = p.id WHERE p.departement = '00'",
        soci::into(profile), soci::into(version);
    sql << "SELECT id FROM users WHERE login = 'conseiller.demo'", soci::into(orienteur);
    sql << "SELECT MIN(id) FROM organisations WHERE kind = 'service_departemental'",
        soci::into(slai);
    std::vector<long long> persons(8);
    sql << "SELECT id FROM persons WHERE departement = '00' ORDER BY id", soci::into(persons);
    for (const long long pid : persons) {
      long long oid = 0;
      sql << "INSERT INTO orientations (person_id, profile_id, profile_version_id, oriented_on, "
             "orienteur_id, side, origin, decision_mode, registered_job_seeker, social_criteria, "
             "professional_criteria, obstacles, consent_collected_by, consent_collected_on, "
             "consent_signature_on, electronic_exchange, status, created_at, updated_at) VALUES "
             "(:p, :pr, :v, '2026-02-01', :u, 'france_travail', 'caf', 'accord_tacite', 1, "
             "'[]', '[]', '[]', :u2, '2026-02-01', '2026-02-01', 0, 'entree', "
             "'2026-02-01T00:00:00Z', '2026-02-01T00:00:00Z') RETURNING id",
          soci::use(pid), soci::use(profile), soci::use(version), soci::use(orienteur),
          soci::use(orienteur), soci::into(oid);
      sql << "INSERT INTO supports (person_id, orientation_id, profile_id, profile_version_id, "
             "start_date, initial_months, total_months, state, created_at, updated_at) VALUES "
             "(:p, :o, :pr, :v, '2026-02-20', 12, 12, 'en_cours', '2026-02-20T00:00:00Z', "
             "'2026-02-20T00:00:00Z')",
          soci::use(pid), soci::use(oid), soci::use(profile), soci::use(version);
      sql << "INSERT INTO social_supports (person_id, profile_id, profile_version_id, "
             "service_org_id, state, requested_by, planned_start, start_date, total_months, "
             "created_at, updated_at) VALUES (:p, :pr, :v, :s, 'en_cours', :u, '2026-03-01', "
             "'2026-03-01', 12, '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z')",
          soci::use(pid), soci::use(profile), soci::use(version), soci::use(slai),
          soci::use(orienteur);
    }
  });
  db->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM supports", soci::into(supports);
    sql << "SELECT COUNT(*) FROM orientations", soci::into(orientations);
    sql << "DELETE FROM schema_migrations WHERE version IN (17, 23)";
  });
  ASSERT_GT(supports, 0);
  ASSERT_GT(orientations, 0);
  EXPECT_EQ(store::migrate(*db), 2);
  long long filled_supports = 0, filled_orientations = 0;
  db->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM supports WHERE person_departement IS NOT NULL AND oriented_on "
           "IS NOT NULL",
        soci::into(filled_supports);
    sql << "SELECT COUNT(*) FROM orientations WHERE person_departement IS NOT NULL",
        soci::into(filled_orientations);
  });
  EXPECT_EQ(filled_supports, supports);
  EXPECT_EQ(filled_orientations, orientations);
  EXPECT_EQ(db->with_session(copies_out_of_step), 0);
  // The indicators see the rows written before the migration.
  const auto counts = db->with_session([](soci::session& sql) {
    return store::count_indicators(
        sql, {"00", {}}, {*domain::parse_date("2026-01-01"), *domain::parse_date("2026-03-31")},
        {});
  });
  EXPECT_EQ(counts.entries, 8);
  EXPECT_EQ(counts.in_progress, 8);
  long long oriented_in_quarter = 0;
  db->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM orientations o JOIN persons p ON p.id = o.person_id WHERE "
           "p.departement = '00' AND o.oriented_on BETWEEN '2026-01-01' AND '2026-03-31'",
        soci::into(oriented_in_quarter);
  });
  EXPECT_GE(oriented_in_quarter, 8);
  EXPECT_EQ(counts.orientations, oriented_in_quarter);
  EXPECT_EQ(counts.axe3_started, 8);
}

INSTANTIATE_TEST_SUITE_P(Backends, IndicatorCopiesMigrationTest,
                         ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace binome::testing
