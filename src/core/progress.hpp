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
    int done_sessions = 0;
    int minutes = 0;                 ///< Active minutes, rounded.
    std::optional<double> mean_pain; ///< Diary entries and pain before sessions.
    bool flare = false;
};

struct ScoreProgress {
    ScoreRecord score;
    std::optional<double> change; ///< Against the first score of the same instrument.
    bool responder = false;       ///< The change reaches the instrument's MCID.
};

struct Progress {
    Day from{};
    Day to{};
    std::vector<DayProgress> days; ///< One per day in [from, to].
    int planned_sessions = 0;
    int done_sessions = 0;
    int minutes = 0;
    std::optional<double> baseline_pain;
    std::optional<double> latest_pain; ///< Mean of the last 7 days with pain recorded.
    bool pain_responder = false;       ///< NPRS change reaches its MCID.
    std::vector<ScoreProgress> scores;
};

/// Whether a session counts toward adherence: completed, ended by a stop rule (stopping when it
/// hurts is doing it right), or quit after at least half of what was planned.
bool counts_as_done(const SessionRecord& session);

/// Sessions planned on a day: the sessions per day of the program version in force then.
/// `versions` oldest first; days before the first version plan nothing.
int planned_sessions_on(const KnowledgeBase& kb, const std::vector<ProgramVersion>& versions,
                        Day day);

/// Progress over [from, to] from summary sessions, diary entries, scores and program versions.
Progress progress(const KnowledgeBase& kb, Day from, Day to,
                  const std::vector<SessionRecord>& sessions, const std::vector<PainEntry>& pain,
                  const std::vector<ScoreRecord>& scores,
                  const std::vector<ProgramVersion>& versions, std::optional<int> baseline_pain);

} // namespace unload::core
