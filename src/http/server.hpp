// The HTTP server: Poco::Net underneath, the router, authentication, CSRF, metrics and one
// JSON log line per request on top.
#pragma once
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "app/offset_clock.hpp"
#include "app/services.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"

namespace Poco::Net {
class HTTPServer;
class ServerSocket;
}  // namespace Poco::Net

namespace binome::http {

struct ServerConfig {
  std::string listen = "127.0.0.1:8080";
  std::string web_root;
  std::optional<std::string> tls_cert, tls_key;
  int max_threads = 64;
  bool trust_proxy = false;  // take the client address from X-Forwarded-For
  bool log_requests = true;
  // Strict-Transport-Security on every answer: always with tls_cert; set when TLS is ended
  // at a proxy (serve --secure-cookies).
  bool hsts = false;
  std::size_t max_body_bytes = 1 << 20;
  // Browser tests only: POST /api/v1/test/clock moves this clock. Never set in production.
  app::OffsetClock* test_clock = nullptr;
};

class Server {
 public:
  Server(app::Services& services, ServerConfig config);
  ~Server();
  void start();
  std::uint16_t port() const { return port_; }
  // Stops accepting connections, lets requests in progress finish (up to `grace`).
  void stop(std::chrono::seconds grace);
  // One request, from parsed values to response: what the Poco handler calls.
  Response dispatch(Request& req);
  Metrics& metrics() { return metrics_; }
  const Router& router() const { return router_; }

 private:
  Response handle(Request& req);
  app::Services& services_;
  ServerConfig config_;
  Router router_;
  Metrics metrics_;
  StaticFiles static_files_;
  std::unique_ptr<Poco::Net::ServerSocket> socket_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  std::uint16_t port_ = 0;
};

}  // namespace binome::http
