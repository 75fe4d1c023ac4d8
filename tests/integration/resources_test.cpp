// Axe 1 over real HTTP on both backends: the life cycle with both sides' validations, search
// (accents, ligatures, case, filters, stale last), the data·inclusion import and export, the
// freshness against the test's clock, and a person linked to a service under scope and audit.
#include <set>

#include "app/demo_data.hpp"
#include "harness.hpp"
#include "store/migrations.hpp"
#include "store/orgs_repo.hpp"

namespace binome::testing {
namespace {

using namespace std::chrono_literals;

Json structure(const std::string& id, const std::string& nom) {
  return {{"source", "test"},
          {"id", id},
          {"nom", nom},
          {"description",
           "Structure de test qui accueille et accompagne les habitants du "
           "département fictif."},
          {"code_insee", "00101"},
          {"reseaux_porteurs", {"unccas"}},
          {"date_maj", "2026-11-01"}};
}

Json service(const std::string& id, const std::string& structure_id, const std::string& nom,
             const std::string& description, std::vector<std::string> thematiques,
             std::vector<std::string> zone, std::vector<std::string> publics = {"familles"}) {
  return {{"source", "test"},
          {"id", id},
          {"structure_id", structure_id},
          {"nom", nom},
          {"description", description},
          {"thematiques", thematiques},
          {"publics", publics},
          {"zone_eligibilite", zone},
          {"code_insee", "00101"},
          {"telephone", "01 99 00 00 00"},
          {"date_maj", "2026-11-01"}};
}

const std::string kLongText =
    " : une description assez longue pour passer la règle des cinquante caractères.";

class ResourcesTest : public ApiTest {
 protected:
  // Imports the search fixture as coordinateur and publishes it directly in the database.
  void load_fixture() {
    Json file = {
        {"structures",
         {structure("s1", "CCAS de Démoville"), structure("s2", "Association Œuvre")}},
        {"services",
         {service("a", "s1", "Épicerie solidaire", "Épicerie à petits prix" + kLongText,
                  {"equipement-et-alimentation--alimentation"}, {"00101"}),
          service("b", "s1", "Coup de pouce alimentaire",
                  "Colis pour une EPICERIE de dépannage" + kLongText,
                  {"equipement-et-alimentation--alimentation"}, {"00"}, {"jeunes"}),
          service("c", "s2", "Cœur de ville, accueil de jour", "Lien social et café" + kLongText,
                  {"remobilisation--lien-social"}, {"00201"}),
          service("d", "s2", "Garage solidaire", "Réparer son véhicule à prix coûtant" + kLongText,
                  {"mobilite--entretenir-reparer-son-vehicule"}, {"france"})}}};
    auto r = logged_in("coordo.demo").call("POST", "/api/v1/resources/import", file.dump());
    ASSERT_EQ(r.status, 200) << r.body;
    ASSERT_EQ(r.json()["services_created"], 4) << r.body;
    // The fixture alone in the base: the demo's services are archived.
    db_->with_session([](soci::session& sql) {
      sql << "UPDATE resource_services SET state = 'publie' WHERE source = 'test'";
      sql << "UPDATE resource_services SET state = 'archive' WHERE source <> 'test'";
    });
  }
  // n copies of the fixture's "b" (zone: the whole département, filed under se_loger), named
  // "Service de masse numéro i", written straight to the tables: the import of as many records
  // would only make the test slow.
  void add_mass_services(int n) {
    db_->transaction([n](soci::session& sql) {
      for (int i = 0; i < n; ++i) {
        const std::string id = "m" + std::to_string(i);
        const std::string nom = "Service de masse numéro " + std::to_string(i);
        sql << "INSERT INTO resource_services (source, source_id, structure_id, departement, nom, "
               "description, thematiques, publics, modes_accueil, zone_eligibilite, "
               "modes_mobilisation, mobilisable_par, date_maj, update_every_months, due_on, state, "
               "search_name, search_body, created_at, updated_at) SELECT 'mass', :id, "
               "structure_id, departement, :nom, description, thematiques, publics, modes_accueil, "
               "zone_eligibilite, modes_mobilisation, mobilisable_par, date_maj, "
               "update_every_months, due_on, 'publie', search_name, search_body, created_at, "
               "updated_at FROM resource_services WHERE source = 'test' AND source_id = 'b'",
            soci::use(id), soci::use(nom);
      }
      sql << "INSERT INTO resource_service_zone (service_id, code) SELECT id, '00' FROM "
             "resource_services WHERE source = 'mass'";
      sql << "INSERT INTO resource_service_sub_themes (service_id, sub_theme) SELECT id, "
             "'se_loger.acceder_logement' FROM resource_services WHERE source = 'mass'";
    });
  }
  std::vector<std::string> names(Client& c, const std::string& query) {
    auto r = c.get("/api/v1/resources/services?per_page=100&" + query);
    EXPECT_EQ(r.status, 200) << r.body;
    std::vector<std::string> out;
    const auto items = r.json()["items"];
    for (const auto& item : items)
      if (item["structure"]["nom"].get<std::string>().rfind("CCAS de Démoville", 0) == 0 ||
          item["structure"]["nom"] == "Association Œuvre")
        out.push_back(item["nom"]);
    return out;
  }
};

TEST_P(ResourcesTest, ServiceGoesFromDraftToPublishedWithBothSidesThenBackToDraftWhenEdited) {
  auto conseiller = logged_in("conseiller.demo");
  auto st = conseiller.call(
      "POST", "/api/v1/resources/structures",
      Json{{"nom", "Mission locale de Démoville"},
           {"description", "Accueil, information et accompagnement des jeunes de 16 à 25 ans."},
           {"siret", "13003013300016"},
           {"reseaux_porteurs", {"mission-locale"}}}
          .dump());
  ASSERT_EQ(st.status, 201) << st.body;
  const auto structure_id = st.json()["id"].get<long long>();
  Json body = {{"structure_id", structure_id},
               {"nom", "Aide au permis de conduire"},
               {"description", "Financement partiel du permis B pour les jeunes en parcours."},
               {"thematiques", {"mobilite--preparer-un-permis"}},
               {"publics", {"jeunes"}},
               {"zone_eligibilite", {"00"}},
               {"sous_thematiques", {"se_deplacer.permis"}},
               {"modes_mobilisation", {"telephoner"}},
               {"mobilisable_par", {"professionnels"}}};
  auto bad = body;
  bad["thematiques"] = {"mobilite--voler-une-voiture"};
  bad["zone_eligibilite"] = Json::array();
  bad["courriel"] = "non";
  auto refused = conseiller.call("POST", "/api/v1/resources/services", bad.dump());
  ASSERT_EQ(refused.status, 422);
  std::set<std::string> fields;
  const auto refusals = refused.json()["errors"];
  for (const auto& e : refusals) fields.insert(e["field"]);
  EXPECT_EQ(fields, (std::set<std::string>{"thematiques", "zone_eligibilite", "courriel"}));

  auto created = conseiller.call("POST", "/api/v1/resources/services", body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["state"], "brouillon");
  EXPECT_EQ(created.json()["date_maj"], "2026-11-18");
  const std::string path =
      "/api/v1/resources/services/" + std::to_string(created.json()["id"].get<long long>());

  auto pilotage = logged_in("pilotage.demo");
  EXPECT_EQ(pilotage.get(path).status, 404) << "a draft is not shown to readers";
  EXPECT_EQ(pilotage.call("POST", path + "/validation").status, 403);
  EXPECT_EQ(conseiller.call("POST", path + "/publication").status, 409);
  ASSERT_EQ(conseiller.call("POST", path + "/validation").status, 200);
  auto twice = logged_in("conseiller2.demo").call("POST", path + "/validation");
  ASSERT_EQ(twice.status, 409);
  EXPECT_EQ(twice.json()["errors"][0]["code"], "deja_valide");
  auto both = logged_in("social.demo").call("POST", path + "/validation");
  ASSERT_EQ(both.status, 200) << both.body;
  EXPECT_EQ(both.json()["state"], "valide");
  EXPECT_EQ(both.json()["validations"]["departement"]["by"], "Sophie Lambert");
  EXPECT_EQ(both.json()["validations"]["france_travail"]["by"], "Camille Martin");
  ASSERT_EQ(conseiller.call("POST", path + "/publication").status, 200);
  auto shown = pilotage.get(path);
  ASSERT_EQ(shown.status, 200);
  EXPECT_EQ(shown.json()["sous_thematiques"][0]["problematique"]["label"], "Se déplacer");
  bool found = false;
  const auto hits =
      pilotage.get("/api/v1/resources/services?per_page=100&q=PERMIS%20conduire").json()["items"];
  for (const auto& item : hits) found = found || item["id"] == created.json()["id"];
  EXPECT_TRUE(found) << "published, the service is found";

  body["nom"] = "Aide au permis de conduire B";
  auto edited = conseiller.call("PUT", path, body.dump());
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json()["state"], "brouillon");
  EXPECT_TRUE(edited.json()["validations"]["departement"].is_null());
  EXPECT_EQ(pilotage.get(path).status, 404);
  ASSERT_EQ(conseiller.call("POST", path + "/archive").status, 200);
  EXPECT_EQ(audit_count("resource.service.validate"), 2);
  EXPECT_EQ(audit_count("resource.service.publish"), 1);
  EXPECT_EQ(audit_count("resource.service.update"), 1);
  EXPECT_EQ(audit_count("resource.service.archive"), 1);
}

TEST_P(ResourcesTest, SearchIgnoresAccentsLigaturesAndCaseAndFilters) {
  load_fixture();
  auto c = logged_in("social.demo");
  EXPECT_EQ(names(c, "q=epicerie"),
            (std::vector<std::string>{"Épicerie solidaire", "Coup de pouce alimentaire"}))
      << "the name weighs more than the description";
  EXPECT_EQ(names(c, "q=%C3%89PICERIE"), names(c, "q=epicerie"));
  EXPECT_EQ(names(c, "q=coeur"), std::vector<std::string>{"Cœur de ville, accueil de jour"});
  EXPECT_EQ(names(c, "q=C%C5%92UR%20VILLE"), names(c, "q=coeur"));
  EXPECT_EQ(names(c, "q=oeuvre").size(), 2u) << "the structure's name is searched too";
  EXPECT_EQ(names(c, "q=vehic"), std::vector<std::string>{"Garage solidaire"}) << "prefixes";
  EXPECT_TRUE(names(c, "q=piscine").empty());

  EXPECT_EQ(names(c, "problematique=lien_social"),
            std::vector<std::string>{"Cœur de ville, accueil de jour"});
  EXPECT_EQ(names(c, "sous_thematique=difficultes_financieres.aides").size(), 2u);
  // 00101 is listed by "a", in département 00 covered by "b", in France covered by "d".
  EXPECT_EQ(names(c, "commune=00101").size(), 3u);
  EXPECT_EQ(names(c, "commune=00201").size(), 3u);
  EXPECT_EQ(names(c, "public=jeunes"), std::vector<std::string>{"Coup de pouce alimentaire"});
  EXPECT_EQ(names(c, "q=epicerie&commune=00201"),
            std::vector<std::string>{"Coup de pouce alimentaire"});
  EXPECT_EQ(c.get("/api/v1/resources/services?commune=Arras").status, 422);
  EXPECT_EQ(c.get("/api/v1/resources/services?public=chats").status, 422);

  // Stale services come last, marked.
  db_->with_session([](soci::session& sql) {
    sql << "UPDATE resource_services SET due_on = '2026-10-01' WHERE source_id = 'a'";
  });
  auto r = c.get("/api/v1/resources/services?q=epicerie");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["items"][0]["nom"], "Coup de pouce alimentaire");
  EXPECT_EQ(r.json()["items"][1]["nom"], "Épicerie solidaire");
  EXPECT_TRUE(r.json()["items"][1]["stale"].get<bool>());
  EXPECT_FALSE(r.json()["items"][0]["stale"].get<bool>());
}

