#pragma once

// Text views of the person's record: the log, progress drawn in the terminal, a review with its
// reasons, a session's timeline (for --dry-run) and a session's summary; plus progress as CSV.

#include <string>
#include <vector>

#include "cli/terminal.hpp"
#include "core/progress.hpp"
#include "core/review.hpp"
#include "core/session.hpp"

namespace unload::cli {

std::string render_log(const core::KnowledgeBase& kb,
                       const std::vector<core::SessionRecord>& sessions,
                       const std::vector<core::PainEntry>& pain, const Terminal& term);
std::string render_progress(const core::KnowledgeBase& kb, const core::Progress& progress,
                            const Terminal& term);
std::string progress_csv(const core::Progress& progress);
std::string render_review(const core::KnowledgeBase& kb, const core::ReviewOutcome& outcome,
                          const Terminal& term);
std::string render_timeline(const core::KnowledgeBase& kb, const core::Timeline& timeline,
                            const Terminal& term);
std::string render_session_summary(const core::KnowledgeBase& kb,
                                   const core::SessionRecord& session,
                                   const std::vector<core::StopOutcome>& stops,
                                   const Terminal& term);

/// Quotes a CSV field when it needs it (RFC 4180), and neutralises a cell that a spreadsheet
/// would run as a formula (starting with =, +, -, @, a tab or a carriage return) with a `'`.
std::string csv_field(std::string_view text);

} // namespace unload::cli
