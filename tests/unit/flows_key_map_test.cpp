// The person index's flat tables: every key stored is found with its value after the table
// grew many times, keys that share a prefix or a length stay apart, absent keys are absent.
#include <gtest/gtest.h>

#include <string>

#include "flows/key_map.hpp"

namespace binome::flows {
namespace {

TEST(KeyMap, FindsEveryKeyAfterGrowingAndNothingElse) {
  KeyMap map;
  for (int i = 0; i < 50000; ++i) {
    const auto [value, inserted] = map.emplace("cle-" + std::to_string(i), i);
    ASSERT_TRUE(inserted);
    ASSERT_EQ(*value, i);
  }
  EXPECT_EQ(map.size(), 50000u);
  for (int i = 0; i < 50000; i += 7) {
    const auto* v = map.find("cle-" + std::to_string(i));
    ASSERT_NE(v, nullptr) << i;
    EXPECT_EQ(*v, i);
  }
  EXPECT_EQ(map.find("cle-50000"), nullptr);
  EXPECT_EQ(map.find("cle-"), nullptr);
  EXPECT_EQ(map.find(""), nullptr);
  const auto [again, inserted] = map.emplace("cle-12", 99);
  EXPECT_FALSE(inserted) << "the first value stays";
  EXPECT_EQ(*again, 12);
}

TEST(IdMap, GivesEachIdItsPosition) {
  IdMap ids;
  EXPECT_EQ(ids.find(5), IdMap::npos);
  for (std::int64_t id = 0; id < 30000; ++id)
    ASSERT_EQ(ids.emplace(id * 1000 + 3, std::uint32_t(id)), std::uint32_t(id));
  EXPECT_EQ(ids.emplace(3, 77), 0u) << "an id already there keeps its position";
  for (std::int64_t id = 0; id < 30000; id += 11) EXPECT_EQ(ids.find(id * 1000 + 3), id);
  EXPECT_EQ(ids.find(4), IdMap::npos);
}

}  // namespace
}  // namespace binome::flows
