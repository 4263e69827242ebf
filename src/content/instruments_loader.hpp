#pragma once

// Reads the outcome instruments (content/instruments/*.toml) into core::Instruments, checking that
// each file agrees with itself: as many questions as the form has items, bands in rising order,
// thresholds within the scale, and so on.

#include <filesystem>
#include <vector>

#include "content/toml_reader.hpp"
#include "core/error.hpp"
#include "core/instruments.hpp"

namespace unload::content {

/// Reads `instruments/odi.toml`, `rmdq.toml`, `startback.toml` and `nprs.toml` under `content_dir`
/// into `out`. Every problem is appended to `errors` with its file (relative to `content_dir`) and
/// line, and reading goes on so that one run reports them all. Every source id named is appended to
/// `sources`, for the caller to check once all sources are known.
void read_instruments(const std::filesystem::path& content_dir, core::Instruments& out,
                      core::Errors& errors, std::vector<SourceRef>& sources);

} // namespace unload::content
