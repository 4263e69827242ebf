#pragma once

// The intake form document (GET /api/v1/intake/form): everything onboarding asks, from content,
// with the values the intake decoder accepts, so that a front end builds an `unload-intake/1`
// document without knowing any id, range or question of its own.

#include <nlohmann/json.hpp>

#include "core/knowledge.hpp"

namespace unload::json {

/// The screening topics with their warning signs and conditions, the symptom patterns, every fixed
/// field with its type, range, default, question and choices, the questionnaires with their
/// questions and answer values for `POST /api/v1/scores`, and the intake format's name.
nlohmann::json intake_form_document(const core::KnowledgeBase& kb);

} // namespace unload::json
