#pragma once

// JSON documents for what Unload remembers (stage 2): session timelines and records, the pain
// diary, scores, program versions, weekly reviews, progress, reminder settings and the full
// export. The CLI prints them with --format json; the HTTP API serves the same documents.

#include <nlohmann/json.hpp>

#include "core/progress.hpp"
#include "core/records.hpp"
#include "core/review.hpp"
#include "core/session.hpp"
#include "core/timeline.hpp"

namespace unload::json {

nlohmann::json timeline_document(const core::KnowledgeBase& kb, const core::Timeline& timeline);
nlohmann::json session_document(const core::SessionRecord& session);
nlohmann::json pain_document(const core::PainEntry& entry);
nlohmann::json score_record_document(const core::ScoreRecord& score);
nlohmann::json program_version_document(const core::ProgramVersion& version);
/// The harder versions a program version offers and the person has not taken yet, with names.
nlohmann::json offers_document(const core::KnowledgeBase& kb, const core::ProgramVersion& version);
/// The program in force (`GET /api/v1/program`, `unload program`): the version, its plan, the
/// day its review falls due and the harder versions it offers.
nlohmann::json current_program_document(const core::KnowledgeBase& kb,
                                        const core::ProgramVersion& version,
                                        const core::Plan& plan);
nlohmann::json review_record_document(const core::ReviewRecord& review);
/// A review as decided: the record, the week's numbers and, when the program stopped, why.
nlohmann::json review_document(const core::KnowledgeBase& kb, const core::ReviewOutcome& outcome);
nlohmann::json progress_document(const core::KnowledgeBase& kb, const core::Progress& progress);
nlohmann::json reminder_settings_document(const core::ReminderSettings& settings);
nlohmann::json stop_outcome_document(const core::KnowledgeBase& kb,
                                     const core::StopOutcome& outcome);

/// Everything stored, as one document (`unload export`).
nlohmann::json export_document(const core::WholeRecord& everything);

/// A stored safety stop: when and where the answers were given, their verdict, and when the
/// person said they had been seen and when answers cleared it (null while not).
nlohmann::json safety_stop_document(const core::SafetyStop& stop);

/// `08:30` from minutes after midnight, and back.
std::string clock_time(int minutes);
std::optional<int> parse_clock_time(std::string_view text);

} // namespace unload::json
