// Health, metrics, the OpenAPI document, and requests the server must refuse cleanly.
#include "harness.hpp"

namespace binome::testing {
namespace {

class SystemTest : public ApiTest {};

TEST_P(SystemTest, HealthzAnswersWhenTheDatabaseDoes) {
  auto r = raw("GET", "/healthz", "", {});
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.json()["status"], "ok");
  EXPECT_EQ(r.json()["database"], "ok");
}

TEST_P(SystemTest, MetricsCountRequestsPerRouteWithoutPersonalData) {
  auto c = logged_in("conseiller.demo");
  c.get("/api/v1/persons/" + std::to_string(person_id_in_territory("Territoire Nord")));
  auto m = raw("GET", "/metrics", "", {});
  ASSERT_EQ(m.status, 200);
  EXPECT_NE(m.body.find(
                "binome_http_requests_total{route=\"GET /api/v1/persons/{id}\",status=\"200\"} 1"),
            std::string::npos)
      << m.body;
  EXPECT_NE(m.body.find("binome_http_request_duration_seconds_bucket"), std::string::npos);
  EXPECT_NE(m.body.find("binome_db_pool_size 8"), std::string::npos);
  auto gauge = [&](const std::string& name) {
    const auto at = m.body.find("\n" + name + " ");
    return at == std::string::npos ? -1LL : std::stoll(m.body.substr(at + name.size() + 2));
  };
  EXPECT_GT(gauge("binome_resident_memory_bytes"), 1LL << 20) << m.body;
  if (GetParam() == "sqlite")
    EXPECT_GT(gauge("binome_sqlite_memory_bytes"), 0) << m.body;
  else
    EXPECT_GE(gauge("binome_sqlite_memory_bytes"), 0) << m.body;
  // The allocator's view (under the sanitizers, whose allocator glibc does not see, both may be
  // small): present, so that an operator can tell a leak from fragmentation.
  EXPECT_GE(gauge("binome_heap_in_use_bytes"), 0) << m.body;
  EXPECT_GE(gauge("binome_heap_free_bytes"), 0) << m.body;
}

TEST_P(SystemTest, OpenApiDocumentIsServed) {
  auto r = raw("GET", "/api/v1/openapi.json", "", {});
  ASSERT_EQ(r.status, 200);
  auto j = r.json();
  EXPECT_EQ(j["openapi"].get<std::string>().substr(0, 2), "3.");
  EXPECT_TRUE(j["paths"].contains("/api/v1/persons/{id}"));
}

TEST_P(SystemTest, EveryRouteIsDocumentedInTheOpenApiFile) {
  const auto doc = raw("GET", "/api/v1/openapi.json", "", {}).json();
  for (const auto& route : server_->router().routes()) {
    if (route.pattern.rfind("/api/v1/", 0) != 0 || route.pattern == "/api/v1/test/clock") continue;
    std::string method = route.method;
    for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    EXPECT_TRUE(doc["paths"].contains(route.pattern) &&
                doc["paths"][route.pattern].contains(method))
        << route.method << " " << route.pattern << " is missing from docs/openapi.json";
  }
}

TEST_P(SystemTest, UnknownRoutesAndWrongMethodsAreRefused) {
  EXPECT_EQ(raw("GET", "/api/v1/rien", "", {}).status, 404);
  EXPECT_EQ(raw("POST", "/api/v1/test/clock", R"({"offset_days":200})", {}).status, 404)
      << "the test clock exists only with --test-mode";
  EXPECT_EQ(raw("PUT", "/api/v1/persons", "", {}).status, 405);
  auto big = raw("POST", "/api/v1/session", std::string(2 << 20, 'x'), {});
  EXPECT_EQ(big.status, 413);
  auto r = raw("GET", "/api/v1/persons", "", {});
  EXPECT_EQ(r.header("Cache-Control"), "no-store");
  EXPECT_EQ(r.header("X-Content-Type-Options"), "nosniff");
}

INSTANTIATE_TEST_SUITE_P(Backends, SystemTest, ::testing::Values("sqlite", "postgres"),
                         backend_name);

}  // namespace
}  // namespace binome::testing
