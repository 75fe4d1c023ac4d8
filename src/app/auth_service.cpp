#include "app/auth_service.hpp"

#include "app/totp_secrets.hpp"
#include "domain/errors.hpp"
#include "domain/role.hpp"
#include "security/password.hpp"
#include "security/tokens.hpp"
#include "security/totp.hpp"
#include "store/login_throttle_repo.hpp"
#include "store/sessions_repo.hpp"
#include "store/totp_repo.hpp"

namespace binome::app {
namespace {

using domain::DomainError;

std::string wait_text(std::chrono::seconds wait) {
  const auto s = wait.count();
  if (s < 120) return std::to_string(s) + " seconde" + (s > 1 ? "s" : "");
  const auto m = (s + 59) / 60;
  return std::to_string(m) + " minutes";
}

std::int64_t unix_seconds(domain::Timestamp t) {
  return t.time_since_epoch().count();
}

bool second_factor_required(const store::UserRow& user) {
  const auto role = domain::parse_role(user.role);
  return role && domain::requires_second_factor(*role);
}

TotpEnrolment enrolment_of(const std::string& login, const std::string& secret_base32) {
  return {secret_base32, security::otpauth_uri(login, secret_base32)};
}

}  // namespace

LoginResult AuthService::login(const LoginRequest& request, const Origin& origin) {
  const auto& login = request.login;
  const auto& password = request.password;
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
  const bool password_ok = ok;
  // The second factor, once the password is known to be right. A wrong or replayed code
  // counts as a failed attempt, like a wrong password.
  std::optional<std::int64_t> accepted_step;
  std::optional<std::string> confirmed_secret;  // an enrolment confirmed by this login (sealed)
  if (ok) {
    const auto totp =
        ctx_.db.with_session([&](soci::session& sql) { return store::find_totp(sql, user->id); });
    const bool enrolled = totp && totp->enrolled();
    if (enrolled || second_factor_required(*user)) {
      LoginResult pending;
      pending.user = *user;
      std::optional<std::string> secret_text = enrolled
                                                   ? confirmed_totp_secret(ctx_, user->id, *totp)
                                               : totp ? pending_totp_secret(ctx_, user->id, *totp)
                                                      : std::nullopt;
      if (!enrolled && request.totp_code.empty()) {
        if (!secret_text) {
          const auto secret = security::base32_encode(security::new_totp_secret());
          const auto sealed = seal_totp_secret(ctx_, user->id, secret);
          ctx_.db.transaction(
              [&](soci::session& sql) { store::set_pending_totp(sql, user->id, sealed, now_iso); });
          secret_text = secret;
        }
        pending.enrolment_required = enrolment_of(user->login, *secret_text);
        return pending;
      }
      if (request.totp_code.empty()) {
        pending.code_required = true;
        return pending;
      }
      const auto key = secret_text ? security::base32_decode(*secret_text) : std::nullopt;
      accepted_step = key ? security::matching_totp_step(*key, request.totp_code, unix_seconds(now),
                                                         enrolled ? totp->last_step : std::nullopt)
                          : std::nullopt;
      ok = accepted_step.has_value();
      if (ok && !enrolled) confirmed_secret = seal_totp_secret(ctx_, user->id, *secret_text);
    }
  }
  if (!ok) {
    const bool code_failed = password_ok && !request.totp_code.empty();
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
    if (code_failed)
      throw DomainError(DomainError::Kind::unauthenticated, "code_invalide",
                        "Code incorrect ou déjà utilisé : saisissez le code suivant affiché par "
                        "votre application d'authentification.");
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
  const auto previous_hash = request.previous_session_token.empty()
                                 ? std::string()
                                 : security::sha256_hex(request.previous_session_token);
  ctx_.db.transaction([&](soci::session& sql) {
    std::vector<store::AuditEntry> entries;
    if (accepted_step) {
      // Checked again under the row lock: two logins racing with one code, only one wins.
      const auto locked = store::lock_totp(sql, ctx_.db.dialect(), user->id);
      const auto last = locked ? locked->last_step : std::nullopt;
      if (last && *last >= *accepted_step)
        throw DomainError(DomainError::Kind::unauthenticated, "code_invalide",
                          "Code incorrect ou déjà utilisé : saisissez le code suivant affiché "
                          "par votre application d'authentification.");
      if (confirmed_secret) {
        store::confirm_totp(sql, user->id, *confirmed_secret, *accepted_step, now_iso);
        entries.push_back(audit_entry(actor, "totp.enrol", std::nullopt, origin,
                                      "utilisateur:" + std::to_string(user->id)));
      } else {
        store::record_totp_step(sql, user->id, *accepted_step, now_iso);
      }
    }
    store::clear_login_state(sql, key);
    // Session renewal: whatever session this browser held before is not carried over.
    if (!previous_hash.empty()) store::delete_session(sql, previous_hash);
    store::insert_session(sql, session);
    entries.push_back(audit_entry(actor, "login", std::nullopt, origin));
    store::append_audit(sql, ctx_.db.dialect(), now_iso, entries);
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

void AuthService::reauthenticate(const Authenticated& who, const std::string& password,
                                 const Origin& origin) {
  const auto now = ctx_.clock.now();
  const auto now_iso = domain::to_iso(now);
  const auto& policy = ctx_.settings.login_policy;
  const auto key = store::login_key(who.user.login);
  auto [user, state] = ctx_.db.with_session([&](soci::session& sql) {
    return std::make_pair(store::find_user_by_id(sql, who.user.id),
                          store::read_login_state(sql, key));
  });
  // Slowed or locked like the login form: a session is no way round the throttling.
  const auto gate = domain::login_gate(policy, state, now);
  if (gate.gate != domain::LoginGate::open)
    throw DomainError(
        DomainError::Kind::throttled, "trop_de_tentatives",
        "Trop de tentatives infructueuses. Réessayez dans " + wait_text(gate.wait) + ".");
  if (password.empty())
    throw DomainError(DomainError::Kind::invalid,
                      domain::FieldErrors{{"password", "obligatoire",
                                           "Saisissez votre mot de passe pour confirmer."}});
  if (user && security::verify_password(user->password_hash, password)) {
    ctx_.db.transaction([&](soci::session& sql) { store::clear_login_state(sql, key); });
    return;
  }
  ctx_.db.transaction([&](soci::session& sql) {
    const auto current = store::lock_login_state(sql, ctx_.db.dialect(), key, now_iso);
    const auto next = domain::after_failure(policy, current, now);
    store::save_login_state(sql, key, next, now_iso);
    std::vector<store::AuditEntry> entries{
        audit_entry(who.actor, "reauth.failed", std::nullopt, origin,
                    "utilisateur:" + std::to_string(who.user.id))};
    if (next.locked_until)
      entries.push_back(audit_entry(who.actor, "account.locked", std::nullopt, origin));
    store::append_audit(sql, ctx_.db.dialect(), now_iso, entries);
  });
  throw DomainError(
      DomainError::Kind::invalid,
      domain::FieldErrors{{"password", "mot_de_passe_incorrect", "Mot de passe incorrect."}});
}

bool AuthService::totp_required(const store::UserRow& user) {
  return second_factor_required(user);
}

TotpEnrolment AuthService::start_totp_enrolment(const Authenticated& who,
                                                const std::string& password, const Origin& origin) {
  reauthenticate(who, password, origin);
  const auto secret = security::base32_encode(security::new_totp_secret());
  const auto sealed = seal_totp_secret(ctx_, who.user.id, secret);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto current = store::lock_totp(sql, ctx_.db.dialect(), who.user.id);
    if (current && current->enrolled())
      throw DomainError(DomainError::Kind::conflict, "deja_active",
                        "La double authentification est déjà activée pour ce compte.");
    store::set_pending_totp(sql, who.user.id, sealed, ctx_.now_iso());
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(who.actor, "totp.start", std::nullopt, origin,
                                     "utilisateur:" + std::to_string(who.user.id))});
  });
  return enrolment_of(who.user.login, secret);
}

void AuthService::confirm_totp_enrolment(const Authenticated& who, const std::string& code,
                                         const Origin& origin) {
  const auto now = ctx_.clock.now();
  ctx_.db.transaction([&](soci::session& sql) {
    const auto current = store::lock_totp(sql, ctx_.db.dialect(), who.user.id);
    if (current && current->enrolled())
      throw DomainError(DomainError::Kind::conflict, "deja_active",
                        "La double authentification est déjà activée pour ce compte.");
    const auto pending = current ? pending_totp_secret(ctx_, who.user.id, *current) : std::nullopt;
    if (!pending)
      throw DomainError(DomainError::Kind::conflict, "aucune_activation",
                        "Aucune activation en cours : demandez d'abord un nouveau secret.");
    const auto key = security::base32_decode(*pending);
    const auto step =
        key ? security::matching_totp_step(*key, code, unix_seconds(now), std::nullopt)
            : std::nullopt;
    if (!step)
      throw DomainError(DomainError::Kind::invalid,
                        domain::FieldErrors{{"code", "code_invalide",
                                             "Code incorrect : saisissez le code à 6 chiffres "
                                             "affiché par votre application."}});
    store::confirm_totp(sql, who.user.id, seal_totp_secret(ctx_, who.user.id, *pending), *step,
                        domain::to_iso(now));
    store::append_audit(sql, ctx_.db.dialect(), domain::to_iso(now),
                        {audit_entry(who.actor, "totp.enrol", std::nullopt, origin,
                                     "utilisateur:" + std::to_string(who.user.id))});
  });
}

void AuthService::disable_totp(const Authenticated& who, const std::string& password,
                               const Origin& origin) {
  if (second_factor_required(who.user))
    throw DomainError(DomainError::Kind::conflict, "obligatoire",
                      "La double authentification est obligatoire pour votre rôle : elle ne "
                      "peut pas être désactivée.");
  reauthenticate(who, password, origin);
  ctx_.db.transaction([&](soci::session& sql) {
    const auto current = store::lock_totp(sql, ctx_.db.dialect(), who.user.id);
    if (!current || !current->enrolled())
      throw DomainError(DomainError::Kind::conflict, "non_active",
                        "La double authentification n'est pas activée pour ce compte.");
    store::delete_totp(sql, who.user.id);
    store::append_audit(sql, ctx_.db.dialect(), ctx_.now_iso(),
                        {audit_entry(who.actor, "totp.disable", std::nullopt, origin,
                                     "utilisateur:" + std::to_string(who.user.id))});
  });
}

bool AuthService::has_totp(std::int64_t user_id) {
  return ctx_.db.with_session([&](soci::session& sql) {
    const auto row = store::find_totp(sql, user_id);
    return row && row->enrolled();
  });
}

}  // namespace binome::app
