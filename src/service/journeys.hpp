#pragma once

// The person's journeys over their record (product.md), shared by the terminal and the HTTP API:
// starting a program, the program in force, today's session, recording a played session, the
// diary, progress, the weekly review, scores, export and forget. Each function reads and writes
// through the repository port and returns values; printing, prompting and status codes belong to
// the front ends. Nothing here knows about terminals or sockets.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/instruments.hpp"
#include "core/knowledge.hpp"
#include "core/planner.hpp"
#include "core/progress.hpp"
#include "core/records.hpp"
#include "core/repository.hpp"
#include "core/review.hpp"
#include "core/session.hpp"
#include "core/session_play.hpp"
#include "core/timeline.hpp"
#include "json/records.hpp"

namespace unload::service {

/// What every journey works with: the content, the person's record and the clock.
struct Workspace {
    const core::KnowledgeBase& kb;
    core::Repository& repo;
    const core::Clock& clock;
};

/// Today in the person's time zone.
core::Day today(const Workspace& ws);

/// The person's current program: the latest intake, the program version in force and its plan.
struct Current {
    core::IntakeRecord intake_record;
    core::Intake intake;
    core::ProgramVersion version;
    std::size_t stage_index = 0;
    core::Plan plan;
};
/// Fails with NotFound (field `program`) before a program was started.
core::Result<Current> load_current(const Workspace& ws);

enum class Restart { No, Yes };

/// A new start: the plan for week 1 and, unless screening withheld the program, the version
/// written for it. The intake is stored either way.
struct Started {
    core::Plan plan;
    std::optional<core::ProgramVersion> version;
};
/// Fails with Conflict (field `restart`) while a program runs and `restart` is No.
core::Result<Started> start(const Workspace& ws, std::string_view intake_document, Restart restart);

/// How long an answer stays kept under its idempotency key.
inline constexpr std::chrono::hours kept_answer_lifetime{24};
/// The answer kept under an idempotency key within kept_answer_lifetime, if any.
core::Result<std::optional<core::KeptAnswer>> kept_answer(const Workspace& ws,
                                                          std::string_view key);
/// Keeps an answer under its key, dated now, and forgets those older than kept_answer_lifetime.
core::Result<void> keep_answer(const Workspace& ws, core::KeptAnswer answer);

/// Re-screen answers (json/rescreen.hpp) applied to the latest intake and stored as a new intake;
/// returns the screening of the updated intake.
core::Result<core::Screening> rescreen(const Workspace& ws, std::string_view answers);

/// Today's session as the record shapes it: the timeline with suspensions and a flare's low
/// dose applied, and whether a stop asked for the warning signs again and they are unanswered.
struct SessionPlan {
    Current current;
    core::SessionAdjustments adjustments;
    core::Timeline timeline;
    bool rescreen_pending = false;
    int done_today = 0;    ///< Sessions today that count as done (core::counts_as_done).
    int planned_today = 0; ///< Sessions the program plans for a day.
};
/// Fails with Conflict (field `program`) when the latest screening withholds the program.
core::Result<SessionPlan> prepare_session(const Workspace& ws);

/// A control the session did not accept: its index in the controls, and why.
struct RefusedControl {
    std::size_t control = 0;
    std::string message;
};

/// What replaying the controls did: the record so far, and each stop's outcome.
struct Replay {
    core::SessionRecord record;
    std::vector<core::StopOutcome> stops;
    std::vector<RefusedControl> refused;
    /// The state at the last time replayed. Its step pointers point into `steps`, so they stay
    /// valid while this Replay (or one moved from it) lives; a copy must not use them.
    core::SessionView view;
    std::vector<core::Step> steps; ///< The timeline as it now stands.
};
/// Replays controls over today's session up to `until_ms`, without storing anything: the
/// browser asks this after each control so that the stop rules are the engine's. Controls out
/// of time order or with an unknown stop reason are InvalidInput errors naming `controls[i]`.
/// So are controls after `until_ms`, and times outside 0 to a day (`until_ms` names itself).
/// Controls after the session ended (a session-scope stop, a quit) are listed in `refused`.
/// Fails as prepare_session() does when there is no session today.
core::Result<Replay> replay(const Workspace& ws, const std::vector<core::Control>& controls,
                            std::int64_t until_ms);

/// Replays a finished session and stores it; a session still running at `ended_ms` (or paused
/// there) is kept as quit there. The controls are checked as by replay(), with `ended_ms` as the
/// end; pain is checked as by save_session(). A pending re-screen does not refuse the record: the
/// session was played, and the next prepare_session() still asks for the re-screen. Nor does a
/// safety stop opened after the session started (sent late from a phone that was offline): it is
/// replayed against the answers in force when it started. One started after the stop is refused.
core::Result<Replay> record_session(const Workspace& ws, const core::PlayedSession& played);

/// What a player knows about a session besides its run: when it began and the pain around it.
struct SessionMarks {
    core::Timestamp started_at{};
    int pain_before = 0;
    std::optional<int> pain_after;
};
/// Stores a played session's record (core::SessionRun::record()) under today's program version,
/// with its start, day, pain before and after, and the flare mark; returns it with its id. Pain
/// outside 0-10 is an InvalidInput error naming `pain_before` or `pain_after`; a start before
/// 1970, more than 5 minutes ahead of the clock, or before the program began is one naming
/// `started_at`. Used by
/// record_session and by a player that plays the session itself (the terminal).
core::Result<core::SessionRecord> save_session(const Workspace& ws, const SessionPlan& plan,
                                               core::SessionRecord played,
                                               const SessionMarks& marks);

/// The sessions and pain diary of the last `days` days up to today; `days` outside 1-3660 is an
/// InvalidInput error naming `days`.
struct Diary {
    core::Day from;
    core::Day to;
    std::vector<core::SessionRecord> sessions;
    std::vector<core::PainEntry> pain;
};
core::Result<Diary> diary(const Workspace& ws, int days);

/// A pain diary entry now; fails on a pain outside 0-10 (field `pain`) and on a note that is not
/// valid UTF-8 (field `note`).
core::Result<core::PainEntry> log_pain(const Workspace& ws, int pain, std::string note);

/// Progress over the last `weeks` weeks up to today; `weeks` outside 1-520 is an InvalidInput
/// error naming `weeks`.
core::Result<core::Progress> progress(const Workspace& ws, int weeks);

/// Whether the weekly review is due today: NotFound before a program was started, Conflict
/// (field `review`) before the day it falls due. A front end checks this before it asks the
/// warning signs again, so that nobody answers them for a review that cannot happen.
core::Result<void> check_review_due(const Workspace& ws);

/// The weekly review with re-screen answers; stores the review, the updated intake and the next
/// program version in one go. Fails with Conflict (field `review`) before it is due.
core::Result<core::ReviewOutcome> review(const Workspace& ws, std::string_view answers);

/// A questionnaire's score, whichever it is.
using InstrumentScore = std::variant<core::OdiScore, core::RmdqScore, core::StartBackScore>;
/// Scores an answers document for `instrument` (`odi`, `rmdq`, `startback`; anything else is
/// NotFound naming `instrument`). Needs no record.
core::Result<InstrumentScore> score(const core::KnowledgeBase& kb, std::string_view instrument,
                                    std::string_view answers);
/// Stores a score with its answers, dated now. An `instrument` other than the one `score` is
/// for is an InvalidInput error naming `instrument`.
core::Result<core::ScoreRecord> save_score(const Workspace& ws, std::string_view instrument,
                                           const InstrumentScore& score, std::string_view answers);
/// The score document (json/documents.hpp) of whichever questionnaire it is.
nlohmann::json score_document(const InstrumentScore& score);

/// Everything stored about the person.
core::Result<json::Everything> everything(const Workspace& ws);

/// Deletes everything stored about the person. Asking first is the front end's part.
core::Result<void> forget(const Workspace& ws);

/// When reminders fall, from the settings and the program in force: its desk-break interval,
/// sessions a day, session length and routine.
struct ReminderSchedule {
    core::ReminderSettings settings;
    int desk_break_minutes = 45;
    int sessions_per_day = 1;
    int session_minutes = 15;
    std::string routine;
    std::string desk_break_text;
};
/// Fails with NotFound before a start and Conflict (field `program`) while a warning sign stops
/// the program: no reminders to exercise then.
core::Result<ReminderSchedule> reminder_schedule(const Workspace& ws);

/// The schedule as an iCalendar file (RFC 5545), its events starting today.
core::Result<std::string> reminder_calendar(const Workspace& ws);

} // namespace unload::service
