// The deposit calendar in the « à faire » list of the Département's flows operator, with an
// injected clock (issue 5, item 4).
#include "app/flow_calendar_items.hpp"

#include <gtest/gtest.h>

namespace binome::app {
namespace {

domain::Actor actor(domain::Role role, domain::OrgKind kind, std::string departement = "62") {
  domain::Actor a;
  a.user_id = 1;
  a.role = role;
  a.org_kind = kind;
  a.departement = std::move(departement);
  return a;
}

domain::Timestamp at(const char* iso) {
  return *domain::parse_iso(iso);
}

TEST(FlowCalendarItems, OperatorSeesNextCgpemDueAndNextPecgm) {
  const auto op = actor(domain::Role::coordinateur, domain::OrgKind::departement);
  // Wednesday 18 November 2026: November's working Fridays are the 6th, 13th, 20th.
  auto items = flow_calendar_items(op, at("2026-11-18T10:00:00Z"));
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].kind, "depot_cgpem");
  EXPECT_EQ(items[0].due_on, "2026-11-20");
  EXPECT_NE(items[0].label.find("vendredi 20 novembre 2026 avant 17 h"), std::string::npos)
      << items[0].label;
  EXPECT_NE(items[0].rule.find("R11"), std::string::npos);
  EXPECT_NE(items[0].convention.find("annexe 4"), std::string::npos);
  EXPECT_EQ(items[0].link, "/flux");
  EXPECT_EQ(items[0].person_id, 0);
  // The PECGM of November (Monday 16th) is past: December's, after the 2nd working Friday.
  EXPECT_EQ(items[1].kind, "pecgm_disponible");
  EXPECT_EQ(items[1].due_on, "2026-12-14");
  EXPECT_NE(items[1].label.find("lundi 14 décembre 2026"), std::string::npos) << items[1].label;

  // Friday 20th at 17:00 in Paris (16:00 UTC): the deadline has passed, December's is next.
  items = flow_calendar_items(op, at("2026-11-20T15:59:00Z"));
  EXPECT_EQ(items[0].due_on, "2026-11-20");
  items = flow_calendar_items(op, at("2026-11-20T16:00:00Z"));
  EXPECT_EQ(items[0].due_on, "2026-12-18");
}

TEST(FlowCalendarItems, AlsaceMoselleHolidaysMoveTheDeadline) {
  // April 2025: Good Friday (18th) is a holiday in Moselle only.
  const auto now = at("2025-04-01T08:00:00Z");
  const auto moselle = flow_calendar_items(
      actor(domain::Role::coordinateur, domain::OrgKind::departement, "57"), now);
  const auto nord = flow_calendar_items(
      actor(domain::Role::coordinateur, domain::OrgKind::departement, "59"), now);
  EXPECT_EQ(nord[0].due_on, "2025-04-18");
  EXPECT_EQ(moselle[0].due_on, "2025-04-25");
  EXPECT_NE(moselle[0].rule.find("Alsace-Moselle"), std::string::npos);
}

TEST(FlowCalendarItems, OnlyTheDepartementsFlowsOperator) {
  const auto now = at("2026-11-18T10:00:00Z");
  EXPECT_EQ(flow_calendar_items(
                actor(domain::Role::coordinateur, domain::OrgKind::service_departemental), now)
                .size(),
            2u);
  EXPECT_EQ(
      flow_calendar_items(actor(domain::Role::admin, domain::OrgKind::departement), now).size(),
      2u);
  EXPECT_TRUE(
      flow_calendar_items(actor(domain::Role::coordinateur, domain::OrgKind::partenaire), now)
          .empty())
      << "a coordinateur outside the Département";
  EXPECT_TRUE(
      flow_calendar_items(actor(domain::Role::referent_social, domain::OrgKind::departement), now)
          .empty());
  EXPECT_TRUE(flow_calendar_items(actor(domain::Role::admin, domain::OrgKind::departement, ""), now)
                  .empty())
      << "no département, no calendar";
}

}  // namespace
}  // namespace binome::app
