// The base of resources: field validation in the data·inclusion schema's terms, freshness, and
// the life cycle brouillon → validé by both sides → publié → archivé.
#include <gtest/gtest.h>

#include <algorithm>

#include "domain/resource.hpp"

namespace binome::domain {
namespace {

using namespace std::chrono;
const Date kToday{year{2026}, November, day{18}};

ResourceService valid_service() {
  ResourceService s;
  s.nom = "Épicerie solidaire du centre";
  s.description = "Une épicerie où les familles aux faibles revenus achètent à 10 % du prix.";
  s.type = "aide-materielle";
  s.thematiques = {"equipement-et-alimentation--alimentation"};
  s.publics = {"familles", "beneficiaires-des-minimas-sociaux"};
  s.zone_eligibilite = {"62041", "62"};
  s.modes_accueil = {"en-presentiel"};
  s.modes_mobilisation = {"telephoner"};
  s.mobilisable_par = {"professionnels"};
  s.telephone = "03 21 00 00 00";
  s.courriel = "epicerie@example.org";
  s.code_insee = "62041";
  s.code_postal = "62000";
  s.sub_themes = {"difficultes_financieres.aides"};
  s.date_maj = "2026-11-01";
  return s;
}

std::set<std::string> rules_of(const FieldErrors& errors, const std::string& field) {
  std::set<std::string> out;
  for (const auto& e : errors)
    if (e.field == field) out.insert(e.code);
  return out;
}

const std::set<std::string> kSubThemes{"difficultes_financieres.aides", "se_loger.hebergement"};

TEST(ResourceRulesTest, AValidServicePasses) {
  EXPECT_TRUE(validate(valid_service(), kSubThemes, kToday).empty());
}

TEST(ResourceRulesTest, EveryFieldIsChecked) {
  auto s = valid_service();
  s.nom = "Ab";
  s.description = "Trop court.";
  s.type = "cafe";
  s.thematiques = {"logement-hebergement--louer-un-logement", "sante--inconnue"};
  s.publics = {"familles", "familles"};
  s.zone_eligibilite = {"6204", "france"};
  s.code_insee = "ABCDE";
  s.code_postal = "6200";
  s.telephone = "appelez-nous";
  s.courriel = "pas une adresse";
  s.lien_mobilisation = "ftp://exemple";
  s.sub_themes = {"inconnu"};
  s.update_every_months = 0;
  s.date_maj = "2026-11-19";
  const auto errors = validate(s, kSubThemes, kToday);
  EXPECT_EQ(rules_of(errors, "nom"), std::set<std::string>{"longueur"});
  EXPECT_EQ(rules_of(errors, "description"), std::set<std::string>{"longueur"});
  EXPECT_EQ(rules_of(errors, "type"), std::set<std::string>{"liste"});
  EXPECT_EQ(rules_of(errors, "thematiques"), std::set<std::string>{"liste"});
  EXPECT_EQ(rules_of(errors, "publics"), std::set<std::string>{"doublon"});
  EXPECT_EQ(rules_of(errors, "zone_eligibilite"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "code_insee"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "code_postal"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "telephone"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "courriel"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "lien_mobilisation"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "sous_thematiques"), std::set<std::string>{"liste"});
  EXPECT_EQ(rules_of(errors, "frequence_mise_a_jour_mois"), std::set<std::string>{"intervalle"});
  EXPECT_EQ(rules_of(errors, "date_maj"), std::set<std::string>{"date_future"});
  for (const auto& e : errors) EXPECT_FALSE(e.message.empty());
}

TEST(ResourceRulesTest, RequiredFieldsAndNamesEndingWithADot) {
  ResourceService s;
  s.nom = "Aide alimentaire.";
  const auto errors = validate(s, kSubThemes, kToday);
  EXPECT_EQ(rules_of(errors, "nom"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "description"), std::set<std::string>{"obligatoire"});
  EXPECT_EQ(rules_of(errors, "zone_eligibilite"), std::set<std::string>{"obligatoire"});
  EXPECT_EQ(rules_of(errors, "sous_thematiques"), std::set<std::string>{"obligatoire"});
  EXPECT_EQ(rules_of(errors, "date_maj"), std::set<std::string>{"obligatoire"});
}

TEST(ResourceRulesTest, StructureSiretAndNetworks) {
  ResourceStructure s;
  s.nom = "Centre communal d'action sociale";
  s.description = "Le CCAS accueille, informe et oriente les habitants dans leurs démarches.";
  s.siret = "13003013300016";
  s.reseaux_porteurs = {"unccas"};
  s.date_maj = "2026-10-01";
  EXPECT_TRUE(validate(s, kToday).empty());
  s.siret = "13003013300017";
  s.reseaux_porteurs = {"unccas", "club-de-foot"};
  s.site_web = "www.exemple.fr";
  const auto errors = validate(s, kToday);
  EXPECT_EQ(rules_of(errors, "siret"), std::set<std::string>{"format"});
  EXPECT_EQ(rules_of(errors, "reseaux_porteurs"), std::set<std::string>{"liste"});
  EXPECT_EQ(rules_of(errors, "site_web"), std::set<std::string>{"format"});
  EXPECT_TRUE(is_valid_siret("35600000000001")) << "La Poste's rule";
}

TEST(ResourceRulesTest, CodesOfCommunesAndDepartements) {
  EXPECT_TRUE(is_commune_code("2A004"));
  EXPECT_FALSE(is_commune_code("2C004"));
  EXPECT_TRUE(is_departement_code("974"));
  EXPECT_FALSE(is_departement_code("621"));
  EXPECT_EQ(departement_of_commune("97411"), "974");
  EXPECT_EQ(departement_of_commune("62041"), "62");
}

TEST(ResourceRulesTest, StaleThreeMonthsAfterTheLastUpdate) {
  auto s = valid_service();
  s.date_maj = "2026-08-18";
  EXPECT_EQ(to_iso(update_due_on(s.date_maj, 3)), "2026-11-18");
  EXPECT_FALSE(is_stale(s, kToday)) << "due today, not yet past";
  s.date_maj = "2026-08-17";
  EXPECT_TRUE(is_stale(s, kToday));
  s.update_every_months = 6;
  EXPECT_FALSE(is_stale(s, kToday));
}

Actor actor(std::int64_t id, Role role, OrgKind kind) {
  Actor a;
  a.user_id = id;
  a.role = role;
  a.org_kind = kind;
  a.departement = "62";
  return a;
}

TEST(ResourceRulesTest, BothSidesValidateThenPublishThenArchive) {
  auto s = valid_service();
  const auto ft = actor(1, Role::conseiller, OrgKind::agence);
  const auto ft2 = actor(2, Role::coordinateur, OrgKind::ft_direction);
  const auto cd = actor(3, Role::referent_social, OrgKind::service_departemental);
  const auto partner = actor(4, Role::referent_social, OrgKind::partenaire);
  const auto admin = actor(5, Role::admin, OrgKind::departement);
  EXPECT_THROW(apply_publication(s, "t"), DomainError) << "not validated yet";
  EXPECT_THROW(apply_validation(s, partner, "t"), DomainError);
  EXPECT_THROW(apply_validation(s, admin, "t"), DomainError);
  apply_validation(s, ft, "2026-11-18T10:00:00Z");
  EXPECT_EQ(s.state, ResourceState::brouillon);
  try {
    apply_validation(s, ft2, "t");
    FAIL() << "a second validation by the same side";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.errors().front().code, "deja_valide");
  }
  apply_validation(s, cd, "2026-11-18T11:00:00Z");
  EXPECT_EQ(s.state, ResourceState::valide);
  EXPECT_EQ(s.validated_france_travail_by, 1);
  EXPECT_EQ(s.validated_departement_by, 3);
  apply_publication(s, "2026-11-18T12:00:00Z");
  EXPECT_EQ(s.state, ResourceState::publie);
  apply_edit(s);
  EXPECT_EQ(s.state, ResourceState::brouillon) << "a change withdraws both validations";
  EXPECT_FALSE(s.validated_departement_by);
  EXPECT_FALSE(s.validated_france_travail_by);
  apply_archive(s, "t");
  EXPECT_THROW(apply_edit(s), DomainError);
  EXPECT_THROW(apply_archive(s, "t"), DomainError);
}

}  // namespace
}  // namespace binome::domain
