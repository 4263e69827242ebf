// The safety stop (service/safety_stops.hpp): the open stop with its advice, onboarding answers
// that stop, and "I have been seen". Every page of the web app asks GET /api/v1/stop, so a warning
// sign never slips out of view.

#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "http/idempotency.hpp"
#include "http/requests.hpp"
#include "http/routes.hpp"
#include "json/documents.hpp"
#include "service/safety_stops.hpp"

namespace unload::http {

namespace {

using Json = nlohmann::json;

Json stop_document(const core::KnowledgeBase& kb, const std::optional<service::OpenStop>& open,
                   const std::string& emergency_number) {
    Json stop = nullptr;
    if (open) {
        stop = {{"id", open->stop.id},
                {"at", core::iso_timestamp(open->stop.at)},
                {"origin", open->stop.origin},
                {"verdict", open->stop.verdict},
                {"seen_at", open->stop.seen_at ? Json(core::iso_timestamp(*open->stop.seen_at))
                                               : Json(nullptr)},
                {"screen", json::screen_document(kb, open->screening)}};
    }
    return {{"stop", std::move(stop)}, {"emergency_number", emergency_number}};
}

} // namespace

void add_stop_routes(Router& router, const service::Resources& res, std::string emergency_number) {
    const auto& kb = res.kb;
    add_record_route(router, res, Method::Get, "/api/v1/stop", Writes::No,
                     [&kb, emergency_number](const service::Workspace& ws, const Request&,
                                             const Params&) -> core::Result<Response> {
                         return json_response(
                             stop_document(kb, TRY(service::open_stop(ws)), emergency_number));
                     });
    add_record_route(router, res, Method::Post, "/api/v1/stop", Writes::Yes,
                     [&kb, emergency_number](const service::Workspace& ws, const Request& request,
                                             const Params&) -> core::Result<Response> {
                         const auto stop =
                             TRY(from_body(service::record_onboarding_stop(ws, request.body)));
                         return json_response(stop_document(kb, stop, emergency_number), 201);
                     });
    add_record_route(router, res, Method::Post, "/api/v1/stop/seen", Writes::Yes,
                     [&kb, emergency_number](const service::Workspace& ws, const Request&,
                                             const Params&) -> core::Result<Response> {
                         return json_response(
                             stop_document(kb, TRY(service::mark_seen(ws)), emergency_number));
                     });
}

} // namespace unload::http
