// Logging in and out, and turning a session cookie back into the user behind it.
#pragma once
#include <optional>
#include <string>

#include "app/context.hpp"
#include "store/users_repo.hpp"

namespace binome::app {

struct LoginResult {
  std::string session_token;  // goes into the cookie; never stored in clear
  std::string csrf_token;
  store::UserRow user;
};

struct Authenticated {
  domain::Actor actor;
  std::string csrf_token;
  store::UserRow user;
};

class AuthService {
 public:
  explicit AuthService(Context& ctx) : ctx_(ctx) {}
  // Throws DomainError: unauthenticated (wrong login or password), throttled (slowed or locked).
  LoginResult login(const std::string& login, const std::string& password, const Origin& origin);
  // Empty when the token is unknown, expired or idle for too long.
  std::optional<Authenticated> authenticate(const std::string& session_token);
  void logout(const std::string& session_token, const Origin& origin);

 private:
  Context& ctx_;
};

}  // namespace binome::app
