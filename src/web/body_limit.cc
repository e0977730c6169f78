#include "web/body_limit.h"

#include <cstddef>
#include <string>

#include "web/http_util.h"
#include "web/routes.h"

namespace reunite::web {
namespace {

using httplib::ContentReader;
using httplib::Request;
using httplib::Response;

// Counts what a request's body has delivered so far against its path's limit.
class BodyBudget {
 public:
  explicit BodyBudget(std::size_t limit) : limit_(limit) {}
  // Whether n more bytes fit; once one piece does not, the rest of the body is not read.
  bool Take(std::size_t n) {
    if (n > limit_ - used_) return over_ = true, false;
    used_ += n;
    return true;
  }
  bool over() const { return over_; }

 private:
  std::size_t limit_;
  std::size_t used_ = 0;
  bool over_ = false;
};

// What a multipart part's header counts against the limit: its names and boundary.
std::size_t PartCost(const httplib::MultipartFormData& part) {
  constexpr std::size_t kPartOverhead = 64;
  return part.name.size() + part.filename.size() + part.content_type.size() + kPartOverhead;
}

// Refuses a body over its limit. The rest of it is still on the wire, so the
// connection must not be reused for another request.
void RefuseTooLarge(Response& res) {
  res.status = 413;
  res.body.clear();
  res.set_header("Connection", "close");
}

// Reads the body into `into` (body, files, params); false when it was refused, with
// res set to the answer.
bool ReadBody(const Request& req, Response& res, const ContentReader& reader, Request& into) {
  BodyBudget budget(BodyLimitFor(req.path));
  bool read = false;
  if (req.is_multipart_form_data()) {
    httplib::MultipartFormDataMap::iterator current = into.files.end();
    read = reader(
        [&](const httplib::MultipartFormData& part) {
          // Parts cost their header too, so a body of endless empty parts stops as well.
          if (!budget.Take(PartCost(part))) return false;
          current = into.files.emplace(part.name, part);
          return true;
        },
        [&](const char* data, std::size_t n) {
          if (!budget.Take(n) || current == into.files.end()) return false;
          current->second.content.append(data, n);
          return true;
        });
  } else {
    read = reader([&](const char* data, std::size_t n) {
      if (!budget.Take(n)) return false;
      into.body.append(data, n);
      return true;
    });
  }
  if (budget.over()) return RefuseTooLarge(res), false;
  if (!read) {
    // cpp-httplib set 413 for a Content-Length over its own limit, 400 for a broken body.
    if (res.status < 400) res.status = 400;
    if (res.status == 413) RefuseTooLarge(res);
    return false;
  }
  // As cpp-httplib does for the handlers that do not read the body themselves.
  if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0)
    httplib::detail::parse_query_text(into.body, into.params);
  return true;
}

}  // namespace

httplib::Server::HandlerWithContentReader WithLimitedBody(httplib::Server::Handler handler) {
  return [handler = std::move(handler)](const Request& req, Response& res, const ContentReader& reader) {
    // A copy to fill: the handler's Request is const. Its matches still point into
    // req.path, which outlives this call.
    Request full = req;
    if (!ReadBody(req, res, reader, full)) return;
    if (!RequestTextIsUtf8(full)) return SendLocalizedError(full, res, 400, "error.bad_text");
    handler(full, res);
  };
}

void RegisterBodyFallbacks(httplib::Server& server) {
  auto drop = [](const Request& req, Response& res, const ContentReader& reader) {
    BodyBudget budget(BodyLimitFor(req.path));
    auto count = [&](const char*, std::size_t n) { return budget.Take(n); };
    if (req.is_multipart_form_data())
      reader([&](const httplib::MultipartFormData& part) { return budget.Take(PartCost(part)); }, count);
    else
      reader(count);
    if (budget.over()) return RefuseTooLarge(res);
    res.status = 404;
  };
  server.Post(".*", drop);
  server.Put(".*", drop);
  server.Patch(".*", drop);
  server.Delete(".*", drop);
}

}  // namespace reunite::web
