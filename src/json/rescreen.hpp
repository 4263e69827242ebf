#pragma once

// The short re-screen a weekly review (and a numbness-or-weakness stop) asks: the warning signs
// again and where the leg symptoms reach now. Answers update a copy of the stored intake, so the
// re-screen goes through exactly the same decoding and screening as the first intake.
//
// Answers document: {"warning_signs": {"saddle_numbness": false, ...}, "leg": "none",
//                    "leg_numbness_or_tingling": false, "pain_now": 4}
// `warning_signs` replaces the intake's map (a missing id means false, as in the intake); `leg` is
// required; the other two are optional.

#include <string>
#include <string_view>

#include "core/error.hpp"
#include "core/intake.hpp"
#include "core/knowledge.hpp"

namespace unload::json {

/// An intake with re-screen answers applied: the document to store, and the intake it decodes to.
struct Rescreened {
    std::string document;
    core::Intake intake;
};
/// The intake document with the answers applied, decoded (and so validated) as an intake once.
/// Answers that are not a JSON object are an error naming `(document)`.
core::Result<Rescreened> apply_rescreen(const core::KnowledgeBase& kb,
                                        std::string_view intake_document, std::string_view answers);

} // namespace unload::json
