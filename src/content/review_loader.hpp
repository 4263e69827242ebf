#pragma once

// Reads the weekly review rules (content/review.toml) into core::ReviewRules.

#include <filesystem>
#include <vector>

#include "content/toml_reader.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"

namespace unload::content {

/// Reads `review.toml` under `content_dir` into `kb.review`. Advice, instruments and session rules
/// must already be in `kb`: the advice id and stop reason ids are resolved against them, and pain
/// thresholds are bounded by the NPRS scale. Every problem is appended to `errors` with its file
/// and line; every source id named is appended to `sources` for the caller to check.
void read_review_rules(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                       core::Errors& errors, std::vector<SourceRef>& sources);

} // namespace unload::content
