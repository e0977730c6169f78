// Issue 13, item 9: the client's address behind a trusted reverse proxy.
#include "web/client_address.h"

#include <gtest/gtest.h>

namespace reunite::web {
namespace {

httplib::Request From(const std::string& peer, std::initializer_list<std::string> forwarded = {}) {
  httplib::Request req;
  req.remote_addr = peer;
  for (const std::string& f : forwarded) req.headers.emplace("X-Forwarded-For", f);
  return req;
}

TEST(ClientAddressTest, Issue13Item9OnlyTheTrustedProxyIsBelieved) {
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {"203.0.113.7"}), ""), "127.0.0.1");           // no proxy named
  EXPECT_EQ(ClientAddress(From("192.0.2.1", {"203.0.113.7"}), "127.0.0.1"), "192.0.2.1");  // not from it
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {"203.0.113.7"}), "127.0.0.1"), "203.0.113.7");
  EXPECT_EQ(ClientAddress(From("127.0.0.1"), "127.0.0.1"), "127.0.0.1");  // no header: the proxy itself
}

TEST(ClientAddressTest, Issue13Item9TheRightMostAddressThatIsNotTheProxy) {
  // What the client wrote is on the left; the proxy appends who reached it.
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {"6.6.6.6, 203.0.113.7"}), "127.0.0.1"), "203.0.113.7");
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {"203.0.113.7, 127.0.0.1"}), "127.0.0.1"), "203.0.113.7");
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {"6.6.6.6", "203.0.113.7"}), "127.0.0.1"), "203.0.113.7");
  EXPECT_EQ(ClientAddress(From("::1", {"2001:db8::7"}), "0:0:0:0:0:0:0:1"), "2001:db8::7");
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {" 2001:DB8:0::7 "}), "127.0.0.1"), "2001:db8::7");
  // Not an address where the proxy's entry should be: the peer's, never the text.
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {"203.0.113.7, evil"}), "127.0.0.1"), "127.0.0.1");
  EXPECT_EQ(ClientAddress(From("127.0.0.1", {""}), "127.0.0.1"), "127.0.0.1");
}

TEST(ClientAddressTest, CanonicalAddress) {
  EXPECT_EQ(CanonicalAddress("10.0.0.7"), "10.0.0.7");
  EXPECT_EQ(CanonicalAddress("::1"), "::1");
  EXPECT_EQ(CanonicalAddress("localhost"), "");
  EXPECT_EQ(CanonicalAddress("10.0.0.7:8080"), "");
  EXPECT_EQ(CanonicalAddress(""), "");
}

}  // namespace
}  // namespace reunite::web
