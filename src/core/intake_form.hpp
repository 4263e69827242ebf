#pragma once

// The intake as onboarding asks for it (interfaces.md, `unload-intake/1`). Two halves meet here:
// the format's fixed fields with the values the decoder accepts (code, because the format is a
// contract), and the words onboarding uses for them and the screening topics that group warning
// signs and conditions one screen at a time (content/intake.toml and content/screening.toml).
// The decoder reads its limits from this file, so the form a front end shows and the decoder that
// checks the answers cannot disagree.

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace unload::core {

/// An inclusive range of a whole-number intake field.
struct IntLimits {
    int min = 0;
    int max = 0;
};

/// An inclusive range of an intake field that may hold a fraction.
struct NumberLimits {
    double min = 0;
    double max = 0;
};

/// The ranges `unload-intake/1` accepts (interfaces.md names some of them; the rest keep typos such
/// as a weight in grams out).
namespace intake_limits {
inline constexpr IntLimits age{1, 120};
inline constexpr NumberLimits weight_kg{20, 350};
inline constexpr NumberLimits height_cm{50, 250};
inline constexpr IntLimits pain_now{0, 10};
inline constexpr IntLimits weeks_since_onset{0, 5200};
inline constexpr IntLimits walking_tolerance_m{0, 100000};
inline constexpr IntLimits conservative_care_weeks{0, 5200};
inline constexpr IntLimits minutes_per_session{5, 60};
} // namespace intake_limits

/// What kind of answer a fixed intake field takes.
enum class FieldType {
    Integer,   ///< A whole number within `min..max`.
    Number,    ///< A number within `min..max`.
    Boolean,   ///< true or false.
    Choice,    ///< One of `choices`.
    Equipment, ///< A list of equipment ids (content/equipment.toml).
};

/// One value of a choice field, and the intake fact it sets, if any (`buttock` sets `leg_buttock`).
struct FieldChoice {
    std::string_view value;
    std::string_view fact;
};

/// A fixed field of `unload-intake/1` as the decoder reads it. The maps (`warning_signs`,
/// `conditions`, `symptoms.patterns`) are content's facts, not fixed fields.
struct IntakeField {
    std::string_view path; ///< `symptoms.pain_now`.
    FieldType type = FieldType::Boolean;
    bool required = false; ///< The intake is refused without it.
    bool nullable = false; ///< `null` is an answer ("not known"); a missing value means the same.
    double min = 0;        ///< For Integer and Number.
    double max = 0;
    std::span<const FieldChoice> choices; ///< For Choice, in the order a form offers them.
    std::string_view fact;                ///< For a Boolean that is an intake fact: its id.
};

/// Every fixed field of `unload-intake/1`, in the order the format lists them.
std::span<const IntakeField> intake_fields();

/// The fixed field at `path`, or nullptr.
const IntakeField* find_intake_field(std::string_view path);

/// One group of screening questions, asked together on one screen.
struct Topic {
    std::string id;
    std::string title;
    std::string intro;         ///< One line saying why these questions are asked.
    std::vector<FactId> facts; ///< Warning signs and conditions, in content order.
};

/// How onboarding words a choice.
struct ChoiceWords {
    std::string value;
    std::string label;
};

/// How onboarding asks for one fixed field (content/intake.toml).
struct FieldWords {
    std::string path;
    std::string question;
    std::string hint;                 ///< An optional line under the question.
    std::vector<ChoiceWords> options; ///< For choice fields: one per value, in the form's order.
};

/// Everything onboarding asks that content words: the screening topics and the fixed fields.
struct IntakeForm {
    std::vector<Topic> topics;      ///< In the order onboarding asks them.
    std::vector<FieldWords> fields; ///< One per fixed field, in the order onboarding asks them.

    /// The words for a field, or nullptr.
    const FieldWords* find_field(std::string_view path) const {
        for (const auto& field : fields) {
            if (field.path == path)
                return &field;
        }
        return nullptr;
    }
};

std::string_view to_string(FieldType type);

} // namespace unload::core
