// Advice that asks the person to do something (service/follow_ups.hpp): Today lists it until the
// person says it is done.

#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "http/idempotency.hpp"
#include "http/requests.hpp"
#include "http/routes.hpp"
#include "service/follow_ups.hpp"

namespace unload::http {

namespace {

using Json = nlohmann::json;

Json follow_ups_document(const std::vector<service::FollowUp>& open) {
    Json list = Json::array();
    for (const auto& follow_up : open)
        list.push_back(
            {{"advice", follow_up.advice->id},
             {"text", follow_up.advice->text},
             {"given_at", core::iso_timestamp(follow_up.given_at)},
             {"day", core::iso_day(follow_up.day)},
             {"from", follow_up.source == service::FollowUpSource::Review ? "review" : "stop"},
             {"because", follow_up.because}});
    return {{"follow_ups", std::move(list)}};
}

} // namespace

void add_follow_up_routes(Router& router, const service::Resources& res) {
    add_record_route(
        router, res, Method::Get, "/api/v1/follow-ups", Writes::No,
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            return json_response(follow_ups_document(TRY(service::open_follow_ups(ws))));
        });
    add_record_route(router, res, Method::Post, "/api/v1/follow-ups/{advice}/done", Writes::Yes,
                     [](const service::Workspace& ws, const Request&,
                        const Params& params) -> core::Result<Response> {
                         return json_response(follow_ups_document(
                             TRY(service::mark_follow_up_done(ws, params.get("advice")))));
                     });
}

} // namespace unload::http
