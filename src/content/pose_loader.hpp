#pragma once

// Reads the pictures of the exercises (content/poses/ID.toml) into each item's core::Picture.

#include <filesystem>

#include "core/error.hpp"
#include "core/knowledge.hpp"

namespace unload::content {

/// Reads `poses/ID.toml` under `content_dir` for every item in `kb` (items must be read first).
/// An item without a pose file, a pose file without an item, unknown keys, angles out of range, a
/// figure below the floor, or a paced exercise with fewer than two key poses are errors, appended
/// to `errors` with file and line. A `[[variant]]` of a pose file is the picture of one of the
/// item's modifications, read into that modification's `picture`; a variant for a modification the
/// item does not have, or a second one for the same, is an error too.
void read_pictures(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                   core::Errors& errors);

} // namespace unload::content
