#pragma once

// What Unload remembers about a person (clinical.md sections 7-10): intakes, program versions,
// sessions with every step and event, pain, instrument scores, weekly reviews and reminder
// settings. Plain values: the store keeps them, the engine reads them, nothing here does I/O.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace unload::core {

/// A moment, in UTC, to the second.
using Timestamp = std::chrono::sys_seconds;
/// A calendar date in the person's own time zone (the adapter that reads the clock converts).
using Day = std::chrono::sys_days;
/// A stored row's id; 0 until stored.
using RecordId = std::int64_t;
/// A person with a record (clinic.md): every record row belongs to one.
using PersonId = RecordId;

/// One reason for a decision: the id of the rule or check, and what the person reads.
struct Reason {
    std::string id;
    std::string text;
};

/// An intake as the person gave it. The document is the `unload-intake/1` JSON, kept verbatim so
/// a later version of Unload can read it again.
struct IntakeRecord {
    RecordId id = 0;
    Timestamp at{};
    std::string document;
};

/// What a change to one exercise does: play an easier version, or a harder one.
enum class ChangeKind { Easier, Harder };

/// A change a program version makes to one exercise of its routine. A weekly review writes them
/// from the person's feedback (clinical.md section 9): an easier version is in force at once, a
/// harder one is offered and in force only once the person takes it.
struct ItemChange {
    std::string item; ///< The routine's own exercise: the one the change stands in for.
    /// What plays in its place: another exercise, `item` itself (back to the routine's own
    /// exercise) or empty (left out: it hurt and has no easier version open to the person).
    std::string use;
    ChangeKind kind = ChangeKind::Easier;
    std::string reason;                   ///< The review reason id that made the change.
    std::optional<Timestamp> accepted_at; ///< When the person took a harder version offered.

    bool in_force() const { return kind == ChangeKind::Easier || accepted_at.has_value(); }
};

/// What was planned from a day on, and why: written at the start and by every weekly review.
struct ProgramVersion {
    RecordId id = 0;
    RecordId intake_id = 0;
    Timestamp created_at{};
    Day starts_on{};
    int week = 1;       ///< Program week: 1 for the first week of the program.
    std::string stage;  ///< The stage id from programs.toml, e.g. `relief_twice`.
    std::string origin; ///< `start` or `review`.
    std::vector<Reason> because;
    std::string document; ///< The plan document (as `unload plan --format json` prints it).
    std::vector<ItemChange> changes; ///< Changes to single exercises, oldest first.
};

enum class StepResult { Done, Skipped, Swapped, Stopped, Unfinished };
enum class SessionOutcome { Completed, Quit, Stopped };

/// One played step: what was planned and what actually happened, in milliseconds of session time
/// (the session clock runs from the first step and includes pauses).
struct StepRecord {
    int index = 0;
    std::string kind; ///< `get_ready`, `position`, `hold`, `rep`, `side_switch`, `rest`, ...
    std::string item; ///< Exercise id; empty for steps that belong to no exercise.
    std::string side; ///< `left`, `right` or empty.
    std::int64_t planned_ms = 0;
    std::int64_t started_ms = 0;
    std::int64_t ended_ms = 0;
    StepResult result = StepResult::Done;
};

/// What a session event was: a control the person used, or `Suspend` (a stop's rules took an
/// exercise out until the next review).
enum class EventKind { Pause, Resume, Skip, Swap, Stop, Quit, Suspend };

/// A control the person used, or something the rules did, at a moment of session time.
struct SessionEvent {
    std::int64_t at_ms = 0;
    EventKind kind = EventKind::Pause;
    std::string item;   ///< The exercise it concerned, when any.
    std::string reason; ///< For `stop`: the stop reason id (clinical.md section 8).
    std::string detail; ///< For `swap`: the regression used; for `suspend`: why.
};

struct SessionRecord {
    RecordId id = 0;
    RecordId program_version_id = 0;
    Timestamp started_at{};
    Day day{};
    std::int64_t planned_ms = 0;
    std::int64_t active_ms = 0; ///< Time spent in steps, without pauses.
    SessionOutcome outcome = SessionOutcome::Completed;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    bool flare = false;
    std::vector<StepRecord> steps; ///< Empty when read as a summary.
    std::vector<SessionEvent> events;
};

/// How one exercise felt in a session, in the person's word: one tap after the session.
enum class Rating { TooEasy, Right, TooHard, Hurt };

