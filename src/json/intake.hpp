#pragma once

#include <string_view>

#include <nlohmann/json_fwd.hpp>

#include "core/error.hpp"
#include "core/intake.hpp"

namespace unload::json {

/// The only intake format this version reads.
inline constexpr std::string_view intake_format = "unload-intake/1";

/// Decodes an `unload-intake/1` document (interfaces.md). Any malformed JSON, wrong type, value out
/// of range or unknown id is an InvalidInput error whose field is the path of the offending value,
/// such as `symptoms.pain_now` or `warning_signs.sadle_numbness`.
core::Result<core::Intake> decode_intake(const core::KnowledgeBase& kb, std::string_view text);
/// The same, from a document already parsed (the server parses a body once).
core::Result<core::Intake> decode_intake_document(const core::KnowledgeBase& kb,
                                                  const nlohmann::json& root);

} // namespace unload::json
