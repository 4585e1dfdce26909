// The dashboard's files under a web root, for GET requests outside /api/: index.html at "/",
// other files by path with a content type from their extension. Never a file outside the
// root: a path with a ".." or "." segment, a backslash, a NUL byte or an empty segment is
// refused, whatever its encoding (the caller passes the decoded path).
//
//   StaticFile file = ResolveStaticFile("/work/web", "/assets/app.js");
//   if (file.status == 200) Send(file.content_type, ReadFile(file.path));
//
// Thread-safety: pure functions (they read the file system).
#ifndef KHABAR_SERVE_STATIC_FILES_H_
#define KHABAR_SERVE_STATIC_FILES_H_

#include <string>
#include <string_view>

namespace khabar::serve {

struct StaticFile {
  int status = 404;  // 200: `path` is a regular file to send; 400: a refused path; 404: none
  std::string path;
  std::string content_type;
};

// Maps decoded `url_path` (starting with '/') to a file under `web_root`. A directory maps to
// its index.html.
StaticFile ResolveStaticFile(const std::string& web_root, std::string_view url_path);

// "text/html; charset=utf-8" for "index.html"; application/octet-stream when unknown.
std::string ContentTypeFor(std::string_view file_name);

// The page "/" shows when the web root has no index.html.
std::string DashboardNotBuiltPage(const std::string& web_root);

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_STATIC_FILES_H_
