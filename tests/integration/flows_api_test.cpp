// The flows page's API and the identity API (issue 5, items 4, 6, 7) over real HTTP, on both
// backends: who may call them, what they answer, what they trace; and the identity client
// against binome's own endpoints.
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <tuple>

#include "app/admin_service.hpp"
#include "app/flows_service.hpp"
#include "flows/identity_client.hpp"
#include "harness.hpp"
#include "store/orgs_repo.hpp"
#include "store/persons_repo.hpp"

namespace binome::testing {
namespace {

std::string sample(const std::string& name) {
  std::ifstream in(std::string(BINOME_SOURCE_DIR) + "/spec/flows/samples/" + name,
                   std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

class FlowsApiTest : public ApiTest {
 protected:
  // Hélène and Moussa of the September sample, followed in the demo's Territoire Nord (the
  // coordo.demo's reach), then the sample imported.
  void import_september() {
    const auto nord = territory("Territoire Nord");
    db_->transaction(
        [&](soci::session& sql) { store::upsert_departement(sql, "62", "Pas-de-Calais"); });
    helene_ = add_person("Lefèvre", "Hélène", "1985-07-14", std::nullopt, nord);
    moussa_ = add_person("N'Diaye", "Moussa", "1992-02-29", "76543210", nord);
    const auto path =
        std::filesystem::temp_directory_path() /
        ("binome-flows-api-" + std::to_string(::getpid()) + "-" + GetParam() + ".xml");
    std::ofstream(path, std::ios::binary) << sample("pecgm-valid.xml");
    app::FlowImportRequest req;
    req.path = path.string();
    req.today = *domain::parse_date("2024-11-20");
    const auto r = app::import_flow_file(*ctx_, app::operator_actor(), {"test", "local"}, req);
    std::filesystem::remove(path);
    ASSERT_EQ(r.outcome, app::FlowImportResult::Outcome::imported);
    ASSERT_EQ(r.matched, 2);
  }
  std::int64_t territory(const std::string& name) {
    return db_->with_session([&](soci::session& sql) {
      long long id = 0;
      sql << "SELECT id FROM territories WHERE name = :n", soci::use(name), soci::into(id);
      return std::int64_t(id);
    });
  }
  std::int64_t add_person(const std::string& last, const std::string& first,
                          const std::string& birth, std::optional<std::string> ft,
                          std::int64_t territory_id) {
    domain::Person p;
    p.identity.last_name = last;
    p.identity.first_name = first;
    p.identity.birth_date = birth;
    p.identity.street = "1 rue de test";
    p.identity.postal_code = "62000";
    p.identity.commune = "Arras";
    p.identity.ft_id = ft;
    p.identity.brsa = true;
    p.scope.departement = "62";
    p.scope.territory_id = territory_id;
    return db_->transaction(
        [&](soci::session& sql) { return store::insert_person(sql, p, "2024-01-01T00:00:00Z"); });
  }
  std::string search_body(const std::string& nir, const std::string& nom) {
    return Json{{"nir", nir},
                {"nom_naissance", nom},
                {"prenom", "Hélène"},
                {"date_naissance", "1985-07-14"}}
        .dump();
  }
  std::int64_t helene_ = 0, moussa_ = 0;
};

TEST_P(FlowsApiTest, ValidateAnswersTheCliReportWithErrorsGroupedByRule) {
  auto coordo = logged_in("coordo.demo");
  auto ok = coordo.call("POST", "/api/v1/flows/validate?nom=pecgm.xml", sample("pecgm-valid.xml"));
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto j = ok.json();
  EXPECT_EQ(j["file"], "pecgm.xml");
  EXPECT_EQ(j["flow"], "PECGM");
  EXPECT_EQ(j["dossiers"], 2);
  EXPECT_TRUE(j["errors"].is_array());
  EXPECT_TRUE(j["by_rule"].is_array());
  EXPECT_EQ(audit_count("flows.validate"), 1);

  std::string bad = sample("pecgm-valid.xml");
  bad.replace(bad.find("<date-naissance>1985-07-14"), 26, "<date-naissance>1985-13-45");
  auto r = coordo.call("POST", "/api/v1/flows/validate", bad);
  ASSERT_EQ(r.status, 200) << r.body;
  j = r.json();
  EXPECT_GE(j["error_count"].get<long long>(), 1);
  ASSERT_FALSE(j["by_rule"].empty());
  long long grouped = 0;
  for (const auto& g : j["by_rule"]) {
    EXPECT_EQ(g["diagnostics"].size(),
              std::size_t(g["errors"].get<long long>() + g["warnings"].get<long long>()));
    for (const auto& d : g["diagnostics"]) {
      EXPECT_EQ(d["rule"], g["rule"]);
      EXPECT_TRUE(d["severity"] == "erreur" || d["severity"] == "avertissement");
    }
    grouped += g["errors"].get<long long>();
  }
  EXPECT_EQ(grouped, j["error_count"].get<long long>());

  EXPECT_EQ(coordo.call("POST", "/api/v1/flows/validate", "").status, 422);
  EXPECT_EQ(logged_in("conseiller.demo").call("POST", "/api/v1/flows/validate", bad).status, 403);
  EXPECT_EQ(audit_count("flows.denied"), 1);
}

TEST_P(FlowsApiTest, ImportsHistoryAndCalendarForTheOperatorOnly) {
  import_september();
  auto admin = logged_in("admin.demo");
  auto h = admin.get("/api/v1/flows/imports");
  ASSERT_EQ(h.status, 200) << h.body;
  ASSERT_EQ(h.json()["items"].size(), 1u);
  EXPECT_EQ(h.json()["items"][0]["kind"], "PECGM");
  EXPECT_EQ(h.json()["items"][0]["matched"], 2);
  auto c = admin.get("/api/v1/flows/calendar?departement=62");
  ASSERT_EQ(c.status, 200) << c.body;
  EXPECT_EQ(c.json()["departement"], "62");
  EXPECT_EQ(c.json()["next_cgpem_due"].get<std::string>().substr(0, 5), "2026-");
  EXPECT_EQ(c.json()["next_pecgm_available"].get<std::string>().size(), 10u);
  EXPECT_EQ(logged_in("coordo.demo").get("/api/v1/flows/calendar").status, 200);
  auto pilotage = logged_in("pilotage.demo");
  EXPECT_EQ(pilotage.get("/api/v1/flows/imports").status, 403);
  EXPECT_EQ(pilotage.get("/api/v1/flows/calendar").status, 403);
}

TEST_P(FlowsApiTest, EventsOnlyOfPersonsWithinReachAndAudited) {
  import_september();
  auto coordo = logged_in("coordo.demo");
  auto r = coordo.get("/api/v1/flows/events");
  ASSERT_EQ(r.status, 200) << r.body;
  std::set<std::string> kinds;
  const auto body = r.json();  // kept: a range over a temporary's member would dangle
  for (const auto& e : body["items"]) kinds.insert(e["kind"].get<std::string>());
  EXPECT_TRUE(kinds.count("entree_glo")) << r.body;
  EXPECT_TRUE(kinds.count("cessation"));
  long long listed = 0;
  db_->with_session([&](soci::session& sql) {
    long long p = helene_;
    sql << "SELECT COUNT(*) FROM audit_person ap JOIN audit_log a ON a.seq = ap.seq WHERE "
           "a.action = 'flows.events.read' AND ap.person_id = :p",
        soci::use(p), soci::into(listed);
  });
  EXPECT_EQ(listed, 1);
  // Territoire Sud's conseiller reaches neither.
  auto sud = logged_in("conseiller2.demo").get("/api/v1/flows/events");
  ASSERT_EQ(sud.status, 200);
  EXPECT_TRUE(sud.json()["items"].empty());
  EXPECT_EQ(logged_in("admin.demo").get("/api/v1/flows/events").status, 403);
}

TEST_P(FlowsApiTest, IdentitySearchAndStatusFromTheFlows) {
  import_september();
  auto coordo = logged_in("coordo.demo");
  auto found = coordo.call("POST", "/api/v1/identite/recherche-individu-certifie",
                           search_body("2850762041123", "LEFEVRE"));
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.json()["code_sortie"], "S000");
  EXPECT_TRUE(found.json()["certif_de"].get<bool>());
  const auto id = found.json()["id_national"].get<std::string>();
  EXPECT_EQ(id.find(std::to_string(helene_)), std::string::npos);
  EXPECT_EQ(audit_count("identite.recherche", helene_), 1);

  auto status =
      coordo.call("POST", "/api/v1/identite/restitution-statut", Json{{"id_national", id}}.dump());
  ASSERT_EQ(status.status, 200) << status.body;
  EXPECT_TRUE(status.json()["demandeur_emploi"].get<bool>());
  EXPECT_EQ(status.json()["date_reference"], "2024-09-01");
  EXPECT_EQ(audit_count("identite.statut", helene_), 1);

  auto none = coordo.call("POST", "/api/v1/identite/recherche-individu-certifie",
                          search_body("2850762041123", "Martin"));
  EXPECT_EQ(none.json()["code_sortie"], "S001");
  EXPECT_TRUE(none.json()["id_national"].is_null());
  // Out of reach: not found.
  auto sud = logged_in("conseiller2.demo")
                 .call("POST", "/api/v1/identite/recherche-individu-certifie",
                       search_body("2850762041123", "Lefèvre"));
  EXPECT_EQ(sud.json()["code_sortie"], "S001");
  EXPECT_EQ(coordo
                .call("POST", "/api/v1/identite/restitution-statut",
                      Json{{"id_national", std::string(72, 'a')}}.dump())
                .status,
            404);
  EXPECT_EQ(
      coordo
          .call("POST", "/api/v1/identite/recherche-individu-certifie", Json{{"nir", "12"}}.dump())
          .status,
      422);

  // A duplicate of Hélène carrying the same NIR: several.
  const auto twin =
      add_person("Lefevre", "Helene", "1985-07-14", std::nullopt, territory("Territoire Nord"));
  db_->with_session([&](soci::session& sql) {
    long long p = twin;
    const std::string hash = test_nir_keys()->lookup_hash("2850762041123");
    sql << "INSERT INTO job_seeker_snapshots (person_id, import_id, kind, date_reference, "
           "nir_sealed, nir_hash) SELECT :p, import_id, kind, date_reference, nir_sealed, "
           "nir_hash FROM job_seeker_snapshots WHERE nir_hash = :h",
        soci::use(p), soci::use(hash);
  });
  auto several = coordo.call("POST", "/api/v1/identite/recherche-individu-certifie",
                             search_body("2850762041123", "Lefèvre"));
  EXPECT_EQ(several.json()["code_sortie"], "S002");
  EXPECT_TRUE(several.json()["id_national"].is_null());
}

TEST_P(FlowsApiTest, IdentityClientTalksToTheEndpoints) {
  import_september();
  auto coordo = logged_in("coordo.demo");
  flows::IdentityClient client(
      "http://127.0.0.1:" + std::to_string(server_->port()) + "/",
      {{"Cookie", "binome_session=" + coordo.cookie}, {"X-CSRF-Token", coordo.csrf}});
  const auto r = client.search({"2850762041123", "Lefèvre", "Hélène", "1985-07-14"});
  EXPECT_EQ(r.code_sortie, "S000");
  ASSERT_TRUE(r.id_national);
  EXPECT_TRUE(r.certif_de);
  const auto s = client.status(*r.id_national);
  EXPECT_TRUE(s.demandeur_emploi);
  EXPECT_EQ(s.code_categorie, "1");
  EXPECT_EQ(client.search({"2850762041123", "Autre", "Hélène", "1985-07-14"}).code_sortie, "S001");
  try {
    client.status("00");
    ADD_FAILURE() << "expected an error";
  } catch (const flows::IdentityError& e) {
    EXPECT_EQ(e.status, 404);
  }
  flows::IdentityClient nobody("http://127.0.0.1:" + std::to_string(server_->port()));
  EXPECT_THROW(nobody.status("00"), flows::IdentityError);
  flows::IdentityClient closed("http://127.0.0.1:1", {}, 2);
  EXPECT_THROW(closed.status("00"), flows::IdentityError);
}

TEST_P(FlowsApiTest, OpaqueIdIsTheSameOnAnotherInstanceSharingTheKey) {
  import_september();
  // A second binome process: its own context, services and server, the same database, the
  // same key file read anew.
  FakeClock clock2;
  app::Context ctx2{*db_, clock2, {}};
  ctx2.settings.nir_keys =
      std::make_shared<const security::NirKeys>(security::NirKeys::load_file(test_nir_key_file()));
  app::Services services2(ctx2);
  http::ServerConfig config;
  config.listen = "127.0.0.1:0";
  config.max_threads = 4;
  config.log_requests = false;
  http::Server server2(services2, config);
  server2.start();
  auto client_of = [&](int port) {
    return flows::IdentityClient(
        "http://127.0.0.1:" + std::to_string(port),
        flows::IdentityClient::binome_session("http://127.0.0.1:" + std::to_string(port),
                                              "coordo.demo", kDemoPassword));
  };
  const auto one = client_of(server_->port()), two = client_of(server2.port());
  const flows::IdentitySearch q{"2850762041123", "Lefèvre", "Hélène", "1985-07-14"};
  const auto a = one.search(q), b = two.search(q), again = one.search(q);
  ASSERT_TRUE(a.id_national);
  EXPECT_EQ(a.id_national, b.id_national) << "same person, same id on both instances";
  EXPECT_EQ(a.id_national, again.id_national) << "and from one call to the next";
  EXPECT_TRUE(two.status(*a.id_national).demandeur_emploi) << "an id of one read by the other";
  server2.stop(std::chrono::seconds(5));
}

TEST_P(FlowsApiTest, IdentityCommandSearchesAndReadsTheStatus) {
  import_september();
  const std::string base = "http://127.0.0.1:" + std::to_string(server_->port());
  auto run = [&](const std::string& args) {
    const std::string cmd = std::string("BINOME_IDENTITE_MOT_DE_PASSE='") + kDemoPassword + "' " +
                            BINOME_BIN + " identite " + args + " 2>&1";
    std::string out;
    std::array<char, 512> buf{};
    FILE* pipe = ::popen(cmd.c_str(), "r");
    while (pipe && std::fgets(buf.data(), buf.size(), pipe)) out += buf.data();
    const int status = pipe ? ::pclose(pipe) : -1;
    return std::make_pair(WEXITSTATUS(status), out);
  };
  auto [code, out] = run("rechercher --base-url " + base +
                         " --identifiant coordo.demo --nir 2850762041123 --nom 'Lefèvre' "
                         "--prenom 'Hélène' --naissance 1985-07-14");
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Code sortie S000 : individu trouvé."), std::string::npos) << out;
  EXPECT_NE(out.find("(CertifDE) : oui"), std::string::npos) << out;
  const auto at = out.find("Identifiant national : ");
  ASSERT_NE(at, std::string::npos) << out;
  const std::string id = out.substr(at + 23, out.find('\n', at) - at - 23);
  std::tie(code, out) = run("statut --base-url " + base + " --identifiant coordo.demo --id " + id);
  EXPECT_EQ(code, 0) << out;
  EXPECT_NE(out.find("Demandeur d'emploi\n"), std::string::npos) << out;
  EXPECT_NE(out.find("Catégorie : 1"), std::string::npos) << out;

  std::tie(code, out) = run("rechercher --base-url " + base +
                            " --identifiant coordo.demo --nir 2850762041123 --nom Autre "
                            "--prenom Helene --naissance 1985-07-14");
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("S001 : aucun individu trouvé"), std::string::npos) << out;
  std::tie(code, out) = run("statut --base-url " + base + " --identifiant coordo.demo --id 00");
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("404"), std::string::npos) << out;
  std::tie(code, out) = run("rechercher --base-url " + base + " --nir 1");
  EXPECT_EQ(code, 2) << "usage: " << out;
  std::tie(code, out) = run("statut --base-url http://127.0.0.1:1 --jeton x --id 00");
  EXPECT_EQ(code, 1);
  EXPECT_NE(out.find("injoignable"), std::string::npos) << out;
}

INSTANTIATE_TEST_SUITE_P(Backends, FlowsApiTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
