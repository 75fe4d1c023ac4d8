// Who may see a named person: the rule of art. 4.2 of the convention, role by role.
#include "domain/scope.hpp"

#include <gtest/gtest.h>

#include <optional>

#include "domain/role.hpp"

namespace {

using binome::domain::Access;
using binome::domain::Actor;
using binome::domain::OrgKind;
using binome::domain::person_access;
using binome::domain::PersonScope;
using binome::domain::Reach;
using binome::domain::reach_of;
using binome::domain::Role;

// A person followed in the Pas-de-Calais by conseiller 10 (agence 100) and référent social 20
// (partner 200), living in territory 300.
PersonScope followed_person() {
  PersonScope p;
  p.conseiller_id = 10;
  p.referent_social_id = 20;
  p.referent_social_org_id = 200;
  p.territory_id = 300;
  p.agence_id = 100;
  p.departement = "62";
  return p;
}

Actor actor(Role role, std::int64_t user_id, std::int64_t org_id, OrgKind kind,
            std::optional<std::int64_t> territory = std::nullopt, std::string departement = "62") {
  Actor a;
  a.user_id = user_id;
  a.login = "user" + std::to_string(user_id);
  a.role = role;
  a.org_id = org_id;
  a.org_kind = kind;
  a.territory_id = territory;
  a.departement = std::move(departement);
  return a;
}

// --- conseiller and référent social: only their own persons ---------------------------------

TEST(ScopeTest, ConseillerSeesPersonHeIsConseillerOf) {
  const Actor c = actor(Role::conseiller, 10, 100, OrgKind::agence, 300);
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);
}

TEST(ScopeTest, ConseillerOfSameAgenceWhoIsNotReferentIsRefused) {
  // Same agence, same territory, same département: still not one of his persons.
  const Actor colleague = actor(Role::conseiller, 11, 100, OrgKind::agence, 300);
  EXPECT_EQ(person_access(colleague, followed_person()), Access::not_in_scope);
}

TEST(ScopeTest, ConseillerSeesPersonWhenHeIsTheReferentSocial) {
  const Actor c = actor(Role::conseiller, 20, 100, OrgKind::agence);
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);
}

TEST(ScopeTest, ReferentSocialSeesPersonHeIsReferentOf) {
  const Actor r = actor(Role::referent_social, 20, 200, OrgKind::partenaire);
  EXPECT_EQ(person_access(r, followed_person()), Access::allowed);
}

TEST(ScopeTest, ReferentSocialSeesPersonWhenHeIsTheConseillerId) {
  const Actor r = actor(Role::referent_social, 10, 200, OrgKind::partenaire);
  EXPECT_EQ(person_access(r, followed_person()), Access::allowed);
}

TEST(ScopeTest, ReferentSocialOfSamePartnerWhoIsNotReferentIsRefused) {
  const Actor r = actor(Role::referent_social, 21, 200, OrgKind::partenaire);
  EXPECT_EQ(person_access(r, followed_person()), Access::not_in_scope);
}

TEST(ScopeTest, ReferentDoesNotMatchAPersonWithNoReferents) {
  PersonScope p = followed_person();
  p.conseiller_id.reset();
  p.referent_social_id.reset();
  EXPECT_EQ(person_access(actor(Role::conseiller, 10, 100, OrgKind::agence), p),
            Access::not_in_scope);
  // A user id of 0 must not match an absent referent either.
  EXPECT_EQ(person_access(actor(Role::referent_social, 0, 200, OrgKind::partenaire), p),
            Access::not_in_scope);
}

TEST(ScopeTest, ReferentReachIsTheUser) {
  const Reach r = reach_of(actor(Role::conseiller, 10, 100, OrgKind::agence, 300));
  EXPECT_EQ(r.kind, Reach::Kind::referent);
  EXPECT_EQ(r.id, 10);
  const Reach s = reach_of(actor(Role::referent_social, 20, 200, OrgKind::partenaire));
  EXPECT_EQ(s.kind, Reach::Kind::referent);
  EXPECT_EQ(s.id, 20);
}

