// HttpServer: `khabar serve` over cpp-httplib (Debian's libcpp-httplib): GET /api/... goes
// to the Api, every other GET path to the dashboard's files under the web root
// (static_files.h), other methods get 405. Requests are capped (body bytes; cpp-httplib caps
// the request line at 8,192 bytes and answers 414 above it), and every error is JSON
// {"error": ...} (docs/api.md).
//
//   HttpServer server(&api, {.host = "127.0.0.1", .port = 0, .web_root = "web"});
//   KH_ASSIGN_OR_RETURN(int port, server.Bind());
//   std::thread serving([&] { (void)server.Serve(); });
//   ...
//   server.Stop();
//   serving.join();
//
// Thread-safety: Serve() runs the handlers on cpp-httplib's worker threads; Stop() may be
// called from any thread. The Api must outlive the server.
#ifndef KHABAR_SERVE_HTTP_SERVER_H_
#define KHABAR_SERVE_HTTP_SERVER_H_

#include <cstddef>
#include <memory>
#include <string>

#include "khabar/base/status.h"
#include "khabar/serve/api.h"

namespace httplib {
class Server;
}  // namespace httplib

namespace khabar::serve {

inline constexpr size_t kMaxRequestBodyBytes = 64 * 1024;

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: a free port the system picks
  std::string web_root;
  size_t max_body_bytes = kMaxRequestBodyBytes;  // 413 above it
};

class HttpServer {
 public:
  HttpServer(const Api* api, ServerOptions options);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds the listening socket; returns the port. Unavailable when it cannot bind.
  StatusOr<int> Bind();
  // Serves until Stop(). REQUIRES: Bind() was OK.
  Status Serve();
  void Stop();

 private:
  void Route();

  const Api* api_;
  ServerOptions options_;
  std::unique_ptr<httplib::Server> server_;
};

}  // namespace khabar::serve

#endif  // KHABAR_SERVE_HTTP_SERVER_H_
