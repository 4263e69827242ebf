#pragma once

// What a person tells Unload about themselves (interfaces.md, `unload-intake/1`), with every id
// already resolved against the knowledge base by the decoder.

#include <optional>

#include "core/knowledge.hpp"

namespace unload::core {

enum class Sex { Female, Male, Other };
enum class LegExtent { None, Buttock, Thigh, BelowKnee };
/// The STarT Back risk group (clinical.md section 10).
enum class StartBackRisk { Low, Medium, High };

struct Person {
    int age = 0;
    Sex sex = Sex::Other;
    std::optional<double> weight_kg;
    std::optional<double> height_cm;
    bool pregnant = false;
};

struct Symptoms {
    int pain_now = 0;
    std::optional<int> weeks_since_onset;
    LegExtent leg = LegExtent::None;
    bool leg_numbness_or_tingling = false;
    std::optional<int> walking_tolerance_m;
    bool pain_when_decompressing = false;
};

struct History {
    int conservative_care_weeks = 0;
};

struct Intake {
    Person person;
    FactSet reported; ///< Warning signs, conditions and patterns answered `true`.
    Symptoms symptoms;
    History history;
    EquipmentSet equipment;
    int minutes_per_session = 15;
    /// The STarT Back group, from answers given with the intake or, when a caller has a stored
    /// score and the intake gave none, from the latest score (clinical.md section 4).
    std::optional<StartBackRisk> startback;
};

/// The facts fixed by the intake format itself rather than by content; the loader registers them.
namespace intake_facts {
inline constexpr std::string_view pregnant = "pregnant";
inline constexpr std::string_view leg_buttock = "leg_buttock";
inline constexpr std::string_view leg_thigh = "leg_thigh";
inline constexpr std::string_view leg_below_knee = "leg_below_knee";
inline constexpr std::string_view leg_numbness_or_tingling = "leg_numbness_or_tingling";
inline constexpr std::string_view pain_when_decompressing = "pain_when_decompressing";
inline constexpr std::string_view startback_medium = "startback_medium";
inline constexpr std::string_view startback_high = "startback_high";
inline constexpr std::string_view all[] = {pregnant,
                                           leg_buttock,
                                           leg_thigh,
                                           leg_below_knee,
                                           leg_numbness_or_tingling,
                                           pain_when_decompressing};
/// Facts set from the STarT Back group rather than from an intake field (so no form field words
/// them; the rules that test them carry the words).
inline constexpr std::string_view from_startback[] = {startback_medium, startback_high};
} // namespace intake_facts

/// Every fact that holds for this intake: what it reported, its fixed fields and derived
/// thresholds.
FactSet facts_of(const KnowledgeBase& kb, const Intake& intake);

std::string_view to_string(Sex sex);
std::string_view to_string(LegExtent leg);
std::optional<Sex> parse_sex(std::string_view text);
std::optional<LegExtent> parse_leg(std::string_view text);
std::string_view to_string(StartBackRisk risk);
/// `low`, `medium` or `high`, as `score_startback` names the groups.
std::optional<StartBackRisk> parse_startback_risk(std::string_view text);

} // namespace unload::core
