#include "core/intake_form.hpp"

#include <algorithm>

#include "core/enum_names.hpp"
#include "core/intake.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<FieldType, 5> field_type_names{{
    {FieldType::Integer, "integer"},
    {FieldType::Number, "number"},
    {FieldType::Boolean, "boolean"},
    {FieldType::Choice, "choice"},
    {FieldType::Equipment, "equipment"},
}};

IntakeField integer(std::string_view path, IntLimits limits, bool required, bool nullable) {
    return {.path = path,
            .type = FieldType::Integer,
            .required = required,
            .nullable = nullable,
            .min = static_cast<double>(limits.min),
            .max = static_cast<double>(limits.max),
            .choices = {},
            .fact = {}};
}

IntakeField number(std::string_view path, NumberLimits limits) {
    return {.path = path,
            .type = FieldType::Number,
            .required = false,
            .nullable = true,
            .min = limits.min,
            .max = limits.max,
            .choices = {},
            .fact = {}};
}

IntakeField boolean(std::string_view path, std::string_view fact) {
    return {.path = path,
            .type = FieldType::Boolean,
            .required = false,
            .nullable = false,
            .min = 0,
            .max = 0,
            .choices = {},
            .fact = fact};
}

IntakeField choice(std::string_view path, std::span<const FieldChoice> choices) {
    return {.path = path,
            .type = FieldType::Choice,
            .required = false,
            .nullable = false,
            .min = 0,
            .max = 0,
            .choices = choices,
            .fact = {}};
}

} // namespace

std::span<const IntakeField> intake_fields() {
    namespace limits = intake_limits;
    // The names come from the enums' own tables, so a new value cannot be missing here unnoticed
    // (tests/unit/core/intake_form_test.cpp checks every value parses back).
    static const FieldChoice sexes[] = {
        {to_string(Sex::Female), {}},
        {to_string(Sex::Male), {}},
        {to_string(Sex::Other), {}},
    };
    static const FieldChoice legs[] = {
        {to_string(LegExtent::None), {}},
        {to_string(LegExtent::Buttock), intake_facts::leg_buttock},
        {to_string(LegExtent::Thigh), intake_facts::leg_thigh},
        {to_string(LegExtent::BelowKnee), intake_facts::leg_below_knee},
    };
    static const IntakeField fields[] = {
        integer("person.age", limits::age, true, false),
        choice("person.sex", sexes),
        number("person.weight_kg", limits::weight_kg),
        number("person.height_cm", limits::height_cm),
        boolean("person.pregnant", intake_facts::pregnant),
        integer("symptoms.pain_now", limits::pain_now, true, false),
        integer("symptoms.weeks_since_onset", limits::weeks_since_onset, false, true),
        choice("symptoms.leg", legs),
        boolean("symptoms.leg_numbness_or_tingling", intake_facts::leg_numbness_or_tingling),
        integer("symptoms.walking_tolerance_m", limits::walking_tolerance_m, false, true),
        boolean("symptoms.pain_when_decompressing", intake_facts::pain_when_decompressing),
        integer("history.conservative_care_weeks", limits::conservative_care_weeks, false, false),
        {.path = "equipment",
         .type = FieldType::Equipment,
         .required = false,
         .nullable = true, // null, like a missing list, means content's default equipment
         .min = 0,
         .max = 0,
         .choices = {},
         .fact = {}},
        integer("minutes_per_session", limits::minutes_per_session, false, false),
    };
    return fields;
}

const IntakeField* find_intake_field(std::string_view path) {
    const auto fields = intake_fields();
    const auto found = std::ranges::find(fields, path, &IntakeField::path);
    return found == fields.end() ? nullptr : &*found;
}

std::string_view to_string(FieldType type) {
    return name_of(field_type_names, type);
}

} // namespace unload::core
