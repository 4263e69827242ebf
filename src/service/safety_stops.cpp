#include "service/safety_stops.hpp"

#include <string>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "json/intake.hpp"

namespace unload::service {

namespace {

std::string_view origin_name(StopOrigin origin) {
    switch (origin) {
    case StopOrigin::Onboarding:
        return "onboarding";
    case StopOrigin::Rescreen:
        return "rescreen";
    case StopOrigin::Review:
        return "review";
    }
    return "onboarding";
}

core::Result<OpenStop> with_screening(const Workspace& ws, core::SafetyStop stop) {
    const auto intake = TRY(json::decode_intake(ws.kb, stop.document));
    auto screening = core::screen(ws.kb, intake);
    return OpenStop{.stop = std::move(stop), .screening = std::move(screening)};
}

} // namespace

std::optional<core::SafetyStop> stop_opened_by(const Workspace& ws,
                                               const core::Screening& screening, StopOrigin origin,
                                               std::string_view document) {
    if (!screening.program_withheld())
        return std::nullopt;
    return core::SafetyStop{.id = 0,
                            .at = ws.clock.now(),
                            .origin = std::string(origin_name(origin)),
                            .verdict = std::string(core::to_string(screening.verdict)),
                            .document = std::string(document),
                            .seen_at = std::nullopt,
                            .cleared_at = std::nullopt,
                            .cleared_by_intake = std::nullopt};
}

/// A record from before stops were stored (migration 4) whose latest answers withhold the
/// program: the stop those answers would have opened, not stored yet (id 0).
core::Result<std::optional<OpenStop>> unstored_stop(const Workspace& ws) {
    const auto latest = TRY(ws.record->latest_intake());
    if (!latest)
        return std::nullopt;
    const auto intake = TRY(json::decode_intake(ws.kb, latest->document));
    auto screening = core::screen(ws.kb, intake);
    auto stop = stop_opened_by(ws, screening, StopOrigin::Rescreen, latest->document);
    if (!stop)
        return std::nullopt;
    stop->at = latest->at;
    return OpenStop{.stop = std::move(*stop), .screening = std::move(screening)};
}

core::Result<std::optional<OpenStop>> open_stop(const Workspace& ws) {
    auto stop = TRY(ws.record->open_stop());
    if (!stop)
        return unstored_stop(ws);
    return TRY(with_screening(ws, std::move(*stop)));
}

core::Result<OpenStop> record_onboarding_stop(const Workspace& ws, std::string_view document) {
    const auto intake = TRY(json::decode_intake(ws.kb, document));
    const auto screening = core::screen(ws.kb, intake);
    auto stop = stop_opened_by(ws, screening, StopOrigin::Onboarding, document);
    if (!stop)
        return core::fail(core::ErrorCode::InvalidInput, "intake",
                          fmt::format("these answers do not stop the program (the verdict is "
                                      "{}); POST /api/v1/program starts it",
                                      core::to_string(screening.verdict)));
    stop->id = TRY(ws.record->add_stop(*stop));
    return TRY(with_screening(ws, std::move(*stop)));
}

core::Result<OpenStop> mark_seen(const Workspace& ws) {
    auto stop = TRY(ws.record->open_stop());
    if (!stop) {
        // An older record's stop is stored now, so that being seen has a stop to belong to.
        auto unstored = TRY(unstored_stop(ws));
        if (!unstored)
            return core::fail(core::ErrorCode::NotFound, "stop",
                              "no stop is open: nothing to mark as seen");
        unstored->stop.id = TRY(ws.record->add_stop(unstored->stop));
        stop = std::move(unstored->stop);
    }
    const auto now = ws.clock.now();
    TRY(ws.record->mark_stop_seen(stop->id, now));
    stop->seen_at = now;
    return TRY(with_screening(ws, std::move(*stop)));
}

core::Result<void> check_no_stop(const Workspace& ws) {
    const auto stop = TRY(ws.record->open_stop());
    if (!stop)
        return {};
    return core::fail(core::ErrorCode::Conflict, "program",
                      fmt::format("the program is stopped: your answers of {} include a warning "
                                  "sign ({}); please follow its advice, then answer the safety "
                                  "questions again",
                                  core::iso_timestamp(stop->at), stop->verdict));
}

} // namespace unload::service
