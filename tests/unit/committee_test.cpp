// The committees' rules: the relevé de conclusions refuses what looks like personal data.
#include "domain/committee.hpp"

#include <gtest/gtest.h>

namespace binome::domain {
namespace {

TEST(CommitteeTest, ConclusionsWithoutPersonalDataPass) {
  EXPECT_TRUE(personal_data_hints("Le délai d'entrée moyen (19 jours) respecte la cible de 21 "
                                  "jours. Prochain COPIL en juin 2027, 12 agences.")
                  .empty());
}

TEST(CommitteeTest, PersonalDataIsFlagged) {
  EXPECT_EQ(personal_data_hints("écrire à jean.dupont@example.fr").size(), 1u);
  EXPECT_EQ(personal_data_hints("joindre au 06 12 34 56 78")[0], "un numéro de téléphone");
  EXPECT_EQ(personal_data_hints("NIR 1 84 12 76 451 089 46")[0], "un numéro de sécurité sociale");
  EXPECT_EQ(personal_data_hints("identifiant 1234567A")[0],
            "un identifiant (suite de 7 chiffres ou plus)");
  EXPECT_EQ(personal_data_hints("née le 12/03/1984")[0],
            "une date qui ressemble à une date de naissance");
}

TEST(CommitteeTest, FieldsChecked) {
  EXPECT_TRUE(check_committee("copil", "2026-06-15", {"indicateurs"}).empty());
  EXPECT_EQ(check_committee("bureau", "2026-13-01", {}).size(), 3u);
  EXPECT_EQ(check_committee("cellule_locale", "2026-06-15", {"autre"})[0].code, "inconnu");
}

}  // namespace
}  // namespace binome::domain
