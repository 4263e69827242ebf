#pragma once

// One person's record, the first of the storage ports (storage.hpp holds them together): what the
// person's journeys remember, so core and the service do not know which database holds it.
// src/store implements it with SOCI (SQLite by default, PostgreSQL later). A RecordStore is bound
// to one person when it is opened, and reads and writes that person's rows alone: an id of
// someone else's session, stop or program version is not found. Every method is one transaction:
// a record and all its rows (a session with its steps and events, a review with the program
// version it wrote) are stored completely or not at all, and a method that returns success has
// made its write durable.

#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/records.hpp"

namespace unload::core {

/// How much of a session to read back: the summary row alone, or with its steps and events.
enum class SessionDetail { Summary, Full };

class RecordStore {
public:
    virtual ~RecordStore() = default;

    /// Whose record this is.
    virtual PersonId person() const = 0;

    /// An intake and what it does to the safety stop, in one transaction. `stop` is the stop its
    /// answers open (replacing any open one), or nullopt: they do not stop, and any open stop is
    /// cleared by this intake. The same holds for record_start() and record_review().
    virtual Result<RecordId> add_intake(const IntakeRecord& intake,
                                        const std::optional<SafetyStop>& stop) = 0;
    virtual Result<std::optional<IntakeRecord>> latest_intake() = 0;
    virtual Result<std::vector<IntakeRecord>> intakes() = 0;

    virtual Result<RecordId> add_program_version(const ProgramVersion& version) = 0;
    /// A start: the intake and, when screening let the program begin, its first version (whose
    /// intake_id becomes the new intake's), in one transaction. Returns the ids.
    struct StartIds {
        RecordId intake = 0;
        std::optional<RecordId> version;
    };
    virtual Result<StartIds> record_start(const IntakeRecord& intake,
                                          const std::optional<ProgramVersion>& first,
                                          const std::optional<SafetyStop>& stop) = 0;
    /// The newest program version, if the person has started.
    virtual Result<std::optional<ProgramVersion>> current_program() = 0;
    virtual Result<std::vector<ProgramVersion>> program_versions() = 0;
    /// Records that the person took the harder version that program version `version` offers for
    /// its exercise `item`; NotFound (field `exercise`) when it offers none not yet taken.
    virtual Result<void> accept_change(RecordId version, std::string_view item, Timestamp at) = 0;

    /// Stores a session with all its steps and events.
    virtual Result<RecordId> add_session(const SessionRecord& session) = 0;
    /// Sessions whose day is in [from, to], oldest first.
    virtual Result<std::vector<SessionRecord>> sessions(Day from, Day to, SessionDetail detail) = 0;

    /// The exercises a stored session played, in order of first appearance, or nullopt when no
    /// session has this id.
    virtual Result<std::optional<std::vector<std::string>>> session_exercises(RecordId session) = 0;
    /// Stores the person's rating of an exercise in a session, replacing an earlier one.
    virtual Result<void> set_feedback(const ExerciseFeedback& feedback) = 0;
    /// Ratings for the sessions whose day is in [from, to], by session day, session and exercise.
    virtual Result<std::vector<ExerciseFeedback>> feedback(Day from, Day to) = 0;

    virtual Result<RecordId> add_pain(const PainEntry& entry) = 0;
    /// Diary entries whose day is in [from, to], oldest first.
    virtual Result<std::vector<PainEntry>> pain_entries(Day from, Day to) = 0;

    virtual Result<RecordId> add_score(const ScoreRecord& score) = 0;
    virtual Result<std::vector<ScoreRecord>> scores() = 0;

    /// Stores a review and, unless it stopped the program, the program version it wrote.
    virtual Result<RecordId> add_review(const ReviewRecord& review,
                                        const std::optional<ProgramVersion>& next) = 0;
    /// A weekly review with the answers it was given: the updated intake, the review and, unless
    /// it stopped the program, the version it wrote (whose intake_id becomes the new intake's),
    /// in one transaction. Returns the review's id.
    virtual Result<RecordId> record_review(const IntakeRecord& intake, const ReviewRecord& review,
                                           const std::optional<ProgramVersion>& next,
                                           const std::optional<SafetyStop>& stop) = 0;
    virtual Result<std::vector<ReviewRecord>> reviews() = 0;

    /// Answers that stop, given before there was an intake to store them with (onboarding stops
    /// at the first warning sign): the stop alone, replacing any open one.
    virtual Result<RecordId> add_stop(const SafetyStop& stop) = 0;
    /// The stop in force, if any: the newest that no answers have cleared.
    virtual Result<std::optional<SafetyStop>> open_stop() = 0;
    /// Every stop, oldest first.
    virtual Result<std::vector<SafetyStop>> stops() = 0;
    /// Records that the person said they have been seen about the open stop `id`.
    virtual Result<void> mark_stop_seen(RecordId id, Timestamp at) = 0;

    virtual Result<RecordId> add_follow_up_done(const FollowUpDone& done) = 0;
    /// Oldest first.
    virtual Result<std::vector<FollowUpDone>> follow_ups_done() = 0;

    /// The saved settings, or the defaults when none were saved.
    virtual Result<ReminderSettings> reminder_settings() = 0;
    virtual Result<void> save_reminder_settings(const ReminderSettings& settings) = 0;

    /// The answer kept under an idempotency key, if any.
    virtual Result<std::optional<KeptAnswer>> kept_answer(std::string_view key) = 0;
    /// Keeps an answer, and forgets those kept before `forget_before`.
    virtual Result<void> keep_answer(const KeptAnswer& answer, Timestamp forget_before) = 0;

    /// Deletes everything stored about the person: their record, their kept answers and their
    /// name. The person's id stays (the audit trail may name it), with an empty record.
    virtual Result<void> forget() = 0;
};

} // namespace unload::core
