#pragma once

// The JSON documents Unload prints and serves (interfaces.md). Every key shown there is present;
// a few more (names, durations, stage ids) help people and scripts.

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/instruments.hpp"
#include "core/planner.hpp"

namespace unload::json {

nlohmann::json screen_document(const core::KnowledgeBase& kb, const core::Screening& screening);
nlohmann::json plan_document(const core::KnowledgeBase& kb, const core::Plan& plan);
nlohmann::json exercise_document(const core::KnowledgeBase& kb, const core::Item& item);
nlohmann::json exercises_document(const core::KnowledgeBase& kb);
nlohmann::json odi_document(const core::OdiScore& score);
nlohmann::json rmdq_document(const core::RmdqScore& score);
nlohmann::json startback_document(const core::StartBackScore& score);
/// The score document of whichever questionnaire it is.
nlohmann::json score_document(const core::InstrumentScore& score);
/// The whole rule set as a review sheet: each rule with what fires it, what it does and its text.
nlohmann::json rules_document(const core::KnowledgeBase& kb);
/// `{"error": {"code", "field", "message"}}`, plus file and line for content errors.
nlohmann::json error_document(const core::Error& error);

} // namespace unload::json
