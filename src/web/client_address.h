// Who sent a request, behind a reverse proxy too (reunite serve --trusted-proxy).
// The address goes into the audit log and keys the login throttle's per-address
// limit, so a header any client can write is believed only from the proxy named.
#pragma once
#include <string>
#include <string_view>

#include <httplib.h>

namespace reunite::web {

// The address in its canonical text ("::1", "10.0.0.7"), "" when `text` is not an
// IPv4 or IPv6 address.
std::string CanonicalAddress(std::string_view text);

// The client's address: the TCP peer's, unless that peer is `trusted_proxy` (not
// ""); then the right-most X-Forwarded-For entry that is not the proxy itself (the
// proxy appends the address it was reached from; entries further left are
// whatever the client sent). The peer's when the header is missing or that entry
// is not an address.
std::string ClientAddress(const httplib::Request& req, std::string_view trusted_proxy);

}  // namespace reunite::web
