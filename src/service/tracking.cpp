#include "service/tracking.hpp"

#include <chrono>

#include <fmt/format.h>

#include "core/review.hpp"
#include "json/intake.hpp"
#include "service/checks.hpp"

namespace unload::service {

namespace {

/// The longest diary and progress windows: ten years.
constexpr int max_days = 3660;
constexpr int max_weeks = 520;

} // namespace

/// The pain the person began the program with: the first intake's pain now.
core::Result<std::optional<int>> baseline_pain(const Workspace& ws) {
    const auto intakes = TRY(ws.record->intakes());
    if (intakes.empty())
        return std::nullopt;
    const auto first = TRY(json::decode_intake(ws.kb, intakes.front().document));
    return first.symptoms.pain_now;
}

core::Result<Diary> diary(const Workspace& ws, int days) {
    if (days < 1 || days > max_days)
        return invalid("days", fmt::format("must be from 1 to {}", max_days));
    const auto to = today(ws);
    const auto from = to - std::chrono::days{days - 1};
    return Diary{.from = from,
                 .to = to,
                 .sessions = TRY(ws.record->sessions(from, to, core::SessionDetail::Full)),
                 .pain = TRY(ws.record->pain_entries(from, to))};
}

core::Result<core::PainEntry> log_pain(const Workspace& ws, int pain, std::string note) {
    TRY(check_pain(pain, "pain"));
    TRY(check_utf8(note, "note"));
    const auto now = ws.clock.now();
    core::PainEntry entry{
        .id = 0, .at = now, .day = ws.clock.day_of(now), .pain = pain, .note = std::move(note)};
    entry.id = TRY(ws.record->add_pain(entry));
    return entry;
}

core::Result<core::Progress> progress(const Workspace& ws, int weeks) {
    if (weeks < 1 || weeks > max_weeks)
        return invalid("weeks", fmt::format("must be from 1 to {}", max_weeks));
    const auto to = today(ws);
    const auto from = to - std::chrono::days{weeks * 7 - 1};
    const auto sessions = TRY(ws.record->sessions(from, to, core::SessionDetail::Summary));
    const auto pain = TRY(ws.record->pain_entries(from, to));
    const auto scores = TRY(ws.record->scores());
    const auto versions = TRY(ws.record->program_versions());
    const auto baseline = TRY(baseline_pain(ws));
    auto result = core::progress(ws.kb, from, to, sessions, pain, scores, versions, baseline);
    result.feedback = core::tally_feedback(ws.kb, TRY(ws.record->feedback(from, to)));
    return result;
}

} // namespace unload::service
