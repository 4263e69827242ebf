#pragma once

// core::RecordStore over a SOCI session: one person's rows. The SQL is portable (see
// migrations/0001_core.sql); what differs between engines sits in the connection's Dialect.

#include "core/ports/record_store.hpp"
#include "store/connection.hpp"

namespace unload::store {

/// Person `person`'s record through a connection it borrows (SociStorage owns it). Not
/// thread-safe, like the connection.
class SociRecordStore final : public core::RecordStore {
public:
    SociRecordStore(Connection& connection, core::PersonId person);

    core::PersonId person() const override;

    core::Result<core::RecordId> add_intake(const core::IntakeRecord& intake,
                                            const std::optional<core::SafetyStop>& stop) override;
    core::Result<std::optional<core::IntakeRecord>> latest_intake() override;
    core::Result<std::vector<core::IntakeRecord>> intakes() override;

    core::Result<core::RecordId> add_program_version(const core::ProgramVersion& version) override;
    core::Result<StartIds> record_start(const core::IntakeRecord& intake,
                                        const std::optional<core::ProgramVersion>& first,
                                        const std::optional<core::SafetyStop>& stop) override;
    core::Result<std::optional<core::ProgramVersion>> current_program() override;
    core::Result<std::vector<core::ProgramVersion>> program_versions() override;

    core::Result<core::RecordId> add_session(const core::SessionRecord& session) override;
    core::Result<std::vector<core::SessionRecord>> sessions(core::Day from, core::Day to,
                                                            core::SessionDetail detail) override;

    core::Result<core::RecordId> add_pain(const core::PainEntry& entry) override;
    core::Result<std::vector<core::PainEntry>> pain_entries(core::Day from, core::Day to) override;

    core::Result<core::RecordId> add_score(const core::ScoreRecord& score) override;
    core::Result<std::vector<core::ScoreRecord>> scores() override;

    core::Result<core::RecordId>
    add_review(const core::ReviewRecord& review,
               const std::optional<core::ProgramVersion>& next) override;
    core::Result<core::RecordId>
    record_review(const core::IntakeRecord& intake, const core::ReviewRecord& review,
                  const std::optional<core::ProgramVersion>& next,
                  const std::optional<core::SafetyStop>& stop) override;
    core::Result<std::vector<core::ReviewRecord>> reviews() override;

    core::Result<core::RecordId> add_stop(const core::SafetyStop& stop) override;
    core::Result<std::optional<core::SafetyStop>> open_stop() override;
    core::Result<std::vector<core::SafetyStop>> stops() override;
    core::Result<void> mark_stop_seen(core::RecordId id, core::Timestamp at) override;

    core::Result<std::optional<std::vector<std::string>>>
    session_exercises(core::RecordId session) override;
    core::Result<void> set_feedback(const core::ExerciseFeedback& feedback) override;
    core::Result<std::vector<core::ExerciseFeedback>> feedback(core::Day from,
                                                               core::Day to) override;
    core::Result<void> accept_change(core::RecordId version, std::string_view item,
                                     core::Timestamp at) override;
    core::Result<core::RecordId> add_follow_up_done(const core::FollowUpDone& done) override;
    core::Result<std::vector<core::FollowUpDone>> follow_ups_done() override;

    core::Result<core::ReminderSettings> reminder_settings() override;
    core::Result<void> save_reminder_settings(const core::ReminderSettings& settings) override;

    core::Result<std::optional<core::KeptAnswer>> kept_answer(std::string_view key) override;
    core::Result<void> keep_answer(const core::KeptAnswer& answer,
                                   core::Timestamp forget_before) override;

    core::Result<void> forget() override;

private:
    Connection& m_connection;
    core::PersonId m_person;
};

} // namespace unload::store
