// The « à faire » list over real HTTP on both databases: a page at a time, in the order of the
// whole list, each page naming only its own persons in the audit trail.
#include <algorithm>

#include "harness.hpp"

namespace binome::testing {
namespace {

class WorklistTest : public ApiTest {
 protected:
  // The target of the newest « à faire » read in the trail: "personnes:3,8,…".
  std::string last_read_target() {
    return db_->with_session([&](soci::session& sql) {
      std::string target;
      sql << "SELECT target FROM audit_log WHERE action = 'worklist.read' ORDER BY seq DESC "
             "LIMIT 1",
          soci::into(target);
      return target;
    });
  }
};

TEST_P(WorklistTest, TheListComesAPageAtATimeInItsOrderWithItsTotal) {
  auto conseiller = logged_in("conseiller.demo");
  const auto all = conseiller.get("/api/v1/worklist?per_page=100").json();
  const std::size_t total = all["total"];
  ASSERT_GE(total, 3u) << "the demo gives the counsellor several items";
  ASSERT_EQ(all["items"].size(), total);
  EXPECT_EQ(conseiller.get("/api/v1/worklist").json()["per_page"], 50) << "the default";

  Json joined = Json::array();
  for (int n = 1; joined.size() < total; ++n) {
    ASSERT_LE(n, static_cast<int>(total)) << "pages of 2 must cover the list";
    const auto r = conseiller.get("/api/v1/worklist?per_page=2&page=" + std::to_string(n));
    ASSERT_EQ(r.status, 200) << r.body;
    const auto j = r.json();
    EXPECT_EQ(j["total"], total);
    EXPECT_EQ(j["page"], n);
    ASSERT_FALSE(j["items"].empty()) << "page " << n;
    std::vector<long long> persons;
    for (const auto& item : j["items"]) {
      joined.push_back(item);
      if (!item["person"].is_null()) persons.push_back(item["person"]["id"]);
    }
    // The read of this page names its persons, and no other.
    std::sort(persons.begin(), persons.end());
    persons.erase(std::unique(persons.begin(), persons.end()), persons.end());
    std::string expected = "personnes:";
    for (std::size_t i = 0; i < persons.size(); ++i)
      expected += (i ? "," : "") + std::to_string(persons[i]);
    if (!persons.empty()) {
      EXPECT_EQ(last_read_target(), expected) << "page " << n;
    }
  }
  EXPECT_EQ(joined, all["items"]) << "the pages, end to end, are the whole list in its order";

  const auto beyond =
      conseiller.get("/api/v1/worklist?per_page=50&page=" + std::to_string(total + 1)).json();
  EXPECT_TRUE(beyond["items"].empty());
  EXPECT_EQ(beyond["total"], total);
  const auto bad = conseiller.get("/api/v1/worklist?per_page=500");
  EXPECT_EQ(bad.status, 422);
  EXPECT_NE(bad.body.find("Le nombre par page doit être compris entre 1 et 100."),
            std::string::npos)
      << bad.body;
}

INSTANTIATE_TEST_SUITE_P(Backends, WorklistTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
