// Snapshots and events between two files, and the reconciliation keys (pure parts of the
// import; the database side is in tests/integration/flows_import_test.cpp).
#include <gtest/gtest.h>

#include "flows/reconcile.hpp"
#include "flows/snapshot.hpp"
#include "flows_support.hpp"

namespace binome::flows::testing {
namespace {

std::vector<Values> dossiers_of(const std::string& doc) {
  std::vector<Values> out;
  ReaderCallbacks cb;
  cb.on_dossier = [&](std::size_t, unsigned long, const Values& v, bool) { out.push_back(v); };
  FlowReader reader(*domain::parse_date("2024-11-20"), cb);
  reader.feed(doc);
  reader.finish();
  return out;
}

std::vector<std::string> kinds(const std::vector<FlowEvent>& events) {
  std::vector<std::string> out;
  for (const auto& e : events) out.emplace_back(to_string(e.kind));
  return out;
}

JobSeekerSnapshot base() {
  JobSeekerSnapshot s;
  s.kind = "PECGM";
  s.date_reference = "2024-09-01";
  s.code_pe = "062";
  s.identifiant_pe = "1234567A";
  s.date_debut_ide = "2023-11-02";
  s.modalite = "REN";
  return s;
}

TEST(FlowEvents, SnapshotOfTheSample) {
  const auto d = dossiers_of(sample("pecgm"));
  ASSERT_EQ(d.size(), 2u);
  const auto s = snapshot_of(Flow::pecgm, d[0], "2024-09-01", std::nullopt);
  EXPECT_EQ(s.nir, "2850762041123");
  EXPECT_EQ(s.code_categorie, "1");
  EXPECT_EQ(s.modalite, "GLO");
  EXPECT_EQ(s.axe, "06");
  EXPECT_EQ(s.ppae_date_signature, "2023-11-20");
  EXPECT_EQ(s.structure_principale, "ARRAS AGENCE, 2 BIS RUE SYMPHORINE, 62000 ARRAS");
  const auto m = snapshot_of(Flow::pecgm, d[1], "2024-09-01", std::nullopt);
  EXPECT_EQ(m.date_cessation, "2024-08-12");
  EXPECT_EQ(m.motif_cessation, "21");
  EXPECT_FALSE(m.nir);
}

TEST(FlowEvents, WeeklyFileKeepsTheMonthlyData) {
  auto prev = base();
  prev.modalite = "GLO";
  prev.axe = "06";
  const auto d = dossiers_of(sample("pecdh"));
  const auto s = snapshot_of(Flow::pecdh, d[0], "2024-09-16", prev);
  EXPECT_EQ(s.modalite, "GLO");
  EXPECT_EQ(s.axe, "06");
  EXPECT_EQ(s.date_radiation, "2024-09-02");
  EXPECT_EQ(kinds(derive_events(prev, s)),
            (std::vector<std::string>{"radiation", "inscription", "changement_site"}))
      << "a weekly file says nothing about GLO; registered 2024-01-08, not 2023-11-02; "
         "020/0042137Z is another site than 062/1234567A";
}

TEST(FlowEvents, FirstSnapshotRaisesOnlyCallsToAction) {
  auto s = base();
  EXPECT_TRUE(derive_events(std::nullopt, s).empty()) << "a registration alone is no news";
  s.modalite = "GLO";
  s.date_radiation = "2024-08-20";
  s.motif_radiation = "60";
  EXPECT_EQ(kinds(derive_events(std::nullopt, s)),
            (std::vector<std::string>{"radiation", "entree_glo"}));
}

TEST(FlowEvents, ChangesBetweenMonths) {
  const auto prev = base();
  auto next = prev;
  next.date_reference = "2024-10-01";
  EXPECT_TRUE(derive_events(prev, next).empty()) << "same data: nothing";
  next.date_cessation = "2024-09-15";
  next.motif_cessation = "21";
  auto e = derive_events(prev, next);
  ASSERT_EQ(kinds(e), (std::vector<std::string>{"cessation"}));
  EXPECT_EQ(e[0].date, "2024-09-15");
  EXPECT_NE(e[0].detail.find("reprise d'emploi par l'agence"), std::string::npos) << e[0].detail;
  EXPECT_TRUE(derive_events(next, next).empty()) << "the same cessation is raised once";
  auto back = next;
  back.date_cessation.reset();
  back.motif_cessation.reset();
  back.date_debut_ide = "2024-10-20";
  e = derive_events(next, back);
  ASSERT_EQ(kinds(e), (std::vector<std::string>{"inscription"}));
  EXPECT_EQ(e[0].date, "2024-10-20");
  auto glo = prev;
  glo.modalite = "GLO";
  EXPECT_EQ(kinds(derive_events(prev, glo)), (std::vector<std::string>{"entree_glo"}));
  EXPECT_EQ(kinds(derive_events(glo, prev)), (std::vector<std::string>{"sortie_glo"}));
}

TEST(FlowEvents, Motif46ThenNewIdsIsOneChangeOfSite) {
  const auto prev = base();
  auto leaving = prev;
  leaving.date_cessation = "2024-09-20";
  leaving.motif_cessation = "46";
  EXPECT_EQ(kinds(derive_events(prev, leaving)), (std::vector<std::string>{"changement_site"}));
  auto arrived = leaving;
  arrived.date_cessation.reset();
  arrived.motif_cessation.reset();
  arrived.code_pe = "059";
  arrived.identifiant_pe = "7654321B";
  EXPECT_TRUE(derive_events(leaving, arrived).empty()) << "already announced by the motif 46";
  // New ids without a motif 46 first: the change is raised when seen.
  const auto e = derive_events(prev, arrived);
  ASSERT_EQ(kinds(e), (std::vector<std::string>{"changement_site"}));
  EXPECT_NE(e[0].detail.find("7654321B"), std::string::npos);
}

TEST(FlowReconcile, IdentityKeyIgnoresAccentsCaseHyphensApostrophes) {
  EXPECT_EQ(identity_key("N'Diaye", "Jean-François", "1990-01-01"),
            identity_key("NDIAYE", "JEAN FRANCOIS", "1990-01-01"));
  EXPECT_EQ(identity_key("Lefèvre", "Hélène", "1985-07-14"), "lefevre|helene|1985-07-14");
  EXPECT_NE(identity_key("Lefèvre", "Hélène", "1985-07-14"),
            identity_key("Lefèvre", "Hélène", "1985-07-15"));
}

TEST(FlowReconcile, NirThenFranceTravailIdThenIdentity) {
  const auto d = dossiers_of(sample("pecgm"));  // Hélène (NIR, 062 1234567A), Moussa
  PersonIndex index;
  index.add_person({1, "Lefevre", "Helene", "1985-07-14", std::nullopt});
  index.add_person({2, "Ndiaye", "Moussa", "1992-02-29", std::nullopt});
  auto m = index.match(d[0]);
  EXPECT_EQ(m.person_id, 1);
  EXPECT_STREQ(m.how, "identite");
  index.add_known_ids(1, std::string("2850762041123"), std::string("062"), std::string("1234567A"));
  EXPECT_STREQ(index.match(d[0]).how, "nir");
  PersonIndex by_ft;
  by_ft.add_person({7, "Autre", "Nom", "1900-01-01", std::string("76543210")});
  m = by_ft.match(d[1]);
  EXPECT_EQ(m.person_id, 7);
  EXPECT_STREQ(m.how, "identifiant_ft");
  PersonIndex by_full_ft;
  by_full_ft.add_person({8, "Autre", "Nom", "1900-01-01", std::string("06276543210")});
  EXPECT_EQ(by_full_ft.match(d[1]).person_id, 8);
}

TEST(FlowReconcile, NamesakesAndContradictedIdentitiesMatchNobody) {
  const auto d = dossiers_of(sample("pecgm"));
  PersonIndex twins;
  twins.add_person({1, "Lefèvre", "Hélène", "1985-07-14", std::nullopt});
  twins.add_person({2, "LEFEVRE", "HELENE", "1985-07-14", std::nullopt});
  auto m = twins.match(d[0]);
  EXPECT_FALSE(m.person_id);
  EXPECT_TRUE(m.ambiguous);
  PersonIndex other_id;
  other_id.add_person({3, "Lefèvre", "Hélène", "1985-07-14", std::string("99999999")});
  m = other_id.match(d[0]);
  EXPECT_FALSE(m.person_id) << "same name and birth date, another France Travail id";
  EXPECT_TRUE(m.ambiguous);
  PersonIndex married;
  married.add_person({4, "Dubois", "Hélène", "1985-07-14", std::nullopt});
  EXPECT_EQ(married.match(d[0]).person_id, 4) << "known under her married name";
}

}  // namespace
}  // namespace binome::flows::testing