// --- coordinateur of an agence --------------------------------------------------------------

TEST(ScopeTest, AgenceCoordinateurSeesPersonsOfItsAgence) {
  // Even with a territory on the actor, an agence coordinator's reach is the agence.
  const Actor c = actor(Role::coordinateur, 50, 100, OrgKind::agence, 999);
  const Reach r = reach_of(c);
  EXPECT_EQ(r.kind, Reach::Kind::agence);
  EXPECT_EQ(r.id, 100);
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);
}

TEST(ScopeTest, AgenceCoordinateurDoesNotSeeOtherAgences) {
  const Actor c = actor(Role::coordinateur, 50, 101, OrgKind::agence, 300);
  EXPECT_EQ(person_access(c, followed_person()), Access::not_in_scope);
  PersonScope no_agence = followed_person();
  no_agence.agence_id.reset();
  EXPECT_EQ(person_access(actor(Role::coordinateur, 50, 100, OrgKind::agence), no_agence),
            Access::not_in_scope);
}

// --- coordinateur of a territorial service --------------------------------------------------

TEST(ScopeTest, TerritoryCoordinateurSeesPersonsOfItsTerritory) {
  const Actor c = actor(Role::coordinateur, 60, 400, OrgKind::service_departemental, 300);
  const Reach r = reach_of(c);
  EXPECT_EQ(r.kind, Reach::Kind::territory);
  EXPECT_EQ(r.id, 300);
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);
}

TEST(ScopeTest, TerritoryCoordinateurDoesNotSeeOtherTerritories) {
  const Actor c = actor(Role::coordinateur, 60, 400, OrgKind::service_departemental, 301);
  EXPECT_EQ(person_access(c, followed_person()), Access::not_in_scope);
  PersonScope no_territory = followed_person();
  no_territory.territory_id.reset();
  EXPECT_EQ(person_access(actor(Role::coordinateur, 60, 400, OrgKind::service_departemental, 300),
                          no_territory),
            Access::not_in_scope);
}

// --- coordinateur of a mandated partner -----------------------------------------------------

TEST(ScopeTest, PartnerCoordinateurSeesPersonsOfItsSocialReferents) {
  const Actor c = actor(Role::coordinateur, 70, 200, OrgKind::partenaire, 301);
  const Reach r = reach_of(c);
  EXPECT_EQ(r.kind, Reach::Kind::partner);
  EXPECT_EQ(r.id, 200);
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);
}

TEST(ScopeTest, PartnerCoordinateurDoesNotSeePersonsOfOtherPartners) {
  // Same territory and département as the person, but another partner.
  const Actor c = actor(Role::coordinateur, 70, 201, OrgKind::partenaire, 300);
  EXPECT_EQ(person_access(c, followed_person()), Access::not_in_scope);
}

// --- coordinateur at département level ------------------------------------------------------

TEST(ScopeTest, DepartementCoordinateurSeesItsDepartementOnly) {
  const Actor c = actor(Role::coordinateur, 80, 1, OrgKind::departement, std::nullopt, "62");
  const Reach r = reach_of(c);
  EXPECT_EQ(r.kind, Reach::Kind::departement);
  EXPECT_EQ(r.departement, "62");
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);

  PersonScope elsewhere = followed_person();
  elsewhere.departement = "59";
  EXPECT_EQ(person_access(c, elsewhere), Access::not_in_scope);
}

TEST(ScopeTest, FtDirectionCoordinateurSeesItsDepartementOnly) {
  const Actor c = actor(Role::coordinateur, 81, 2, OrgKind::ft_direction, std::nullopt, "62");
  EXPECT_EQ(reach_of(c).kind, Reach::Kind::departement);
  EXPECT_EQ(person_access(c, followed_person()), Access::allowed);

  const Actor other = actor(Role::coordinateur, 82, 3, OrgKind::ft_direction, std::nullopt, "59");
  EXPECT_EQ(person_access(other, followed_person()), Access::not_in_scope);
}

