#define UNLOAD_HTTP_WITH_BEAST
#include "http/wire.hpp"

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
    auto split = split_target(std::string_view(target.data(), target.size()));
    if (!split)
        return std::nullopt;
    Request request;
    const auto method = in.method_string();
    request.method_name = std::string(method.data(), method.size());
    request.method = parse_method(request.method_name);
    request.target = std::string(target.data(), target.size());
    request.path = std::move(split->path);
    request.query = std::move(split->query);
    request.host = field(in, bhttp::field::host);
    request.origin = field(in, bhttp::field::origin);
    request.sec_fetch_site = field(in, "Sec-Fetch-Site");
    request.content_type = field(in, bhttp::field::content_type);
    request.authorization = field(in, bhttp::field::authorization);
    request.if_none_match = field(in, bhttp::field::if_none_match);
    request.request_id = field(in, "X-Request-Id");
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
