#include "service/program.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "json/rescreen.hpp"
#include "service/safety_stops.hpp"

namespace unload::service {

core::ProgramVersion version_for(const Workspace& ws, const core::Plan& plan, core::RecordId intake,
                                 int week, std::string origin, std::vector<core::Reason> because) {
    const auto now = ws.clock.now();
    return {.id = 0,
            .intake_id = intake,
            .created_at = now,
            .starts_on = ws.clock.day_of(now),
            .week = week,
            .stage = plan.program ? plan.program->stage->id : std::string(),
            .origin = std::move(origin),
            .because = std::move(because),
            .document = json::plan_document(ws.kb, plan).dump(),
            .changes = {}};
}

namespace {

/// The latest intake stored at or before `as_of`, or the latest of all without it (or when
/// `as_of` comes before every intake: check_started_at() then refuses that time by name).
core::Result<std::optional<core::IntakeRecord>>
intake_in_force(const Workspace& ws, std::optional<core::Timestamp> as_of) {
    if (!as_of)
        return ws.record->latest_intake();
    std::optional<core::IntakeRecord> found;
    for (auto& intake : TRY(ws.record->intakes())) {
        if (intake.at <= *as_of && (!found || intake.at >= found->at))
            found = std::move(intake);
    }
    if (!found)
        return ws.record->latest_intake();
    return found;
}

} // namespace

core::Result<Current> load_current_as_of(const Workspace& ws,
                                         std::optional<core::Timestamp> as_of) {
    auto version = TRY(ws.record->current_program());
    auto intake_record = TRY(intake_in_force(ws, as_of));
    if (!version || !intake_record)
        return core::fail(core::ErrorCode::NotFound, "program", "no program yet");
    auto intake = TRY(json::decode_intake(ws.kb, intake_record->document));
    const auto stage = core::find_stage(ws.kb, version->stage);
    if (!stage)
        return core::fail(
            core::ErrorCode::InvalidContent, "program.stage",
            fmt::format("the stored stage '{}' is not in programs.toml", version->stage));
    auto plan = core::plan(ws.kb, intake, version->week, *stage, version->changes);
    return Current{.intake_record = std::move(*intake_record),
                   .intake = std::move(intake),
                   .version = std::move(*version),
                   .stage_index = *stage,
                   .plan = std::move(plan)};
}

core::Result<Current> load_current(const Workspace& ws) {
    return load_current_as_of(ws, std::nullopt);
}

core::Result<Started> start(const Workspace& ws, std::string_view intake_document,
                            Restart restart) {
    const auto intake = TRY(json::decode_intake(ws.kb, intake_document));
    if (const auto current = TRY(ws.record->current_program()); current && restart == Restart::No)
        return core::fail(core::ErrorCode::Conflict, "restart",
                          fmt::format("a program is already running (week {}, {}, since {})",
                                      current->week, current->stage,
                                      core::iso_day(current->starts_on)));
    auto plan = core::plan(ws.kb, intake, 1);
    const core::IntakeRecord record{
        .id = 0, .at = ws.clock.now(), .document = std::string(intake_document)};
    // Screening may withhold the program: the intake is kept then, and no version written.
    std::optional<core::ProgramVersion> version;
    if (plan.program)
        version = version_for(ws, plan, 0, 1, "start",
                              {{.id = std::string(core::reason_ids::program_start),
                                .text = plan.program->stage->text}});
    // The intake, its first version and what it does to the safety stop are stored together or
    // not at all.
    const auto stop = stop_opened_by(ws, plan.screening, StopOrigin::Onboarding, record.document);
    const auto ids = TRY(ws.record->record_start(record, version, stop));
    if (version) {
        version->intake_id = ids.intake;
        version->id = *ids.version;
    }
    return Started{.plan = std::move(plan), .version = std::move(version)};
}

core::Result<core::Screening> rescreen(const Workspace& ws, std::string_view answers) {
    const auto latest = TRY(ws.record->latest_intake());
    if (!latest)
        return core::fail(core::ErrorCode::NotFound, "intake",
                          "no intake yet to re-screen; start a program first");
    const auto rescreened = TRY(json::apply_rescreen(ws.kb, latest->document, answers));
    auto screening = core::screen(ws.kb, rescreened.intake);
    TRY(ws.record->add_intake(
        {.id = 0, .at = ws.clock.now(), .document = rescreened.document},
        stop_opened_by(ws, screening, StopOrigin::Rescreen, rescreened.document)));
    return screening;
}

core::Result<core::IntakeRecord> latest_intake(const Workspace& ws) {
    auto latest = TRY(ws.record->latest_intake());
    if (!latest)
        return core::fail(core::ErrorCode::NotFound, "intake",
                          "no intake yet: start a program with one");
    return std::move(*latest);
}

} // namespace unload::service
