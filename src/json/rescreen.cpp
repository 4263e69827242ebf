#include "json/rescreen.hpp"

#include <fmt/format.h>

#include "json/intake.hpp"
#include "json/reader.hpp"

namespace unload::json {

core::Result<Rescreened> apply_rescreen(const core::KnowledgeBase& kb,
                                        std::string_view intake_document,
                                        std::string_view answers) {
    auto intake = TRY(parse(intake_document));
    const auto given = TRY(parse(answers));
    if (!given.is_object())
        return invalid("(document)", fmt::format("expected an object with warning_signs and leg, "
                                                 "got {}",
                                                 type_name(given)));
    TRY(only_known_keys(given, "",
                        {"warning_signs", "leg", "leg_numbness_or_tingling", "pain_now"}));
    const auto* signs = TRY(object_at(given, "", "warning_signs", true));
    const auto leg = TRY(string_at(given, "", "leg"));
    if (!leg)
        return invalid("leg", "missing; expected none, buttock, thigh or below_knee");
    intake["warning_signs"] = *signs;
    auto& symptoms = intake["symptoms"];
    symptoms["leg"] = *leg;
    if (given.contains("leg_numbness_or_tingling"))
        symptoms["leg_numbness_or_tingling"] = given["leg_numbness_or_tingling"];
    if (given.contains("pain_now"))
        symptoms["pain_now"] = given["pain_now"];
    // Decoding checks every id and value; its error paths name intake fields, which are the same
    // names the answers use (`warning_signs.x`, `symptoms.leg` for `leg`).
    auto decoded = TRY(decode_intake_document(kb, intake));
    return Rescreened{.document = intake.dump(), .intake = std::move(decoded)};
}

} // namespace unload::json
