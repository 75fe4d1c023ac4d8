// Serves the built web UI (web/dist): files by path, and index.html for the application's
// own routes so that a reload on /personnes/12 works.
#pragma once
#include <optional>
#include <string>

#include "http/message.hpp"

namespace binome::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::string root) : root_(std::move(root)) {}
  bool enabled() const { return !root_.empty(); }
  std::optional<Response> serve(const std::string& path) const;

 private:
  std::optional<Response> file(const std::string& relative) const;
  std::string root_;
};

}  // namespace binome::http
