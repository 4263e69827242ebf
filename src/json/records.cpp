#include "json/records.hpp"

#include <charconv>

#include "core/calendar.hpp"
#include "core/review.hpp"
#include "json/documents.hpp"

namespace unload::json {

namespace {

using nlohmann::json;

json reasons(const std::vector<core::Reason>& because) {
    json out = json::array();
    for (const auto& reason : because)
        out.push_back({{"id", reason.id}, {"text", reason.text}});
    return out;
}

json optional_number(const std::optional<int>& value) {
    return value ? json(*value) : json(nullptr);
}

json optional_number(const std::optional<double>& value) {
    return value ? json(*value) : json(nullptr);
}

json mcid_document(const core::Mcid& mcid) {
    return {{"points", mcid.points}, {"percent", mcid.percent}};
}

/// An embedded document stored as text: parsed back so the export nests it, or kept as a string
/// if it somehow is not JSON.
json embedded(const std::string& text) {
    auto parsed = json::parse(text, nullptr, false);
    return parsed.is_discarded() ? json(text) : parsed;
}

} // namespace

json timeline_document(const core::KnowledgeBase& kb, const core::Timeline& timeline) {
    json steps = json::array();
    std::int64_t start = 0;
    for (const auto& step : timeline.steps) {
        json cues = json::array();
        for (const auto& cue : step.cues)
            cues.push_back(
                {{"at_ms", cue.at_ms}, {"kind", core::to_string(cue.kind)}, {"text", cue.text}});
        json modifications = json::array();
        for (const auto* modification : step.modifications)
            modifications.push_back(modification->id);
        steps.push_back({{"kind", core::to_string(step.kind)},
                         {"exercise", step.item ? json(kb.item(*step.item).id) : json(nullptr)},
                         {"modifications", std::move(modifications)},
                         {"side", step.side == core::Side::None ? json(nullptr)
                                                                : json(core::to_string(step.side))},
                         {"rep", step.rep},
                         {"reps", step.reps},
                         {"round", step.round},
                         {"rounds", step.rounds},
                         {"start_ms", start},
                         {"duration_ms", step.duration_ms},
                         {"title", step.title},
                         {"text", step.text},
                         {"cues", cues}});
        start += step.duration_ms;
    }
    return {{"total_ms", timeline.total_ms}, {"steps", steps}};
}

json session_document(const core::SessionRecord& session) {
    json steps = json::array();
    for (const auto& step : session.steps)
        steps.push_back({{"index", step.index},
                         {"kind", step.kind},
                         {"exercise", step.item.empty() ? json(nullptr) : json(step.item)},
                         {"side", step.side.empty() ? json(nullptr) : json(step.side)},
                         {"planned_ms", step.planned_ms},
                         {"started_ms", step.started_ms},
                         {"ended_ms", step.ended_ms},
                         {"result", core::to_string(step.result)}});
    json events = json::array();
    for (const auto& event : session.events)
        events.push_back({{"at_ms", event.at_ms},
                          {"kind", core::to_string(event.kind)},
                          {"exercise", event.item.empty() ? json(nullptr) : json(event.item)},
                          {"reason", event.reason.empty() ? json(nullptr) : json(event.reason)},
                          {"detail", event.detail.empty() ? json(nullptr) : json(event.detail)}});
    return {{"id", session.id},
            {"program_version", session.program_version_id},
            {"started_at", core::iso_timestamp(session.started_at)},
            {"day", core::iso_day(session.day)},
            {"planned_ms", session.planned_ms},
            {"active_ms", session.active_ms},
            {"outcome", core::to_string(session.outcome)},
            {"pain_before", optional_number(session.pain_before)},
            {"pain_after", optional_number(session.pain_after)},
            {"flare", session.flare},
            {"steps", steps},
            {"events", events}};
}

json pain_document(const core::PainEntry& entry) {
    return {{"id", entry.id},
            {"at", core::iso_timestamp(entry.at)},
            {"day", core::iso_day(entry.day)},
            {"pain", entry.pain},
            {"note", entry.note}};
}

json score_record_document(const core::ScoreRecord& score) {
    return {{"id", score.id},
            {"at", core::iso_timestamp(score.at)},
            {"day", core::iso_day(score.day)},
            {"instrument", score.instrument},
            {"value", score.value},
            {"band", score.band.empty() ? json(nullptr) : json(score.band)},
            {"answers", embedded(score.answers)}};
}

json program_version_document(const core::ProgramVersion& version) {
    json changes = json::array();
    for (const auto& change : version.changes)
        changes.push_back(
            {{"exercise", change.item},
             {"use", change.use.empty() ? json(nullptr) : json(change.use)},
             {"kind", core::to_string(change.kind)},
             {"reason", change.reason},
             {"in_force", change.in_force()},
             {"accepted_at", change.accepted_at ? json(core::iso_timestamp(*change.accepted_at))
                                                : json(nullptr)}});
    return {{"id", version.id},
            {"intake", version.intake_id},
            {"created_at", core::iso_timestamp(version.created_at)},
            {"starts_on", core::iso_day(version.starts_on)},
            {"week", version.week},
            {"stage", version.stage},
            {"origin", version.origin},
            {"because", reasons(version.because)},
            {"changes", changes},
            {"plan", embedded(version.document)}};
}

json current_program_document(const core::KnowledgeBase& kb, const core::ProgramVersion& version,
                              const core::Plan& plan) {
    auto document = program_version_document(version);
    document["plan"] = plan_document(kb, plan);
    document["review_due_on"] = core::iso_day(core::review_due_on(version));
    document["offers"] = offers_document(kb, version);
    return document;
}

json offers_document(const core::KnowledgeBase& kb, const core::ProgramVersion& version) {
    json out = json::array();
    for (const auto& change : version.changes) {
        if (change.kind != core::ChangeKind::Harder || change.accepted_at)
            continue;
        const auto item = kb.find_item(change.item);
        const auto use = kb.find_item(change.use);
        if (!item || !use)
            continue; // Content changed since the review wrote it: nothing to offer.
        out.push_back({{"exercise", change.item},
                       {"name", kb.item(*item).name},
                       {"harder", change.use},
                       {"harder_name", kb.item(*use).name}});
    }
    return out;
}

json review_record_document(const core::ReviewRecord& review) {
    return {{"id", review.id},
            {"at", core::iso_timestamp(review.at)},
            {"day", core::iso_day(review.day)},
            {"week", review.week},
            {"decision", core::to_string(review.decision)},
            {"from_stage", review.from_stage},
            {"to_stage", review.to_stage.empty() ? json(nullptr) : json(review.to_stage)},
            {"because", reasons(review.because)},
            {"advice", review.advice}};
}

json review_document(const core::KnowledgeBase& kb, const core::ReviewOutcome& outcome) {
    const auto& week = outcome.week;
    json document = review_record_document(outcome.record);
    document["week_summary"] = {{"from", core::iso_day(week.from)},
                                {"to", core::iso_day(week.to)},
                                {"planned_sessions", week.planned_sessions},
                                {"done_sessions", week.done_sessions},
                                {"adherence", week.adherence},
                                {"mean_pain", optional_number(week.mean_pain)},
                                {"mean_pain_last_week", optional_number(week.mean_pain_last_week)},
                                {"flares", week.flares},
                                {"flare_in_last_days", week.flare_in_last_days},
                                {"stop_reasons", week.stop_reasons}};
    json advice = json::array();
    for (const auto& id : outcome.record.advice) {
        if (const auto found = kb.find_advice(id))
            advice.push_back({{"id", id}, {"text", kb.advice[*found].text}});
    }
    document["advice"] = advice;
    document["rescore_due"] = outcome.rescore_due;
    document["screen"] = outcome.rescreen ? screen_document(kb, *outcome.rescreen) : json(nullptr);
    return document;
}

json progress_document(const core::KnowledgeBase& kb, const core::Progress& progress) {
    json feedback = json::array();
    for (const auto& feel : progress.feedback)
        feedback.push_back({{"exercise", kb.item(feel.item).id},
                            {"name", kb.item(feel.item).name},
                            {"too_easy", feel.too_easy},
                            {"right", feel.right},
                            {"too_hard", feel.too_hard},
                            {"hurt", feel.hurt},
                            {"latest", core::to_string(feel.latest)}});
    json days = json::array();
    for (const auto& day : progress.days)
        days.push_back({{"day", core::iso_day(day.day)},
                        {"planned_sessions", day.planned_sessions},
                        {"done_sessions", day.done_sessions},
                        {"minutes", day.minutes},
                        {"mean_pain", optional_number(day.mean_pain)},
                        {"flare", day.flare}});
    json scores = json::array();
    for (const auto& score : progress.scores) {
        json entry = score_record_document(score.score);
        entry.erase("answers");
        entry["change"] = optional_number(score.change);
        entry["responder"] = score.responder;
        entry["mcid"] = score.mcid ? mcid_document(*score.mcid) : json(nullptr);
        scores.push_back(entry);
    }
    return {{"from", core::iso_day(progress.from)},
            {"to", core::iso_day(progress.to)},
            {"planned_sessions", progress.planned_sessions},
            {"done_sessions", progress.done_sessions},
            {"adherence",
             progress.planned_sessions > 0
                 ? json(static_cast<double>(progress.done_as_planned) / progress.planned_sessions)
                 : json(nullptr)},
            {"minutes", progress.minutes},
            {"baseline_pain", optional_number(progress.baseline_pain)},
            {"latest_pain", optional_number(progress.latest_pain)},
            {"pain_responder", progress.pain_responder},
            {"pain_mcid", mcid_document(progress.pain_mcid)},
            {"days", days},
            {"scores", scores},
            {"feedback", feedback}};
}

std::string clock_time(int minutes) {
    const auto two = [](int n) { return std::string(n < 10 ? "0" : "") + std::to_string(n); };
    return two(minutes / 60) + ":" + two(minutes % 60);
}

std::optional<int> parse_clock_time(std::string_view text) {
    if (text.size() != 5 || text[2] != ':')
        return std::nullopt;
    int hours = -1;
    int minutes = -1;
    const auto h = std::from_chars(text.data(), text.data() + 2, hours);
    const auto m = std::from_chars(text.data() + 3, text.data() + 5, minutes);
    if (h.ec != std::errc{} || m.ec != std::errc{} || h.ptr != text.data() + 2 ||
        m.ptr != text.data() + 5 || hours > 23 || minutes > 59 || hours < 0 || minutes < 0)
        return std::nullopt;
    return hours * 60 + minutes;
}

json reminder_settings_document(const core::ReminderSettings& settings) {
    json sessions = json::array();
    for (const auto minutes : settings.session_minutes)
        sessions.push_back(clock_time(minutes));
    return {{"sessions", settings.sessions},
            {"session_times", sessions},
            {"desk_breaks", settings.desk_breaks},
            {"work_start", clock_time(settings.work_start_minutes)},
            {"work_end", clock_time(settings.work_end_minutes)},
            {"work_days", settings.work_days}};
}

json stop_outcome_document(const core::KnowledgeBase& kb, const core::StopOutcome& outcome) {
    json suspended = json::array();
    for (const auto item : outcome.suspended)
        suspended.push_back(kb.item(item).id);
    json advice = json::array();
    for (const auto id : outcome.advice)
        advice.push_back({{"id", kb.advice[id].id}, {"text", kb.advice[id].text}});
    return {{"reason", outcome.reason ? json(outcome.reason->id) : json(nullptr)},
            {"text", outcome.reason ? json(outcome.text) : json(nullptr)},
            {"exercise", outcome.item ? json(kb.item(*outcome.item).id) : json(nullptr)},
            {"session_ended", outcome.session_ended},
            {"suspended", suspended},
            {"advice", advice},
            {"rescreen", outcome.rescreen}};
}

json safety_stop_document(const core::SafetyStop& stop) {
    const auto time_or_null = [](const std::optional<core::Timestamp>& at) -> json {
        return at ? json(core::iso_timestamp(*at)) : json(nullptr);
    };
    return {{"id", stop.id},
            {"at", core::iso_timestamp(stop.at)},
            {"origin", stop.origin},
            {"verdict", stop.verdict},
            {"answers", embedded(stop.document)},
            {"seen_at", time_or_null(stop.seen_at)},
            {"cleared_at", time_or_null(stop.cleared_at)},
            {"cleared_by_intake",
             stop.cleared_by_intake ? json(*stop.cleared_by_intake) : json(nullptr)}};
}

json export_document(const core::WholeRecord& everything) {
    json intakes = json::array();
    for (const auto& intake : everything.intakes)
        intakes.push_back({{"id", intake.id},
                           {"at", core::iso_timestamp(intake.at)},
                           {"intake", embedded(intake.document)}});
    const auto list = [](const auto& records, auto document) {
        json out = json::array();
        for (const auto& record : records)
            out.push_back(document(record));
        return out;
    };
    return {{"format", "unload-export/1"},
            {"intakes", intakes},
            {"programs", list(everything.programs, program_version_document)},
            {"sessions", list(everything.sessions, session_document)},
            {"pain", list(everything.pain, pain_document)},
            {"scores", list(everything.scores, score_record_document)},
            {"reviews", list(everything.reviews, review_record_document)},
            {"stops", list(everything.stops, safety_stop_document)},
            {"exercise_feedback", list(everything.feedback,
                                       [](const core::ExerciseFeedback& given) -> json {
                                           return {{"session", given.session_id},
                                                   {"exercise", given.item},
                                                   {"rating", core::to_string(given.rating)},
                                                   {"at", core::iso_timestamp(given.at)}};
                                       })},
            {"follow_ups_done", list(everything.follow_ups_done,
                                     [](const core::FollowUpDone& done) -> json {
                                         return {{"id", done.id},
                                                 {"advice", done.advice},
                                                 {"at", core::iso_timestamp(done.at)}};
                                     })},
            {"reminders", reminder_settings_document(everything.reminders)}};
}

} // namespace unload::json
