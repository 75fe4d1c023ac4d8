#include "app/auth_service.hpp"

#include "domain/errors.hpp"
#include "security/password.hpp"
#include "security/tokens.hpp"
#include "store/login_throttle_repo.hpp"
#include "store/sessions_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

std::string wait_text(std::chrono::seconds wait) {
  const auto s = wait.count();
  if (s < 120) return std::to_string(s) + " seconde" + (s > 1 ? "s" : "");
  const auto m = (s + 59) / 60;
  return std::to_string(m) + " minutes";
}

}  // namespace

LoginResult AuthService::login(const std::string& login, const std::string& password,
                               const Origin& origin) {
  const auto now = ctx_.clock.now();
  const auto now_iso = domain::to_iso(now);
  const auto& policy = ctx_.settings.login_policy;
  const auto key = store::login_key(login);

  auto [user, state] = ctx_.db.with_session([&](soci::session& sql) {
    return std::make_pair(store::find_user_by_login(sql, login), store::read_login_state(sql, key));
  });
  const bool known = user && user->active;
  // An unknown login is recorded without what was typed: it may be a password.
  domain::Actor unknown_actor;
  unknown_actor.login = "(identifiant inconnu)";
  const domain::Actor actor = known ? store::to_actor(*user) : unknown_actor;

  // Known and unknown logins are slowed and locked alike: the answers never tell them apart.
  const auto gate = domain::login_gate(policy, state, now);
  if (gate.gate != domain::LoginGate::open) {
    ctx_.db.transaction([&](soci::session& sql) {
      store::append_audit(
          sql, ctx_.db.dialect(), now_iso,
          {audit_entry(actor,
                       gate.gate == domain::LoginGate::locked ? "login.refused_locked"
                                                              : "login.refused_slowed",
                       std::nullopt, origin)});
    });
    if (gate.gate == domain::LoginGate::locked)
      throw DomainError(
          DomainError::Kind::throttled, "compte_verrouille",
          "Compte verrouillé après trop de tentatives infructueuses. Réessayez dans " +
              wait_text(gate.wait) + " ou demandez à un administrateur de le déverrouiller.");
    throw DomainError(
        DomainError::Kind::throttled, "trop_de_tentatives",
        "Trop de tentatives infructueuses. Réessayez dans " + wait_text(gate.wait) + ".");
  }

  bool ok = false;
  if (known) {
    ok = security::verify_password(user->password_hash, password);
  } else {
    security::burn_password_check(password);
  }
  if (!ok) {
    ctx_.db.transaction([&](soci::session& sql) {
      const auto current = store::lock_login_state(sql, ctx_.db.dialect(), key, now_iso);
      const auto next = domain::after_failure(policy, current, now);
      store::save_login_state(sql, key, next, now_iso);
      std::vector<store::AuditEntry> entries{
          audit_entry(actor, "login.failed", std::nullopt, origin)};
      if (next.locked_until)
        entries.push_back(audit_entry(actor, "account.locked", std::nullopt, origin));
      store::append_audit(sql, ctx_.db.dialect(), now_iso, entries);
    });
    throw DomainError(DomainError::Kind::unauthenticated, "identifiants_invalides",
                      "Identifiant ou mot de passe incorrect.");
  }

  LoginResult result;
  result.session_token = security::random_token(32);
  result.csrf_token = security::random_token(32);
  store::SessionRow session;
  session.token_hash = security::sha256_hex(result.session_token);
  session.user_id = user->id;
  session.csrf_token = result.csrf_token;
  session.created_at = now_iso;
  session.last_seen_at = now_iso;
  session.expires_at = domain::to_iso(now + ctx_.settings.absolute_session_lifetime);
  session.client_ip = origin.client_ip;
  ctx_.db.transaction([&](soci::session& sql) {
    store::clear_login_state(sql, key);
    store::insert_session(sql, session);
    store::append_audit(sql, ctx_.db.dialect(), now_iso,
                        {audit_entry(actor, "login", std::nullopt, origin)});
  });
  result.user = *user;
  return result;
}

std::optional<Authenticated> AuthService::authenticate(const std::string& session_token) {
  if (session_token.empty() || session_token.size() > 100) return std::nullopt;
  const auto now = ctx_.clock.now();
  const auto hash = security::sha256_hex(session_token);
  return ctx_.db.with_session([&](soci::session& sql) -> std::optional<Authenticated> {
    // One query for the session and its user: every authenticated request pays it.
    auto found = store::find_session_user(sql, hash);
    if (!found) return std::nullopt;
    const auto* session = &found->session;
    const auto last_seen = domain::parse_iso(session->last_seen_at);
    const auto expires = domain::parse_iso(session->expires_at);
    if (!last_seen || !expires || now >= *expires ||
        now - *last_seen >= ctx_.settings.idle_timeout) {
      store::delete_session(sql, hash);
      return std::nullopt;
    }
    const auto* user = &found->user;
    if (!user->active) return std::nullopt;
    // Writing last_seen on every request would turn every read into a write; a minute of
    // slack on a 30-minute idle timeout is harmless.
    if (now - *last_seen >= std::chrono::seconds(60))
      store::touch_session(sql, hash, domain::to_iso(now));
    return Authenticated{store::to_actor(*user), session->csrf_token, *user};
  });
}

void AuthService::logout(const std::string& session_token, const Origin& origin) {
  auto who = authenticate(session_token);
  const auto hash = security::sha256_hex(session_token);
  ctx_.db.transaction([&](soci::session& sql) {
    store::delete_session(sql, hash);
    if (who)
      store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                          {audit_entry(who->actor, "logout", std::nullopt, origin)});
  });
}

}  // namespace binome::app
