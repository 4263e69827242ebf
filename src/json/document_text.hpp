#pragma once

// The screen and plan documents (interfaces.md) written straight as JSON text, for the server's
// POST /api/v1/screen and POST /api/v1/plan, which encode one per request. The text is byte for
// byte what `screen_document(...).dump()` and `plan_document(...).dump()` give (keys in the same
// byte order, invalid UTF-8 replaced as the server's dump does), without building the tree;
// tests/unit/json/document_text_test.cpp holds them to that over every clinical scenario.

#include <string>

#include "core/planner.hpp"

namespace unload::json {

/// The screen document as compact JSON text.
std::string screen_text(const core::KnowledgeBase& kb, const core::Screening& screening);
/// The plan document as compact JSON text.
std::string plan_text(const core::KnowledgeBase& kb, const core::Plan& plan);

} // namespace unload::json
