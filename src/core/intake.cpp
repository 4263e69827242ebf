#include "core/intake.hpp"

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<Sex, 3> sex_names{{
    {Sex::Female, "female"},
    {Sex::Male, "male"},
    {Sex::Other, "other"},
}};

constexpr EnumNames<LegExtent, 4> leg_names{{
    {LegExtent::None, "none"},
    {LegExtent::Buttock, "buttock"},
    {LegExtent::Thigh, "thigh"},
    {LegExtent::BelowKnee, "below_knee"},
}};

constexpr EnumNames<StartBackRisk, 3> startback_names{{
    {StartBackRisk::Low, "low"},
    {StartBackRisk::Medium, "medium"},
    {StartBackRisk::High, "high"},
}};

std::optional<int> number_of(const Intake& intake, IntakeNumber field) {
    switch (field) {
    case IntakeNumber::Age:
        return intake.person.age;
    case IntakeNumber::PainNow:
        return intake.symptoms.pain_now;
    case IntakeNumber::WeeksSinceOnset:
        return intake.symptoms.weeks_since_onset;
    case IntakeNumber::WalkingToleranceM:
        return intake.symptoms.walking_tolerance_m;
    case IntakeNumber::ConservativeCareWeeks:
        return intake.history.conservative_care_weeks;
    }
    return std::nullopt;
}

} // namespace

FactSet facts_of(const KnowledgeBase& kb, const Intake& intake) {
    FactSet facts = intake.reported;
    const auto& s = intake.symptoms;
    const auto& ids = kb.intake_facts;
    facts.set(ids.pregnant, intake.person.pregnant);
    facts.set(ids.leg_buttock, s.leg == LegExtent::Buttock);
    facts.set(ids.leg_thigh, s.leg == LegExtent::Thigh);
    facts.set(ids.leg_below_knee, s.leg == LegExtent::BelowKnee);
    facts.set(ids.leg_numbness_or_tingling, s.leg_numbness_or_tingling);
    facts.set(ids.pain_when_decompressing, s.pain_when_decompressing);
    facts.set(ids.startback_medium, intake.startback == StartBackRisk::Medium);
    facts.set(ids.startback_high, intake.startback == StartBackRisk::High);
    for (const auto& derived : kb.derived) {
        const auto value = number_of(intake, derived.field);
        if (!value)
            continue;
        const bool holds = (!derived.at_least || *value >= *derived.at_least) &&
                           (!derived.at_most || *value <= *derived.at_most);
        if (holds)
            facts.set(derived.fact);
    }
    return facts;
}

std::string_view to_string(Sex sex) {
    return name_of(sex_names, sex);
}
std::string_view to_string(LegExtent leg) {
    return name_of(leg_names, leg);
}
std::optional<Sex> parse_sex(std::string_view text) {
    return enum_from_name(sex_names, text);
}
std::optional<LegExtent> parse_leg(std::string_view text) {
    return enum_from_name(leg_names, text);
}
std::string_view to_string(StartBackRisk risk) {
    return name_of(startback_names, risk);
}
std::optional<StartBackRisk> parse_startback_risk(std::string_view text) {
    return enum_from_name(startback_names, text);
}

} // namespace unload::core
