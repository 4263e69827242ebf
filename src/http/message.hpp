#pragma once

// Requests and responses as the router, middleware and handlers see them: plain values with no
// Boost.Beast in sight, so that only the server's translation unit compiles Beast and everything
// else (handlers, tests, the fuzz target) stays quick to build and easy to read.

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "service/sign_in.hpp"

namespace unload::http {

enum class Method { Get, Head, Post, Put, Delete, Patch, Options, Other };

std::string_view to_string(Method method);
Method parse_method(std::string_view name);
/// POST, PUT, PATCH and DELETE change what is stored; they get the CSRF checks.
bool changes_state(Method method);

/// One HTTP request, with the headers Unload reads.
struct Request {
    Method method = Method::Get;
    std::string method_name; ///< As sent, for the log (`BREW` when Method::Other).
    std::string target;      ///< Path and query, as sent.
    std::string path;        ///< Percent-decoded path, without the query.
    std::string query;       ///< The raw query string, without `?`.
    std::string host;
    bool host_repeated = false; ///< More than one Host header came (a 400).
    std::string origin;
    std::string sec_fetch_site;
    std::string content_type;
    std::string authorization;
    std::string if_none_match;
    std::string cookie;          ///< Every Cookie header, joined with `; `.
    std::string forwarded_for;   ///< X-Forwarded-For, read only behind a trusted proxy.
    std::string idempotency_key; ///< `Idempotency-Key`, for state-changing routes.
    std::string request_id;      ///< From X-Request-Id when sane, else assigned by the server.
    std::string remote;          ///< The peer's address, for the log.
    std::string body;
    /// What says who asks, as admission found it (the access token, loopback in personal mode,
    /// a session cookie); service::identify() turns it into the caller.
    service::Credentials credentials;

    /// A query parameter, percent-decoded; empty when absent.
    std::optional<std::string> query_param(std::string_view name) const;
};

/// One HTTP response. The body is either owned text or a shared, immutable buffer, so large
/// documents computed once (the exercise library) go out without a copy per request.
struct Response {
    int status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::shared_ptr<const std::string> shared_body;
    std::vector<std::pair<std::string, std::string>> headers; ///< ETag, Allow, Cache-Control...

    std::string_view payload() const { return shared_body ? *shared_body : body; }
    void set_header(std::string name, std::string value);
    const std::string* header(std::string_view name) const;
};

/// Splits a request target into a percent-decoded path and the raw query. Fails (empty) on a
/// target that is not an absolute path or has a bad escape or an encoded NUL or slash.
struct Target {
    std::string path;
    std::string query;
};
std::optional<Target> split_target(std::string_view target);

/// Percent-decoding as for a query value (`+` is a space); empty on a bad escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space);

} // namespace unload::http
