#include "app/synthetic_data.hpp"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string_view>

#include "app/guards.hpp"
#include "domain/organisation.hpp"
#include "domain/support.hpp"
#include "domain/text.hpp"
#include "store/orgs_repo.hpp"

namespace binome::app {
namespace {

constexpr const char* kDep = "00";
// Persons per transaction: small enough to report progress, large enough that the commit
// cost vanishes.
constexpr int kBatchPersons = 10000;
// Persons per group of INSERT statements (one statement per table and group).
constexpr int kPersonsPerInsert = 250;

constexpr std::array kLastNames{
    "Martin",  "Bernard", "Thomas",  "Petit",  "Robert",  "Richard",  "Durand",   "Dubois",
    "Moreau",  "Laurent", "Simon",   "Michel", "Lefèvre", "Leroy",    "Roux",     "David",
    "Morel",   "Girard",  "Bonnet",  "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Mercier", "Blanc",   "Guérin",  "Boyer",  "Garnier", "Legrand",  "Perrin",   "Robin",
    "Clément", "Morin",   "Nicolas", "Henry",  "Masson",  "Duval",    "Denis",    "Lemaire",
    "Noël",    "Meyer",   "Dufour",  "Brun",   "Giraud",  "Joly",     "Benali",   "Traoré"};
constexpr std::array kFirstNames{
    "Camille", "Léa",     "Manon",    "Chloé",    "Inès",   "Sarah",   "Emma",    "Jade",
    "Louise",  "Zoé",     "Nathalie", "Isabelle", "Sylvie", "Céline",  "Aurélie", "Lucas",
    "Hugo",    "Nathan",  "Théo",     "Enzo",     "Louis",  "Gabriel", "Karim",   "Mehdi",
    "Thierry", "Olivier", "Franck",   "Jérôme",   "Kévin",  "Hélène",  "Noémie",  "Maël"};
constexpr std::array kStreets{"rue des Lilas",     "avenue de la République", "rue du Moulin",
                              "chemin des Vignes", "rue Victor-Hugo",         "rue de la Gare"};

// A fixed sequence: every synthetic database of the same size holds the same data.
struct Sequence {
  unsigned long long state = 9102026ULL;
  unsigned next(unsigned bound) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<unsigned>((state >> 33) % bound);
  }
  int between(int lo, int hi) {
    return lo + static_cast<int>(next(static_cast<unsigned>(hi - lo + 1)));
  }
};

// One row of literal values. The values are generated here, never typed by anyone; text is
// quoted all the same.
class Values {
 public:
  Values& n(long long v) {
    sep();
    s_ += std::to_string(v);
    return *this;
  }
  Values& t(std::string_view v) {
    sep();
    s_ += '\'';
    for (char c : v) {
      if (c == '\'') s_ += '\'';
      s_ += c;
    }
    s_ += '\'';
    return *this;
  }
  Values& null() {
    sep();
    s_ += "NULL";
    return *this;
  }
  const std::string& str() const { return s_; }

 private:
  void sep() {
    if (!s_.empty()) s_ += ',';
  }
  std::string s_;
};

// Multi-row INSERTs: one statement per few hundred rows, which is what makes the load fast on
// PostgreSQL (one round trip) and on SQLite (one parse). The caller flushes, parents first.
class BulkInsert {
 public:
  BulkInsert(store::Database& db, soci::session& sql, std::string table, std::string columns)
      : db_(db), sql_(sql), head_("INSERT INTO " + table + " (" + columns + ") VALUES ") {}
  ~BulkInsert() = default;
  void add(const Values& v) {
    buf_ += rows_ ? ",(" : "(";
    buf_ += v.str();
    buf_ += ')';
    ++rows_;
  }
  void flush() {
    if (rows_ == 0) return;
    db_.exec_script(sql_, head_ + buf_);
    buf_.clear();
    rows_ = 0;
  }

