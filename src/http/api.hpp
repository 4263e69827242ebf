#pragma once

// Everything `unload serve` answers, assembled: the routes (engine, record, operations and the
// web app's files), their metrics and the middleware pipeline. The server feeds it requests;
// tests and the fuzz target call handle() directly.

#include <filesystem>
#include <memory>

#include "http/metrics.hpp"
#include "http/pipeline.hpp"
#include "http/router.hpp"
#include "http/static_files.hpp"
#include "service/workspace.hpp"

namespace unload::http {

struct ApiOptions {
    std::filesystem::path web_root;
    Policy policy;
    std::shared_ptr<spdlog::logger> access_log; ///< May be null.
    std::string emergency_number = "112";       ///< The stop page's tap-to-call number.
};

class Api {
public:
    /// `ws` and what it refers to must outlive the Api.
    Api(const service::Resources& res, ApiOptions options);
    Api(const Api&) = delete;
    Api& operator=(const Api&) = delete;

    const Pipeline& pipeline() const { return *m_pipeline; }
    Metrics& metrics() { return *m_metrics; }
    const Router& router() const { return m_router; }
    Response handle(Request& request) const { return m_pipeline->handle(request); }
    /// The port the server is bound to, which Host headers with a loopback name must then name.
    void serve_on(std::uint16_t port) { m_pipeline->set_port(port); }

private:
    Router m_router;
    StaticFiles m_files;
    std::unique_ptr<Metrics> m_metrics;
    std::unique_ptr<Pipeline> m_pipeline;
};

} // namespace unload::http
