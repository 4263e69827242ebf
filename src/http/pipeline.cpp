#include "http/pipeline.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <random>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "http/config.hpp"
#include "json/documents.hpp"

namespace unload::http {

namespace {

/// Compares in time that does not depend on where the first difference is, so that response
/// times do not tell an attacker how much of a guessed token was right.
bool same_secret(std::string_view given, std::string_view expected) {
    unsigned difference = given.size() == expected.size() ? 0U : 1U;
    for (std::size_t i = 0; i < expected.size(); ++i)
        difference |=
            static_cast<unsigned>(static_cast<unsigned char>(i < given.size() ? given[i] : 0) ^
                                  static_cast<unsigned char>(expected[i]));
    return difference == 0;
}

/// A client's request id is kept when it is short and plain enough to log safely.
bool usable_request_id(std::string_view id) {
    if (id.empty() || id.size() > 64)
        return false;
    return std::ranges::all_of(id, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '-' || c == '_' || c == '.';
    });
}

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

bool is_json(std::string_view content_type) {
    auto media = content_type.substr(0, content_type.find(';'));
    while (!media.empty() && is_space(media.back()))
        media.remove_suffix(1);
    while (!media.empty() && is_space(media.front()))
        media.remove_prefix(1);
    constexpr std::string_view expected = "application/json";
    return media.size() == expected.size() &&
           std::ranges::equal(media, expected, [](char a, char b) {
               return std::tolower(static_cast<unsigned char>(a)) == b;
           });
}

/// The credentials of `Authorization: Bearer TOKEN`: the scheme is case-insensitive and may be
/// followed by more than one space (RFC 9110 section 11.1, RFC 6750 section 2.1).
std::optional<std::string_view> bearer_token(std::string_view header) {
    constexpr std::string_view scheme = "bearer";
    if (header.size() <= scheme.size() || !is_space(header[scheme.size()]))
        return std::nullopt;
    if (!std::ranges::equal(header.substr(0, scheme.size()), scheme, [](char a, char b) {
            return std::tolower(static_cast<unsigned char>(a)) == b;
        }))
        return std::nullopt;
    auto token = header.substr(scheme.size());
    while (!token.empty() && is_space(token.front()))
        token.remove_prefix(1);
    while (!token.empty() && is_space(token.back()))
        token.remove_suffix(1);
    return token;
}

/// Exercise pictures are library content, not anyone's data, and an <img> cannot send a bearer
/// token: they stay open like the web app's own files.
bool is_exercise_picture(std::string_view path) {
    constexpr std::string_view prefix = "/api/v1/exercises/";
    constexpr std::string_view suffix = "/picture.svg";
    if (!path.starts_with(prefix) || !path.ends_with(suffix) ||
        path.size() <= prefix.size() + suffix.size())
        return false;
    const auto id = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
    return id.find('/') == std::string_view::npos;
}

bool needs_token(std::string_view path) {
    return (path.starts_with("/api/") && !is_exercise_picture(path)) || path == "/metrics";
}

/// JSON string escaping for the access log, which writes one JSON object per line.
std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f)
                out += fmt::format("\\u{:04x}", static_cast<unsigned char>(c));
            else
                out.push_back(c);
        }
    }
    return out + "\"";
}

