// RGPD obligations end to end on both backends: the purge with an injected clock (exactly
// what should go goes, indicators unchanged, every operation on the trail, the trail intact),
// data-subject requests (access export with the person's data and the accesses to them and
// nothing about anyone else, the dpo's « à faire », erasure restricted for an FSE-bound
// fiche), the breach register's deadline, the processing register and HSTS.
#include <Poco/Net/HTTPClientSession.h>
#include <Poco/Net/HTTPRequest.h>
#include <Poco/Net/HTTPResponse.h>
#include <Poco/URI.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "app/guards.hpp"
#include "domain/scope.hpp"
#include "harness.hpp"
#include "store/orientations_repo.hpp"
#include "store/rows.hpp"
#include "store/users_repo.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

class RgpdTest : public ApiTest {
 protected:
  domain::Actor actor(const std::string& login) {
    return db_->with_session([&](soci::session& sql) {
      return store::to_actor(*store::find_user_by_login(sql, login));
    });
  }
  std::vector<long long> persons_of(const std::string& login) {
    std::vector<long long> ids;
    db_->with_session([&](soci::session& sql) {
      soci::rowset<long long> rs =
          (sql.prepare << "SELECT p.id FROM persons p JOIN users u ON u.id = p.conseiller_id "
                          "WHERE u.login = :l ORDER BY p.id",
           soci::use(login));
      for (auto id : rs) ids.push_back(id);
    });
    return ids;
  }
  long long count(const std::string& query) {
    return db_->with_session([&](soci::session& sql) {
      long long n = 0;
      sql << query, soci::into(n);
      return n;
    });
  }
  std::string text(const std::string& query) {
    return db_->with_session([&](soci::session& sql) {
      std::string s;
      sql << query, soci::into(s);
      return s;
    });
  }
  std::string iso_today() { return domain::to_iso(app::today(*ctx_)); }

  std::int64_t orient(long long person, bool oui) {
    const app::Origin o{"test", "local"};
    domain::OrientationRequest r;
    r.origin = "france_travail";
    r.decision_mode = "accord_bilateral";
    r.registered_job_seeker = true;
    r.social_criteria = {"sante"};
    r.professional_criteria = {"projet_a_definir"};
    r.obstacles = {"logement"};
    r.consent_signature_date = iso_today();
    r.electronic_exchange = true;
    const auto c = actor("conseiller.demo");
    const auto s = actor("social.demo");
    const auto v = services_->orientations.create(c, person, r, o);
    services_->orientations.position(s, v.row.id, true, o);
    services_->orientations.decide(
        s, v.row.id, oui, oui ? std::optional(iso_today()) : std::nullopt,
        oui ? std::nullopt : std::optional<std::string>("absent_non_excuse"), o);
    return v.row.id;
  }
  void appointment(long long person) {
    domain::AppointmentRequest a;
    a.kind = "suivi";
    a.scheduled_at = iso_today() + "T10:00";
    a.channel = "telephone";
    services_->appointments.schedule(actor("conseiller.demo"), person, a, {"test", "local"});
  }
  // What indicators count: orientations by decision and supports by start year, with the
  // BRSA status of their persons.
  std::string indicators() {
    std::string out;
    db_->with_session([&](soci::session& sql) {
      soci::rowset<soci::row> rs =
          (sql.prepare << "SELECT o.decision, p.brsa, p.territory_id, COUNT(*) FROM orientations "
                          "o JOIN persons p ON p.id = o.person_id GROUP BY o.decision, p.brsa, "
                          "p.territory_id ORDER BY 1, 2, 3");
      for (const auto& r : rs)
        out += store::str(r, 0) + "/" + std::to_string(store::i64(r, 1)) + "/" +
               std::to_string(store::i64(r, 2)) + "=" + std::to_string(store::i64(r, 3)) + ";";
      soci::rowset<soci::row> ss =
          (sql.prepare << "SELECT SUBSTR(s.start_date, 1, 4), p.brsa, COUNT(*) FROM supports s "
                          "JOIN persons p ON p.id = s.person_id GROUP BY SUBSTR(s.start_date, 1, "
                          "4), p.brsa ORDER BY 1, 2");
      for (const auto& r : ss)
        out += store::str(r, 0) + "/" + std::to_string(store::i64(r, 1)) + "=" +
               std::to_string(store::i64(r, 2)) + ";";
    });
    return out;
  }
  void move_to(const char* iso_day) {
    const auto target = std::chrono::sys_days{*domain::parse_date(iso_day)} + 12h;
    clock_.advance(std::chrono::duration_cast<std::chrono::seconds>(target - clock_.now()));
  }
};

