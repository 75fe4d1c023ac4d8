// Eligibility, accord tacite per convention, status transitions and the entry deadline.
#include <gtest/gtest.h>

#include "domain/orientation.hpp"

namespace binome::domain {
namespace {

using namespace std::chrono;

Date d(int y, unsigned m, unsigned day) {
  return Date{year{y}, month{m}, std::chrono::day{day}};
}

ConventionRules rules_62() {
  ConventionRules r;
  r.decision_modes = {DecisionMode::accord_tacite, DecisionMode::accord_bilateral};
  r.tacit_publics = {TacitPublic::brsa_oriente_ft, TacitPublic::nouvel_entrant_rsa,
                     TacitPublic::de_non_brsa, TacitPublic::metier_en_tension};
  r.entry_deadline_days = 21;
  r.metiers_en_tension = {"G1602", "J1501"};
  return r;
}

ConventionRules rules_67() {
  ConventionRules r;
  r.decision_modes = {DecisionMode::diagnostic_partage, DecisionMode::confiance_reciproque};
  r.entry_deadline_days = 21;
  return r;
}

OrientationRequest eligible(const std::string& mode) {
  OrientationRequest r;
  r.origin = "france_travail";
  r.decision_mode = mode;
  r.registered_job_seeker = true;
  r.social_criteria = {"logement"};
  r.professional_criteria = {"mobilite"};
  r.obstacles = {"logement", "transport"};
  r.consent_signature_date = "2026-11-20";
  return r;
}

std::vector<std::string> rules_of(const std::vector<RuleFailure>& failures) {
  std::vector<std::string> out;
  for (const auto& f : failures) out.push_back(f.rule);
  return out;
}

TEST(EligibilityTest, AnEligibleBilateralOrientationPasses) {
  EXPECT_TRUE(
      check_eligibility(eligible("accord_bilateral"), true, Side::france_travail, rules_62(), "62")
          .empty());
}

TEST(EligibilityTest, EveryMissingConditionIsNamedWithTheConvention) {
  OrientationRequest r = eligible("accord_bilateral");
  r.registered_job_seeker = false;
  r.social_criteria.clear();
  r.professional_criteria.clear();
  r.consent_signature_date.reset();
  const auto failures =
      check_eligibility(r, false, Side::departement, rules_62(), "Pas-de-Calais 2024");
  EXPECT_EQ(rules_of(failures), (std::vector<std::string>{"inscription_de", "frein_social",
                                                          "frein_professionnel", "consentement"}));
  for (const auto& f : failures) EXPECT_NE(f.message.find("Pas-de-Calais 2024"), std::string::npos);
  EXPECT_FALSE(failures[3].overridable) << "consent is never set aside";
  EXPECT_TRUE(failures[0].overridable);
}

TEST(EligibilityTest, AccordTaciteIsAllowedIn62ForItsPublicsAndRefusedIn67) {
  auto r = eligible("accord_tacite");
  r.tacit_public = "de_non_brsa";
  EXPECT_TRUE(check_eligibility(r, false, Side::france_travail, rules_62(), "62").empty());
  const auto in_67 = check_eligibility(r, false, Side::france_travail, rules_67(), "67");
  ASSERT_EQ(rules_of(in_67), std::vector<std::string>{"mode_decision"});
  EXPECT_FALSE(in_67[0].overridable);
  EXPECT_NE(in_67[0].message.find("Diagnostic partagé"), std::string::npos)
      << "names the modes allowed";
}

TEST(EligibilityTest, EachTacitPublicHasItsDetectorAndItsConditions) {
  auto r = eligible("accord_tacite");
  r.tacit_public = "de_non_brsa";
  EXPECT_EQ(rules_of(check_eligibility(r, true, Side::france_travail, rules_62(), "62")),
            std::vector<std::string>{"accord_tacite_public"})
      << "a BrSa is not a non-BrSa job seeker";
  r.tacit_public = "brsa_oriente_ft";
  EXPECT_TRUE(check_eligibility(r, true, Side::france_travail, rules_62(), "62").empty());
  EXPECT_FALSE(check_eligibility(r, true, Side::departement, rules_62(), "62").empty())
      << "detected by France Travail only";
  r.tacit_public = "metier_en_tension";
  r.rome_code = "G1602";
  EXPECT_TRUE(check_eligibility(r, false, Side::departement, rules_62(), "62").empty());
  EXPECT_FALSE(check_eligibility(r, false, Side::france_travail, rules_62(), "62").empty())
      << "detected by the Département only";
  r.rome_code = "M1607";
  EXPECT_FALSE(check_eligibility(r, false, Side::departement, rules_62(), "62").empty())
      << "not on the list of métiers en tension";
  r.tacit_public.reset();
  EXPECT_FALSE(check_eligibility(r, false, Side::departement, rules_62(), "62").empty());
}

TEST(OrientationFlowTest, StatusesFollowTheModeAndTheSides) {
  EXPECT_EQ(initial_status(DecisionMode::accord_tacite, Side::france_travail),
            OrientationStatus::en_attente_entree);
  EXPECT_EQ(initial_status(DecisionMode::accord_bilateral, Side::departement),
            OrientationStatus::en_attente_reponse);
  EXPECT_EQ(initial_status(DecisionMode::accord_bilateral, Side::partenaire),
            OrientationStatus::a_valider_slai);
  EXPECT_EQ(initial_status(DecisionMode::confiance_reciproque, Side::departement),
            OrientationStatus::en_attente_decision);
  Positions p{true, std::nullopt};
  EXPECT_EQ(status_after_positions(DecisionMode::accord_bilateral, p),
            OrientationStatus::en_attente_reponse);
  p.departement = true;
  EXPECT_EQ(status_after_positions(DecisionMode::accord_bilateral, p),
            OrientationStatus::en_attente_decision);
  p.departement = false;
  EXPECT_EQ(status_after_positions(DecisionMode::diagnostic_partage, p),
            OrientationStatus::desaccord);
}

TEST(EntryDeadlineTest, DueAfterTheConventionsDelayWithAnAlertAWeekBefore) {
  const auto rules = rules_62();
  const auto on = d(2026, 11, 2);
  auto dl = entry_deadline(on, rules, d(2026, 11, 15), true);
  ASSERT_TRUE(dl.due);
  EXPECT_EQ(to_iso(*dl.due), "2026-11-23");
  EXPECT_EQ(dl.state, Deadline::State::ok);
  EXPECT_EQ(entry_deadline(on, rules, d(2026, 11, 16), true).state, Deadline::State::bientot);
  EXPECT_EQ(entry_deadline(on, rules, d(2026, 11, 23), true).state, Deadline::State::bientot);
  EXPECT_EQ(entry_deadline(on, rules, d(2026, 11, 24), true).state, Deadline::State::depasse);
  EXPECT_EQ(entry_deadline(on, rules, d(2026, 11, 24), false).state, Deadline::State::none)
      << "no alert once the orientation is closed";
  ConventionRules no_deadline = rules_62();
  no_deadline.entry_deadline_days.reset();  // 77 sets none
  EXPECT_FALSE(entry_deadline(on, no_deadline, d(2026, 12, 24), true).due);
}

TEST(OrientationRequestTest, UnknownCodesAndFutureSignaturesAreRefused) {
  auto r = eligible("accord_bilateral");
  r.obstacles.push_back("revenus");
  r.social_criteria.push_back("logement");
  r.consent_signature_date = "2026-12-01";
  r.decision_mode = "vote";
  std::set<std::string> fields;
  for (const auto& e : validate_request(r, d(2026, 11, 22))) fields.insert(*e.field);
  EXPECT_EQ(fields, (std::set<std::string>{"obstacles", "social_criteria", "consent.signature_date",
                                           "decision_mode"}));
}

}  // namespace
}  // namespace binome::domain