TEST_P(ResourcesTest, ImportStoresTheValidRecordsAndReportsTheOthersThenIsIdempotent) {
  Json file = {{"structures",
                {structure("s1", "CCAS de Démoville"),
                 structure("s2", "X"),
                 {{"source", "test"},
                  {"id", "s3"},
                  {"nom", "Sans description"},
                  {"date_maj", "2026-01-01"}}}},
               {"services",
                {service("ok", "s1", "Épicerie solidaire", "Épicerie" + kLongText,
                         {"equipement-et-alimentation--alimentation"}, {"00101"}),
                 service("orphan", "s2", "Service d'une structure rejetée", "Rejeté" + kLongText,
                         {"equipement-et-alimentation--alimentation"}, {"00101"}),
                 service("emploi", "s1", "Atelier CV", "Atelier" + kLongText,
                         {"preparer-sa-candidature--realiser-un-cv-et-ou-une-lettre-de-motivation"},
                         {"00101"}),
                 service("bad", "s1", "Service invalide", "Invalide" + kLongText,
                         {"sante--inconnue"}, {"123"})}}};
  file["services"][3]["date_maj"] = "2027-01-01";
  file["services"][3]["couleur"] = "bleu";
  auto coordo = logged_in("coordo.demo");
  EXPECT_EQ(
      logged_in("conseiller.demo").call("POST", "/api/v1/resources/import", file.dump()).status,
      403);
  auto r = coordo.call("POST", "/api/v1/resources/import", file.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const auto report = r.json();
  EXPECT_EQ(report["structures_created"], 1);
  EXPECT_EQ(report["services_created"], 1);
  EXPECT_EQ(report["rejected"], 5);
  std::set<std::tuple<std::string, std::string, std::string>> got;
  for (const auto& e : report["errors"]) {
    got.insert({e["record"], e["field"].is_null() ? "" : e["field"].get<std::string>(), e["rule"]});
    EXPECT_FALSE(e["message"].get<std::string>().empty());
  }
  for (const auto& expected : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"structures[1]", "nom", "longueur"},
           {"structures[2]", "description", "obligatoire"},
           {"services[1]", "structure_id", "structure_rejetee"},
           {"services[2]", "sous_thematiques", "obligatoire"},
           {"services[3]", "thematiques", "liste"},
           {"services[3]", "zone_eligibilite", "format"},
           {"services[3]", "date_maj", "date_future"},
           {"services[3]", "couleur", "champ_inconnu"}})
    EXPECT_TRUE(got.count(expected)) << std::get<0>(expected) << " " << std::get<1>(expected);
  long long stored = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM resource_services WHERE source = 'test'", soci::into(stored);
  });
  EXPECT_EQ(stored, 1);

  auto again = coordo.call("POST", "/api/v1/resources/import", file.dump());
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.json()["services_created"], 0);
  EXPECT_EQ(again.json()["structures_created"], 0);
  EXPECT_EQ(again.json()["services_updated"], 0);
  EXPECT_EQ(again.json()["unchanged"], 2);
  file["services"][0]["nom"] = "Épicerie solidaire du centre";
  auto changed = coordo.call("POST", "/api/v1/resources/import", file.dump());
  EXPECT_EQ(changed.json()["services_updated"], 1);
  EXPECT_EQ(audit_count("resource.import"), 3);
  EXPECT_EQ(coordo.call("POST", "/api/v1/resources/import", "[1]").status, 422);
  if (db_->dialect() == store::Dialect::postgres) {
    // The text index takes imported services in place: no pending list for every search to
    // read whole until the next VACUUM (2.2 ms a search after an import of 10 000 services).
    long long in_place = 0;
    db_->with_session([&](soci::session& sql) {
      sql << "SELECT COUNT(*) FROM pg_class WHERE relname = 'resource_services_search' AND "
             "'fastupdate=off' = ANY(reloptions)",
          soci::into(in_place);
    });
    EXPECT_EQ(in_place, 1);
  }
}

