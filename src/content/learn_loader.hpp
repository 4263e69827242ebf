#pragma once

// Reads the Learn section's topics (content/learn.toml) into core::Learn.

#include <filesystem>
#include <vector>

#include "content/toml_reader.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"

namespace unload::content {

/// Reads `learn.toml` under `content_dir` into `kb.learn`. Rules and exercises must already be in
/// `kb`: a topic's `rules` are resolved against the rules that carry an urgency (the warning
/// signs), its `exercises` against the exercise library. Every problem is appended to `errors`
/// with its file, line and field; every source id named is appended to `sources` for the caller
/// to check.
void read_learn(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                core::Errors& errors, std::vector<SourceRef>& sources);

} // namespace unload::content
