#include "khabar/serve/http_server.h"

#include <httplib.h>

#include <fstream>
#include <sstream>

#include "khabar/serve/static_files.h"

namespace khabar::serve {
namespace {

constexpr const char* kJson = "application/json";
constexpr size_t kKeepAliveRequests = 1000;

void SendJson(httplib::Response& response, int status, const std::string& body) {
  response.status = status;
  response.set_header("Cache-Control", "no-store");
  response.set_content(body, kJson);
}

// cpp-httplib's decoded query parameters (it splits on '&' and '=' before decoding).
Params ToParams(const httplib::Params& params) { return Params(params.begin(), params.end()); }

bool ReadWholeFile(const std::string& path, std::string* bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream buffer;
  buffer << in.rdbuf();
  *bytes = std::move(buffer).str();
  return static_cast<bool>(in) || in.eof();
}

std::string StatusMessage(int status) {
  switch (status) {
    case 400: return "bad request";
    case 404: return "not found";
    case 405: return "method not allowed: the API is read-only (GET)";
    case 413: return "request body too large";
    case 414: return "request URI too long";
    default: return "HTTP error " + std::to_string(status);
  }
}

}  // namespace

HttpServer::HttpServer(const Api* api, ServerOptions options)
    : api_(api), options_(std::move(options)), server_(std::make_unique<httplib::Server>()) {
  Route();
}

HttpServer::~HttpServer() = default;

void HttpServer::Route() {
  server_->set_payload_max_length(options_.max_body_bytes);
  server_->set_keep_alive_max_count(kKeepAliveRequests);
  server_->Get(".*", [this](const httplib::Request& request, httplib::Response& response) {
    const std::string& path = request.path;
    if (path == "/api" || path.starts_with("/api/")) {
      const ApiResponse answer = api_->Get(path, ToParams(request.params));
      SendJson(response, answer.status, answer.body);
      return;
    }
    const StaticFile file = ResolveStaticFile(options_.web_root, path);
    std::string bytes;
    if (file.status == 200 && ReadWholeFile(file.path, &bytes)) {
      response.set_content(bytes, file.content_type.c_str());
    } else if (path == "/") {
      response.set_content(DashboardNotBuiltPage(options_.web_root), "text/html; charset=utf-8");
    } else {
      SendJson(response, file.status == 400 ? 400 : 404,
               ErrorJson(file.status == 400 ? "bad path " + path : "no file " + path));
    }
  });
  const httplib::Server::Handler refuse = [](const httplib::Request&, httplib::Response& response) {
    response.set_header("Allow", "GET, HEAD");
    SendJson(response, 405, ErrorJson(StatusMessage(405)));
  };
  server_->Post(".*", refuse).Put(".*", refuse).Patch(".*", refuse).Delete(".*", refuse).Options(".*", refuse);
  // Errors cpp-httplib answers itself (413, 414, 400, ...) get a JSON body too.
  server_->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (response.body.empty()) SendJson(response, response.status, ErrorJson(StatusMessage(response.status)));
  });
  server_->set_exception_handler([](const httplib::Request&, httplib::Response& response, std::exception_ptr) {
    SendJson(response, 500, ErrorJson("internal error"));
  });
}

StatusOr<int> HttpServer::Bind() {
  if (options_.port == 0) {
    const int port = server_->bind_to_any_port(options_.host);
    if (port < 0) return UnavailableError("cannot listen on " + options_.host);
    return port;
  }
  if (!server_->bind_to_port(options_.host, options_.port)) {
    return UnavailableError("cannot listen on " + options_.host + ":" + std::to_string(options_.port) +
                            " (in use, or not an address of this machine)");
  }
  return options_.port;
}

Status HttpServer::Serve() {
  if (!server_->listen_after_bind()) return UnavailableError("the server stopped with an error");
  return Status::Ok();
}

void HttpServer::Stop() { server_->stop(); }

}  // namespace khabar::serve
