#include "core/progress.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/planner.hpp"

namespace unload::core {

namespace {

constexpr double ms_per_minute = 60'000.0;
/// "The last 7 days with pain recorded" for the latest pain.
constexpr int latest_pain_days = 7;

int sessions_per_day_of(const KnowledgeBase& kb, const ProgramVersion& version) {
    // A stage that content no longer knows plans nothing rather than a guess.
    const auto index = find_stage(kb, version.stage);
    return index ? kb.program.stages[*index].sessions_per_day : 0;
}

/// The MCID of a stored instrument, or none for an instrument without one (STarT Back sorts
/// people into groups; it has no minimal important change).
const Mcid* mcid_of(const KnowledgeBase& kb, std::string_view instrument) {
    if (instrument == "odi")
        return &kb.instruments.odi.mcid;
    if (instrument == "rmdq")
        return &kb.instruments.rmdq.mcid;
    return nullptr;
}

/// Whether `a` was taken before `b`: by day, then by time of day.
bool earlier(const ScoreRecord& a, const ScoreRecord& b) {
    return a.day != b.day ? a.day < b.day : a.at < b.at;
}

} // namespace

bool counts_as_done(const ReviewRules& rules, const SessionRecord& session) {
    switch (session.outcome) {
    case SessionOutcome::Completed:
    case SessionOutcome::Stopped:
        return true;
    case SessionOutcome::Quit:
        return session.planned_ms > 0 &&
               session.active_ms * 100 >= session.planned_ms * rules.done_quit_min_percent;
    }
    return false;
}

int planned_sessions_on(const KnowledgeBase& kb, const std::vector<ProgramVersion>& versions,
                        Day day) {
    // The version in force is the one that started last on or before the day; of two starting
    // the same day, the later one in the list (a review that rewrote that day's plan).
    const ProgramVersion* in_force = nullptr;
    for (const auto& version : versions) {
        if (version.starts_on <= day && (!in_force || version.starts_on >= in_force->starts_on))
            in_force = &version;
    }
    return in_force ? sessions_per_day_of(kb, *in_force) : 0;
}

Progress progress(const KnowledgeBase& kb, Day from, Day to,
                  const std::vector<SessionRecord>& sessions, const std::vector<PainEntry>& pain,
                  const std::vector<ScoreRecord>& scores,
                  const std::vector<ProgramVersion>& versions, std::optional<int> baseline_pain) {
    Progress out;
    out.from = from;
    out.to = to;
    if (baseline_pain)
        out.baseline_pain = *baseline_pain;

    const auto count = from <= to ? static_cast<std::size_t>((to - from).count()) + 1 : 0;
    out.days.resize(count);
    for (std::size_t i = 0; i < count; ++i)
        out.days[i].day = from + std::chrono::days{static_cast<int>(i)};

    // Planned sessions: one sweep over the days with the versions in start order, so a long
    // history costs a pass, not a search per day.
    std::vector<std::size_t> order(versions.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::ranges::stable_sort(order, {}, [&](std::size_t i) { return versions[i].starts_on; });
    std::size_t next_version = 0;
    int planned_today = 0;
    for (auto& day : out.days) {
        while (next_version < order.size() && versions[order[next_version]].starts_on <= day.day) {
            planned_today = sessions_per_day_of(kb, versions[order[next_version]]);
            ++next_version;
        }
        day.planned_sessions = planned_today;
        out.planned_sessions += planned_today;
    }

    const auto index_of = [&](Day day) -> std::optional<std::size_t> {
        if (day < from || day > to)
            return std::nullopt;
        return static_cast<std::size_t>((day - from).count());
    };
    std::vector<std::int64_t> active_ms(count, 0);
    std::vector<int> pain_total(count, 0), pain_count(count, 0);
    std::int64_t total_ms = 0;
    for (const auto& session : sessions) {
        const auto i = index_of(session.day);
        if (!i)
            continue;
        auto& day = out.days[*i];
        if (counts_as_done(kb.review, session)) {
            ++day.done_sessions;
            ++out.done_sessions;
        }
        active_ms[*i] += session.active_ms;
        total_ms += session.active_ms;
        if (session.pain_before) {
            pain_total[*i] += *session.pain_before;
            ++pain_count[*i];
        }
        day.flare = day.flare || session.flare;
    }
    for (const auto& entry : pain) {
        if (const auto i = index_of(entry.day)) {
            pain_total[*i] += entry.pain;
            ++pain_count[*i];
        }
    }
    for (std::size_t i = 0; i < count; ++i) {
        out.days[i].minutes =
            static_cast<int>(std::lround(static_cast<double>(active_ms[i]) / ms_per_minute));
        if (pain_count[i] > 0)
            out.days[i].mean_pain = static_cast<double>(pain_total[i]) / pain_count[i];
        out.done_as_planned += std::min(out.days[i].done_sessions, out.days[i].planned_sessions);
    }
    // The total rounds the summed time once; adding rounded days would turn thirty half-minute
    // sessions into thirty minutes.
    out.minutes = static_cast<int>(std::lround(static_cast<double>(total_ms) / ms_per_minute));

    // Latest pain: every rating on the last days that have one, pooled like the weekly review.
    int latest_total = 0, latest_count = 0, latest_days = 0;
    for (std::size_t i = count; i-- > 0 && latest_days < latest_pain_days;) {
        if (pain_count[i] == 0)
            continue;
        latest_total += pain_total[i];
        latest_count += pain_count[i];
        ++latest_days;
    }
    if (latest_count > 0)
        out.latest_pain = static_cast<double>(latest_total) / latest_count;
    out.pain_mcid = kb.instruments.nprs.mcid;
    if (out.baseline_pain && out.latest_pain)
        out.pain_responder =
            is_responder(kb.instruments.nprs.mcid, *out.baseline_pain, *out.latest_pain);

    // Scores: each against the first of its instrument, found among every score given, so a
    // window that starts later still shows the change since the very first one.
    std::vector<const ScoreRecord*> first;
    for (const auto& score : scores) {
        auto it = std::ranges::find(
            first, score.instrument,
            [](const ScoreRecord* s) -> const std::string& { return s->instrument; });
        if (it == first.end())
            first.push_back(&score);
        else if (earlier(score, **it))
            *it = &score;
    }
    for (const auto& score : scores) {
        if (score.day < from || score.day > to)
            continue;
        ScoreProgress shown{
            .score = score, .change = std::nullopt, .responder = false, .mcid = std::nullopt};
        if (const auto* mcid = mcid_of(kb, score.instrument))
            shown.mcid = *mcid;
        const auto* baseline = *std::ranges::find(
            first, score.instrument,
            [](const ScoreRecord* s) -> const std::string& { return s->instrument; });
        if (baseline != &score) {
            shown.change = score.value - baseline->value;
            if (const auto* mcid = mcid_of(kb, score.instrument))
                shown.responder = is_responder(*mcid, baseline->value, score.value);
        }
        out.scores.push_back(std::move(shown));
    }
    return out;
}

std::vector<ExerciseFeel> tally_feedback(const KnowledgeBase& kb,
                                         const std::vector<ExerciseFeedback>& feedback) {
    std::vector<ExerciseFeel> out;
    for (const auto& given : feedback) {
        const auto item = kb.find_item(given.item);
        if (!item)
            continue;
        auto found = std::ranges::find(out, *item, &ExerciseFeel::item);
        if (found == out.end())
            found = out.insert(out.end(), ExerciseFeel{.item = *item});
        switch (given.rating) {
        case Rating::TooEasy:
            ++found->too_easy;
            break;
        case Rating::Right:
            ++found->right;
            break;
        case Rating::TooHard:
            ++found->too_hard;
            break;
        case Rating::Hurt:
            ++found->hurt;
            break;
        }
        found->latest = given.rating;
    }
    return out;
}

} // namespace unload::core
