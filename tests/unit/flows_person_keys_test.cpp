// R10's key set stays exact when it moves keys to its temporary file: a person seen before a
// spill is still found, with the first dossier's index, and a new person is never taken for
// one seen before.
#include <gtest/gtest.h>

#include <string>

#include "flows/person_keys.hpp"

namespace binome::flows {
namespace {

std::uint64_t nir_of(int i) {
  const std::string digits = std::to_string(1000000000000LL + i);  // 13 digits
  return *nir_key(digits);
}

TEST(PersonKeySet, FindsEarlierPersonsAcrossSpillsToDisk) {
  PersonKeySet keys(1024, 1 << 16);  // spills every 512 keys, a small filter
  for (int i = 0; i < 5000; ++i)
    ASSERT_FALSE(keys.insert(nir_of(i * 7), std::uint32_t(i + 1)).has_value()) << i;
  EXPECT_EQ(keys.size(), 5000u);
  EXPECT_GT(keys.spilled(), 4000u) << "most keys went to the temporary file";
  for (int i = 0; i < 5000; i += 37) {
    const auto earlier = keys.insert(nir_of(i * 7), 99999);
    ASSERT_TRUE(earlier.has_value()) << i;
    EXPECT_EQ(*earlier, std::uint32_t(i + 1)) << "the first dossier's index";
  }
  // Neighbours of the stored keys are other persons.
  for (int i = 0; i < 5000; i += 13) EXPECT_FALSE(keys.insert(nir_of(i * 7 + 3), 1).has_value());
  EXPECT_EQ(keys.size(), 5000u + (5000 + 12) / 13);
}

TEST(PersonKeySet, SmallFilesStayInMemory) {
  PersonKeySet keys;
  for (int i = 0; i < 100000; ++i)
    ASSERT_FALSE(keys.insert(nir_of(i), std::uint32_t(i)).has_value());
  EXPECT_EQ(keys.spilled(), 0u);
  const auto earlier = keys.insert(nir_of(5), 7);
  ASSERT_TRUE(earlier.has_value());
  EXPECT_EQ(*earlier, 5u);
  const auto ft = ft_key("620", "1234567A");
  ASSERT_TRUE(ft.has_value());
  EXPECT_FALSE(keys.insert(*ft, 1).has_value()) << "a code-pe key is not a NIR key";
}

}  // namespace
}  // namespace binome::flows
