// Matching "METHOD /path" against the route patterns.
#include "http/router.hpp"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace {

using binome::http::Access;
using binome::http::Request;
using binome::http::Response;
using binome::http::Router;

binome::http::Handler answering(int status) {
  return [status](Request&) {
    Response r;
    r.status = status;
    return r;
  };
}

Router api() {
  Router r;
  r.add("GET", "/api/v1/persons", Access::authenticated, answering(200));
  r.add("POST", "/api/v1/persons", Access::authenticated, answering(201));
  r.add("GET", "/api/v1/persons/{id}", Access::authenticated, answering(202));
  r.add("PUT", "/api/v1/persons/{id}", Access::authenticated, answering(203));
  r.add("GET", "/api/v1/persons/export", Access::authenticated, answering(204));
  r.add("POST", "/api/v1/session", Access::public_route, answering(205));
  r.add("GET", "/api/v1/orgs/{org}/users/{user}", Access::authenticated, answering(206));
  return r;
}

int call(const Router& router, const std::string& method, const std::string& path) {
  std::map<std::string, std::string> params;
  const auto m = router.match(method, path, params);
  if (!m.route) return -1;
  Request req;
  return m.route->handler(req).status;
}

TEST(RouterTest, ExtractsIdFromPattern) {
  const Router r = api();
  std::map<std::string, std::string> params;
  const auto m = r.match("GET", "/api/v1/persons/42", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
  EXPECT_EQ(m.route->pattern, "/api/v1/persons/{id}");
  EXPECT_EQ(m.route->method, "GET");
  EXPECT_EQ(params, (std::map<std::string, std::string>{{"id", "42"}}));
}

TEST(RouterTest, ExtractsSeveralParams) {
  const Router r = api();
  std::map<std::string, std::string> params;
  const auto m = r.match("GET", "/api/v1/orgs/3/users/17", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(params.at("org"), "3");
  EXPECT_EQ(params.at("user"), "17");
}

TEST(RouterTest, MethodSelectsTheRoute) {
  const Router r = api();
  EXPECT_EQ(call(r, "GET", "/api/v1/persons"), 200);
  EXPECT_EQ(call(r, "POST", "/api/v1/persons"), 201);
  EXPECT_EQ(call(r, "GET", "/api/v1/persons/7"), 202);
  EXPECT_EQ(call(r, "PUT", "/api/v1/persons/7"), 203);
}

TEST(RouterTest, FirstAddedRouteWinsOverALaterLiteral) {
  // "/persons/{id}" was added before "/persons/export": routes are tried in order.
  const Router r = api();
  std::map<std::string, std::string> params;
  const auto m = r.match("GET", "/api/v1/persons/export", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->pattern, "/api/v1/persons/{id}");
}

TEST(RouterTest, MethodMismatchGivesPathKnownWithoutRoute) {
  const Router r = api();
  std::map<std::string, std::string> params;
  const auto m = r.match("DELETE", "/api/v1/persons/42", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);  // 405, not 404
  const auto s = r.match("GET", "/api/v1/session", params);
  EXPECT_EQ(s.route, nullptr);
  EXPECT_TRUE(s.path_known);
}

TEST(RouterTest, UnknownPathGivesNeither) {
  const Router r = api();
  std::map<std::string, std::string> params;
  for (const char* path :
       {"/api/v1/people", "/api/v1/persons/42/notes", "/api/v1", "/", "/api/v2/persons/42"}) {
    const auto m = r.match("GET", path, params);
    EXPECT_EQ(m.route, nullptr) << path;
    EXPECT_FALSE(m.path_known) << path;
  }
}

TEST(RouterTest, HeadIsServedByGet) {
  const Router r = api();
  std::map<std::string, std::string> params;
  const auto m = r.match("HEAD", "/api/v1/persons/9", params);
  ASSERT_NE(m.route, nullptr);
  EXPECT_EQ(m.route->method, "GET");
  EXPECT_EQ(params.at("id"), "9");
  // But HEAD is not a stand-in for other methods.
  EXPECT_EQ(r.match("HEAD", "/api/v1/session", params).route, nullptr);
}

TEST(RouterTest, ParamsUntouchedWhenNothingMatches) {
  const Router r = api();
  std::map<std::string, std::string> params{{"keep", "me"}};
  (void)r.match("GET", "/nowhere", params);
  EXPECT_EQ(params, (std::map<std::string, std::string>{{"keep", "me"}}));
}

TEST(RouterTest, MethodIsCaseSensitive) {
  const Router r = api();
  std::map<std::string, std::string> params;
  const auto m = r.match("get", "/api/v1/persons", params);
  EXPECT_EQ(m.route, nullptr);
  EXPECT_TRUE(m.path_known);
}

TEST(RouterTest, RoutesKeepTheirAccess) {
  const Router r = api();
  std::map<std::string, std::string> params;
  EXPECT_EQ(r.match("POST", "/api/v1/session", params).route->access, Access::public_route);
  EXPECT_EQ(r.match("GET", "/api/v1/persons", params).route->access, Access::authenticated);
  EXPECT_EQ(r.routes().size(), 7u);
}

}  // namespace
