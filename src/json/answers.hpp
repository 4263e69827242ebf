#pragma once

// Answer files for `unload score` (interfaces.md): {"answers": [...]} per instrument.

#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/instruments.hpp"

namespace unload::json {

/// ODI: an array of 0..5 or null. Counts and ranges are checked by core's scoring.
core::Result<std::vector<std::optional<int>>> decode_odi_answers(std::string_view text);
/// RMDQ: an array of true/false.
core::Result<std::vector<bool>> decode_rmdq_answers(std::string_view text);
/// STarT Back: eight true/false, then the bothersomeness answer as a string.
core::Result<core::StartBackAnswers> decode_startback_answers(std::string_view text);
/// The same answers as an object already parsed (`{"answers": [...]}`), with errors named under
/// `parent`: an intake's `startback` field uses it.
core::Result<core::StartBackAnswers> startback_answers_in(const nlohmann::json& root,
                                                          std::string_view parent);

} // namespace unload::json
