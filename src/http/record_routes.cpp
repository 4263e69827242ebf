// Routes over the person's record. They all run on the database pool, one at a time, so SQLite
// sees a single writer and the I/O threads never wait on the disk.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "core/screening.hpp"
#include "http/idempotency.hpp"
#include "http/requests.hpp"
#include "http/routes.hpp"
#include "json/documents.hpp"
#include "json/reader.hpp"
#include "json/records.hpp"
#include "service/data.hpp"
#include "service/feedback.hpp"
#include "service/program.hpp"
#include "service/reminders.hpp"
#include "service/review.hpp"
#include "service/scores.hpp"
#include "service/session.hpp"
#include "service/tracking.hpp"

namespace unload::http {

namespace {

using Json = nlohmann::json;

Json view_document(const core::SessionView& view) {
    return {{"step_index", view.step_index},
            {"step_elapsed_ms", view.step_elapsed_ms},
            {"step_remaining_ms", view.step_remaining_ms},
            {"session_elapsed_ms", view.session_elapsed_ms},
            {"session_remaining_ms", view.session_remaining_ms},
            {"paused", view.paused},
            {"ended", view.ended}};
}

Json stops_document(const core::KnowledgeBase& kb, const std::vector<core::StopOutcome>& stops) {
    Json list = Json::array();
    for (const auto& stop : stops)
        list.push_back(json::stop_outcome_document(kb, stop));
    return list;
}

template <class T, class Encode>
Json list_of(const std::vector<T>& values, Encode encode) {
    Json list = Json::array();
    for (const auto& value : values)
        list.push_back(encode(value));
    return list;
}

Json program_document(const core::KnowledgeBase& kb, const service::Current& current) {
    return json::current_program_document(kb, current.version, current.plan);
}

} // namespace

void add_record_routes(Router& router, const service::Resources& res) {
    const auto& kb = res.kb;
    // Every route opens the record for its caller once (on_record); every route that writes to
    // it honours Idempotency-Key, so a resent request is stored once. (Deleting everything is
    // idempotent by itself, and keeps nothing behind.)
    const auto add = [&router, &res](Method method, std::string_view pattern,
                                     RecordHandler handler) {
        add_record_route(router, res, method, pattern, Writes::No, std::move(handler));
    };
    const auto add_write = [&router, &res](Method method, std::string_view pattern,
                                           RecordHandler handler) {
        add_record_route(router, res, method, pattern, Writes::Yes, std::move(handler));
    };

    add(Method::Get, "/api/v1/intake",
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            const auto latest = TRY(service::latest_intake(ws));
            return json_response({{"id", latest.id},
                                  {"at", core::iso_timestamp(latest.at)},
                                  {"intake", json::parse(latest.document).value_or(Json())}});
        });

    add(Method::Get, "/api/v1/program",
        [&kb](const service::Workspace& ws, const Request&,
              const Params&) -> core::Result<Response> {
            return json_response(program_document(kb, TRY(service::load_current(ws))));
        });
    add_write(Method::Post, "/api/v1/program",
              [&kb](const service::Workspace& ws, const Request& request,
                    const Params&) -> core::Result<Response> {
                  const auto restart = TRY(bool_query(request, "restart"));
                  const auto started = TRY(from_body(service::start(
                      ws, request.body, restart ? service::Restart::Yes : service::Restart::No)));
                  if (!started.version)
                      return json_response(
                          {{"program", nullptr}, {"plan", json::plan_document(kb, started.plan)}});
                  return json_response(
                      {{"program", json::program_version_document(*started.version)},
                       {"plan", json::plan_document(kb, started.plan)}},
                      201);
              });

    add_write(Method::Post, "/api/v1/rescreen",
              [&kb](const service::Workspace& ws, const Request& request,
                    const Params&) -> core::Result<Response> {
                  return json_response(json::screen_document(
                      kb, TRY(from_body(service::rescreen(ws, request.body)))));
              });

    add(Method::Get, "/api/v1/session",
        [&kb](const service::Workspace& ws, const Request&,
              const Params&) -> core::Result<Response> {
            const auto session = TRY(service::prepare_session(ws));
            Json suspended = Json::array();
            for (std::size_t item = 0; item < kb.items.size(); ++item)
                if (session.adjustments.suspended.test(item))
                    suspended.push_back(kb.items[item].id);
            // The answers to "stop, this hurts" in the order a player offers them, so that the
            // browser asks with the content's words and never keeps a list of its own.
            Json stop_reasons = Json::array();
            for (const auto& reason : kb.session.stop_reasons)
                stop_reasons.push_back({{"id", reason.id}, {"label", reason.label}});
            return json_response({{"program_version", session.current.version.id},
                                  {"timeline", json::timeline_document(kb, session.timeline)},
                                  {"low_dose", session.adjustments.low_dose},
                                  {"suspended", suspended},
                                  {"rescreen_pending", session.rescreen_pending},
                                  {"today",
                                   {{"day", core::iso_day(service::today(ws))},
                                    {"sessions_done", session.done_today},
                                    {"sessions_planned", session.planned_today}}},
                                  {"stop_reasons", stop_reasons}});
        });
    add(Method::Post, "/api/v1/session/replay",
        [&kb](const service::Workspace& ws, const Request& request,
              const Params&) -> core::Result<Response> {
            const auto replay_request = TRY(decode_replay_request(request.body));
            const auto replay =
                TRY(service::replay(ws, replay_request.controls, replay_request.until_ms));
            Json refused = Json::array();
            for (const auto& control : replay.refused)
                refused.push_back({{"control", control.control}, {"message", control.message}});
            core::Timeline now{.steps = replay.steps, .total_ms = 0};
            for (const auto& step : now.steps)
                now.total_ms += step.duration_ms;
            return json_response({{"view", view_document(replay.view)},
                                  {"steps", json::timeline_document(kb, now)["steps"]},
                                  {"stops", stops_document(kb, replay.stops)},
                                  {"refused", refused},
                                  {"session", json::session_document(replay.record)}});
        });
    add_write(Method::Post, "/api/v1/sessions",
              [&kb](const service::Workspace& ws, const Request& request,
                    const Params&) -> core::Result<Response> {
                  const auto played = TRY(decode_played_session(request.body));
                  const auto replay = TRY(service::record_session(ws, played));
                  auto document = json::session_document(replay.record);
                  document["stops"] = stops_document(kb, replay.stops);
                  document["rescreen_needed"] =
                      std::ranges::any_of(replay.stops, &core::StopOutcome::rescreen);
                  return json_response(document, 201);
              });

