// Bounded request bodies (issue 13.10): the reader stops at the path's limit, so a
// body's memory does not grow past it, whatever the client keeps sending.
#include "web/body_limit.h"

#include <gtest/gtest.h>

#include "web/http_util.h"

namespace reunite::web {
namespace {

constexpr std::size_t kPiece = 4096;

// A content reader standing in for a connection that would send `pieces` pieces of
// kPiece bytes; counts how many the receiver took before it said stop.
struct EndlessBody {
  std::size_t pieces;
  std::size_t delivered = 0;
  httplib::ContentReader Reader() {
    return httplib::ContentReader(
        [this](httplib::ContentReceiver receiver) {
          const std::string piece(kPiece, 'a');
          for (std::size_t i = 0; i < pieces; ++i) {
            if (!receiver(piece.data(), piece.size())) return false;
            ++delivered;
          }
          return true;
        },
        [](httplib::MultipartContentHeader, httplib::ContentReceiver) { return false; });
  }
};

httplib::Request PostTo(const std::string& path, const std::string& type) {
  httplib::Request req;
  req.method = "POST";
  req.path = path;
  req.set_header("Content-Type", type);
  return req;
}

TEST(BodyLimitTest, ChunkedBodyStopsAtTheLimitWithoutBufferingIt) {
  bool ran = false;
  auto handler = WithLimitedBody([&](const httplib::Request&, httplib::Response&) { ran = true; });
  EndlessBody body{.pieces = (300u << 20) / kPiece};  // the 300 MB of the report
  httplib::Response res;
  handler(PostTo("/api/login", "application/json"), res, body.Reader());
  EXPECT_FALSE(ran);
  EXPECT_EQ(res.status, 413);
  EXPECT_EQ(res.get_header_value("Connection"), "close");
  // Reading stopped at the first piece past the 64 KB limit.
  EXPECT_EQ(body.delivered, kMaxFormBytes / kPiece);
}

TEST(BodyLimitTest, BodyWithinTheLimitReachesTheHandlerWithItsFormFields) {
  std::string seen_body, seen_name;
  auto handler = WithLimitedBody([&](const httplib::Request& req, httplib::Response&) {
    seen_body = req.body;
    seen_name = req.get_param_value("username");
  });
  const std::string form = "username=ana&password=x";
  httplib::ContentReader reader(
      [&](httplib::ContentReceiver receiver) { return receiver(form.data(), form.size()); },
      [](httplib::MultipartContentHeader, httplib::ContentReceiver) { return false; });
  httplib::Response res;
  handler(PostTo("/login", "application/x-www-form-urlencoded"), res, reader);
  EXPECT_EQ(seen_body, form);
  EXPECT_EQ(seen_name, "ana");
}

TEST(BodyLimitTest, ListUploadsGetTheUploadLimit) {
  bool ran = false;
  auto handler = WithLimitedBody([&](const httplib::Request& req, httplib::Response&) {
    ran = req.body.size() == 1u << 20;
  });
  EndlessBody body{.pieces = (1u << 20) / kPiece};  // 1 MB: over the form limit, within the upload one
  httplib::Response res;
  handler(PostTo("/api/lists", "text/csv"), res, body.Reader());
  EXPECT_TRUE(ran);
  EXPECT_NE(res.status, 413);
}

}  // namespace
}  // namespace reunite::web
