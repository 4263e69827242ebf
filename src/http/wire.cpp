#define UNLOAD_HTTP_WITH_BEAST
#include "http/wire.hpp"

#include <algorithm>
#include <cctype>

#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>

#include "http/server.hpp"

namespace unload::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

namespace {

std::string field(const bhttp::request<bhttp::string_body>& in, bhttp::field name) {
    const auto found = in.find(name);
    return found == in.end() ? std::string() : std::string(found->value());
}

std::string field(const bhttp::request<bhttp::string_body>& in, std::string_view name) {
    const auto found = in.find(beast::string_view(name.data(), name.size()));
    return found == in.end() ? std::string() : std::string(found->value());
}

} // namespace

std::optional<Request> to_request(bhttp::request<bhttp::string_body>&& in) {
    const auto target = in.target();
    std::string_view path_and_query(target.data(), target.size());
    // The absolute form (`GET http://127.0.0.1:8080/healthz`, RFC 9112 section 3.2.2), which a
    // proxy may send: its authority stands in for the Host header.
    std::optional<std::string_view> authority;
    for (const std::string_view scheme : {"http://", "https://"}) {
        if (path_and_query.size() > scheme.size() &&
            std::equal(scheme.begin(), scheme.end(), path_and_query.begin(), [](char a, char b) {
                return a == std::tolower(static_cast<unsigned char>(b));
            })) {
            const auto rest = path_and_query.substr(scheme.size());
            const auto slash = rest.find_first_of("/?");
            authority = rest.substr(0, slash);
            path_and_query =
                slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
            if (path_and_query.starts_with('?'))
                return std::nullopt;
            break;
        }
    }
    auto split = split_target(path_and_query);
    if (!split)
        return std::nullopt;
    Request request;
    const auto method = in.method_string();
    request.method_name = std::string(method.data(), method.size());
    request.method = parse_method(request.method_name);
    request.target = std::string(target.data(), target.size());
    request.path = std::move(split->path);
    request.query = std::move(split->query);
    request.host = authority ? std::string(*authority) : field(in, bhttp::field::host);
    request.host_repeated = !authority && in.count(bhttp::field::host) > 1;
    request.origin = field(in, bhttp::field::origin);
    request.sec_fetch_site = field(in, "Sec-Fetch-Site");
    request.content_type = field(in, bhttp::field::content_type);
    request.authorization = field(in, bhttp::field::authorization);
    request.if_none_match = field(in, bhttp::field::if_none_match);
    for (auto [cookie, end] = in.equal_range(bhttp::field::cookie); cookie != end; ++cookie) {
        if (!request.cookie.empty())
            request.cookie += "; ";
        request.cookie.append(cookie->value().data(), cookie->value().size());
    }
    request.forwarded_for = field(in, "X-Forwarded-For");
    request.request_id = field(in, "X-Request-Id");
    request.idempotency_key = field(in, "Idempotency-Key");
    request.body = std::move(in.body());
    return request;
}

Parsed parse_request(std::string_view raw) {
    bhttp::request_parser<bhttp::string_body> parser;
    parser.body_limit(max_body_bytes);
    parser.header_limit(max_header_bytes);
    parser.eager(true);
    beast::error_code ec;
    std::size_t used = 0;
    while (used < raw.size() && !parser.is_done()) {
        const auto consumed =
            parser.put(boost::asio::buffer(raw.data() + used, raw.size() - used), ec);
        used += consumed;
        if (ec == bhttp::error::need_more)
            return {.request = std::nullopt, .error = WireError::Incomplete};
        if (ec == bhttp::error::body_limit)
            return {.request = std::nullopt, .error = WireError::TooLarge};
        if (ec)
            return {.request = std::nullopt, .error = WireError::Malformed};
        if (consumed == 0)
            break;
    }
    if (!parser.is_done())
        return {.request = std::nullopt, .error = WireError::Incomplete};
    auto request = to_request(parser.release());
    if (!request)
        return {.request = std::nullopt, .error = WireError::BadTarget};
    return {.request = std::move(request), .error = WireError::None};
}

} // namespace unload::http