TEST_P(ResourcesTest, ExportThenImportIntoAnotherDatabaseGivesTheSameExport) {
  load_fixture();
  auto coordo = logged_in("coordo.demo");
  auto first = coordo.get("/api/v1/resources/export");
  ASSERT_EQ(first.status, 200);
  const auto exported = first.json();
  ASSERT_GE(exported["services"].size(), 4u);
  // Every exported record passes the import's rules: a fresh database takes them all.
  TestDatabase other(GetParam());
  ASSERT_TRUE(other.available());
  auto db = store::Database::open(other.url(), 2);
  store::migrate(*db);
  db->transaction([](soci::session& sql) { store::upsert_departement(sql, "00", "Démo"); });
  app::Context ctx{*db, clock_, {}};
  app::ResourceBaseService resources(ctx);
  auto op = app::operator_actor();
  const auto report = resources.import_json(op, exported, "", {"test", "local"});
  EXPECT_TRUE(report.errors.empty())
      << report.errors.front().record << " " << report.errors.front().message;
  EXPECT_EQ(report.services_created, static_cast<int>(exported["services"].size()));
  EXPECT_EQ(resources.export_json(op, "00", {"test", "local"}), exported);
}

// The "à faire" list asks whoever validated a stale sheet to update it; a sheet nobody validated
// (imported) goes to the coordinateurs; the oldest update comes first.
TEST_P(ResourcesTest, TheWorklistSendsAStaleSheetToItsValidatorElseToTheCoordinateurs) {
  load_fixture();
  const auto conseiller_id = user_id("conseiller.demo");
  db_->with_session([&](soci::session& sql) {
    sql << "UPDATE resource_services SET validated_france_travail_by = :u WHERE source_id = 'a'",
        soci::use(conseiller_id);
    sql << "UPDATE resource_services SET date_maj = '2026-10-01' WHERE source_id = 'c'";
  });
  auto sheets = [&](const char* login) {
    std::vector<std::string> links;
    const auto list = logged_in(login).get("/api/v1/worklist").json();
    for (const auto& item : list["items"])
      if (item["kind"] == "ressource_a_mettre_a_jour") links.push_back(item["link"]);
    return links;
  };
  EXPECT_TRUE(sheets("coordo.demo").empty()) << "nothing stale yet";
  clock_.advance(24h * 92);  // 2027-02-18: date_maj 2026-11-01 + 3 months is past
  auto link_of = [&](const char* source_id) {
    long long id = 0;
    // A named string: SOCI runs the statement when the expression ends, after a temporary's end.
    const std::string source(source_id);
    db_->with_session([&](soci::session& sql) {
      sql << "SELECT id FROM resource_services WHERE source_id = :s", soci::use(source),
          soci::into(id);
    });
    return "/ressources/" + std::to_string(id);
  };
  EXPECT_EQ(sheets("conseiller.demo"), std::vector<std::string>{link_of("a")});
  EXPECT_EQ(sheets("coordo.demo"),
            (std::vector<std::string>{link_of("c"), link_of("b"), link_of("d")}))
      << "the three nobody validated, the oldest update first";
  EXPECT_TRUE(sheets("social.demo").empty()) << "validated by someone else, or by nobody";
}

