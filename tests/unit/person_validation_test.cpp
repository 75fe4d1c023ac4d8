// Validation of a person's identity: every problem at once, each naming its field.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "domain/person.hpp"

namespace {

using binome::domain::Date;
using binome::domain::FieldErrors;
using binome::domain::PersonIdentity;
using binome::domain::validate;

const Date kToday{std::chrono::year{2026} / 11 / 22};

PersonIdentity valid_identity() {
  PersonIdentity p;
  p.last_name = "Lefèvre-D'Aubigné";
  p.first_name = "Élodie";
  p.birth_date = "1988-04-12";
  p.street = "12 rue des Écoles";
  p.postal_code = "62000";
  p.commune = "Arras";
  p.phone = "06 12 34 56 78";
  p.email = "elodie@example.fr";
  p.consent_electronic = true;
  p.ft_id = "1234567A";
  p.caf_id = "1234567";
  p.brsa = true;
  p.dependent_children = 2;
  return p;
}

std::vector<std::string> fields_of(const FieldErrors& errors) {
  std::vector<std::string> out;
  for (const auto& e : errors) out.push_back(e.field.value_or("<none>"));
  return out;
}

std::string codes_of(const FieldErrors& errors) {
  std::string out;
  for (const auto& e : errors) out += e.field.value_or("<none>") + "=" + e.code + " ";
  return out;
}

TEST(PersonValidationTest, ValidIdentityHasNoError) {
  const auto errors = validate(valid_identity(), kToday);
  EXPECT_TRUE(errors.empty()) << codes_of(errors);
}

TEST(PersonValidationTest, MinimalIdentityWithoutOptionalFieldsIsValid) {
  PersonIdentity p = valid_identity();
  p.phone.reset();
  p.email.reset();
  p.consent_electronic = false;
  p.ft_id.reset();
  p.caf_id.reset();
  p.dependent_children = 0;
  EXPECT_TRUE(validate(p, kToday).empty()) << codes_of(validate(p, kToday));
}

TEST(PersonValidationTest, EveryProblemIsReportedAtOnce) {
  PersonIdentity p = valid_identity();
  p.last_name = "";
  p.postal_code = "620";
  p.consent_electronic = false;  // email kept without consent
  const auto errors = validate(p, kToday);
  ASSERT_EQ(errors.size(), 3u) << codes_of(errors);
  const auto fields = fields_of(errors);
  EXPECT_EQ(std::count(fields.begin(), fields.end(), "last_name"), 1);
  EXPECT_EQ(std::count(fields.begin(), fields.end(), "postal_code"), 1);
  EXPECT_EQ(std::count(fields.begin(), fields.end(), "email"), 1);
  for (const auto& e : errors) EXPECT_FALSE(e.message.empty()) << *e.field;
}

TEST(PersonValidationTest, EmptyRequiredFieldsEachNamed) {
  PersonIdentity p = valid_identity();
  p.last_name.clear();
  p.first_name.clear();
  p.street.clear();
  p.commune.clear();
  const auto errors = validate(p, kToday);
  EXPECT_EQ(fields_of(errors),
            (std::vector<std::string>{"last_name", "first_name", "street", "commune"}));
  for (const auto& e : errors) EXPECT_EQ(e.code, "obligatoire");
}

TEST(PersonValidationTest, BirthDateInTheFutureIsRefused) {
  PersonIdentity p = valid_identity();
  p.birth_date = "2027-01-01";
  auto errors = validate(p, kToday);
  ASSERT_EQ(errors.size(), 1u) << codes_of(errors);
  EXPECT_EQ(errors[0].field, "birth_date");
  EXPECT_EQ(errors[0].code, "future");

  p.birth_date = "2026-11-23";  // tomorrow
  EXPECT_EQ(fields_of(validate(p, kToday)), std::vector<std::string>{"birth_date"});
  p.birth_date = "2026-11-21";  // yesterday is in the past
  EXPECT_TRUE(validate(p, kToday).empty());
}

TEST(PersonValidationTest, BirthDateMustBeARealDate) {
  PersonIdentity p = valid_identity();
  for (const char* bad : {"", "12/04/1988", "1988-02-30", "1988-4-12"}) {
    p.birth_date = bad;
    const auto errors = validate(p, kToday);
    ASSERT_EQ(errors.size(), 1u) << bad;
    EXPECT_EQ(errors[0].field, "birth_date");
    EXPECT_EQ(errors[0].code, "invalide");
  }
}

TEST(PersonValidationTest, EmailWithoutConsentIsRefused) {
  PersonIdentity p = valid_identity();
  p.consent_electronic = false;
  const auto errors = validate(p, kToday);
  ASSERT_EQ(errors.size(), 1u) << codes_of(errors);
  EXPECT_EQ(errors[0].field, "email");
  EXPECT_EQ(errors[0].code, "sans_consentement");
}

TEST(PersonValidationTest, ConsentWithoutEmailIsFine) {
  PersonIdentity p = valid_identity();
  p.email.reset();
  p.consent_electronic = true;
  EXPECT_TRUE(validate(p, kToday).empty());
}

TEST(PersonValidationTest, MalformedEmailIsRefused) {
  PersonIdentity p = valid_identity();
  p.email = "elodie.example.fr";
  EXPECT_EQ(fields_of(validate(p, kToday)), std::vector<std::string>{"email"});
}

TEST(PersonValidationTest, PostalCodeMustBeFiveDigits) {
  PersonIdentity p = valid_identity();
  for (const char* bad : {"", "6200", "620000", "62 00", "2A004", "6200a"}) {
    p.postal_code = bad;
    EXPECT_EQ(fields_of(validate(p, kToday)), std::vector<std::string>{"postal_code"}) << bad;
  }
  p.postal_code = "97411";
  EXPECT_TRUE(validate(p, kToday).empty());
}

TEST(PersonValidationTest, ControlCharactersAndOverlongNamesAreRefused) {
  PersonIdentity p = valid_identity();
  p.last_name = "Martin\nDROP";
  p.first_name = std::string(101, 'a');
  const auto errors = validate(p, kToday);
  EXPECT_EQ(fields_of(errors), (std::vector<std::string>{"last_name", "first_name"}));
  for (const auto& e : errors) EXPECT_EQ(e.code, "invalide");

  p = valid_identity();
  p.first_name = std::string(100, 'a');  // the limit itself is allowed
  EXPECT_TRUE(validate(p, kToday).empty());
}

TEST(PersonValidationTest, IdentifiersAndChildrenAreChecked) {
  PersonIdentity p = valid_identity();
  p.caf_id = "12A45";
  p.ft_id = "";
  p.dependent_children = -1;
  p.phone = std::string(21, '0');
  const auto errors = validate(p, kToday);
  EXPECT_EQ(fields_of(errors),
            (std::vector<std::string>{"phone", "ft_id", "caf_id", "dependent_children"}));

  p = valid_identity();
  p.dependent_children = 31;
  EXPECT_EQ(fields_of(validate(p, kToday)), std::vector<std::string>{"dependent_children"});
}

}  // namespace
