#include "http/api.hpp"

#include "http/routes.hpp"

namespace unload::http {

Api::Api(const service::Resources& res, ApiOptions options) : m_files(options.web_root) {
    m_router.add(Method::Get, "/healthz", Work::Inline,
                 [](const Request&, const Params&) -> core::Result<Response> {
                     return Response{.status = 200,
                                     .content_type = "application/json",
                                     .body = R"({"status":"ok"})"};
                 });
    m_router.add(Method::Get, "/metrics", Work::Inline,
                 [this](const Request&, const Params&) -> core::Result<Response> {
                     return Response{.status = 200,
                                     .content_type = "text/plain; version=0.0.4; charset=utf-8",
                                     .body = m_metrics->prometheus()};
                 });
    add_engine_routes(m_router, res.kb);
    add_picture_routes(m_router, res.kb);
    add_learn_routes(m_router, res.kb);
    add_reference_routes(m_router, res.kb);
    add_record_routes(m_router, res);
    add_stop_routes(m_router, res, options.emergency_number);
    add_follow_up_routes(m_router, res);
    add_account_routes(
        m_router, res,
        {.name = std::string(options.policy.cookie_name()), .secure = options.policy.tls});
    // The web app last, so that its one-segment template never hides an API path.
    const auto serve_file = [this](const Request& request,
                                   const Params&) -> core::Result<Response> {
        return m_files.serve(request);
    };
    m_router.add(Method::Get, "/", Work::Inline, serve_file);
    m_router.add(Method::Get, "/{file}", Work::Inline, serve_file);
    m_router.add(Method::Get, "/assets/{file}", Work::Inline, serve_file);

    std::vector<std::string> names;
    for (const auto& route : m_router.routes())
        names.push_back(std::string(to_string(route.method)) + " " + route.pattern);
    m_metrics = std::make_unique<Metrics>(std::move(names));
    m_pipeline = std::make_unique<Pipeline>(m_router, *m_metrics, std::move(options.access_log),
                                            std::move(options.policy));
}

} // namespace unload::http
