// The one way store/ includes SOCI: include this before any <soci/...> header.
// Debian's libsoci-dev is built with Boost support (its soci-config.h defines
// SOCI_HAVE_BOOST) but does not depend on Boost's headers. That support is only
// header templates for binding Boost types, which Reunite does not use and which
// change no class layout, so it is switched off here instead of requiring
// libboost-dev.
#pragma once
#include <soci/soci-config.h>
#undef SOCI_HAVE_BOOST
#undef SOCI_HAVE_BOOST_DATE_TIME
#include <soci/soci.h>

#include <string>

namespace reunite {

// A statement prepared once and executed many times: `bind` adds its variables
// (use/into), which must outlive the statement (members of the caller's object).
template <typename Bind>
soci::statement PrepareStatement(soci::session& session, const std::string& sql, Bind&& bind) {
  soci::statement st(session);
  bind(st);
  st.alloc();
  st.prepare(sql);
  st.define_and_bind();
  return st;
}

}  // namespace reunite