TEST_P(ResourcesTest, APublishedServiceIsToBeUpdatedThreeMonthsLater) {
  load_fixture();
  auto conseiller = logged_in("conseiller.demo");
  EXPECT_TRUE(conseiller.get("/api/v1/resources/stale").json()["items"].empty());
  clock_.advance(24h * 92);  // 2027-02-18: date_maj 2026-11-01 + 3 months is past
  conseiller = logged_in("conseiller.demo");
  auto stale = conseiller.get("/api/v1/resources/stale").json()["items"];
  ASSERT_EQ(stale.size(), 4u);
  EXPECT_EQ(stale[0]["mise_a_jour_due_le"], "2027-02-01");
  EXPECT_TRUE(logged_in("pilotage.demo").get("/api/v1/resources/stale").json()["items"].empty())
      << "only those who may update it";
  const auto id = stale[0]["id"].get<long long>();
  auto confirmed =
      conseiller.call("POST", "/api/v1/resources/services/" + std::to_string(id) + "/confirmation");
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_FALSE(confirmed.json()["stale"].get<bool>());
  EXPECT_EQ(confirmed.json()["date_maj"], "2027-02-18");
  EXPECT_EQ(confirmed.json()["state"], "publie");
  EXPECT_EQ(conseiller.get("/api/v1/resources/stale").json()["items"].size(), 3u);
  const auto actor_stale = services_->resources.stale_for([&] {
    domain::Actor a;
    a.role = domain::Role::referent_social;
    a.org_kind = domain::OrgKind::service_departemental;
    a.departement = "00";
    return a;
  }());
  EXPECT_EQ(actor_stale.size(), 3u);
}