struct ExerciseFeedback {
    RecordId session_id = 0;
    std::string item; ///< The exercise as played.
    Rating rating = Rating::Right;
    Timestamp at{}; ///< When it was given (the latest, when the person changed their mind).
    Day day{};      ///< The session's day, read back with it.
};

/// A pain diary entry (NPRS 0-10).
struct PainEntry {
    RecordId id = 0;
    Timestamp at{};
    Day day{};
    int pain = 0;
    std::string note;
};

/// An instrument score as the person saved it.
struct ScoreRecord {
    RecordId id = 0;
    Timestamp at{};
    Day day{};
    std::string instrument; ///< `odi`, `rmdq` or `startback`.
    double value = 0;       ///< ODI percent, RMDQ count or STarT Back total.
    std::string band;       ///< ODI band or STarT Back risk; empty for RMDQ.
    std::string answers;    ///< The answers document, verbatim.
};

enum class ReviewDecision { Progress, Hold, Regress, Refer, Stop };

/// A weekly review (clinical.md section 9) as it was decided.
struct ReviewRecord {
    RecordId id = 0;
    Timestamp at{};
    Day day{};
    int week = 0; ///< The program week that was reviewed.
    ReviewDecision decision = ReviewDecision::Hold;
    std::string from_stage;
    std::string to_stage; ///< Empty when the program stopped.
    std::vector<Reason> because;
    std::vector<std::string> advice; ///< Advice ids, such as `book_pt_assessment`.
};

/// Answers that stopped the program: their verdict was `emergency`, `urgent` or `consult`
/// (clinical.md section 1). A stop stays open, on every page and in every command, until answers
/// that no longer stop come in; the person may say meanwhile that they have been seen.
struct SafetyStop {
    RecordId id = 0;
    Timestamp at{};
    std::string origin;   ///< `onboarding`, `rescreen` or `review`: where the answers were given.
    std::string verdict;  ///< `emergency`, `urgent` or `consult`.
    std::string document; ///< The intake document that was screened, verbatim.
    std::optional<Timestamp> seen_at;    ///< When the person said they had been seen.
    std::optional<Timestamp> cleared_at; ///< When answers came that no longer stop.
    std::optional<RecordId> cleared_by_intake;
};

/// The person's word that they did what a piece of advice asked (booked the physical therapist,
/// were examined). Advice given again after `at` asks again.
struct FollowUpDone {
    RecordId id = 0;
    std::string advice; ///< The advice id, such as `book_pt_assessment`.
    Timestamp at{};
};

/// When to remind: minutes after local midnight; weekdays 1 (Monday) to 7 (Sunday).
struct ReminderSettings {
    std::vector<int> session_minutes{8 * 60, 18 * 60};
    int work_start_minutes = 9 * 60;
    int work_end_minutes = 17 * 60;
    std::vector<int> work_days{1, 2, 3, 4, 5};
    bool desk_breaks = true;
    bool sessions = true;
};

/// The answer to a state-changing request, kept under the client's `Idempotency-Key` for a day, so
/// that a request resent after a lost answer gets the first answer again instead of storing its
/// record twice.
struct KeptAnswer {
    std::string key;
    std::string request; ///< What was asked: method, path and a digest of the body.
    int status = 0;
    std::string body;
    Timestamp at{};
};

std::string_view to_string(StepResult result);
std::string_view to_string(EventKind kind);
std::optional<EventKind> parse_event_kind(std::string_view text);
std::string_view to_string(SessionOutcome outcome);
std::string_view to_string(ReviewDecision decision);
std::string_view to_string(Rating rating);
std::string_view to_string(ChangeKind kind);
std::optional<Rating> parse_rating(std::string_view text);
std::optional<ChangeKind> parse_change_kind(std::string_view text);
std::optional<StepResult> parse_step_result(std::string_view text);
std::optional<SessionOutcome> parse_session_outcome(std::string_view text);
std::optional<ReviewDecision> parse_review_decision(std::string_view text);

/// Everything stored about the person, as an export carries it.
struct WholeRecord {
    std::vector<IntakeRecord> intakes;
    std::vector<ProgramVersion> programs;
    std::vector<SessionRecord> sessions;
    std::vector<PainEntry> pain;
    std::vector<ScoreRecord> scores;
    std::vector<ReviewRecord> reviews;
    std::vector<SafetyStop> stops;
    std::vector<FollowUpDone> follow_ups_done;
    std::vector<ExerciseFeedback> feedback;
    ReminderSettings reminders;
};

} // namespace unload::core
