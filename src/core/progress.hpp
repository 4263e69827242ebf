#pragma once

// Progress over time (clinical.md sections 9-10): the pain trend, an adherence calendar, minutes
// done and instrument scores with responder marks, computed from stored records for the terminal,
// the web app and exports alike.

#include <optional>
#include <vector>

#include "core/knowledge.hpp"
#include "core/records.hpp"

namespace unload::core {

struct DayProgress {
    Day day{};
    int planned_sessions = 0;
    int done_sessions = 0;           ///< Raw: extra sessions on a day all count here.
    int minutes = 0;                 ///< Active minutes, rounded.
    std::optional<double> mean_pain; ///< Diary entries and pain before sessions.
    bool flare = false;
};

struct ScoreProgress {
    ScoreRecord score;
    /// The value minus the first score of the same instrument (negative is better); empty for
    /// the first score itself.
    std::optional<double> change;
    bool responder = false; ///< The improvement reaches the instrument's MCID (ODI, RMDQ).
    /// The MCID `responder` was judged by, so a front end can say what it is; empty for an
    /// instrument without one (STarT Back).
    std::optional<Mcid> mcid;
};

/// How an exercise felt over a time: the sessions the person rated it in, by rating.
struct ExerciseFeel {
    ItemId item = 0;
    int too_easy = 0;
    int right = 0;
    int too_hard = 0;
    int hurt = 0;
    Rating latest = Rating::Right; ///< The rating of the latest session that rated it.
};

/// Ratings counted per exercise, in the order the exercises were first rated. Ratings of an
/// exercise this content no longer has are left out.
std::vector<ExerciseFeel> tally_feedback(const KnowledgeBase& kb,
                                         const std::vector<ExerciseFeedback>& feedback);

struct Progress {
    Day from{};
    Day to{};
    std::vector<DayProgress> days; ///< One per day in [from, to].
    int planned_sessions = 0;
    int done_sessions = 0; ///< Every session that counts as done, extra ones included.
    /// Done sessions counted against the plan: a day counts at most the sessions it planned, so
    /// extra sessions (or sessions on a day with none planned) never make up for a missed day.
    int done_as_planned = 0;
    int minutes = 0; ///< The summed active time, rounded once.
    std::optional<double> baseline_pain;
    /// Every rating (diary and pain before sessions) on the last 7 days in [from, to] that have
    /// one, pooled.
    std::optional<double> latest_pain;
    bool pain_responder = false;        ///< NPRS change reaches its MCID.
    Mcid pain_mcid;                     ///< The NPRS MCID `pain_responder` was judged by.
    std::vector<ScoreProgress> scores;  ///< The scores in [from, to], in the order given.
    std::vector<ExerciseFeel> feedback; ///< How each exercise felt in [from, to].
};

/// Whether a session counts toward adherence: completed, ended by a stop rule (stopping when it
/// hurts is doing it right), or quit after at least half of what was planned.
/// The percent a quit session needs is `rules.done_quit_min_percent` (content/review.toml).
bool counts_as_done(const ReviewRules& rules, const SessionRecord& session);

/// Sessions planned on a day: the sessions per day of the program version in force then.
/// `versions` oldest first; days before the first version plan nothing.
int planned_sessions_on(const KnowledgeBase& kb, const std::vector<ProgramVersion>& versions,
                        Day day);

/// Progress over [from, to] from summary sessions, diary entries, scores and program versions.
/// One linear pass over each list (the versions are sorted once), so years of history stay
/// cheap. Scores before `from` still serve as the first score their instrument is compared with.
Progress progress(const KnowledgeBase& kb, Day from, Day to,
                  const std::vector<SessionRecord>& sessions, const std::vector<PainEntry>& pain,
                  const std::vector<ScoreRecord>& scores,
                  const std::vector<ProgramVersion>& versions, std::optional<int> baseline_pain);

} // namespace unload::core
