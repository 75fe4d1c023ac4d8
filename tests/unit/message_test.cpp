// Request helpers shared by the routes: paging parameters, object bodies, ids.
#include "http/message.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace {

using binome::domain::DomainError;
using binome::http::BadRequest;
using binome::http::Request;

Request with_query(std::initializer_list<std::pair<const std::string, std::string>> q) {
  Request r;
  r.query = q;
  return r;
}

Request with_body(std::string body) {
  Request r;
  r.body = std::move(body);
  return r;
}

std::vector<std::string> error_fields(const DomainError& e) {
  std::vector<std::string> out;
  for (const auto& fe : e.errors()) out.push_back(fe.field.value_or("<none>"));
  return out;
}

TEST(PagingTest, DefaultsWhenAbsent) {
  EXPECT_EQ(binome::http::paging(Request{}), std::make_pair(1, 20));
  EXPECT_EQ(binome::http::paging(Request{}, 50), std::make_pair(1, 50));
}

TEST(PagingTest, ReadsPageAndPerPage) {
  EXPECT_EQ(binome::http::paging(with_query({{"page", "3"}, {"per_page", "100"}})),
            std::make_pair(3, 100));
  EXPECT_EQ(binome::http::paging(with_query({{"per_page", "1"}})), std::make_pair(1, 1));
}

TEST(PagingTest, BadValuesAreAllReported) {
  try {
    binome::http::paging(with_query({{"page", "0"}, {"per_page", "101"}}));
    FAIL() << "no error";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::invalid);
    EXPECT_EQ(error_fields(e), (std::vector<std::string>{"page", "per_page"}));
  }
  for (const char* bad : {"-1", "abc", "2x", "", "1.5", "99999999999999999999"})
    EXPECT_THROW(binome::http::paging(with_query({{"page", bad}})), DomainError) << bad;
  EXPECT_THROW(binome::http::paging(with_query({{"per_page", "0"}})), DomainError);
}

TEST(JsonObjectBodyTest, AcceptsKnownFields) {
  const auto body =
      binome::http::json_object_body(with_body(R"({"last_name":"Martin","postal_code":"62000"})"),
                                     {"last_name", "first_name", "postal_code"});
  EXPECT_EQ(body.at("last_name"), "Martin");
  EXPECT_EQ(body.at("postal_code"), "62000");
}

TEST(JsonObjectBodyTest, NamesEveryUnknownField) {
  try {
    binome::http::json_object_body(with_body(R"({"last_name":"M","salary":1,"notes":"x"})"),
                                   {"last_name"});
    FAIL() << "no error";
  } catch (const DomainError& e) {
    EXPECT_EQ(e.kind(), DomainError::Kind::invalid);
    auto fields = error_fields(e);
    std::sort(fields.begin(), fields.end());
    EXPECT_EQ(fields, (std::vector<std::string>{"notes", "salary"}));
    for (const auto& fe : e.errors()) EXPECT_EQ(fe.code, "champ_inconnu");
  }
}

TEST(JsonObjectBodyTest, NonObjectOrInvalidJsonIsABadRequest) {
  for (const char* bad : {"", "not json", "[1,2]", "\"text\"", "42", "{\"a\":", "null"})
    EXPECT_THROW(binome::http::json_object_body(with_body(bad), {"a"}), BadRequest) << bad;
}

TEST(IdHelpersTest, PathIdMustBeAPositiveNumber) {
  Request r;
  r.params["id"] = "42";
  EXPECT_EQ(binome::http::path_id(r, "id"), 42);
  for (const char* bad : {"0", "-3", "abc", "4x", ""}) {
    r.params["id"] = bad;
    try {
      binome::http::path_id(r, "id");
      ADD_FAILURE() << "no error for " << bad;
    } catch (const DomainError& e) {
      EXPECT_EQ(e.kind(), DomainError::Kind::not_found) << bad;
    }
  }
  EXPECT_THROW(binome::http::path_id(Request{}, "id"), DomainError);
}

TEST(IdHelpersTest, QueryIdIsOptionalButCheckedWhenGiven) {
  EXPECT_FALSE(binome::http::query_id(Request{}, "org_id").has_value());
  EXPECT_FALSE(binome::http::query_id(with_query({{"org_id", ""}}), "org_id").has_value());
  EXPECT_EQ(binome::http::query_id(with_query({{"org_id", "7"}}), "org_id"), 7);
  EXPECT_THROW(binome::http::query_id(with_query({{"org_id", "x"}}), "org_id"), DomainError);
  EXPECT_THROW(binome::http::query_id(with_query({{"org_id", "0"}}), "org_id"), DomainError);
}

TEST(StatusForTest, EachKindHasItsStatus) {
  using K = DomainError::Kind;
  EXPECT_EQ(binome::http::status_for(K::invalid), 422);
  EXPECT_EQ(binome::http::status_for(K::unauthenticated), 401);
  EXPECT_EQ(binome::http::status_for(K::forbidden), 403);
  EXPECT_EQ(binome::http::status_for(K::not_found), 404);
  EXPECT_EQ(binome::http::status_for(K::conflict), 409);
  EXPECT_EQ(binome::http::status_for(K::throttled), 429);
}

TEST(ErrorResponseTest, ListsEveryErrorWithItsField) {
  const auto r = binome::http::error_response(
      422, binome::domain::FieldErrors{{"last_name", "obligatoire", "Nom obligatoire."},
                                       {std::nullopt, "general", "Autre."}});
  EXPECT_EQ(r.status, 422);
  const auto body = binome::http::Json::parse(r.body);
  ASSERT_EQ(body.at("errors").size(), 2u);
  EXPECT_EQ(body["errors"][0]["field"], "last_name");
  EXPECT_EQ(body["errors"][0]["code"], "obligatoire");
  EXPECT_TRUE(body["errors"][1]["field"].is_null());
}

}  // namespace
