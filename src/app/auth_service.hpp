// Logging in and out, and turning a session cookie back into the user behind it.
#pragma once
#include <optional>
#include <string>

#include "app/context.hpp"
#include "store/users_repo.hpp"

namespace binome::app {

// A secret to scan or copy into an authenticator application, confirmed by its first code.
struct TotpEnrolment {
  std::string secret_base32;
  std::string uri;  // otpauth://…
};

struct LoginRequest {
  std::string login, password;
  std::string totp_code;               // empty when none was typed
  std::string previous_session_token;  // the browser's cookie, if any: ended at login
};

// Either a session, or (password right, no session yet) what the second factor still needs:
// a code, or for admin and dpo not yet enrolled, the enrolment of a secret.
struct LoginResult {
  std::string session_token;  // goes into the cookie; never stored in clear
  std::string csrf_token;
  store::UserRow user;
  bool code_required = false;
  std::optional<TotpEnrolment> enrolment_required;
  bool logged_in() const { return !session_token.empty(); }
};

struct Authenticated {
  domain::Actor actor;
  std::string csrf_token;
  store::UserRow user;
};

class AuthService {
 public:
  explicit AuthService(Context& ctx) : ctx_(ctx) {}
  // Throws DomainError: unauthenticated (wrong login, password or code), throttled (slowed or
  // locked). A new session token at each login; the browser's previous one is ended.
  LoginResult login(const LoginRequest& request, const Origin& origin);
  // Empty when the token is unknown, expired or idle for too long.
  std::optional<Authenticated> authenticate(const std::string& session_token);
  void logout(const std::string& session_token, const Origin& origin);

  // Optional second factor of the logged-in user, after typing the password again (a session
  // left open on a desk does not suffice): a new secret to confirm (409 when one is already
  // active), then its first code. Secrets are sealed with the key file: without one, 409
  // `cle_absente`.
  TotpEnrolment start_totp_enrolment(const Authenticated& who, const std::string& password,
                                     const Origin& origin);
  void confirm_totp_enrolment(const Authenticated& who, const std::string& code,
                              const Origin& origin);
  // Removes the user's second factor, after the password again; 409 `obligatoire` for the
  // roles that require it (admin, dpo), `non_active` when there is none.
  void disable_totp(const Authenticated& who, const std::string& password, const Origin& origin);
  // Whether the user logs in with a code.
  bool has_totp(std::int64_t user_id);
  // Whether the user's role requires the second factor.
  static bool totp_required(const store::UserRow& user);

 private:
  // The password typed again by a logged-in user: a wrong one counts as a failed login
  // (slowing and locking alike) and answers 422 on the field `password`.
  void reauthenticate(const Authenticated& who, const std::string& password, const Origin& origin);
  Context& ctx_;
};

}  // namespace binome::app
