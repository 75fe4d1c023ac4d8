// The tableau de suivi's recipients: the functions of seed 002 art. 5.2 a and addresses that
// can go into an SMTP envelope, every problem named with its line.
#include "domain/review_recipients.hpp"

#include <gtest/gtest.h>

namespace binome::domain {
namespace {

TEST(ReviewRecipientsTest, MailAddresses) {
  EXPECT_TRUE(is_mail_address("fse@francetravail.fr"));
  EXPECT_TRUE(is_mail_address("prenom.nom+revue@departement62.fr"));
  EXPECT_FALSE(is_mail_address(""));
  EXPECT_FALSE(is_mail_address("sans-arobase.fr"));
  EXPECT_FALSE(is_mail_address("@departement.fr"));
  EXPECT_FALSE(is_mail_address("a@b@departement.fr"));
  EXPECT_FALSE(is_mail_address("a@localhost"));
  EXPECT_FALSE(is_mail_address("a@departement.fr."));
  EXPECT_FALSE(is_mail_address("a b@departement.fr"));
  EXPECT_FALSE(is_mail_address("a@departement.fr\r\nBcc: x@y.fr"));
  EXPECT_FALSE(is_mail_address("a@x.fr, b@y.fr"));
  EXPECT_FALSE(is_mail_address(std::string(196, 'a') + "@x.fr"));
}

TEST(ReviewRecipientsTest, TheWholeListAtOnce) {
  EXPECT_TRUE(check_recipients({}).empty()) << "an empty list is allowed";
  EXPECT_TRUE(check_recipients({{"conseiller_ft", "a@ft.fr"}, {"charge_fse", "b@ft.fr"}}).empty());
  const auto errors = check_recipients({{"conseiller_ft", "a@ft.fr"},
                                        {"maire", "b@ft.fr"},
                                        {"charge_fse", "A@FT.FR"},
                                        {"charge_fse", "non"}});
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].code, "fonction_inconnue");
  EXPECT_EQ(errors[0].message.rfind("Destinataire 2 : ", 0), 0u);
  EXPECT_EQ(errors[1].code, "doublon") << "the same address, whatever its case";
  EXPECT_EQ(errors[2].code, "adresse_invalide");
  std::vector<Recipient> many(kMaxRecipients + 1);
  for (std::size_t i = 0; i < many.size(); ++i)
    many[i] = {"charge_fse", "a" + std::to_string(i) + "@ft.fr"};
  EXPECT_EQ(check_recipients(many).front().code, "trop_nombreux");
}

}  // namespace
}  // namespace binome::domain
