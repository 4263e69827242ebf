#pragma once

// The pain diary and progress.

#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "core/progress.hpp"
#include "core/records.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// The sessions and pain diary of the last `days` days up to today; `days` outside 1-3660 is an
/// InvalidInput error naming `days`.
struct Diary {
    core::Day from;
    core::Day to;
    std::vector<core::SessionRecord> sessions;
    std::vector<core::PainEntry> pain;
};
core::Result<Diary> diary(const Workspace& ws, int days);

/// A pain diary entry now; fails on a pain outside 0-10 (field `pain`) and on a note that is not
/// valid UTF-8 (field `note`).
core::Result<core::PainEntry> log_pain(const Workspace& ws, int pain, std::string note);

/// Progress over the last `weeks` weeks up to today; `weeks` outside 1-520 is an InvalidInput
/// error naming `weeks`.
core::Result<core::Progress> progress(const Workspace& ws, int weeks);

/// The pain the person began the program with: the first intake's pain now; nullopt before it.
core::Result<std::optional<int>> baseline_pain(const Workspace& ws);

} // namespace unload::service
