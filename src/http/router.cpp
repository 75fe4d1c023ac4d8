#include "http/router.hpp"

namespace binome::http {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : path) {
    if (c == '/') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

bool match_segments(const Route& route, const std::vector<std::string>& parts,
                    std::map<std::string, std::string>& params) {
  if (route.segments.size() != parts.size()) return false;
  std::map<std::string, std::string> found;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const auto& seg = route.segments[i];
    if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}')
      found[seg.substr(1, seg.size() - 2)] = parts[i];
    else if (seg != parts[i])
      return false;
  }
  params = std::move(found);
  return true;
}

}  // namespace

void Router::add(std::string method, std::string pattern, Access access, Handler handler) {
  Route r{std::move(method), std::move(pattern), access, std::move(handler), {}};
  r.segments = split_path(r.pattern);
  routes_.push_back(std::move(r));
}

Router::Match Router::match(const std::string& method, const std::string& path,
                            std::map<std::string, std::string>& params) const {
  Match m;
  const auto parts = split_path(path);
  for (const auto& r : routes_) {
    std::map<std::string, std::string> p;
    if (!match_segments(r, parts, p)) continue;
    m.path_known = true;
    if (r.method == method || (method == "HEAD" && r.method == "GET")) {
      m.route = &r;
      params = std::move(p);
      return m;
    }
  }
  return m;
}

}  // namespace binome::http
