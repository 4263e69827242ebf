#pragma once

// The reasons document (GET /api/v1/reasons): plain words for every id a `because` list can hold,
// so that a front end explains screening, plan, program, review and session documents without a
// dictionary of its own.

#include <nlohmann/json.hpp>

#include "core/knowledge.hpp"

namespace unload::json {

/// `{"reasons": {ID: {"id", "kind", "text", "detail"?}}, "program": {"walking_text",
/// "desk_break_text"}}`: core::glossary keyed by id, and the program's everyday texts that no
/// `because` names.
nlohmann::json reasons_document(const core::KnowledgeBase& kb);

} // namespace unload::json