TEST(ScopeTest, DepartementCoordinateurWithNoDepartementSeesNobody) {
  const Actor c = actor(Role::coordinateur, 83, 1, OrgKind::departement, std::nullopt, "");
  PersonScope p = followed_person();
  p.departement = "";
  EXPECT_EQ(person_access(c, p), Access::not_in_scope);
}

// --- roles that never see a named person ----------------------------------------------------

class ForbiddenRoleTest : public ::testing::TestWithParam<Role> {};

TEST_P(ForbiddenRoleTest, RoleForbiddenEvenWhenEverythingMatches) {
  // Same user as the conseiller, same agence, territory, partner and département.
  for (OrgKind kind : {OrgKind::agence, OrgKind::partenaire, OrgKind::service_departemental,
                       OrgKind::departement, OrgKind::ft_direction}) {
    const Actor a = actor(GetParam(), 10, kind == OrgKind::partenaire ? 200 : 100, kind, 300, "62");
    EXPECT_EQ(reach_of(a).kind, Reach::Kind::none);
    EXPECT_EQ(person_access(a, followed_person()), Access::role_forbidden);
  }
}

INSTANTIATE_TEST_SUITE_P(NoNamedPersons, ForbiddenRoleTest,
                         ::testing::Values(Role::pilotage, Role::admin, Role::dpo));

// --- role names -----------------------------------------------------------------------------

TEST(RoleTest, OnlySupportRolesMaySeeNamedPersons) {
  EXPECT_TRUE(binome::domain::may_see_named_persons(Role::conseiller));
  EXPECT_TRUE(binome::domain::may_see_named_persons(Role::referent_social));
  EXPECT_TRUE(binome::domain::may_see_named_persons(Role::coordinateur));
  EXPECT_FALSE(binome::domain::may_see_named_persons(Role::pilotage));
  EXPECT_FALSE(binome::domain::may_see_named_persons(Role::admin));
  EXPECT_FALSE(binome::domain::may_see_named_persons(Role::dpo));
}

TEST(RoleTest, ParseAndToStringRoundTrip) {
  for (Role role : {Role::conseiller, Role::referent_social, Role::coordinateur, Role::pilotage,
                    Role::admin, Role::dpo}) {
    const auto name = binome::domain::to_string(role);
    const auto parsed = binome::domain::parse_role(name);
    ASSERT_TRUE(parsed.has_value()) << name;
    EXPECT_EQ(*parsed, role);
  }
  EXPECT_EQ(binome::domain::to_string(Role::referent_social), "referent_social");
}

TEST(RoleTest, ParseRejectsUnknownNames) {
  EXPECT_FALSE(binome::domain::parse_role("").has_value());
  EXPECT_FALSE(binome::domain::parse_role("Admin").has_value());
  EXPECT_FALSE(binome::domain::parse_role("referent social").has_value());
  EXPECT_FALSE(binome::domain::parse_role("superuser").has_value());
}

TEST(RoleTest, LabelsAreFrench) {
  EXPECT_EQ(binome::domain::label_fr(Role::referent_social), "Référent social");
  EXPECT_EQ(binome::domain::label_fr(Role::admin), "Administrateur");
  EXPECT_EQ(binome::domain::label_fr(Role::dpo), "Délégué à la protection des données");
  EXPECT_EQ(binome::domain::label_fr(Role::conseiller), "Conseiller France Travail");
  for (Role role : {Role::conseiller, Role::referent_social, Role::coordinateur, Role::pilotage,
                    Role::admin, Role::dpo})
    EXPECT_NE(binome::domain::label_fr(role), "inconnu");
}

}  // namespace