TEST_P(RgpdTest, PurgeRemovesExactlyWhatTheRulesNoLongerAllow) {
  const auto ids = persons_of("conseiller.demo");
  ASSERT_GE(ids.size(), 4u);
  const long long refused = ids[0], never_oriented = ids[1], supported = ids[2];
  orient(refused, false);
  appointment(refused);
  appointment(never_oriented);
  const auto o = orient(supported, true);
  services_->supports.enter(actor("social.demo"), o, iso_today(), 12, {"test", "local"});
  appointment(supported);
  const long long persons = count("SELECT COUNT(*) FROM persons");
  const auto before = indicators();
  const auto refused_name =
      text("SELECT last_name FROM persons WHERE id = " + std::to_string(refused));

  // 00-2026 ends on 2027-12-31; its follow-up data may stay 12 months, until 2028-12-31.
  move_to("2028-12-31");
  EXPECT_TRUE(services_->rgpd.plan().items.empty());

  move_to("2029-01-01");
  const auto plan = services_->rgpd.plan();
  std::map<long long, std::vector<std::string>> planned;
  for (const auto& i : plan.items) {
    planned[i.person_id].push_back(domain::to_string(i.category));
    EXPECT_EQ(i.convention, "00-2026");
  }
  // Refused: the fiche stays for the FSE, its appointment goes. Never oriented: no fiche,
  // everything goes. In progress: everything stays. Every other person: never oriented, no
  // follow-up data, anonymised.
  EXPECT_EQ(planned[refused], (std::vector<std::string>{"suivi"}));
  EXPECT_EQ(planned[never_oriented], (std::vector<std::string>{"suivi", "fiche"}));
  EXPECT_EQ(planned.count(supported), 0u);
  EXPECT_EQ(plan.persons_in_progress, 1);
  EXPECT_EQ(static_cast<long long>(planned.size()), persons - 1);
  EXPECT_EQ(static_cast<long long>(plan.items.size()), persons);  // 1 + 2 + (persons - 3)

  const auto report = services_->rgpd.purge_daily({"test: purge", "local"});
  EXPECT_FALSE(report.already_run_today);
  EXPECT_TRUE(services_->rgpd.purge_daily({"test: purge", "local"}).already_run_today);

  const auto id = [](long long v) { return std::to_string(v); };
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE person_id = " + id(refused)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE person_id = " + id(never_oriented)), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE person_id = " + id(supported)), 1);
  EXPECT_EQ(text("SELECT last_name FROM persons WHERE id = " + id(refused)), refused_name);
  EXPECT_EQ(text("SELECT last_name FROM persons WHERE id = " + id(never_oriented)), "ANONYME");
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE anonymised_at IS NOT NULL"), persons - 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE anonymised_at IS NOT NULL AND (street <> '' "
                  "OR phone IS NOT NULL OR email IS NOT NULL OR ft_id IS NOT NULL OR caf_id IS "
                  "NOT NULL OR first_name <> '')"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons"), persons) << "rows kept for the statistics";
  EXPECT_EQ(indicators(), before) << "past indicators unchanged";
  EXPECT_EQ(audit_count("purge.suivi"), 2);
  EXPECT_EQ(audit_count("purge.suivi", refused), 1);
  EXPECT_EQ(audit_count("purge.anonymisation"), persons - 2);
  EXPECT_EQ(audit_count("purge.run"), 1);
  EXPECT_TRUE(services_->audit.verify().ok) << "the trail is not touched";

  // An anonymised person is no longer shown, even to its referent.
  auto c = logged_in("conseiller.demo");
  EXPECT_EQ(c.get("/api/v1/persons/" + id(never_oriented)).status, 404);

  // The fiche goes after the FSE period: 10 years after 2027-12-31.
  move_to("2037-12-31");
  EXPECT_TRUE(services_->rgpd.plan().items.empty());
  move_to("2038-01-01");
  const auto later = services_->rgpd.purge({"test: purge", "local"});
  ASSERT_EQ(later.items.size(), 1u);
  EXPECT_EQ(later.items[0].person_id, refused);
  EXPECT_EQ(later.items[0].category, domain::RetentionCategory::fiche);
  EXPECT_EQ(text("SELECT last_name FROM persons WHERE id = " + id(refused)), "ANONYME");
  EXPECT_EQ(text("SELECT birth_date FROM persons WHERE id = " + id(refused)).substr(4), "-01-01");
  EXPECT_EQ(indicators(), before);
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE anonymised_at IS NULL"), 1) << "in progress";
}

