#include "json/intake.hpp"

#include <fmt/format.h>

#include "json/answers.hpp"
#include "json/reader.hpp"

namespace unload::json {

namespace {

using nlohmann::json;
namespace limits = core::intake_limits;

std::string known_ids(const core::KnowledgeBase& kb, core::FactKind kind) {
    std::string out;
    for (const auto& fact : kb.facts) {
        if (fact.kind == kind)
            out += (out.empty() ? "" : ", ") + fact.id;
    }
    return out;
}

/// Reads a map from fact ids of one kind to booleans. An unknown id is an error, so a typo can
/// never hide a warning sign (interfaces.md).
core::Result<void> read_fact_map(const core::KnowledgeBase& kb, const json& parent,
                                 std::string_view path, std::string_view key, core::FactKind kind,
                                 std::string_view what, core::FactSet& out) {
    const auto* map = TRY(object_at(parent, path, key, false));
    if (!map)
        return {};
    const auto map_path = join(path, key);
    for (const auto& [id, value] : map->items()) {
        const auto fact = kb.find_fact(id);
        if (!fact || kb.facts[*fact].kind != kind)
            return invalid(join(map_path, id), fmt::format("unknown {}; expected one of: {}", what,
                                                           known_ids(kb, kind)));
        if (!value.is_boolean())
            return invalid(join(map_path, id),
                           fmt::format("expected true or false, got {}", type_name(value)));
        if (value.get<bool>())
            out.set(*fact);
    }
    return {};
}

core::Result<core::Person> read_person(const json& root) {
    const auto* person = TRY(object_at(root, "", "person", true));
    TRY(only_known_keys(*person, "person", {"age", "sex", "weight_kg", "height_cm", "pregnant"}));
    core::Person out;
    const auto age = TRY(int_at(*person, "person", "age", limits::age.min, limits::age.max, false));
    if (!age)
        return invalid("person.age", fmt::format("missing; expected an integer {}..{}",
                                                 limits::age.min, limits::age.max));
    out.age = *age;
    if (const auto sex = TRY(string_at(*person, "person", "sex"))) {
        const auto parsed = core::parse_sex(*sex);
        if (!parsed)
            return invalid("person.sex",
                           fmt::format("expected female, male or other, got \"{}\"", *sex));
        out.sex = *parsed;
    }
    out.weight_kg = TRY(
        number_at(*person, "person", "weight_kg", limits::weight_kg.min, limits::weight_kg.max));
    out.height_cm = TRY(
        number_at(*person, "person", "height_cm", limits::height_cm.min, limits::height_cm.max));
    out.pregnant = TRY(bool_at(*person, "person", "pregnant")).value_or(false);
    return out;
}

core::Result<core::Symptoms> read_symptoms(const core::KnowledgeBase& kb, const json& root,
                                           core::FactSet& reported) {
    const auto* symptoms = TRY(object_at(root, "", "symptoms", true));
    const std::string_view path = "symptoms";
    TRY(only_known_keys(*symptoms, path,
                        {"pain_now", "weeks_since_onset", "patterns", "leg",
                         "leg_numbness_or_tingling", "walking_tolerance_m",
                         "pain_when_decompressing"}));
    core::Symptoms out;
    const auto pain =
        TRY(int_at(*symptoms, path, "pain_now", limits::pain_now.min, limits::pain_now.max, false));
    if (!pain)
        return invalid("symptoms.pain_now",
                       fmt::format("missing; expected an integer {}..{}", limits::pain_now.min,
                                   limits::pain_now.max));
    out.pain_now = *pain;
    out.weeks_since_onset =
        TRY(int_at(*symptoms, path, "weeks_since_onset", limits::weeks_since_onset.min,
                   limits::weeks_since_onset.max, true));
    TRY(read_fact_map(kb, *symptoms, path, "patterns", core::FactKind::Pattern, "symptom pattern",
                      reported));
    if (const auto leg = TRY(string_at(*symptoms, path, "leg"))) {
        const auto parsed = core::parse_leg(*leg);
        if (!parsed)
            return invalid(
                "symptoms.leg",
                fmt::format("expected none, buttock, thigh or below_knee, got \"{}\"", *leg));
        out.leg = *parsed;
    }
    out.leg_numbness_or_tingling =
        TRY(bool_at(*symptoms, path, "leg_numbness_or_tingling")).value_or(false);
    out.walking_tolerance_m =
        TRY(int_at(*symptoms, path, "walking_tolerance_m", limits::walking_tolerance_m.min,
                   limits::walking_tolerance_m.max, true));
    out.pain_when_decompressing =
        TRY(bool_at(*symptoms, path, "pain_when_decompressing")).value_or(false);
    return out;
}

core::Result<core::EquipmentSet> read_equipment(const core::KnowledgeBase& kb, const json& root) {
    const auto it = root.find("equipment");
    if (it == root.end() || it->is_null())
        return kb.default_equipment;
    if (!it->is_array())
        return invalid("equipment",
                       fmt::format("expected an array of equipment ids, got {}", type_name(*it)));
    core::EquipmentSet out;
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto& value = (*it)[i];
        const auto field = fmt::format("equipment[{}]", i);
        if (!value.is_string())
            return invalid(field,
                           fmt::format("expected an equipment id, got {}", type_name(value)));
        const auto id = value.get<std::string>();
        const auto found = kb.find_equipment(id);
        if (!found) {
            std::string known;
            for (const auto& equipment : kb.equipment)
                known += (known.empty() ? "" : ", ") + equipment.id;
            return invalid(field,
                           fmt::format("unknown equipment \"{}\"; expected one of: {}", id, known));
        }
        out.set(*found);
    }
    return out;
}

/// The optional STarT Back answers given with an intake, in the shape of the `score startback`
/// answers document (interfaces.md), scored into the person's risk group.
core::Result<std::optional<core::StartBackRisk>> read_startback(const core::KnowledgeBase& kb,
                                                                const json& root) {
    const auto* startback = TRY(object_at(root, "", "startback", false));
    if (!startback)
        return std::nullopt;
    const auto answers = TRY(startback_answers_in(*startback, "startback"));
    auto scored = core::score_startback(kb.instruments.startback, answers);
    if (!scored) {
        auto error = std::move(scored.error());
        error.field = "startback." + error.field;
        return std::unexpected(std::move(error));
    }
    const auto risk = core::parse_startback_risk(scored->risk);
    if (!risk)
        return invalid("startback.answers",
                       fmt::format("scored an unknown risk group '{}'", scored->risk));
    return risk;
}

} // namespace

