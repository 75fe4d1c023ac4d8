#include "http/server.hpp"

#include <Poco/Net/Context.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPRequestHandlerFactory.h>
#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/HTTPServerParams.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/Net/NameValueCollection.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureServerSocket.h>
#include <Poco/Net/ServerSocket.h>
#include <Poco/StreamCopier.h>
#include <Poco/URI.h>

#include <iostream>
#include <mutex>
#include <optional>
#include <thread>

#include "domain/text.hpp"
#include "http/request_log.hpp"
#include "http/review_routes.hpp"
#include "http/routes.hpp"
#include "security/tokens.hpp"

namespace binome::http {
namespace {

using domain::DomainError;

constexpr const char* kSecurityHeaders[][2] = {
    {"X-Content-Type-Options", "nosniff"},
    {"Referrer-Policy", "no-referrer"},
    {"X-Frame-Options", "DENY"},
    {"Content-Security-Policy",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
     "data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
     "form-action 'self'"},
};

// A database that cannot take the request: the person learns what happened and that nothing
// was half-saved (the transaction rolled back), never a bare "internal error".
std::optional<Response> storage_fault_response(const std::exception& e) {
  switch (store::classify_storage_error(e)) {
    case store::StorageFault::unavailable:
      return error_response(503, "base_indisponible",
                            "Le service est momentanément indisponible (base de données). "
                            "Réessayez dans quelques instants.");
    case store::StorageFault::disk_full:
      return error_response(507, "stockage_plein",
                            "L'espace disque du serveur est plein : rien n'a été enregistré. La "
                            "consultation reste possible ; prévenez l'exploitant.");
    case store::StorageFault::read_only:
      return error_response(503, "stockage_lecture_seule",
                            "La base de données n'accepte plus d'écriture (lecture seule) : rien "
                            "n'a été enregistré. La consultation reste possible ; prévenez "
                            "l'exploitant.");
    case store::StorageFault::io_error:
      return error_response(503, "stockage_en_erreur",
                            "Le disque du serveur a signalé une erreur : rien n'a été enregistré. "
                            "Prévenez l'exploitant.");
    case store::StorageFault::conflict:
      return error_response(409, "modification_concurrente",
                            "Quelqu'un vient d'enregistrer une modification sur ces données : "
                            "rechargez la page avant de réessayer.");
    case store::StorageFault::other:
      break;
  }
  return std::nullopt;
}

bool is_state_changing(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

class Handler : public Poco::Net::HTTPRequestHandler {
 public:
  Handler(Server& server, const ServerConfig& config) : server_(server), config_(config) {}

  void handleRequest(Poco::Net::HTTPServerRequest& in,
                     Poco::Net::HTTPServerResponse& out) override {
    Request req;
    req.method = in.getMethod();
    Response res;
    try {
      Poco::URI uri(in.getURI());
      req.path = uri.getPath();
      for (auto& [k, v] : uri.getQueryParameters()) {
        // No query parameter is free text with control characters or broken UTF-8: refused
        // here, once, before any of them can reach a search, a LIKE or a database driver.
        if (!domain::is_clean_utf8(k) || !domain::is_clean_utf8(v)) {
          res = error_response(400, "parametre_invalide",
                               "Le paramètre « " + (domain::is_clean_utf8(k) ? k : "?") +
                                   " » contient des caractères non autorisés.");
          break;
        }
        req.query.emplace(k, v);
      }
    } catch (const std::exception&) {
      res = error_response(400, "adresse_invalide", "Adresse de la requête invalide.");
    }
    for (const auto& [name, value] : in) {
      std::string lower = name;
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      req.headers[lower] = value;
    }
    Poco::Net::NameValueCollection cookies;
    in.getCookies(cookies);
    for (const auto& [k, v] : cookies) req.cookies[k] = v;
    req.client_ip = in.clientAddress().host().toString();
    if (config_.trust_proxy) {
      auto xff = req.header("x-forwarded-for");
      if (!xff.empty()) {
        auto comma = xff.rfind(',');
        auto last = comma == std::string::npos ? xff : xff.substr(comma + 1);
        last.erase(0, last.find_first_not_of(' '));
        if (!last.empty() && last.size() < 64) req.client_ip = last;
      }
    }
    if (res.body.empty()) {
      const auto length = in.getContentLength64();
      if (length > static_cast<long long>(config_.max_body_bytes)) {
        // Read what a well-behaved client sends before answering, so it sees the 413 rather
        // than a reset connection; a huge body is not worth reading and the connection closes.
        if (length <= 16LL << 20) {
          char sink[8192];
          auto& stream = in.stream();
          while (stream.read(sink, sizeof sink) || stream.gcount() > 0) {
          }
        } else {
          out.setKeepAlive(false);
        }
        res = error_response(413, "corps_trop_grand", "La requête est trop volumineuse.");
      } else if (in.hasContentLength() || in.getChunkedTransferEncoding()) {
        std::string body;
        char buf[8192];
        auto& stream = in.stream();
        while (stream.read(buf, sizeof buf) || stream.gcount() > 0) {
          body.append(buf, static_cast<std::size_t>(stream.gcount()));
          if (body.size() > config_.max_body_bytes) break;
        }
        if (body.size() > config_.max_body_bytes)
          res = error_response(413, "corps_trop_grand", "La requête est trop volumineuse.");
        req.body = std::move(body);
      }
      if (res.body.empty()) res = server_.dispatch(req);
    }
    send(res, req, out, config_.tls_cert.has_value() || config_.hsts);
  }

 private:
  static void send(Response& res, const Request& req, Poco::Net::HTTPServerResponse& out,
                   bool hsts) {
    out.setStatusAndReason(static_cast<Poco::Net::HTTPResponse::HTTPStatus>(res.status));
    for (const auto& h : kSecurityHeaders) out.set(h[0], h[1]);
    // Under TLS (served by binome, or ended at a proxy): browsers come back over HTTPS only.
    if (hsts) out.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
    if (req.path.rfind("/api/", 0) == 0) out.set("Cache-Control", "no-store");
    for (const auto& [k, v] : res.headers) out.add(k, v);
    if (!res.content_type.empty()) out.setContentType(res.content_type);
    if (res.stream) {
      out.setChunkedTransferEncoding(true);
      auto& os = out.send();
      if (req.method != "HEAD") res.stream(os);
      return;
    }
    out.setContentLength(static_cast<std::streamsize>(res.body.size()));
    auto& os = out.send();
    if (req.method != "HEAD") os << res.body;
  }

  Server& server_;
  const ServerConfig& config_;
};

class Factory : public Poco::Net::HTTPRequestHandlerFactory {
 public:
  Factory(Server& server, const ServerConfig& config) : server_(server), config_(config) {}
  Poco::Net::HTTPRequestHandler* createRequestHandler(
      const Poco::Net::HTTPServerRequest&) override {
    return new Handler(server_, config_);
  }

 private:
  Server& server_;
  const ServerConfig& config_;
};

}  // namespace

Server::Server(app::Services& services, ServerConfig config)
    : services_(services), config_(std::move(config)), static_files_(config_.web_root) {
  RouteDeps deps{services_, metrics_, services_.ctx.settings.secure_cookies};
  add_session_routes(router_, deps);
  add_person_routes(router_, deps);
  add_audit_routes(router_, deps);
  add_admin_routes(router_, deps);
  add_system_routes(router_, deps);
  add_profile_routes(router_, deps);
  add_orientation_routes(router_, deps);
  add_support_routes(router_, deps);
  add_axe3_routes(router_, deps);
  add_appointment_routes(router_, deps);
  add_binome_routes(router_, deps);
  add_worklist_routes(router_, deps);
  add_resource_routes(router_, deps);
  add_commune_routes(router_, deps);
  add_rgpd_routes(router_, deps);
  add_indicator_routes(router_, deps);
  add_review_routes(router_, deps);
  add_flows_routes(router_, deps);
  add_identity_routes(router_, deps);
  if (config_.test_clock) {
    auto* clock = config_.test_clock;
    router_.add("POST", "/api/v1/test/clock", Access::public_route, [clock](Request& req) {
      auto body = json_object_body(req, {"offset_days"});
      domain::FieldErrors errors;
      const auto days = opt_int(body, "offset_days", errors);
      if (!days || *days < 0 || *days > 3660)
        errors.push_back(
            {"offset_days", "invalide", "Décalage attendu : un nombre de jours entre 0 et 3660."});
      if (!errors.empty()) throw domain::DomainError(domain::DomainError::Kind::invalid, errors);
      clock->set_offset_days(static_cast<int>(*days));
      return json_response(200, {{"offset_days", *days}, {"now", domain::to_iso(clock->now())}});
    });
  }
}

Server::~Server() {
  if (server_) stop(std::chrono::seconds(1));
}

Response Server::dispatch(Request& req) {
  const auto started = std::chrono::steady_clock::now();
  metrics_.in_flight++;
  Response res = handle(req);
  metrics_.in_flight--;
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::string route = req.route.empty() ? "autre" : req.route;
  metrics_.observe(route, res.status, seconds);
  if (config_.log_requests)
    log_request(req.method, route, res.status, seconds,
                req.auth ? std::optional<std::int64_t>(req.auth->actor.user_id) : std::nullopt);
  return res;
}

Response Server::handle(Request& req) {
  const bool api =
      req.path.rfind("/api/", 0) == 0 || req.path == "/healthz" || req.path == "/metrics";
  std::map<std::string, std::string> params;
  const auto match = api ? router_.match(req.method, req.path, params) : Router::Match{};
  if (!api) {
    req.route = "statique";
    if (req.method != "GET" && req.method != "HEAD")
      return error_response(405, "methode_non_permise", "Méthode non permise.");
    if (auto file = static_files_.serve(req.path)) return *file;
    return error_response(404, "introuvable", "Page introuvable.");
  }
  if (!match.route) {
    req.route = "inconnue";
    return match.path_known ? error_response(405, "methode_non_permise", "Méthode non permise.")
                            : error_response(404, "introuvable", "Ressource introuvable.");
  }
  req.route = match.route->method + " " + match.route->pattern;
  req.params = std::move(params);
  try {
    if (match.route->access == Access::authenticated) {
      req.auth = services_.auth.authenticate(req.cookies["binome_session"]);
      if (!req.auth)
        return error_response(
            401, "non_authentifie",
            "Votre session a expiré ou vous n'êtes pas connecté : veuillez vous reconnecter.");
      if (is_state_changing(req.method) &&
          !security::equal_secrets(req.header("x-csrf-token"), req.auth->csrf_token)) {
        services_.ctx.db.transaction([&](soci::session& sql) {
          store::append_audit(
              sql, services_.ctx.db.dialect(), services_.ctx.now_iso(),
              {app::audit_entry(req.actor(), "csrf.denied", std::nullopt, req.origin())});
        });
        return error_response(
            403, "csrf",
            "Jeton anti-falsification (CSRF) manquant ou invalide : rechargez la page.");
      }
    }
    return match.route->handler(req);
  } catch (const DomainError& e) {
    return error_response(status_for(e.kind()), e.errors());
  } catch (const BadRequest& e) {
    return error_response(400, "requete_invalide", e.what());
  } catch (const std::exception& e) {
    log_error(req.route, e.what());
    if (auto answer = storage_fault_response(e)) return *answer;
    if (!services_.ctx.db.ping())
      return error_response(503, "base_indisponible",
                            "Le service est momentanément indisponible (base de données). "
                            "Réessayez dans quelques instants.");
    return error_response(500, "erreur_interne",
                          "Une erreur interne est survenue. Elle a été journalisée ; réessayez ou "
                          "contactez l'assistance.");
  }
}

void Server::start() {
  Poco::Net::SocketAddress address(config_.listen);
  auto& socket = socket_;
  if (config_.tls_cert && config_.tls_key) {
    Poco::Net::initializeSSL();
    Poco::Net::Context::Ptr context =
        new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, *config_.tls_key,
                               *config_.tls_cert, "", Poco::Net::Context::VERIFY_NONE, 9, false,
                               "ECDHE+AESGCM:ECDHE+CHACHA20:DHE+AESGCM:!aNULL:!MD5:!DSS");
    context->disableProtocols(Poco::Net::Context::PROTO_SSLV2 | Poco::Net::Context::PROTO_SSLV3 |
                              Poco::Net::Context::PROTO_TLSV1 | Poco::Net::Context::PROTO_TLSV1_1);
    context->preferServerCiphers();
    socket = std::make_unique<Poco::Net::SecureServerSocket>(address, 128, context);
  } else {
    socket = std::make_unique<Poco::Net::ServerSocket>(address, 128);
  }
  port_ = socket->address().port();
  auto params = new Poco::Net::HTTPServerParams;
  params->setMaxThreads(config_.max_threads);
  params->setMaxQueued(512);
  params->setKeepAlive(true);
  params->setMaxKeepAliveRequests(1000);
  params->setKeepAliveTimeout(Poco::Timespan(10, 0));
  server_ = std::make_unique<Poco::Net::HTTPServer>(new Factory(*this, config_), *socket, params);
  server_->start();
}

void Server::stop(std::chrono::seconds grace) {
  if (!server_) return;
  // First stop accepting and close the listening socket, so that new connections fail at
  // once instead of waiting in the backlog; then stopAll(false), which waits for each request
  // in progress to finish and closes kept-alive connections after it.
  server_->stop();
  socket_->close();
  server_->stopAll(false);
  const auto deadline = std::chrono::steady_clock::now() + grace;
  while (server_->currentConnections() > 0 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  server_.reset();
}

}  // namespace binome::http