TEST_P(RgpdTest, FlowDataGoTwoMonthsAfterTheConventionsEndAndNothingElseDoes) {
  const auto ids = persons_of("conseiller.demo");
  ASSERT_GE(ids.size(), 2u);
  const long long followed = ids[0], other = ids[1];
  const auto id = [](long long v) { return std::to_string(v); };
  appointment(followed);
  // What a PECGM brought about the person: its snapshot (sealed NIR) and an event.
  db_->with_session([&](soci::session& sql) {
    sql << "INSERT INTO flow_imports (kind, departement, date_reference, date_fabrication, "
           "file_name, file_sha256, dossiers, matched, unmatched, rejected, events, forced, "
           "imported_at, imported_by) VALUES ('PECGM', '00', '2026-10-31', '2026-11-02', "
           "'pecgm.xml', 'abc', 1, 1, 0, 0, 1, 0, '2026-11-09T08:00:00Z', 'test')";
    long long import_id = 0;
    sql << "SELECT MAX(id) FROM flow_imports", soci::into(import_id);
    sql << "INSERT INTO job_seeker_snapshots (person_id, import_id, kind, date_reference, "
           "nir_sealed, nir_hash, code_categorie) VALUES (:p, :i, 'PECGM', '2026-10-31', 'scelle', "
           "'empreinte', '1')",
        soci::use(followed), soci::use(import_id);
    sql << "INSERT INTO flow_events (person_id, import_id, kind, event_date, detail, created_at) "
           "VALUES (:p, :i, 'cessation', '2026-10-15', 'Cessation d''inscription', "
           "'2026-11-09T08:00:00Z')",
        soci::use(followed), soci::use(import_id);
  });
  const auto flow_rows = [&] {
    return count("SELECT COUNT(*) FROM job_seeker_snapshots WHERE person_id = " + id(followed)) +
           count("SELECT COUNT(*) FROM flow_events WHERE person_id = " + id(followed));
  };
  ASSERT_EQ(flow_rows(), 2);
  const auto before = indicators();

  // 00-2026 ends on 2027-12-31; its RSA flows data may stay 2 months, until 2028-02-29.
  move_to("2028-02-29");
  EXPECT_TRUE(services_->rgpd.plan().items.empty());
  move_to("2028-03-01");
  const auto plan = services_->rgpd.plan();
  ASSERT_EQ(plan.items.size(), 1u) << "only the person the flows named";
  EXPECT_EQ(plan.items[0].person_id, followed);
  EXPECT_EQ(plan.items[0].category, domain::RetentionCategory::flux);
  EXPECT_EQ(plan.items[0].limit, "2028-02-29");
  EXPECT_EQ(plan.items[0].rows, 2);
  EXPECT_NE(plan.items[0].rule.find("2 mois"), std::string::npos) << plan.items[0].rule;

  services_->rgpd.purge({"test: purge", "local"});
  EXPECT_EQ(flow_rows(), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE person_id = " + id(followed)), 1)
      << "the follow-up data stay their own 12 months";
  EXPECT_EQ(count("SELECT COUNT(*) FROM persons WHERE anonymised_at IS NOT NULL"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM flow_imports"), 1) << "the import's counts stay";
  EXPECT_EQ(indicators(), before);
  EXPECT_EQ(audit_count("purge.flux", followed), 1);
  EXPECT_EQ(audit_count("purge.flux", other), 0);
  EXPECT_TRUE(services_->rgpd.plan().items.empty()) << "nothing left to purge before 2029";
  EXPECT_TRUE(services_->audit.verify().ok);
}

TEST_P(RgpdTest, AccessRequestGivesThePersonsDataAndWhoSawItAndNothingElse) {
  const auto ids = persons_of("conseiller.demo");
  const auto id = [](long long v) { return std::to_string(v); };
  const long long subject = ids[0];
  // Someone else followed by the same conseiller, with neither the same name nor first name
  // (the demo has namesakes).
  long long other = 0;
  for (auto candidate : ids) {
    const std::string where = " FROM persons WHERE id = ";
    if (text("SELECT last_name" + where + id(candidate)) !=
            text("SELECT last_name" + where + id(subject)) &&
        text("SELECT first_name" + where + id(candidate)) !=
            text("SELECT first_name" + where + id(subject))) {
      other = candidate;
      break;
    }
  }
  ASSERT_NE(other, 0);
  orient(subject, false);
  appointment(subject);
  appointment(other);
  const auto last = text("SELECT last_name FROM persons WHERE id = " + id(subject));
  auto c = logged_in("conseiller.demo");
  ASSERT_EQ(c.get("/api/v1/persons/" + std::to_string(subject)).status, 200);
  std::string q;
  Poco::URI::encode(last, "&=?#+", q);
  const auto list = c.get("/api/v1/persons?q=" + q);  // a list naming the subject
  ASSERT_EQ(list.status, 200);
  ASSERT_FALSE(list.json()["items"].empty());
  const auto first = text("SELECT first_name FROM persons WHERE id = " + id(subject));
  const auto birth = text("SELECT birth_date FROM persons WHERE id = " + id(subject));
  const auto other_last = text("SELECT last_name FROM persons WHERE id = " + id(other));
  const auto other_first = text("SELECT first_name FROM persons WHERE id = " + id(other));

  // Only the dpo.
  EXPECT_EQ(c.call("POST", "/api/v1/rgpd/requests", "{}").status, 403);
  EXPECT_EQ(audit_count("rgpd.denied"), 1);

  auto dpo = logged_in("dpo.demo");
  const auto created = dpo.call("POST", "/api/v1/rgpd/requests",
                                Json{{"kind", "acces"},
                                     {"received_on", "2026-11-10"},
                                     {"last_name", last},
                                     {"first_name", first},
                                     {"birth_date", birth}}
                                    .dump());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto request = created.json();
  EXPECT_EQ(request["due_on"], "2026-12-10");
  EXPECT_EQ(request["person_id"], subject);

  // In the dpo's « à faire », due one month after receipt.
  const auto todo = dpo.get("/api/v1/worklist").json();
  ASSERT_EQ(todo["items"].size(), 2u) << todo.dump();  // + the review of the sub-processors
  bool found = false;
  for (const auto& item : todo["items"])
    if (item["kind"] == "demande_rgpd") {
      found = true;
      EXPECT_EQ(item["due_on"], "2026-12-10");
      EXPECT_EQ(item["rgpd_request_id"], request["id"]);
      EXPECT_TRUE(item["person"].is_null());
    }
  EXPECT_TRUE(found);

  const auto rid = std::to_string(request["id"].get<long long>());
  const auto exported = dpo.get("/api/v1/rgpd/requests/" + rid + "/export.json");
  ASSERT_EQ(exported.status, 200);
  const auto data = exported.json();
  EXPECT_EQ(data["donnees"]["personne"]["last_name"], last);
  EXPECT_EQ(data["donnees"]["orientations"].size(), 1u);
  EXPECT_EQ(data["donnees"]["rendez_vous"].size(), 1u);
  bool read_by_conseiller = false, listed = false;
  for (const auto& a : data["acces"]) {
    if (a["action"] == "person.read" && a["user_login"] == "conseiller.demo")
      read_by_conseiller = true;
    if (a["action"] == "person.list") listed = true;
  }
  EXPECT_TRUE(read_by_conseiller) << data["acces"].dump();
  EXPECT_TRUE(listed) << "list reads naming the person are accesses too";
  EXPECT_EQ(exported.body.find(other_last), std::string::npos) << "nothing about anyone else";
  EXPECT_EQ(exported.body.find(other_first), std::string::npos);
  EXPECT_EQ(exported.body.find("personnes:"), std::string::npos);
  EXPECT_EQ(audit_count("rgpd.access.export", subject), 1);

  // The readable PDF.
  const auto pdf = dpo.get("/api/v1/rgpd/requests/" + rid + "/export.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const auto path = std::filesystem::temp_directory_path() / ("binome-acces-" + rid + ".pdf");
  std::ofstream(path, std::ios::binary) << pdf.body;
  std::string pdf_text;
  if (FILE* p = popen(("pdftotext -layout " + path.string() + " -").c_str(), "r")) {
    char buf[4096];
    std::size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0) pdf_text.append(buf, n);
    pclose(p);
  }
  std::filesystem::remove(path);
  EXPECT_NE(pdf_text.find("Vos données personnelles dans binome"), std::string::npos) << pdf_text;
  EXPECT_NE(pdf_text.find(last), std::string::npos);
  EXPECT_NE(pdf_text.find("Qui a consulté ou modifié vos données"), std::string::npos);
  EXPECT_NE(pdf_text.find("conseiller.demo"), std::string::npos);
  EXPECT_EQ(pdf_text.find(other_last), std::string::npos);

  const auto answered = dpo.call("POST", "/api/v1/rgpd/requests/" + rid + "/answer");
  ASSERT_EQ(answered.status, 200);
  EXPECT_EQ(answered.json()["outcome"], "communiquee");
  EXPECT_EQ(dpo.call("POST", "/api/v1/rgpd/requests/" + rid + "/answer").status, 409);
}

TEST_P(RgpdTest, ErasureOfAnFseFicheIsARestrictionAndSaysWhy) {
  const auto ids = persons_of("conseiller.demo");
  const long long fse = ids[0], plain = ids[1];
  orient(fse, true);  // agreed: awaiting its entry
  appointment(plain);
  const auto id = [](long long v) { return std::to_string(v); };
  auto dpo = logged_in("dpo.demo");
  auto ask = [&](long long person) {
    const auto r = dpo.call(
        "POST", "/api/v1/rgpd/requests",
        Json{{"kind", "effacement"},
             {"received_on", iso_today()},
             {"last_name", text("SELECT last_name FROM persons WHERE id = " + id(person))},
             {"first_name", text("SELECT first_name FROM persons WHERE id = " + id(person))},
             {"birth_date", text("SELECT birth_date FROM persons WHERE id = " + id(person))}}
            .dump());
    EXPECT_EQ(r.status, 201) << r.body;
    return std::to_string(r.json()["id"].get<long long>());
  };
  // What the « à faire » lists are built from (orientations awaiting entry, supports in
  // progress, both filtered by reach in SQL) must leave a restricted person out.
  const auto pending_of = [&](long long person, store::Persons persons = store::Persons::live) {
    const auto reach = domain::reach_of(actor("conseiller.demo"));
    return db_->with_session([&](soci::session& sql) {
      int n = 0;
      for (const auto& o : store::pending_orientations_in_reach(sql, reach, persons))
        if (o.person_id == person) ++n;
      return n;
    });
  };
  EXPECT_EQ(pending_of(fse), 1);
  const auto a = dpo.call("POST", "/api/v1/rgpd/requests/" + ask(fse) + "/answer").json();
  EXPECT_EQ(a["outcome"], "limitee_fse");
  EXPECT_EQ(pending_of(fse), 0) << "a restricted person leaves the « à faire » lists";
  EXPECT_EQ(pending_of(fse, store::Persons::all), 1)
      << "the lists that counted every person in reach still do";
  EXPECT_NE(a["answer"].get<std::string>().find("Fonds social européen, jusqu'au 31/12/2037"),
            std::string::npos)
      << a.dump();
  EXPECT_NE(text("SELECT last_name FROM persons WHERE id = " + id(fse)), "ANONYME");
  auto c = logged_in("conseiller.demo");
  EXPECT_EQ(c.get("/api/v1/persons/" + id(fse)).status, 404) << "restricted: no longer processed";

  const auto b = dpo.call("POST", "/api/v1/rgpd/requests/" + ask(plain) + "/answer").json();
  EXPECT_EQ(b["outcome"], "effacee");
  EXPECT_EQ(text("SELECT last_name FROM persons WHERE id = " + id(plain)), "ANONYME");
  EXPECT_EQ(count("SELECT COUNT(*) FROM appointments WHERE person_id = " + id(plain)), 0);
  EXPECT_EQ(audit_count("rgpd.request.answer"), 2);
}

TEST_P(RgpdTest, BreachDeadlineCountsDownAndTheNotificationIsRecorded) {
  auto dpo = logged_in("dpo.demo");
  const auto discovered = domain::to_iso(clock_.now() - 30h);
  auto r = dpo.call("POST", "/api/v1/rgpd/breaches",
                    Json{{"discovered_at", discovered},
                         {"nature", "confidentialite"},
                         {"summary", "Export envoyé au mauvais destinataire"}}
                        .dump());
  ASSERT_EQ(r.status, 201) << r.body;
  auto b = r.json();
  EXPECT_EQ(b["deadline_at"], domain::to_iso(clock_.now() + 6h));
  EXPECT_EQ(b["seconds_left"], 6 * 3600);
  EXPECT_EQ(b["state"], "a_notifier");
  const auto api = dpo.call("POST", "/api/v1/rgpd/breaches",
                            Json{{"discovered_at", discovered},
                                 {"api_incident", true},
                                 {"nature", "disponibilite"},
                                 {"summary", "API indisponible"}}
                                .dump())
                       .json();
  EXPECT_EQ(api["seconds_left"], 18 * 3600) << "48 hours for an API incident";

  bool listed = false;
  const auto todo = dpo.get("/api/v1/worklist");
  const auto todo_items = todo.json()["items"];
  for (const auto& item : todo_items)
    if (item["kind"] == "violation_a_notifier" && item["breach_id"] == b["id"]) listed = true;
  EXPECT_TRUE(listed) << todo.body;

  clock_.advance(7h);
  dpo = logged_in("dpo.demo");  // the session has expired meanwhile
  const auto after = dpo.get("/api/v1/rgpd/breaches").json()["items"];
  ASSERT_EQ(after.size(), 2u);
  for (const auto& x : after)
    if (x["id"] == b["id"]) {
      EXPECT_EQ(x["state"], "en_retard");
      EXPECT_EQ(x["seconds_left"], -3600);
    }
  const auto bid = std::to_string(b["id"].get<long long>());
  const auto n = dpo.call("POST", "/api/v1/rgpd/breaches/" + bid + "/notification",
                          Json{{"notified_to", "DPO de France Travail"}}.dump());
  ASSERT_EQ(n.status, 200) << n.body;
  EXPECT_EQ(n.json()["state"], "notifiee");
  EXPECT_EQ(n.json()["notified_at"], domain::to_iso(clock_.now()));
  EXPECT_EQ(dpo.call("POST", "/api/v1/rgpd/breaches/" + bid + "/notification",
                     Json{{"notified_to", "x"}}.dump())
                .status,
            409);
  EXPECT_EQ(audit_count("rgpd.breach.notify"), 1);
  auto c = logged_in("conseiller.demo");
  EXPECT_EQ(c.get("/api/v1/rgpd/breaches").status, 403);
}

TEST_P(RgpdTest, RegistersComeFromTheConfiguration) {
  auto dpo = logged_in("dpo.demo");
  const auto reg = dpo.get("/api/v1/rgpd/register");
  ASSERT_EQ(reg.status, 200);
  const auto j = reg.json();
  bool demo = false;
  for (const auto& c : j["conventions"])
    if (c["code"] == "00-2026") {
      demo = true;
      EXPECT_EQ(c["fin"], "2027-12-31");
      EXPECT_EQ(c["durees_conservation"]["donnees_application_mois"], 12);
    }
  EXPECT_TRUE(demo);
  ASSERT_FALSE(j["sous_traitants"].empty());
  EXPECT_EQ(j["sous_traitants"][0]["organisation"], "CCAS de Démoville");
  EXPECT_EQ(j["sous_traitants"][0]["contrat_fin"], "2027-12-31");

  const auto subs = dpo.get("/api/v1/rgpd/subprocessors");
  auto sub = subs.json()["items"];
  ASSERT_TRUE(sub[0]["review_due"].is_boolean()) << subs.body;
  ASSERT_EQ(sub.size(), 1u);
  EXPECT_TRUE(sub[0]["review_due"].get<bool>());
  ASSERT_EQ(
      dpo.call("POST", "/api/v1/rgpd/subprocessors/review", Json{{"departement", "00"}}.dump())
          .status,
      200);
  sub = dpo.get("/api/v1/rgpd/subprocessors").json()["items"];
  EXPECT_FALSE(sub[0]["review_due"].get<bool>());
  EXPECT_EQ(sub[0]["next_review_due"], "2027-05-18");
  clock_.advance(std::chrono::hours(24 * 181));
  dpo = logged_in("dpo.demo");  // the session has expired meanwhile
  sub = dpo.get("/api/v1/rgpd/subprocessors").json()["items"];
  EXPECT_TRUE(sub[0]["review_due"].get<bool>()) << "six months later";
}

TEST_P(RgpdTest, HstsOnlyUnderTls) {
  // Without TLS: no HSTS (a browser would ignore it anyway, and it must not pin plain HTTP).
  for (const char* path : {"/api/v1/session", "/healthz", "/api/v1/nowhere"})
    EXPECT_EQ(raw("GET", path, "", {}).header("Strict-Transport-Security"), "") << path;
  // TLS ended at a proxy (serve --secure-cookies): every answer carries it.
  http::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.max_threads = 2;
  config.log_requests = false;
  config.hsts = true;
  http::Server tls(*services_, config);
  tls.start();
  for (const char* path :
       {"/api/v1/session", "/healthz", "/api/v1/nowhere", "/api/v1/rgpd/register"}) {
    Poco::Net::HTTPClientSession session("127.0.0.1", tls.port());
    Poco::Net::HTTPRequest request("GET", path, Poco::Net::HTTPMessage::HTTP_1_1);
    session.sendRequest(request);
    Poco::Net::HTTPResponse response;
    session.receiveResponse(response);
    EXPECT_EQ(response.get("Strict-Transport-Security", ""), "max-age=63072000; includeSubDomains")
        << path;
    EXPECT_EQ(response.get("X-Content-Type-Options", ""), "nosniff") << path;
  }
  tls.stop(std::chrono::seconds(5));
}

INSTANTIATE_TEST_SUITE_P(Backends, RgpdTest, ::testing::Values("sqlite", "postgres"), backend_name);

}  // namespace
}  // namespace binome::testing
