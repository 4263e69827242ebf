#pragma once

#include <expected>
#include <filesystem>

#include "core/error.hpp"
#include "core/knowledge.hpp"

namespace unload::content {

/// Reads and validates a content directory (docs/content-format.md). On failure returns every
/// problem found, each with its file and line, so one run of `unload content check` shows them all.
std::expected<core::KnowledgeBase, core::Errors> load(const std::filesystem::path& dir);

} // namespace unload::content
