#include "web/client_address.h"

#include <arpa/inet.h>

#include <vector>

namespace reunite::web {

std::string CanonicalAddress(std::string_view text) {
  const std::string s(text);
  unsigned char raw[sizeof(in6_addr)];
  char out[INET6_ADDRSTRLEN];
  for (int family : {AF_INET, AF_INET6})
    if (inet_pton(family, s.c_str(), raw) == 1 && inet_ntop(family, raw, out, sizeof out)) return out;
  return "";
}

namespace {

// Every X-Forwarded-For entry, in order: the header may come several times, each
// a comma-separated list.
std::vector<std::string> ForwardedHops(const httplib::Request& req) {
  std::vector<std::string> hops;
  const size_t headers = req.get_header_value_count("X-Forwarded-For");
  for (size_t i = 0; i < headers; ++i) {
    const std::string value = req.get_header_value("X-Forwarded-For", i);
    size_t start = 0;
    while (start <= value.size()) {
      size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      std::string_view hop(value.data() + start, comma - start);
      while (!hop.empty() && (hop.front() == ' ' || hop.front() == '\t')) hop.remove_prefix(1);
      while (!hop.empty() && (hop.back() == ' ' || hop.back() == '\t')) hop.remove_suffix(1);
      hops.emplace_back(hop);
      start = comma + 1;
    }
  }
  return hops;
}

}  // namespace

std::string ClientAddress(const httplib::Request& req, std::string_view trusted_proxy) {
  const std::string proxy = CanonicalAddress(trusted_proxy);
  if (proxy.empty() || CanonicalAddress(req.remote_addr) != proxy) return req.remote_addr;
  std::vector<std::string> hops = ForwardedHops(req);
  for (auto hop = hops.rbegin(); hop != hops.rend(); ++hop) {
    const std::string address = CanonicalAddress(*hop);
    if (address == proxy) continue;
    return address.empty() ? req.remote_addr : address;
  }
  return req.remote_addr;
}

}  // namespace reunite::web
