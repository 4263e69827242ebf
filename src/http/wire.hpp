#pragma once

// Turning Beast's parsed requests into the pipeline's plain Request, and raw bytes into a Request
// for the fuzz target. Only server.cpp and wire.cpp include Beast; this header keeps it that way
// by naming Beast's types only behind UNLOAD_HTTP_WITH_BEAST.

#include <optional>
#include <string>
#include <string_view>

#include "http/message.hpp"

#ifdef UNLOAD_HTTP_WITH_BEAST
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>
#endif

namespace unload::http {

/// Why raw bytes did not make a request.
enum class WireError { None, Incomplete, Malformed, TooLarge, BadTarget };

/// Parses one whole HTTP/1.1 request from raw bytes with the server's limits (the fuzz target's
/// entry point; the server reads from sockets instead).
struct Parsed {
    std::optional<Request> request;
    WireError error = WireError::None;
};
Parsed parse_request(std::string_view raw);

#ifdef UNLOAD_HTTP_WITH_BEAST
/// Moves what the pipeline needs out of a Beast request; empty when the target is not a path.
std::optional<Request>
to_request(boost::beast::http::request<boost::beast::http::string_body>&& in);
#endif

} // namespace unload::http
