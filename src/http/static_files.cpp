#include "http/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace binome::http {
namespace {

std::string content_type_for(const std::string& path) {
  const auto ext = std::filesystem::path(path).extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json") return "application/json; charset=utf-8";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".woff") return "font/woff";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

bool safe_relative(const std::string& rel) {
  if (rel.find("..") != std::string::npos || rel.find('\\') != std::string::npos ||
      rel.find('\0') != std::string::npos)
    return false;
  return true;
}

}  // namespace

std::optional<Response> StaticFiles::file(const std::string& relative) const {
  if (!safe_relative(relative)) return std::nullopt;
  const auto full = std::filesystem::path(root_) / relative;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(full, ec)) return std::nullopt;
  std::ifstream in(full, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream buf;
  buf << in.rdbuf();
  Response r;
  r.content_type = content_type_for(full.string());
  r.body = buf.str();
  // Vite puts a content hash in asset names: they can be cached for good.
  const bool hashed = relative.rfind("assets/", 0) == 0;
  r.headers.emplace_back("Cache-Control",
                         hashed ? "public, max-age=31536000, immutable" : "no-cache");
  return r;
}

std::optional<Response> StaticFiles::serve(const std::string& path) const {
  if (!enabled()) return std::nullopt;
  std::string rel = path.empty() ? "" : path.substr(1);
  if (rel.empty()) rel = "index.html";
  if (auto r = file(rel)) return r;
  // An application route (no file extension) gets the application itself.
  if (std::filesystem::path(rel).extension().empty()) return file("index.html");
  return std::nullopt;
}

}  // namespace binome::http