TEST_P(ResourcesTest, APersonIsLinkedToAServiceWithinScopeAndAudited) {
  load_fixture();
  const auto person = person_id_in_territory("Territoire Nord");
  const std::string path = "/api/v1/persons/" + std::to_string(person) + "/resource-actions";
  long long service = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT id FROM resource_services WHERE source_id = 'a'", soci::into(service);
  });
  auto c = logged_in("conseiller.demo");
  Json body = {
      {"service_id", service}, {"problematique", "se_loger"}, {"proposed_on", "2026-11-18"}};
  auto wrong = c.call("POST", path, body.dump());
  ASSERT_EQ(wrong.status, 422);
  EXPECT_EQ(wrong.json()["errors"][0]["field"], "problematique");
  body["problematique"] = "difficultes_financieres";
  body["note"] = "texte libre";
  EXPECT_EQ(c.call("POST", path, body.dump()).status, 422) << "no free text";
  body.erase("note");
  auto created = c.call("POST", path, body.dump());
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json()["status"], "proposee");
  const auto action = created.json()["id"].get<long long>();

  auto other = logged_in("conseiller2.demo");
  EXPECT_EQ(other.call("POST", path, body.dump()).status, 403);
  EXPECT_EQ(other.get(path).status, 403);
  EXPECT_EQ(other
                .call("POST", "/api/v1/resource-actions/" + std::to_string(action) + "/status",
                      Json{{"status", "realisee"}, {"on", "2026-11-18"}}.dump())
                .status,
            403);
  EXPECT_EQ(audit_count("resource_action.denied", person), 3);

  auto done = logged_in("social.demo")
                  .call("POST", "/api/v1/resource-actions/" + std::to_string(action) + "/status",
                        Json{{"status", "realisee"}, {"on", "2026-11-18"}}.dump());
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json()["done_on"], "2026-11-18");
  auto list = c.get(path);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json()["items"].size(), 1u);
  EXPECT_EQ(list.json()["items"][0]["service"]["nom"], "Épicerie solidaire");
  EXPECT_EQ(list.json()["items"][0]["status_label"], "Réalisée");
  EXPECT_EQ(audit_count("resource_action.create", person), 1);
  EXPECT_EQ(audit_count("resource_action.update", person), 1);
  EXPECT_EQ(audit_count("resource_action.read", person), 1);
}

