// The communes of a département and their EPCI as admin loads them: the CSV is checked whole
// (any problem names its line and nothing is usable), and a zone may name a known EPCI only.
#include "domain/commune_list.hpp"

#include <gtest/gtest.h>

#include "domain/resource.hpp"

namespace binome::domain {
namespace {

const std::string kHeader = "code_insee;commune;code_postal;siren_epci;epci\n";

TEST(CommuneListTest, AnEpciIsNamedByItsSirenWithAValidKey) {
  EXPECT_TRUE(is_epci_code("200000016"));
  EXPECT_TRUE(is_epci_code("200041630")) << "a real EPCI SIREN";
  EXPECT_FALSE(is_epci_code("200000017")) << "wrong Luhn key";
  EXPECT_FALSE(is_epci_code("20000001"));
  EXPECT_FALSE(is_epci_code("2000000A6"));
}

TEST(CommuneListTest, AZoneMayNameAnEpciButOnlyAKnownOne) {
  ResourceService s;
  s.zone_eligibilite = {"200000016", "200000017"};
  const auto errors =
      validate(s, {}, Date{std::chrono::year{2026}, std::chrono::November, std::chrono::day{18}});
  int zone_format = 0;
  for (const auto& e : errors)
    if (e.field == "zone_eligibilite" && e.code == "format") ++zone_format;
  EXPECT_EQ(zone_format, 1) << "only the SIREN with a wrong key is malformed";

  const auto unknown = check_zone_epcis({"00101", "200000016", "200000024"}, {"200000016"});
  ASSERT_EQ(unknown.size(), 1u);
  EXPECT_EQ(unknown[0].code, "epci_inconnu");
  EXPECT_NE(unknown[0].message.find("200000024"), std::string::npos);
}

TEST(CommuneListTest, AValidFileGivesTheCommunesAndTheirEpci) {
  FieldErrors errors;
  const auto list =
      parse_commune_csv("\xEF\xBB\xBF" + kHeader +
                            "00101;Démoville-Nord;00100;200000016;CA de Démoville-Nord\r\n"
                            "00111;Fictif-sur-Mer;00110;200000016;CA de Démoville-Nord\r\n"
                            "\n"
                            "00201;Démoville-Sud;00200;200000024;CC du Val-Sud\n"
                            "00231;Île-Isolée;00230;;\n",
                        "00", errors);
  ASSERT_TRUE(errors.empty()) << errors.front().message;
  ASSERT_EQ(list.communes.size(), 4u);
  ASSERT_EQ(list.epcis.size(), 2u);
  EXPECT_EQ(list.epcis[0].nom, "CA de Démoville-Nord");
  EXPECT_EQ(list.communes[1].epci, "200000016");
  EXPECT_FALSE(list.communes[3].epci.has_value()) << "a commune outside any EPCI";
  FieldErrors again;
  const auto round = parse_commune_csv(commune_csv(list), "00", again);
  EXPECT_TRUE(again.empty());
  EXPECT_EQ(round.communes.size(), 4u);
  EXPECT_EQ(commune_csv(round), commune_csv(list));
}

TEST(CommuneListTest, EveryProblemNamesItsLine) {
  FieldErrors errors;
  parse_commune_csv(kHeader +
                        "00101;Démoville-Nord;00100;200000016;CA Nord\n"  // line 2: fine
                        "62041;Arras;62000;200000016;CA Nord\n"           // 3: other département
                        "00101;Doublon;00100;200000016;CA Nord\n"         // 4: twice
                        "00121;Saint-Exemple;0012;200000017;CA Nord\n"    // 5: postal, key
                        "00131;Imaginaire;00130;200000016;Autre nom\n"    // 6: two names
                        "00141;Trop;peu\n",                               // 7: columns
                    "00", errors);
  std::vector<std::string> where;
  for (const auto& e : errors) where.push_back(*e.field + " " + e.code);
  EXPECT_EQ(where, (std::vector<std::string>{"ligne 3 departement", "ligne 4 doublon",
                                             "ligne 5 code_postal", "ligne 5 siren_epci",
                                             "ligne 6 epci", "ligne 7 colonnes"}));
  EXPECT_NE(errors[0].message.find("Ligne 3"), std::string::npos);

  FieldErrors header;
  parse_commune_csv("insee;nom\n00101;X\n", "00", header);
  ASSERT_EQ(header.size(), 1u);
  EXPECT_EQ(header[0].code, "entete");
  FieldErrors empty;
  parse_commune_csv("", "00", empty);
  ASSERT_EQ(empty.size(), 1u);
  EXPECT_EQ(empty[0].code, "entete");
}

}  // namespace
}  // namespace binome::domain