core::Result<core::Intake> decode_intake(const core::KnowledgeBase& kb, std::string_view text) {
    const auto root = TRY(parse(text));
    return decode_intake_document(kb, root);
}

core::Result<core::Intake> decode_intake_document(const core::KnowledgeBase& kb,
                                                  const nlohmann::json& root) {
    if (!root.is_object())
        return invalid("(document)",
                       fmt::format("expected an intake object, got {}", type_name(root)));
    TRY(only_known_keys(root, "",
                        {"format", "person", "warning_signs", "conditions", "symptoms", "history",
                         "equipment", "minutes_per_session", "startback"}));
    const auto format = TRY(string_at(root, "", "format"));
    if (!format)
        return invalid("format", fmt::format("missing; expected \"{}\"", intake_format));
    if (*format != intake_format)
        return invalid("format",
                       fmt::format("expected \"{}\", got \"{}\"", intake_format, *format));

    core::Intake intake;
    intake.person = TRY(read_person(root));
    TRY(read_fact_map(kb, root, "", "warning_signs", core::FactKind::WarningSign, "warning sign",
                      intake.reported));
    TRY(read_fact_map(kb, root, "", "conditions", core::FactKind::Condition, "condition",
                      intake.reported));
    intake.symptoms = TRY(read_symptoms(kb, root, intake.reported));
    if (const auto* history = TRY(object_at(root, "", "history", false))) {
        TRY(only_known_keys(*history, "history", {"conservative_care_weeks"}));
        intake.history.conservative_care_weeks =
            TRY(int_at(*history, "history", "conservative_care_weeks",
                       limits::conservative_care_weeks.min, limits::conservative_care_weeks.max,
                       false))
                .value_or(0);
    }
    intake.equipment = TRY(read_equipment(kb, root));
    intake.minutes_per_session =
        TRY(int_at(root, "", "minutes_per_session", limits::minutes_per_session.min,
                   limits::minutes_per_session.max, false))
            .value_or(kb.program.default_minutes);
    intake.startback = TRY(read_startback(kb, root));
    if (intake.person.pregnant && intake.person.sex == core::Sex::Male)
        return invalid("person.pregnant", "is true but person.sex is male");
    return intake;
}

} // namespace unload::json
