// Bounded request bodies. cpp-httplib (0.11) checks its payload limit only against a
// Content-Length: a chunked body (or one without a length) is appended to req.body
// until the client stops. Routes that take a body are therefore registered as
// content-reader handlers, which read the body here, a piece at a time, and stop at the
// path's limit (BodyLimitFor) before buffering past it.
#pragma once
#include <httplib.h>

namespace reunite::web {

// A handler that reads the body, at most BodyLimitFor(path) bytes (413 beyond it, the
// connection then closed), fills req.body, req.files and the form's req.params as
// cpp-httplib would, and then runs `handler`.
httplib::Server::HandlerWithContentReader WithLimitedBody(httplib::Server::Handler handler);

// Catch-all content-reader routes for POST, PUT, PATCH and DELETE, registered after every
// other route: a body sent to a path no route takes is read within the limit and
// dropped (404), instead of being buffered whole by cpp-httplib.
void RegisterBodyFallbacks(httplib::Server& server);

}  // namespace reunite::web