 private:
  store::Database& db_;
  soci::session& sql_;
  std::string head_, buf_;
  int rows_ = 0;
};

long long next_id(soci::session& sql, const std::string& table) {
  long long id = 0;
  sql << "SELECT COALESCE(MAX(id), 0) FROM " + table, soci::into(id);
  return id + 1;
}

long long lookup(soci::session& sql, const std::string& query) {
  long long id = 0;
  sql << query, soci::into(id);
  return id;
}

struct Territory {
  std::int64_t id = 0;
  std::array<std::int64_t, 2> agences{};
  std::int64_t slai = 0;
  std::vector<std::int64_t> conseillers[2];  // per agence
  std::vector<std::int64_t> sociaux;
  std::size_t next_conseiller[2]{}, next_social = 0;
};

}  // namespace

bool database_is_empty(Context& ctx) {
  return ctx.db.with_session([](soci::session& sql) {
    long long users = 0, persons = 0;
    sql << "SELECT COUNT(*) FROM users", soci::into(users);
    sql << "SELECT COUNT(*) FROM persons", soci::into(persons);
    return users == 0 && persons == 0;
  });
}

SyntheticResult load_synthetic(Context& ctx, int persons, int users,
                               const std::string& password_hash,
                               const std::function<void(const std::string&)>& progress) {
  SyntheticResult result;
  const std::string now = ctx.now_iso();
  const auto today = std::chrono::sys_days{app::today(ctx)};
  auto day = [&](int offset) {
    return domain::to_iso(domain::Date{today + std::chrono::days{offset}});
  };
  auto date_plus = [](const std::string& iso, int days) {
    return domain::to_iso(
        domain::Date{std::chrono::sys_days{*domain::parse_date(iso)} + std::chrono::days{days}});
  };
  auto months_later = [](const std::string& iso, int months) {
    return domain::to_iso(domain::plus_months(*domain::parse_date(iso), months));
  };
  Sequence seq;
  auto& db = ctx.db;

  // Territories, agences and SLAI: one territory per 500 users, at least two.
  const int territory_count = std::max(2, users / 500);
  std::vector<Territory> territories(static_cast<std::size_t>(territory_count));
  long long profile_id = 0, version_id = 0, cd = 0, dt = 0;
  db.transaction([&](soci::session& sql) {
    profile_id = lookup(sql, "SELECT id FROM convention_profiles WHERE code = '00-2026'");
    version_id = lookup(sql, "SELECT MAX(id) FROM convention_profile_versions WHERE profile_id = " +
                                 std::to_string(profile_id));
    cd = lookup(sql,
                "SELECT id FROM organisations WHERE kind = 'departement' AND departement = '00'");
    dt = lookup(sql,
                "SELECT id FROM organisations WHERE kind = 'ft_direction' AND departement = '00'");
    for (int t = 0; t < territory_count; ++t) {
      char name[64];
      auto& terr = territories[static_cast<std::size_t>(t)];
      std::snprintf(name, sizeof name, "Territoire synthétique %02d", t + 1);
      terr.id = store::insert_territory(sql, kDep, name);
      for (int a = 0; a < 2; ++a) {
        std::snprintf(name, sizeof name, "Agence France Travail synthétique %02d-%c", t + 1,
                      'A' + a);
        terr.agences[static_cast<std::size_t>(a)] = store::insert_organisation(
            sql, {0, name, domain::OrgKind::agence, kDep, terr.id, dt, {}, {}}, now);
      }
      std::snprintf(name, sizeof name, "SLAI synthétique %02d", t + 1);
      terr.slai = store::insert_organisation(
          sql, {0, name, domain::OrgKind::service_departemental, kDep, terr.id, cd, {}, {}}, now);
    }
  });

  // Users: 48 % conseillers, 49 % référents sociaux, 2 % coordinateurs, 1 % pilotage.
  db.transaction([&](soci::session& sql) {
    long long id = next_id(sql, "users");
    BulkInsert bulk(db, sql, "users",
                    "id, login, display_name, role, organisation_id, function_title, phone, email, "
                    "password_hash, active, created_at");
    int counts[4] = {0, 0, 0, 0};
    for (int u = 0; u < users; ++u, ++id) {
      const int slot = u % 100;
      auto& terr = territories[static_cast<std::size_t>((u / 100 + u) % territory_count)];
      const char* role;
      const char* prefix;
      const char* title;
      long long org;
      int kind;
      if (slot < 2) {
        role = "coordinateur", prefix = "coordo", title = "Chef de SLAI", org = terr.slai, kind = 0;
      } else if (slot < 3) {
        role = "pilotage", prefix = "pilotage", title = "Chargée de mission insertion", org = cd,
        kind = 1;
      } else if (slot < 51) {
        kind = 2, role = "conseiller", prefix = "conseiller",
        title = "Conseiller dédié accompagnement global";
        const auto a = static_cast<std::size_t>(u % 2);
        org = terr.agences[a];
        terr.conseillers[a].push_back(id);
      } else {
        kind = 3, role = "referent_social", prefix = "social", title = "Assistante sociale",
        org = terr.slai;
        terr.sociaux.push_back(id);
      }
      char login[48], phone[24];
      std::snprintf(login, sizeof login, "%s.s%05d", prefix, ++counts[kind]);
      std::snprintf(phone, sizeof phone, "01 98 %02d %02d %02d", u / 10000 % 100, u / 100 % 100,
                    u % 100);
      if (kind == 2 && counts[kind] == 1) result.first_conseiller = login;
      const std::string display = std::string(kFirstNames[seq.next(kFirstNames.size())]) + " " +
                                  kLastNames[seq.next(kLastNames.size())];
      bulk.add(Values()
                   .n(id)
                   .t(login)
                   .t(display)
                   .t(role)
                   .n(org)
                   .t(title)
                   .t(phone)
                   .t(std::string(login) + "@example.org")
                   .t(password_hash)
                   .n(1)
                   .t(now));
      ++result.users;
      if (result.users % kPersonsPerInsert == 0) bulk.flush();
    }
    bulk.flush();
  });
  // A territory without a conseiller or a référent social (very few users) borrows one.
  for (auto& terr : territories) {
    for (auto& list : terr.conseillers)
      if (list.empty())
        for (auto& other : territories)
          if (!other.conseillers[0].empty()) list.push_back(other.conseillers[0].front());
    if (terr.sociaux.empty())
      for (auto& other : territories)
        if (!other.sociaux.empty()) terr.sociaux.push_back(other.sociaux.front());
  }
  progress(std::to_string(result.users) + " utilisateurs, " + std::to_string(territory_count) +
           " territoires.");

  long long person_id = 0, binome_id = 0, orientation_id = 0, o_event_id = 0, support_id = 0,
            s_event_id = 0, appointment_id = 0, task_id = 0;
  db.with_session([&](soci::session& sql) {
    person_id = next_id(sql, "persons");
    binome_id = next_id(sql, "binome_assignments");
    orientation_id = next_id(sql, "orientations");
    o_event_id = next_id(sql, "orientation_events");
    support_id = next_id(sql, "supports");
    s_event_id = next_id(sql, "support_events");
    appointment_id = next_id(sql, "appointments");
    task_id = next_id(sql, "tasks");
  });

  for (int done = 0; done < persons;) {
    const int batch_end = std::min(persons, done + kBatchPersons);
    db.transaction([&](soci::session& sql) {
      BulkInsert person_rows(
          db, sql, "persons",
          "id, last_name, first_name, birth_date, street, postal_code, commune, phone, email, "
          "consent_electronic, ft_id, caf_id, brsa, rqth, family_situation, dependent_children, "
          "departement, territory_id, agence_id, conseiller_id, referent_social_id, search_key, "
          "created_at, updated_at");
      BulkInsert binome_rows(db, sql, "binome_assignments",
                             "id, person_id, conseiller_id, referent_social_id, reason, at, "
                             "by_user_id");
      BulkInsert orientation_rows(
          db, sql, "orientations",
          "id, person_id, profile_id, profile_version_id, oriented_on, orienteur_id, side, origin, "
          "decision_mode, registered_job_seeker, social_criteria, professional_criteria, "
          "obstacles, consent_collected_by, consent_collected_on, consent_signature_on, "
          "electronic_exchange, status, ft_position, ft_position_by, ft_position_at, "
          "dep_position, dep_position_by, dep_position_at, decision, decision_reason, "
          "planned_start_on, decided_by, decided_at, created_at, updated_at");
      BulkInsert o_event_rows(db, sql, "orientation_events",
                              "id, orientation_id, at, user_id, kind, detail");
      BulkInsert support_rows(
          db, sql, "supports",
          "id, person_id, orientation_id, profile_id, profile_version_id, start_date, "
          "initial_months, total_months, renewals, state, last_bilan_result, last_bilan_on, "
          "bilan_since_period_start, exit_outcome, exit_date, followup_end, created_at, "
          "updated_at");
      BulkInsert s_event_rows(db, sql, "support_events",
                              "id, support_id, at, user_id, kind, detail");
      BulkInsert appointment_rows(db, sql, "appointments",
                                  "id, person_id, support_id, kind, scheduled_at, channel, "
                                  "place_org_id, attendance, created_by, created_at, updated_at");
      BulkInsert task_rows(db, sql, "tasks",
                           "id, user_id, person_id, orientation_id, support_id, kind, created_at");

      // Parents before children: the foreign keys are checked statement by statement.
      auto flush_all = [&] {
        for (auto* b : {&person_rows, &binome_rows, &orientation_rows, &o_event_rows, &support_rows,
                        &s_event_rows, &appointment_rows, &task_rows})
          b->flush();
      };
      for (int i = done; i < batch_end; ++i, ++person_id) {
        if ((i - done) % kPersonsPerInsert == 0) flush_all();
        auto& terr = territories[static_cast<std::size_t>(i % territory_count)];
        const auto a = static_cast<std::size_t>(seq.next(2));
        const auto& cons_list = terr.conseillers[a];
        const long long conseiller = cons_list[terr.next_conseiller[a]++ % cons_list.size()];
        // A handful of users may leave no référent social at all.
        const bool has_social = !terr.sociaux.empty() && seq.next(100) < 85;
        const long long social =
            has_social ? terr.sociaux[terr.next_social++ % terr.sociaux.size()] : 0;

        const std::string last = kLastNames[seq.next(kLastNames.size())];
        const std::string first = kFirstNames[seq.next(kFirstNames.size())];
        char buf[64];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", 1960 + seq.between(0, 45),
                      seq.between(1, 12), seq.between(1, 28));
        const std::string birth = buf;
        std::snprintf(buf, sizeof buf, "%07d%c", 1000000 + i, char('A' + seq.next(26)));
        const std::string ft_id = buf;
        const int t_index = i % territory_count;
        const int commune_index = seq.between(0, 4);
        std::snprintf(buf, sizeof buf, "%05d", 300 + t_index * 10 + commune_index);
        const std::string postal = buf;
        std::snprintf(buf, sizeof buf, "Commune synthétique %02d-%d", t_index + 1,
                      commune_index + 1);
        const std::string commune = buf;
        const bool consent = seq.next(10) < 4;
        const bool brsa = seq.next(100) < 70;
        Values p;
        p.n(person_id).t(last).t(first).t(birth);
        p.t(std::to_string(seq.between(1, 150)) + " " + kStreets[seq.next(kStreets.size())]);
        std::snprintf(buf, sizeof buf, "06 %02d %02d %02d %02d", i / 1000000 % 100, i / 10000 % 100,
                      i / 100 % 100, i % 100);
        p.t(postal).t(commune).t(buf);
        if (consent)
          p.t("personne" + std::to_string(person_id) + "@example.org");
        else
          p.null();
        p.n(consent).t(ft_id);
        if (seq.next(10) < 7)
          p.t(std::to_string(2000000 + i));
        else
          p.null();
        p.n(brsa).n(seq.next(100) < 10).t(seq.next(2) ? "seul" : "en_couple").n(seq.next(4));
        p.t(kDep).n(terr.id).n(terr.agences[a]).n(conseiller);
        if (has_social)
          p.n(social);
        else
          p.null();
        p.t(domain::fold_for_search(last + " " + first + " " + ft_id)).t(now).t(now);
        person_rows.add(p);
        ++result.persons;

        Values b;
        b.n(binome_id++).n(person_id).n(conseiller);
        if (has_social)
          b.n(social);
        else
          b.null();
        b.t("initial").t(now).null();
        binome_rows.add(b);

        // Orientations need both referents; 55 % of those persons have one, at every step.
        if (!has_social || seq.next(100) < 45) continue;
        const unsigned step = seq.next(100);
        std::string status, oriented_on, start;
        bool dep_agrees = true, decided = false, decision_oui = true;
        int start_months = 0;
        std::string state;
        if (step < 8) {
          status = "en_attente_reponse", oriented_on = day(-seq.between(0, 30));
        } else if (step < 11) {
          status = "desaccord", oriented_on = day(-seq.between(10, 90)), dep_agrees = false;
        } else if (step < 19) {
          status = "en_attente_decision", oriented_on = day(-seq.between(0, 20));
        } else if (step < 31) {
          status = "en_attente_entree", oriented_on = day(-seq.between(0, 40)), decided = true;
          start = date_plus(oriented_on, 14);
        } else if (step < 45) {
          status = "non_retenue", oriented_on = day(-seq.between(30, 500)), decided = true,
          decision_oui = false;
        } else {
          status = "entree", decided = true;
          const unsigned s = seq.next(100);
          start_months = seq.next(2) ? 12 : 6;
          if (s < 78) {
            state = "en_cours", start = day(-seq.between(0, start_months * 30 + 20));
          } else if (s < 84) {
            state = "suivi_emploi", start = day(-seq.between(200, 400));
          } else {
            state = "termine", start = day(-seq.between(300, 700));
          }
          oriented_on = date_plus(start, -seq.between(7, 21));
        }
        const std::string at = oriented_on + "T09:00:00Z";
        const std::string decided_at = date_plus(oriented_on, 3) + "T10:00:00Z";
        Values o;
        o.n(orientation_id).n(person_id).n(profile_id).n(version_id).t(oriented_on).n(conseiller);
        o.t("france_travail").t("france_travail").t("accord_bilateral").n(1).t("sante");
        o.t("projet_a_definir")
            .t("logement")
            .n(conseiller)
            .t(oriented_on)
            .t(oriented_on)
            .n(consent);
        o.t(status).n(1).n(conseiller).t(at);
        if (status == "en_attente_reponse")
          o.null().null().null();
        else
          o.n(dep_agrees).n(social).t(date_plus(oriented_on, 2) + "T11:00:00Z");
        if (decided) {
          o.t(decision_oui ? "oui" : "non");
          if (decision_oui)
            o.null().t(start);
          else
            o.t("ne_souhaite_plus_ag").null();
          o.n(social).t(decided_at);
        } else {
          o.null().null().null().null().null();
        }
        o.t(at).t(now);
        orientation_rows.add(o);
        o_event_rows.add(Values()
                             .n(o_event_id++)
                             .n(orientation_id)
                             .t(at)
                             .n(conseiller)
                             .t("create")
                             .t("Orientation (accord bilatéral) ; consentement signé le " +
                                french_date(oriented_on)));
        if (decided)
          o_event_rows.add(Values()
                               .n(o_event_id++)
                               .n(orientation_id)
                               .t(decided_at)
                               .n(social)
                               .t("decision")
                               .t(decision_oui
                                      ? "Décision OUI : entrée prévue le " + french_date(start)
                                      : std::string("Décision NON : ne souhaite plus "
                                                    "l'accompagnement global")));
        ++result.orientations;
        const long long this_orientation = orientation_id++;
        if (status != "entree") continue;

        Values s;
        s.n(support_id).n(person_id).n(this_orientation).n(profile_id).n(version_id).t(start);
        s.n(start_months).n(start_months).n(0).t(state);
        if (state == "en_cours") {
          s.null().null().n(0).null().null().null();
        } else {
          const std::string exit =
              state == "termine" ? months_later(start, start_months) : day(-seq.between(10, 150));
          s.t("objectif_atteint").t(exit).n(1);
          s.t(state == "termine" ? "autre_sortie" : "emploi_cdi").t(exit);
          if (state == "suivi_emploi")
            s.t(months_later(exit, 6));
          else
            s.null();
        }
        s.t(start + "T10:00:00Z").t(now);
        support_rows.add(s);
        s_event_rows.add(Values()
                             .n(s_event_id++)
                             .n(support_id)
                             .t(start + "T10:00:00Z")
                             .n(social)
                             .t("entry")
                             .t("Entrée en accompagnement le " + french_date(start) + " pour " +
                                std::to_string(start_months) + " mois"));
        ++result.supports;
        if (state == "en_cours") {
          // Integration interview, a past follow-up (its attendance sometimes left to record)
          // and one to come.
          const std::string first_meeting = date_plus(start, 7);
          const std::string past = day(-seq.between(1, 40));
          const std::string future = day(seq.between(1, 30));
          struct Meeting {
            const std::string& date;
            const char* kind;
          };
          for (const Meeting m : {Meeting{first_meeting, "entretien_integration"},
                                  Meeting{past, "suivi"}, Meeting{future, "suivi"}}) {
            const bool in_past = m.date < day(0);
            const unsigned roll = seq.next(100);
            const unsigned channel = seq.next(3);
            Values ap;
            ap.n(appointment_id++).n(person_id).n(support_id).t(m.kind);
            ap.t(m.date + (channel == 0 ? "T09:30" : "T14:00"));
            ap.t(channel == 0 ? "sur_site" : channel == 1 ? "telephone" : "visio");
            if (channel == 0)
              ap.n(terr.agences[a]);
            else
              ap.null();
            if (!in_past || roll < 3)
              ap.null();
            else
              ap.t(roll < 6 ? "absent_excuse" : "present");
            ap.n(conseiller).t(now).t(now);
            appointment_rows.add(ap);
            ++result.appointments;
          }
          if (seq.next(100) < 2) {
            task_rows.add(Values()
                              .n(task_id++)
                              .n(conseiller)
                              .n(person_id)
                              .n(this_orientation)
                              .n(support_id)
                              .t("absences_repetees")
                              .t(now));
            ++result.tasks;
          }
        }
        ++support_id;
      }
      flush_all();
    });
    done = batch_end;
    progress(std::to_string(done) + " / " + std::to_string(persons) + " personnes.");
  }

  if (db.dialect() == store::Dialect::postgres)
    // Ids were given explicitly: the identity sequences resume after them.
    db.with_session([&](soci::session& sql) {
      for (const char* table : {"users", "territories", "organisations", "persons",
                                "binome_assignments", "orientations", "orientation_events",
                                "supports", "support_events", "appointments", "tasks"})
        db.exec_script(sql, std::string("SELECT setval(pg_get_serial_sequence('") + table +
                                "', 'id'), (SELECT COALESCE(MAX(id), 1) FROM " + table + "))");
    });
  // Fresh statistics, so that the planner sees the real sizes from the first query. On
  // PostgreSQL a VACUUM also marks the loaded pages all-visible, as autovacuum would after a
  // while: counts then read their index alone (a territory's persons: 2.5 ms instead of 18).
  db.with_session([&](soci::session& sql) {
    db.exec_script(sql, db.dialect() == store::Dialect::postgres ? "VACUUM (ANALYZE)" : "ANALYZE");
  });
  return result;
}

}  // namespace binome::app
