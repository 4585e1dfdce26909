#include "khabar/serve/static_files.h"

#include <filesystem>
#include <system_error>

namespace khabar::serve {
namespace {

namespace fs = std::filesystem;

// True when every '/'-separated segment after the leading '/' is a plain name.
bool IsSafeRelativePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return false;
  if (path.find('\\') != std::string_view::npos || path.find('\0') != std::string_view::npos) return false;
  size_t begin = 1;
  while (begin < path.size()) {
    const size_t slash = std::min(path.find('/', begin), path.size());
    const std::string_view segment = path.substr(begin, slash - begin);
    const bool last = slash == path.size() || slash + 1 == path.size();
    if ((segment.empty() && !last) || segment == "." || segment == "..") return false;
    begin = slash + 1;
  }
  return true;
}

std::string Extension(std::string_view name) {
  const size_t dot = name.rfind('.');
  const size_t slash = name.rfind('/');
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return "";
  std::string extension(name.substr(dot + 1));
  for (char& c : extension) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return extension;
}

std::string HtmlEscape(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '<') out += "&lt;";
    else if (c == '>') out += "&gt;";
    else if (c == '&') out += "&amp;";
    else out += c;
  }
  return out;
}

}  // namespace

std::string ContentTypeFor(std::string_view file_name) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {"html", "text/html; charset=utf-8"}, {"htm", "text/html; charset=utf-8"},
      {"js", "text/javascript; charset=utf-8"}, {"mjs", "text/javascript; charset=utf-8"},
      {"css", "text/css; charset=utf-8"}, {"json", "application/json"},
      {"geojson", "application/geo+json"}, {"map", "application/json"},
      {"txt", "text/plain; charset=utf-8"}, {"svg", "image/svg+xml"}, {"png", "image/png"},
      {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"}, {"gif", "image/gif"}, {"webp", "image/webp"},
      {"ico", "image/x-icon"}, {"woff", "font/woff"}, {"woff2", "font/woff2"}, {"ttf", "font/ttf"},
      {"otf", "font/otf"}, {"wasm", "application/wasm"}, {"pbf", "application/x-protobuf"},
      {"pmtiles", "application/octet-stream"}, {"xml", "application/xml"}};
  const std::string extension = Extension(file_name);
  for (const auto& [known, type] : kTypes) {
    if (extension == known) return std::string(type);
  }
  return "application/octet-stream";
}

StaticFile ResolveStaticFile(const std::string& web_root, std::string_view url_path) {
  StaticFile file;
  if (!IsSafeRelativePath(url_path)) {
    file.status = 400;
    return file;
  }
  fs::path path = fs::path(web_root) / fs::path(std::string(url_path.substr(1)));
  std::error_code error;
  if (fs::is_directory(path, error)) path /= "index.html";
  if (!fs::is_regular_file(path, error)) return file;
  file.status = 200;
  file.path = path.string();
  file.content_type = ContentTypeFor(file.path);
  return file;
}

std::string DashboardNotBuiltPage(const std::string& web_root) {
  return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>Khabar</title></head><body>\n"
         "<h1>Khabar</h1>\n<p>The dashboard was not built: there is no index.html in <code>" +
         HtmlEscape(web_root) +
         "</code>. Build it, or pass <code>--web-root DIR</code>. The JSON API answers under "
         "<a href=\"/api/events\">/api/</a> (docs/api.md).</p>\n</body></html>\n";
}

}  // namespace khabar::serve
