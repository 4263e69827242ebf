#pragma once

// The middleware chain every request goes through, in this order:
//
//   1. request id     - the client's X-Request-Id when it is short and plain, else a new one;
//   2. access token   - when one is configured, `/api/` and `/metrics` need `Bearer TOKEN` (401);
//   3. CSRF           - POST, PUT, PATCH and DELETE need `Content-Type: application/json` (415)
//                       and, when the browser says where it comes from (Origin, Sec-Fetch-Site),
//                       this very origin (403);
//   4. routing        - 404 for an unknown path, 405 with Allow for a known path and wrong method;
//   5. the handler    - inline, or on the database pool (the server decides, from the route);
//   6. errors         - every core::Error and every stray exception becomes the JSON error
//                       document here, and only here (status_for() is the one mapping);
//   7. conditional    - a 200 with an ETag the client already has becomes 304;
//   8. headers        - security headers and the request id on every answer;
//   9. access log and metrics.
//
// The server runs steps 1-4 with admit(), the handler with run(), and 7-9 with finish(); handle()
// runs them all in one call for tests and the fuzz target.

#include <chrono>
#include <memory>
#include <optional>
#include <string>

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

private:
    std::string next_request_id() const;

    const Router* m_router;
    Metrics* m_metrics;
    std::shared_ptr<spdlog::logger> m_access_log;
    Policy m_policy;
    std::string m_id_prefix;
    mutable std::atomic<std::uint64_t> m_next_id{1};
};

/// Security headers sent with every answer.
void add_security_headers(Response& response);

} // namespace unload::http
