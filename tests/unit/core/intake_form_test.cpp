// The fixed fields of `unload-intake/1` as core lists them for forms: every choice is a value the
// intake's enums parse, every enum value is offered, and the facts the fields set are exactly the
// facts the intake format defines.

#include <set>
#include <string>

#include <gtest/gtest.h>

#include "core/intake.hpp"
#include "core/intake_form.hpp"

namespace unload::core {
namespace {

const IntakeField& field(std::string_view path) {
    const auto* found = find_intake_field(path);
    EXPECT_NE(found, nullptr) << path;
    static const IntakeField none{};
    return found ? *found : none;
}

std::set<std::string> values_of(const IntakeField& field) {
    std::set<std::string> out;
    for (const auto& choice : field.choices)
        out.emplace(choice.value);
    return out;
}

TEST(IntakeFields, PathsAreUniqueAndEveryOneIsFound) {
    std::set<std::string_view> paths;
    for (const auto& f : intake_fields()) {
        EXPECT_TRUE(paths.insert(f.path).second) << "twice: " << f.path;
        EXPECT_EQ(find_intake_field(f.path), &f);
    }
    EXPECT_EQ(find_intake_field("symptoms.colour"), nullptr);
}

TEST(IntakeFields, ChoicesAreTheEnumsValuesEachOnce) {
    const auto sexes = values_of(field("person.sex"));
    EXPECT_EQ(sexes, (std::set<std::string>{"female", "male", "other"}));
    for (const auto& value : sexes)
        EXPECT_TRUE(parse_sex(value).has_value()) << value;
    for (const auto sex : {Sex::Female, Sex::Male, Sex::Other})
        EXPECT_TRUE(sexes.contains(std::string(to_string(sex))));

    const auto legs = values_of(field("symptoms.leg"));
    EXPECT_EQ(legs.size(), field("symptoms.leg").choices.size());
    for (const auto leg :
         {LegExtent::None, LegExtent::Buttock, LegExtent::Thigh, LegExtent::BelowKnee})
        EXPECT_TRUE(legs.contains(std::string(to_string(leg))));
}

TEST(IntakeFields, TheFactsTheFieldsSetAreTheIntakeFormatsFacts) {
    std::set<std::string_view> facts;
    for (const auto& f : intake_fields()) {
        if (!f.fact.empty()) {
            EXPECT_TRUE(facts.insert(f.fact).second) << f.fact;
        }
        for (const auto& choice : f.choices) {
            if (!choice.fact.empty()) {
                EXPECT_TRUE(facts.insert(choice.fact).second) << choice.fact;
            }
        }
    }
    const std::set<std::string_view> expected(std::begin(intake_facts::all),
                                              std::end(intake_facts::all));
    EXPECT_EQ(facts, expected);
}

TEST(IntakeFields, RangesAreTheNamedLimits) {
    EXPECT_EQ(field("person.age").min, intake_limits::age.min);
    EXPECT_EQ(field("person.age").max, intake_limits::age.max);
    EXPECT_TRUE(field("person.age").required);
    EXPECT_TRUE(field("symptoms.pain_now").required);
    EXPECT_EQ(field("symptoms.pain_now").max, 10);  // interfaces.md: 0..10
    EXPECT_EQ(field("minutes_per_session").min, 5); // interfaces.md: 5-60
    EXPECT_EQ(field("minutes_per_session").max, 60);
    EXPECT_TRUE(field("symptoms.walking_tolerance_m").nullable);
    EXPECT_EQ(field("person.weight_kg").type, FieldType::Number);
    EXPECT_EQ(to_string(FieldType::Equipment), "equipment");
}

} // namespace
} // namespace unload::core
