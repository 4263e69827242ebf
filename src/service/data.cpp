#include "service/data.hpp"

#include <chrono>

namespace unload::service {

core::Result<core::WholeRecord> everything(const Workspace& ws) {
    const core::Day first{std::chrono::year{1900} / 1 / 1};
    const core::Day last{std::chrono::year{9999} / 12 / 31};
    return core::WholeRecord{.intakes = TRY(ws.repo.intakes()),
                             .programs = TRY(ws.repo.program_versions()),
                             .sessions =
                                 TRY(ws.repo.sessions(first, last, core::SessionDetail::Full)),
                             .pain = TRY(ws.repo.pain_entries(first, last)),
                             .scores = TRY(ws.repo.scores()),
                             .reviews = TRY(ws.repo.reviews()),
                             .stops = TRY(ws.repo.stops()),
                             .follow_ups_done = TRY(ws.repo.follow_ups_done()),
                             .feedback = TRY(ws.repo.feedback(first, last)),
                             .reminders = TRY(ws.repo.reminder_settings())};
}

core::Result<void> forget(const Workspace& ws) {
    return ws.repo.forget_everything();
}

} // namespace unload::service
