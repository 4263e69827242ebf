#include "service/data.hpp"

#include <chrono>

namespace unload::service {

core::Result<core::WholeRecord> everything(const Workspace& ws) {
    const core::Day first{std::chrono::year{1900} / 1 / 1};
    const core::Day last{std::chrono::year{9999} / 12 / 31};
    return core::WholeRecord{.intakes = TRY(ws.record->intakes()),
                             .programs = TRY(ws.record->program_versions()),
                             .sessions =
                                 TRY(ws.record->sessions(first, last, core::SessionDetail::Full)),
                             .pain = TRY(ws.record->pain_entries(first, last)),
                             .scores = TRY(ws.record->scores()),
                             .reviews = TRY(ws.record->reviews()),
                             .stops = TRY(ws.record->stops()),
                             .follow_ups_done = TRY(ws.record->follow_ups_done()),
                             .feedback = TRY(ws.record->feedback(first, last)),
                             .reminders = TRY(ws.record->reminder_settings())};
}

core::Result<void> forget(const Workspace& ws) {
    // A record is its person's: a clinician may read it, never delete it (clinic.md).
    if (ws.actor.person != ws.person && ws.actor.kind != core::Actor::Kind::HostOperator)
        return core::fail(core::ErrorCode::Forbidden, "role",
                          "only the person themselves deletes their record");
    return ws.record->forget();
}

} // namespace unload::service