    // One tap per exercise after a session: how it felt (service/feedback.hpp).
    add_write(Method::Put, "/api/v1/sessions/{id}/feedback/{exercise}",
              [](const service::Workspace& ws, const Request& request,
                 const Params& params) -> core::Result<Response> {
                  const auto session = TRY(record_id(params.get("id"), "session"));
                  const auto rating = TRY(decode_rating_request(request.body));
                  const auto stored =
                      TRY(service::rate_exercise(ws, session, params.get("exercise"), rating));
                  return json_response({{"session", stored.session_id},
                                        {"exercise", stored.item},
                                        {"rating", core::to_string(stored.rating)},
                                        {"at", core::iso_timestamp(stored.at)}});
              });
    add_write(Method::Post, "/api/v1/program/harder/{exercise}",
              [&kb](const service::Workspace& ws, const Request&,
                    const Params& params) -> core::Result<Response> {
                  return json_response(program_document(
                      kb, TRY(service::take_harder_version(ws, params.get("exercise")))));
              });

    add(Method::Get, "/api/v1/diary",
        [](const service::Workspace& ws, const Request& request,
           const Params&) -> core::Result<Response> {
            const auto days = TRY(int_query(request, "days", 1, 366, 7));
            const auto diary = TRY(service::diary(ws, days));
            return json_response({{"from", core::iso_day(diary.from)},
                                  {"to", core::iso_day(diary.to)},
                                  {"sessions", list_of(diary.sessions, json::session_document)},
                                  {"pain", list_of(diary.pain, json::pain_document)}});
        });
    add_write(Method::Post, "/api/v1/pain",
              [](const service::Workspace& ws, const Request& request,
                 const Params&) -> core::Result<Response> {
                  const auto pain = TRY(decode_pain_request(request.body));
                  return json_response(
                      json::pain_document(TRY(service::log_pain(ws, pain.pain, pain.note))), 201);
              });
    add(Method::Get, "/api/v1/progress",
        [&kb](const service::Workspace& ws, const Request& request,
              const Params&) -> core::Result<Response> {
            const auto weeks = TRY(int_query(request, "weeks", 1, 261, 12));
            return json_response(json::progress_document(kb, TRY(service::progress(ws, weeks))));
        });

    add_write(Method::Post, "/api/v1/review",
              [&kb](const service::Workspace& ws, const Request& request,
                    const Params&) -> core::Result<Response> {
                  return json_response(
                      json::review_document(kb, TRY(from_body(service::review(ws, request.body)))),
                      201);
              });
    add(Method::Get, "/api/v1/reviews",
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            return json_response(list_of(TRY(service::reviews(ws)), json::review_record_document));
        });

    add(Method::Get, "/api/v1/scores",
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            return json_response(list_of(TRY(service::scores(ws)), json::score_record_document));
        });
    add_write(Method::Post, "/api/v1/scores",
              [&kb](const service::Workspace& ws, const Request& request,
                    const Params&) -> core::Result<Response> {
                  const auto score_request = TRY(decode_score_request(request.body));
                  const auto score =
                      TRY(service::score(kb, score_request.instrument, score_request.answers));
                  auto document = json::score_document(score);
                  if (!score_request.save)
                      return json_response(document);
                  document["saved"] = json::score_record_document(TRY(service::save_score(
                      ws, score_request.instrument, score, score_request.answers)));
                  return json_response(document, 201);
              });

    add(Method::Get, "/api/v1/reminders",
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            return json_response(
                json::reminder_settings_document(TRY(service::reminder_settings(ws))));
        });
    add_write(Method::Put, "/api/v1/reminders",
              [](const service::Workspace& ws, const Request& request,
                 const Params&) -> core::Result<Response> {
                  const auto decoded = TRY(decode_reminder_settings(request.body));
                  const auto settings = TRY(service::save_reminder_settings(ws, decoded));
                  return json_response(json::reminder_settings_document(settings));
              });

    add(Method::Get, "/api/v1/reminders.ics",
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            auto calendar = TRY(service::reminder_calendar(ws));
            Response response{.status = 200,
                              .content_type = "text/calendar; charset=utf-8",
                              .body = std::move(calendar)};
            response.set_header("Content-Disposition", "attachment; filename=\"unload.ics\"");
            return response;
        });

    add(Method::Get, "/api/v1/export",
        [](const service::Workspace& ws, const Request&, const Params&) -> core::Result<Response> {
            auto response = json_response(json::export_document(TRY(service::everything(ws))));
            response.set_header("Content-Disposition",
                                "attachment; filename=\"unload-export.json\"");
            return response;
        });
    add(Method::Delete, "/api/v1/data",
        [](const service::Workspace& ws, const Request& request,
           const Params&) -> core::Result<Response> {
            TRY(decode_forget_request(request.body));
            TRY(service::forget(ws));
            return json_response({{"forgotten", true}});
        });
}

} // namespace unload::http
