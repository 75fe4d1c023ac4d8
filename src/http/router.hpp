// Matches "METHOD /path" against patterns like "/api/v1/persons/{id}".
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "http/message.hpp"

namespace binome::http {

using Handler = std::function<Response(Request&)>;

enum class Access { public_route, authenticated };

struct Route {
  std::string method;
  std::string pattern;
  Access access = Access::authenticated;
  Handler handler;
  std::vector<std::string> segments;
};

class Router {
 public:
  void add(std::string method, std::string pattern, Access access, Handler handler);
  struct Match {
    const Route* route = nullptr;
    bool path_known = false;  // some route has this path, with another method (405)
  };
  Match match(const std::string& method, const std::string& path,
              std::map<std::string, std::string>& params) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

}  // namespace binome::http
