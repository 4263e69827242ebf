#pragma once

// The questionnaires: scoring answers, and the scores kept.

#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/instruments.hpp"
#include "core/knowledge.hpp"
#include "core/records.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Scores an answers document for `instrument` (`odi`, `rmdq`, `startback`; anything else is
/// NotFound naming `instrument`). Needs no record.
core::Result<core::InstrumentScore> score(const core::KnowledgeBase& kb,
                                          std::string_view instrument, std::string_view answers);
/// Stores a score with its answers, dated now. An `instrument` other than the one `score` is
/// for is an InvalidInput error naming `instrument`.
core::Result<core::ScoreRecord> save_score(const Workspace& ws, std::string_view instrument,
                                           const core::InstrumentScore& score,
                                           std::string_view answers);

/// The scores kept so far, oldest first.
core::Result<std::vector<core::ScoreRecord>> scores(const Workspace& ws);

} // namespace unload::service
