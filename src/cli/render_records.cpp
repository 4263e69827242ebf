#include "cli/render_records.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>

#include <fmt/format.h>

#include "cli/render.hpp"
#include "core/calendar.hpp"

namespace unload::cli {

namespace {

std::string minutes_text(std::int64_t ms) {
    return describe_seconds(static_cast<int>((ms + 500) / 1000));
}

std::string pain_text(const std::optional<int>& pain) {
    return pain ? fmt::format("{}/10", *pain) : std::string("-");
}

/// `08:30` in the person's time zone.
std::string local_time(core::Timestamp at) {
    const std::time_t seconds = at.time_since_epoch().count();
    std::tm local{};
    localtime_r(&seconds, &local);
    return fmt::format("{:02}:{:02}", local.tm_hour, local.tm_min);
}

std::string one_decimal(double value) {
    return fmt::format("{:.1f}", value);
}

/// A pain bar: one block per point, so the trend reads down the page.
std::string pain_bar(double pain) {
    std::string out;
    const int blocks = static_cast<int>(std::lround(pain * 2));
    for (int i = 0; i < blocks / 2; ++i)
        out += "█";
    if (blocks % 2 == 1)
        out += "▌";
    return out;
}

} // namespace

std::string csv_field(std::string_view text) {
    // A cell a spreadsheet would read as a formula (`=HYPERLINK(...)` typed as a pain note) gets
    // a leading apostrophe, which spreadsheets show as text and do not run (OWASP's advice).
    std::string cell;
    if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
        cell = "'";
    cell.append(text);
    if (cell.find_first_of(",\"\n\r") == std::string::npos)
        return cell;
    std::string out = "\"";
    for (const char c : cell)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string render_log(const core::KnowledgeBase& kb,
                       const std::vector<core::SessionRecord>& sessions,
                       const std::vector<core::PainEntry>& pain, const Terminal& term) {
    (void)kb;
    if (sessions.empty() && pain.empty())
        return "Nothing logged in this period yet. `unload session` guides you through today's "
               "routine; `unload log pain N` notes your pain.\n";
    std::string out = term.paint(Style::Bold, "Sessions") + "\n";
    if (sessions.empty())
        out += "  none\n";
    for (const auto& session : sessions) {
        std::string stops;
        for (const auto& event : session.events) {
            if (event.kind == core::EventKind::Stop)
                stops += fmt::format("{}stopped {} ({})", stops.empty() ? "" : "; ", event.item,
                                     event.reason);
        }
        out += fmt::format("  #{:<4} {} {}  {:<9} {:>9} of {:<9} pain {} → {}{}{}\n", session.id,
                           core::iso_day(session.day), local_time(session.started_at),
                           core::to_string(session.outcome), minutes_text(session.active_ms),
                           minutes_text(session.planned_ms), pain_text(session.pain_before),
                           pain_text(session.pain_after),
                           session.flare ? term.paint(Style::Yellow, "  flare") : "",
                           stops.empty() ? "" : "  " + stops);
    }
    out += "\n" + term.paint(Style::Bold, "Pain diary") + "\n";
    if (pain.empty())
        out += "  none\n";
    for (const auto& entry : pain)
        out += fmt::format("  {} {}  {:>2}/10  {}\n", core::iso_day(entry.day),
                           local_time(entry.at), entry.pain, entry.note);
    return out;
}

std::string render_progress(const core::KnowledgeBase& kb, const core::Progress& progress,
                            const Terminal& term) {
    (void)kb;
    std::string out =
        term.paint(Style::Bold, fmt::format("Progress from {} to {}", core::iso_day(progress.from),
                                            core::iso_day(progress.to))) +
        "\n\n";
    // Pain trend: the weekly means, with the baseline for comparison.
    out += term.paint(Style::Bold, "Pain (0-10), weekly mean") + "\n";
    if (progress.baseline_pain)
        out += fmt::format("  start      {:>4}  {}\n", one_decimal(*progress.baseline_pain),
                           pain_bar(*progress.baseline_pain));
    for (std::size_t start = 0; start < progress.days.size(); start += 7) {
        double sum = 0;
        int count = 0;
        for (std::size_t i = start; i < std::min(start + 7, progress.days.size()); ++i) {
            if (progress.days[i].mean_pain) {
                sum += *progress.days[i].mean_pain;
                ++count;
            }
        }
        const auto label = core::iso_day(progress.days[start].day);
        if (count == 0)
            out += fmt::format("  {}     -\n", label);
        else
            out += fmt::format("  {} {:>4}  {}\n", label, one_decimal(sum / count),
                               pain_bar(sum / count));
    }
    if (progress.latest_pain && progress.baseline_pain)
        out += fmt::format("  Now {} against {} at the start{}\n",
                           one_decimal(*progress.latest_pain), one_decimal(*progress.baseline_pain),
                           progress.pain_responder
                               ? term.paint(Style::Green, ": a real improvement (at least 2 points "
                                                          "or 30 %)")
                               : "");

    // Adherence calendar: a row per week, Monday to Sunday.
    out += "\n" + term.paint(Style::Bold, "Sessions done (● all planned, ◐ some, · none)") + "\n";
    out += "             Mo Tu We Th Fr Sa Su\n";
    if (!progress.days.empty()) {
        auto day = progress.days.front().day;
        day -= std::chrono::days{core::iso_weekday(day) - 1};
        std::size_t index = 0;
        while (day <= progress.to) {
            std::string row = fmt::format("  {} ", core::iso_day(day));
            for (int weekday = 0; weekday < 7; ++weekday, day += std::chrono::days{1}) {
                while (index < progress.days.size() && progress.days[index].day < day)
                    ++index;
                if (index >= progress.days.size() || progress.days[index].day != day) {
                    row += "   ";
                    continue;
                }
                const auto& d = progress.days[index];
                std::string mark = "·";
                if (d.planned_sessions > 0 && d.done_sessions >= d.planned_sessions)
                    mark = term.paint(Style::Green, "●");
                else if (d.done_sessions > 0)
                    mark = term.paint(Style::Yellow, "◐");
                else if (d.planned_sessions == 0)
                    mark = " ";
                row += "  " + mark;
            }
            out += row + "\n";
        }
    }
    out += fmt::format("  {} of {} planned sessions", progress.done_as_planned,
                       progress.planned_sessions);
    if (const int extra = progress.done_sessions - progress.done_as_planned; extra > 0)
        out += fmt::format(" (and {} more)", extra);
    out += fmt::format(", {} minutes in all\n", progress.minutes);

    out += "\n" + term.paint(Style::Bold, "Questionnaires") + "\n";
    if (progress.scores.empty())
        out += "  none saved yet (`unload score odi --answers FILE --save`)\n";
    for (const auto& score : progress.scores) {
        out += fmt::format("  {} {:<9} {:>5}{}", core::iso_day(score.score.day),
                           score.score.instrument, one_decimal(score.score.value),
                           score.score.band.empty() ? "" : " (" + score.score.band + ")");
        if (score.change)
            out += fmt::format("  change {:+.1f}{}", *score.change,
                               score.responder ? term.paint(Style::Green, "  ✓ responder") : "");
        out += "\n";
    }

    if (!progress.feedback.empty()) {
        out += "\n" + term.paint(Style::Bold, "How the exercises felt") +
               " (sessions rated: too easy / right / too hard / hurt)\n";
        for (const auto& feel : progress.feedback)
            out += fmt::format("  {:<28} {:>3} {:>3} {:>3} {:>3}\n", kb.item(feel.item).name,
                               feel.too_easy, feel.right, feel.too_hard, feel.hurt);
    }
    return out;
}

std::string progress_csv(const core::Progress& progress) {
    std::string out = "day,planned_sessions,done_sessions,minutes,mean_pain,flare\r\n";
    for (const auto& day : progress.days)
        out += fmt::format("{},{},{},{},{},{}\r\n", core::iso_day(day.day), day.planned_sessions,
                           day.done_sessions, day.minutes,
                           day.mean_pain ? one_decimal(*day.mean_pain) : "",
                           day.flare ? "true" : "false");
    return out;
}

std::string render_review(const core::KnowledgeBase& kb, const core::ReviewOutcome& outcome,
                          const Terminal& term) {
    const auto& record = outcome.record;
    const auto& week = outcome.week;
    std::string headline;
    Style style = Style::Bold;
    switch (record.decision) {
    case core::ReviewDecision::Progress:
        headline = fmt::format("Move on: from {} to {}.", record.from_stage, record.to_stage);
        style = Style::Green;
        break;
    case core::ReviewDecision::Hold:
        headline = fmt::format("Stay with {} for another week.", record.from_stage);
        break;
    case core::ReviewDecision::Regress:
        headline = fmt::format("Step back: from {} to {}.", record.from_stage, record.to_stage);
        style = Style::Yellow;
        break;
    case core::ReviewDecision::Refer:
        headline = "Time to see a physical therapist.";
        style = Style::Yellow;
        break;
    case core::ReviewDecision::Stop:
        headline = "Stop the program: a warning sign needs attention first.";
        style = Style::Red;
        break;
    }
    std::string out =
        term.paint(style, fmt::format("Week {} review: {}", record.week, headline)) + "\n\n";
    out += fmt::format("  {} to {}: {} of {} planned sessions ({:.0f} %)", core::iso_day(week.from),
                       core::iso_day(week.to), week.done_sessions, week.planned_sessions,
                       week.adherence * 100);
    if (week.mean_pain)
        out += fmt::format(", mean pain {}", one_decimal(*week.mean_pain));
    if (week.mean_pain_last_week)
        out += fmt::format(" (week before {})", one_decimal(*week.mean_pain_last_week));
    out += fmt::format(", {} flare{}\n\n", week.flares, week.flares == 1 ? "" : "s");
    out += term.paint(Style::Bold, "Why") + "\n";
    for (const auto& reason : record.because)
        out += fmt::format("  - {} [{}]\n", reason.text, reason.id);
    if (outcome.rescreen) {
        out += "\n";
        for (const auto& warning : outcome.rescreen->warnings)
            out += term.paint(Style::Red, fmt::format("  {}: ", core::to_string(warning.urgency))) +
                   warning.rule->text + "\n";
    }
    for (const auto& id : record.advice) {
        if (const auto advice = kb.find_advice(id))
            out += "\n" + term.paint(Style::Bold, "Advice: ") + kb.advice[*advice].text + "\n";
    }
    if (outcome.rescore_due)
        out += "\nIt is time to fill in the function questionnaire again: `unload score odi "
               "--answers FILE --save` (or rmdq).\n";
    if (outcome.next_stage)
        out += "\nThe new week's program is saved; `unload program` shows it.\n";
    return out;
}

std::string render_timeline(const core::KnowledgeBase& kb, const core::Timeline& timeline,
                            const Terminal& term) {
    std::string out =
        term.paint(Style::Bold, fmt::format("Session timeline: {} steps, {}", timeline.steps.size(),
                                            minutes_text(timeline.total_ms))) +
        "\n";
    std::int64_t start = 0;
    for (const auto& step : timeline.steps) {
        out += fmt::format("  {:>7}  {:>6}  {:<13} {:<22} {}\n",
                           fmt::format("{}:{:02}", start / 60000, start / 1000 % 60),
                           minutes_text(step.duration_ms), core::to_string(step.kind),
                           step.item ? kb.item(*step.item).id : std::string(), step.title);
        start += step.duration_ms;
    }
    return out;
}

std::string render_session_summary(const core::KnowledgeBase& kb,
                                   const core::SessionRecord& session,
                                   const std::vector<core::StopOutcome>& stops,
                                   const Terminal& term) {
    std::map<std::string, int> done;
    for (const auto& step : session.steps) {
        if (!step.item.empty() && step.result == core::StepResult::Done)
            ++done[step.item];
    }
    std::string out =
        term.paint(Style::Bold,
                   fmt::format("Session {}: {} of {} done.", core::to_string(session.outcome),
                               minutes_text(session.active_ms), minutes_text(session.planned_ms))) +
        "\n";
    out += fmt::format("  Pain before {}, after {}.\n", pain_text(session.pain_before),
                       pain_text(session.pain_after));
    if (session.flare)
        out += term.paint(Style::Yellow, "  " + kb.session.flare_text) + "\n";
    for (const auto& stop : stops) {
        out += term.paint(Style::Yellow, fmt::format("  Stopped ({}): ", stop.reason->label)) +
               stop.text + "\n";
        for (const auto item : stop.suspended)
            out +=
                fmt::format("  {} is paused until your next weekly review.\n", kb.item(item).name);
        for (const auto advice : stop.advice)
            out += "  " + kb.advice[advice].text + "\n";
    }
    out += fmt::format("  Saved as session #{}. `unload log` lists your sessions.\n", session.id);
    return out;
}

} // namespace unload::cli
