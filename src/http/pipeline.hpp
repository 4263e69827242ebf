#pragma once

// The middleware chain every request goes through, in this order:
//
//   1. request id     - the client's X-Request-Id when it is short and plain, else a new one;
//   2. host           - one Host header (400), naming this server: a loopback name, the listen
//                       address or a configured name (421). A page whose own name an attacker
//                       re-points at 127.0.0.1 (DNS rebinding) is stopped here, since its Host
//                       is the attacker's name;
//   3. credentials    - when an access token is configured, `/api/` and `/metrics` need
//                       `Bearer TOKEN` (401) or a session cookie (or are the sign-in itself);
//                       a client that keeps sending wrong tokens is turned away for a while
//                       (429). What the request carries goes on as its Credentials, which the
//                       service turns into the caller (service::identify) on the database thread;
//   4. routing        - 404 for an unknown path, 405 with Allow for a known path and wrong method;
//   5. CSRF           - POST, PUT, PATCH and DELETE need `Content-Type: application/json` (415)
//                       and, when the browser says where it comes from (Origin, Sec-Fetch-Site),
//                       this very origin (403);
//   6. the handler    - inline, or on the database pool (the server decides, from the route);
//   7. errors         - every core::Error and every stray exception becomes the JSON error
//                       document here, and only here (status_for() is the one mapping);
//   8. conditional    - a 200 with an ETag the client already has becomes 304;
//   9. headers        - security headers and the request id on every answer, and
//                       `Cache-Control: no-store` on every API answer that is not library content;
//  10. access log and metrics.
//
// The server runs steps 1-5 with admit(), the handler with run(), and 8-10 with finish(); handle()
// runs them all in one call for tests and the fuzz target.

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"
#include "http/metrics.hpp"
#include "http/router.hpp"

namespace spdlog {
class logger;
}

namespace unload::http {

/// The one mapping from error codes to HTTP statuses.
int status_for(core::ErrorCode code);

/// The JSON error document for a core error, with its status.
Response error_response(const core::Error& error);
/// An HTTP-level error (405, 415, ...) with its own code name.
Response error_response(int status, std::string_view code, std::string field, std::string message);

struct Policy {
    std::string token; ///< Empty: no token needed (loopback only; check_exposure() enforces it).
    /// Host names this server answers to besides 127.0.0.1, localhost and [::1] (the listen
    /// address, a clinic's own names), each `name` (any port) or `name:port`.
    std::vector<std::string> hosts;
    /// Served over TLS (its own, or a trusted proxy's): the session cookie is `Secure` and
    /// `__Host-` prefixed, and every answer carries HSTS.
    bool tls = false;
    /// A reverse proxy on this machine forwards the requests: the client's address is the last
    /// one in X-Forwarded-For, when the peer is loopback.
    bool trust_proxy = false;

    std::string_view cookie_name() const {
        return tls ? "__Host-unload_session" : "unload_session";
    }
};

/// The value of cookie `name` in a Cookie header (`a=1; b=2`); empty when absent.
std::string_view cookie_value(std::string_view header, std::string_view name);

/// Wrong access tokens per client address: after `limit` in a window, that address is turned
/// away until the window ends, so guessing a 32-character token is hopeless. Thread-safe.
class TokenThrottle {
public:
    static constexpr int limit = 10;
    static constexpr std::chrono::seconds window{60};

    /// Whether `remote` may try now, at `now`.
    bool allowed(const std::string& remote, std::chrono::steady_clock::time_point now);
    void failed(const std::string& remote, std::chrono::steady_clock::time_point now);

private:
    struct Tries {
        int failures = 0;
        std::chrono::steady_clock::time_point since;
    };
    std::mutex m_mutex;
    std::unordered_map<std::string, Tries> m_tries;
};

class Pipeline {
public:
    /// `access_log` may be null (no log).
    Pipeline(const Router& router, Metrics& metrics, std::shared_ptr<spdlog::logger> access_log,
             Policy policy);

    struct Admitted {
        std::optional<Response> answer; ///< Set when a step already answered.
        const Route* route = nullptr;
        Params params;
    };
    Admitted admit(Request& request) const;
    /// Runs the route's handler; errors and exceptions become JSON error responses.
    Response run(const Route& route, const Request& request, const Params& params) const;
    void finish(const Request& request, Response& response, const Route* route,
                std::chrono::steady_clock::time_point started) const;

    /// Steps 1-9 in one call on this thread.
    Response handle(Request& request) const;

    const Router& router() const { return *m_router; }

    /// The port the server listens on, once it is bound: loopback names must then name it (or
    /// no port). Zero (tests that call handle()) checks names only.
    void set_port(std::uint16_t port) { m_port = port == 0 ? std::string() : std::to_string(port); }

private:
    std::string next_request_id() const;

    const Router* m_router;
    Metrics* m_metrics;
    std::shared_ptr<spdlog::logger> m_access_log;
    Policy m_policy;
    std::string m_port; ///< As a Host header writes it; empty: any.
    mutable TokenThrottle m_throttle;
    std::string m_id_prefix;
    mutable std::atomic<std::uint64_t> m_next_id{1};
};

/// Security headers sent with every answer.
void add_security_headers(Response& response);

/// Whether a Host header names this server: 127.0.0.1, localhost or [::1] with `port` (digits, as
/// the header writes it; empty for any) or no port, or one of `allowed` (`name` for any port,
/// `name:port`). Names compare case-insensitively.
bool host_allowed(std::string_view host, std::string_view port,
                  const std::vector<std::string>& allowed);

} // namespace unload::http
