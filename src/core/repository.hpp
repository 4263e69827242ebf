#pragma once

// The storage port: everything Unload remembers goes through this interface, so core and the
// commands do not know which database holds it. src/store implements it with SOCI (SQLite by
// default, PostgreSQL later). Every method is one transaction: a record and all its rows (a
// session with its steps and events, a review with the program version it wrote) are stored
// completely or not at all, and a method that returns success has made its write durable.

#include <optional>
#include <vector>

#include "core/error.hpp"
#include "core/records.hpp"

namespace unload::core {

/// How much of a session to read back: the summary row alone, or with its steps and events.
enum class SessionDetail { Summary, Full };

class Repository {
public:
    virtual ~Repository() = default;

    virtual Result<RecordId> add_intake(const IntakeRecord& intake) = 0;
    virtual Result<std::optional<IntakeRecord>> latest_intake() = 0;
    virtual Result<std::vector<IntakeRecord>> intakes() = 0;

    virtual Result<RecordId> add_program_version(const ProgramVersion& version) = 0;
    /// The newest program version, if the person has started.
    virtual Result<std::optional<ProgramVersion>> current_program() = 0;
    virtual Result<std::vector<ProgramVersion>> program_versions() = 0;

    /// Stores a session with all its steps and events.
    virtual Result<RecordId> add_session(const SessionRecord& session) = 0;
    /// Sessions whose day is in [from, to], oldest first.
    virtual Result<std::vector<SessionRecord>> sessions(Day from, Day to, SessionDetail detail) = 0;

    virtual Result<RecordId> add_pain(const PainEntry& entry) = 0;
    /// Diary entries whose day is in [from, to], oldest first.
    virtual Result<std::vector<PainEntry>> pain_entries(Day from, Day to) = 0;

    virtual Result<RecordId> add_score(const ScoreRecord& score) = 0;
    virtual Result<std::vector<ScoreRecord>> scores() = 0;

    /// Stores a review and, unless it stopped the program, the program version it wrote.
    virtual Result<RecordId> add_review(const ReviewRecord& review,
                                        const std::optional<ProgramVersion>& next) = 0;
    virtual Result<std::vector<ReviewRecord>> reviews() = 0;

    /// The saved settings, or the defaults when none were saved.
    virtual Result<ReminderSettings> reminder_settings() = 0;
    virtual Result<void> save_reminder_settings(const ReminderSettings& settings) = 0;

    /// Deletes everything stored about the person, leaving an empty database behind.
    virtual Result<void> forget_everything() = 0;
};

} // namespace unload::core