TEST_P(ResourcesTest, AZoneNamingAnEpciCoversItsCommunesFromTheListAdminLoads) {
  load_fixture();
  // The demo département's list: Démoville-Nord's agglomération (200000016) and the Val-Sud
  // communauté de communes (200000024), which holds Sainte-Maquette (00221).
  auto c = logged_in("social.demo");
  auto communes = c.get("/api/v1/communes");
  ASSERT_EQ(communes.status, 200) << communes.body;
  EXPECT_EQ(communes.json()["communes"].size(), 7u);
  EXPECT_EQ(communes.json()["epcis"].size(), 2u);
  const auto list = communes.json()["communes"];
  for (const auto& commune : list)
    if (commune["code_insee"] == "00221") {
      EXPECT_EQ(commune["epci"]["nom"], "Communauté de communes du Val-Sud");
    }

  Json file = {{"structures", Json::array()},
               {"services",
                {service("e", "s1", "Permanence logement du Val-Sud", "Logement" + kLongText,
                         {"logement-hebergement--louer-un-logement"}, {"200000024"}),
                 service("f", "s1", "Permanence d'un EPCI inconnu", "Logement" + kLongText,
                         {"logement-hebergement--louer-un-logement"}, {"200000032"})}}};
  auto imported = logged_in("coordo.demo").call("POST", "/api/v1/resources/import", file.dump());
  ASSERT_EQ(imported.status, 200) << imported.body;
  EXPECT_EQ(imported.json()["services_created"], 1);
  ASSERT_EQ(imported.json()["errors"].size(), 1u);
  EXPECT_EQ(imported.json()["errors"][0]["rule"], "epci_inconnu");
  db_->with_session([](soci::session& sql) {
    sql << "UPDATE resource_services SET state = 'publie' WHERE source_id = 'e'";
  });
  auto has_val_sud = [&](const std::string& commune) {
    auto r = c.get("/api/v1/resources/services?per_page=100&commune=" + commune);
    EXPECT_EQ(r.status, 200) << r.body;
    const auto items = r.json()["items"];
    for (const auto& item : items)
      if (item["nom"] == "Permanence logement du Val-Sud") return true;
    return false;
  };
  EXPECT_TRUE(has_val_sud("00221"));
  EXPECT_TRUE(has_val_sud("00201"));
  EXPECT_FALSE(has_val_sud("00101")) << "Démoville-Nord is in the other EPCI";

  // Only admin replaces the list; a file that drops an EPCI still in a zone changes nothing.
  const std::string header = "code_insee;commune;code_postal;siren_epci;epci\n";
  const std::string moved = header +
                            "00101;Démoville-Nord;00100;200000024;Communauté de communes du "
                            "Val-Sud\n00221;Sainte-Maquette;00220;200000024;Communauté de "
                            "communes du Val-Sud\n";
  EXPECT_EQ(c.call("PUT", "/api/v1/admin/communes", Json{{"csv", moved}}.dump()).status, 403);
  auto admin = logged_in("admin.demo");
  auto dropped =
      admin.call("PUT", "/api/v1/admin/communes",
                 Json{{"csv", header + "00101;Démoville-Nord;00100;200000016;CA Nord\n"}}.dump());
  ASSERT_EQ(dropped.status, 422) << dropped.body;
  EXPECT_EQ(dropped.json()["errors"][0]["code"], "epci_utilise");
  auto bad = admin.call("PUT", "/api/v1/admin/communes",
                        Json{{"csv", moved + "62041;Arras;62000;;\n"}}.dump());
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_EQ(bad.json()["errors"][0]["field"], "ligne 4");
  EXPECT_EQ(c.get("/api/v1/communes").json()["communes"].size(), 7u) << "nothing changed";

  auto loaded = admin.call("PUT", "/api/v1/admin/communes", Json{{"csv", moved}}.dump());
  ASSERT_EQ(loaded.status, 200) << loaded.body;
  EXPECT_EQ(loaded.json()["communes"], 2);
  EXPECT_EQ(loaded.json()["epcis"], 1);
  EXPECT_TRUE(has_val_sud("00101")) << "Démoville-Nord now belongs to the Val-Sud";
  EXPECT_FALSE(has_val_sud("00201")) << "no longer in the list: département-wide zones only";
  EXPECT_EQ(audit_count("admin.communes.import"), 1);
  auto csv = c.get("/api/v1/communes?format=csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.body, header +
                          "00101;Démoville-Nord;00100;200000024;Communauté de communes du "
                          "Val-Sud\n00221;Sainte-Maquette;00220;200000024;Communauté de "
                          "communes du Val-Sud\n");
}