bool same_name(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::ranges::equal(a, b, [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

/// `name[:port]` (IPv6 in brackets) split at the port's colon; the port is empty when absent.
std::pair<std::string_view, std::string_view> split_host(std::string_view host) {
    const auto colon = host.rfind(':');
    if (colon == std::string_view::npos || (host.starts_with('[') && host.back() == ']'))
        return {host, {}};
    return {host.substr(0, colon), host.substr(colon + 1)};
}

/// Answers with personal data must not be kept by a browser's or a proxy's cache. Library
/// content (exercises, Learn, the intake form, reasons, pictures) and the web app's files are
/// the same for everyone and keep their own caching.
bool personal(std::string_view path) {
    static constexpr std::string_view shared[] = {"/api/v1/exercises", "/api/v1/learn",
                                                  "/api/v1/rules", "/api/v1/intake/form",
                                                  "/api/v1/reasons"};
    if (!path.starts_with("/api/"))
        return false;
    return std::ranges::none_of(shared, [&](std::string_view prefix) {
        return path == prefix || (path.starts_with(prefix) && path[prefix.size()] == '/');
    });
}

bool etag_matches(std::string_view if_none_match, std::string_view etag) {
    if (if_none_match == "*")
        return true;
    std::size_t at = 0;
    while (at < if_none_match.size()) {
        auto end = if_none_match.find(',', at);
        auto tag = if_none_match.substr(at, end == std::string_view::npos ? end : end - at);
        while (!tag.empty() && tag.front() == ' ')
            tag.remove_prefix(1);
        while (!tag.empty() && tag.back() == ' ')
            tag.remove_suffix(1);
        if (tag.starts_with("W/"))
            tag.remove_prefix(2);
        if (tag == etag)
            return true;
        if (end == std::string_view::npos)
            break;
        at = end + 1;
    }
    return false;
}

} // namespace

std::string_view cookie_value(std::string_view header, std::string_view name) {
    while (!header.empty()) {
        const auto end = header.find(';');
        auto pair = header.substr(0, end);
        while (!pair.empty() && is_space(pair.front()))
            pair.remove_prefix(1);
        const auto equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
            auto value = pair.substr(equals + 1);
            while (!value.empty() && is_space(value.back()))
                value.remove_suffix(1);
            if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
                value = value.substr(1, value.size() - 2);
            return value;
        }
        if (end == std::string_view::npos)
            break;
        header.remove_prefix(end + 1);
    }
    return {};
}

int status_for(core::ErrorCode code) {
    switch (code) {
    case core::ErrorCode::InvalidInput:
        return 400;
    case core::ErrorCode::NotFound:
        return 404;
    case core::ErrorCode::Conflict:
        return 409;
    case core::ErrorCode::TooLarge:
        return 413;
    case core::ErrorCode::Unauthenticated:
        return 401;
    case core::ErrorCode::Forbidden:
        return 403;
    case core::ErrorCode::Throttled:
        return 429;
    case core::ErrorCode::InvalidContent:
    case core::ErrorCode::Io:
    case core::ErrorCode::Internal:
        return 500;
    }
    return 500;
}

Response error_response(const core::Error& error) {
    return Response{.status = status_for(error.code),
                    .content_type = "application/json",
                    .body = json::error_document(error).dump(
                        -1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

Response error_response(int status, std::string_view code, std::string field, std::string message) {
    const nlohmann::json document = {
        {"error", {{"code", code}, {"field", std::move(field)}, {"message", std::move(message)}}}};
    return Response{.status = status,
                    .content_type = "application/json",
                    .body =
                        document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

void add_security_headers(Response& response) {
    response.set_header("Content-Security-Policy",
                        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' "
                        "data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                        "form-action 'self'; frame-ancestors 'none'");
    response.set_header("X-Content-Type-Options", "nosniff");
    response.set_header("Referrer-Policy", "no-referrer");
    response.set_header("X-Frame-Options", "DENY");
    response.set_header("Cross-Origin-Opener-Policy", "same-origin");
}

bool host_allowed(std::string_view host, std::string_view port,
                  const std::vector<std::string>& allowed) {
    const auto [name, port_text] = split_host(host);
    if (name.empty())
        return false;
    const bool this_port = port_text.empty() || port.empty() || port_text == port;
    for (const std::string_view loopback : {"127.0.0.1", "localhost", "[::1]"})
        if (same_name(name, loopback) && this_port)
            return true;
    return std::ranges::any_of(allowed, [&](std::string_view entry) {
        const auto [allowed_name, allowed_port] = split_host(entry);
        return same_name(name, allowed_name) && (allowed_port.empty() || allowed_port == port_text);
    });
}

bool TokenThrottle::allowed(const std::string& remote, std::chrono::steady_clock::time_point now) {
    std::lock_guard lock(m_mutex);
    const auto found = m_tries.find(remote);
    if (found == m_tries.end())
        return true;
    if (now - found->second.since >= window) {
        m_tries.erase(found);
        return true;
    }
    return found->second.failures < limit;
}

void TokenThrottle::failed(const std::string& remote, std::chrono::steady_clock::time_point now) {
    std::lock_guard lock(m_mutex);
    // Forget windows that have ended, so that a scan from many addresses cannot grow the map
    // without bound.
    if (m_tries.size() > 10000)
        std::erase_if(m_tries,
                      [&](const auto& entry) { return now - entry.second.since >= window; });
    auto& tries = m_tries[remote];
    if (tries.failures == 0 || now - tries.since >= window)
        tries = Tries{.failures = 0, .since = now};
    ++tries.failures;
}

Pipeline::Pipeline(const Router& router, Metrics& metrics,
                   std::shared_ptr<spdlog::logger> access_log, Policy policy)
    : m_router(&router), m_metrics(&metrics), m_access_log(std::move(access_log)),
      m_policy(std::move(policy)) {
    // A random prefix per process keeps ids unique across restarts without a lock per request.
    std::random_device random;
    m_id_prefix = fmt::format("{:08x}", random());
}

std::string Pipeline::next_request_id() const {
    return fmt::format("{}-{:x}", m_id_prefix, m_next_id.fetch_add(1, std::memory_order_relaxed));
}

Pipeline::Admitted Pipeline::admit(Request& request) const {
    Admitted admitted;
    if (!usable_request_id(request.request_id))
        request.request_id = next_request_id();

    if (request.host.empty() || request.host_repeated) {
        admitted.answer =
            error_response(400, "invalid_input", "Host", "a request needs exactly one Host header");
        return admitted;
    }
    if (!host_allowed(request.host, m_port, m_policy.hosts)) {
        admitted.answer =
            error_response(421, "misdirected_request", "Host",
                           "this server does not answer to that name; use the address it "
                           "listens on, or add the name to `hosts` in the config");
        return admitted;
    }

    if (m_policy.trust_proxy && !request.forwarded_for.empty() && is_loopback(request.remote)) {
        // The proxy appends the address it saw; anything before it is the client's own claim.
        auto last = std::string_view(request.forwarded_for);
        if (const auto comma = last.rfind(','); comma != std::string_view::npos)
            last.remove_prefix(comma + 1);
        while (!last.empty() && is_space(last.front()))
            last.remove_prefix(1);
        while (!last.empty() && is_space(last.back()))
            last.remove_suffix(1);
        if (!last.empty() && last.size() <= 64)
            request.remote = std::string(last);
    }
    auto& credentials = request.credentials;
    credentials.address = request.remote;
    credentials.request_id = request.request_id;
    credentials.session_token = std::string(cookie_value(request.cookie, m_policy.cookie_name()));
    const bool carries_session = !credentials.session_token.empty();
    if (!m_policy.token.empty() && needs_token(request.path)) {
        const auto given = bearer_token(request.authorization);
        // A browser signed in to the clinic carries its session instead of the token, and one
        // signing in carries neither; service::identify() decides who they are.
        if (!given && (carries_session || request.path == "/api/v1/login")) {
            credentials.channel = service::Credentials::Channel::None;
        } else {
            const auto now = std::chrono::steady_clock::now();
            if (!m_throttle.allowed(request.remote, now)) {
                auto answer = error_response(429, "too_many_requests", "Authorization",
                                             "too many wrong access tokens from this address; "
                                             "wait a minute and try again with the right one");
                answer.set_header("Retry-After", std::to_string(TokenThrottle::window.count()));
                admitted.answer = std::move(answer);
                return admitted;
            }
            if (!given || !same_secret(*given, m_policy.token)) {
                if (given)
                    m_throttle.failed(request.remote, now);
                auto answer = error_response(401, "unauthorized", "Authorization",
                                             "this server needs its access token: send "
                                             "`Authorization: Bearer TOKEN`, or sign in");
                answer.set_header("WWW-Authenticate", "Bearer");
                admitted.answer = std::move(answer);
                return admitted;
            }
            credentials.channel = service::Credentials::Channel::Token;
        }
    } else if (m_policy.token.empty()) {
        // No token: only loopback reaches this server (the config refuses another address
        // without one). In personal mode that is the database's one person; in a clinic it is
        // nobody until they sign in.
        credentials.channel = service::Credentials::Channel::Loopback;
    }

    // Routing comes before the CSRF checks, so that a wrong method is a 405 whatever its body.
    auto match = m_router->match(request.method, request.path);
    switch (match.kind) {
    case Match::Kind::Found:
        admitted.route = match.route;
        admitted.params = std::move(match.params);
        break;
    case Match::Kind::NotFound:
        admitted.answer = error_response(404, "not_found", "path",
                                         fmt::format("no such resource: {}", request.path));
        return admitted;
    case Match::Kind::MethodNotAllowed: {
        auto answer = error_response(405, "method_not_allowed", "method",
                                     fmt::format("{} does not answer {}; it answers {}",
                                                 request.path, request.method_name, match.allow));
        answer.set_header("Allow", match.allow);
        admitted.answer = std::move(answer);
        return admitted;
    }
    }

    if (changes_state(request.method)) {
        if (!is_json(request.content_type)) {
            admitted.answer = error_response(415, "unsupported_media_type", "Content-Type",
                                             "requests that change something must send JSON with "
                                             "`Content-Type: application/json`");
            admitted.route = nullptr;
            return admitted;
        }
        const bool cross_site =
            request.sec_fetch_site == "cross-site" || request.sec_fetch_site == "same-site";
        const bool foreign_origin = !request.origin.empty() &&
                                    request.origin != "http://" + request.host &&
                                    request.origin != "https://" + request.host;
        if (cross_site || foreign_origin) {
            admitted.answer = error_response(403, "forbidden", "Origin",
                                             "requests that change something must come from "
                                             "this server's own pages");
            admitted.route = nullptr;
            return admitted;
        }
    }
    return admitted;
}

Response Pipeline::run(const Route& route, const Request& request, const Params& params) const {
    const auto started = std::chrono::steady_clock::now();
    const auto internal_error = [&](std::string_view what) {
        // A bug or a library failure: the person gets a plain 500, the log gets the detail.
        if (m_access_log)
            m_access_log->error("request {} failed: {}", request.request_id, what);
        return error_response(500, "internal_error", "", "something went wrong on the server");
    };
    Response response;
    try {
        auto result = route.handler(request, params);
        response = result ? std::move(*result) : error_response(result.error());
    } catch (const std::exception& e) {
        response = internal_error(e.what());
    } catch (...) {
        response = internal_error("an exception of unknown type");
    }
    if (route.work == Work::Database)
        m_metrics->observe_database(
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count());
    return response;
}

void Pipeline::finish(const Request& request, Response& response, const Route* route,
                      std::chrono::steady_clock::time_point started) const {
    if (response.status == 200 &&
        (request.method == Method::Get || request.method == Method::Head) &&
        !request.if_none_match.empty()) {
        if (const auto* etag = response.header("ETag");
            etag && etag_matches(request.if_none_match, *etag)) {
            response.status = 304;
            response.body.clear();
            response.shared_body.reset();
        }
    }
    add_security_headers(response);
    if (m_policy.tls)
        response.set_header("Strict-Transport-Security", "max-age=31536000");
    if (personal(request.path))
        response.set_header("Cache-Control", "no-store");
    response.set_header("X-Request-Id", request.request_id);

    const auto seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    m_metrics->observe_request(route ? route->index : m_metrics->unmatched(), response.status,
                               seconds);
    if (m_access_log)
        m_access_log->info(
            R"({{"id":{},"remote":{},"method":{},"target":{},"route":{},"status":{},"bytes":{},"ms":{:.3f}}})",
            json_string(request.request_id), json_string(request.remote),
            json_string(request.method_name), json_string(request.target),
            route ? json_string(route->pattern) : "null", response.status,
            response.payload().size(), seconds * 1000.0);
}

Response Pipeline::handle(Request& request) const {
    const auto started = std::chrono::steady_clock::now();
    auto admitted = admit(request);
    auto response = admitted.answer ? std::move(*admitted.answer)
                                    : run(*admitted.route, request, admitted.params);
    finish(request, response, admitted.route, started);
    return response;
}

} // namespace unload::http