TEST_P(ResourcesTest, ABroadSearchCountsUpToTheCapAndPagesWithoutOverlap) {
  load_fixture();
  add_mass_services(520);
  auto c = logged_in("social.demo");
  auto broad = c.get("/api/v1/resources/services?commune=00101&per_page=100");
  ASSERT_EQ(broad.status, 200);
  EXPECT_EQ(broad.json()["total"], 500);
  EXPECT_TRUE(broad.json()["total_capped"].get<bool>());
  auto narrow = c.get("/api/v1/resources/services?problematique=lien_social");
  EXPECT_EQ(narrow.json()["total"], 1);
  EXPECT_FALSE(narrow.json()["total_capped"].get<bool>());
  std::set<long long> seen;
  for (int page = 1; page <= 6; ++page) {
    auto p = c.get("/api/v1/resources/services?problematique=se_loger&per_page=100&page=" +
                   std::to_string(page));
    ASSERT_EQ(p.status, 200);
    const auto items = p.json()["items"];
    for (const auto& item : items)
      EXPECT_TRUE(seen.insert(item["id"].get<long long>()).second) << "twice: " << item["nom"];
  }
  EXPECT_EQ(seen.size(), 520u) << "every match reachable by paging, past the counting cap";
}

TEST_P(ResourcesTest, PagesOfABroadSearchListEveryFreshMatchInNameOrderThenTheStaleOnes) {
  load_fixture();
  add_mass_services(520);
  db_->with_session([this](soci::session& sql) {
    // One in three past its update date, so that pages of 100 cross from fresh to stale.
    sql << "UPDATE resource_services SET due_on = '2026-10-01' WHERE source = 'mass' AND "
           "id % 3 = 0";
    if (db_->dialect() == store::Dialect::sqlite)
      sql << "INSERT INTO resource_services_fts (rowid, name, body) SELECT id, search_name, "
             "search_body FROM resource_services WHERE source = 'mass'";
  });
  long long stale_copies = 0;
  db_->with_session([&](soci::session& sql) {
    sql << "SELECT COUNT(*) FROM resource_services WHERE source = 'mass' AND due_on < "
           "'2026-11-18'",
        soci::into(stale_copies);
  });
  ASSERT_GT(stale_copies, 100);
  auto c = logged_in("social.demo");
  // Without text (more than 500 matches: the walk in name order) and with text (all the copies
  // score alike, so the name orders them as well).
  for (const std::string query : {"problematique=se_loger", "commune=00101", "q=alimentaire"}) {
    std::set<long long> seen;
    int mass = 0, stale = 0;
    bool stale_seen = false;
    std::string previous;
    for (int page = 1; page <= 7; ++page) {
      auto r = c.get("/api/v1/resources/services?per_page=100&" + query +
                     "&page=" + std::to_string(page));
      ASSERT_EQ(r.status, 200) << r.body;
      EXPECT_EQ(r.json()["total"], 500) << query << " page " << page;
      EXPECT_TRUE(r.json()["total_capped"].get<bool>()) << query << " page " << page;
      const auto items = r.json()["items"];
      for (const auto& item : items) {
        EXPECT_TRUE(seen.insert(item["id"].get<long long>()).second) << query << ": twice";
        const bool is_stale = item["stale"].get<bool>();
        EXPECT_FALSE(stale_seen && !is_stale) << query << ": a fresh one after a stale one";
        const std::string nom = item["nom"];
        if (is_stale != stale_seen) previous.clear();  // names start again with the stale ones
        EXPECT_LE(previous, nom) << query << ": not in name order";
        previous = nom;
        stale_seen = is_stale;
        if (nom.rfind("Service de masse", 0) == 0) ++mass, stale += is_stale;
      }
    }
    EXPECT_EQ(mass, 520) << query << ": every copy reachable by paging";
    EXPECT_EQ(stale, stale_copies) << query;
  }
}

INSTANTIATE_TEST_SUITE_P(Backends, ResourcesTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
