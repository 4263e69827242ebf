#include "json/intake_form.hpp"

#include <cmath>

#include "core/intake.hpp"
#include "core/intake_form.hpp"
#include "json/intake.hpp"

namespace unload::json {

namespace {

using nlohmann::json;

/// Whole numbers as integers, so that `20` does not read as `20.0`.
json number(double value) {
    if (std::trunc(value) == value)
        return static_cast<std::int64_t>(value);
    return value;
}

json optional(const auto& value) {
    return value ? json(*value) : json(nullptr);
}

json equipment_ids(const core::KnowledgeBase& kb, const core::EquipmentSet& set) {
    json out = json::array();
    for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
        if (set.test(i))
            out.push_back(kb.equipment[i].id);
    }
    return out;
}

/// What the decoder assumes for each optional field left out: the defaults of core::Intake, and
/// content's default equipment and minutes, exactly as json/intake.cpp falls back to them.
json defaults(const core::KnowledgeBase& kb) {
    const core::Intake intake{};
    const auto& person = intake.person;
    const auto& symptoms = intake.symptoms;
    return {
        {"person.sex", core::to_string(person.sex)},
        {"person.weight_kg", optional(person.weight_kg)},
        {"person.height_cm", optional(person.height_cm)},
        {"person.pregnant", person.pregnant},
        {"symptoms.weeks_since_onset", optional(symptoms.weeks_since_onset)},
        {"symptoms.leg", core::to_string(symptoms.leg)},
        {"symptoms.leg_numbness_or_tingling", symptoms.leg_numbness_or_tingling},
        {"symptoms.walking_tolerance_m", optional(symptoms.walking_tolerance_m)},
        {"symptoms.pain_when_decompressing", symptoms.pain_when_decompressing},
        {"history.conservative_care_weeks", intake.history.conservative_care_weeks},
        {"equipment", equipment_ids(kb, kb.default_equipment)},
        {"minutes_per_session", kb.program.default_minutes},
    };
}

json fact_question(const core::KnowledgeBase& kb, core::FactId id, std::string_view answer) {
    const auto& fact = kb.facts[id];
    return {{"id", fact.id}, {"answer", answer}, {"question", fact.question}, {"text", fact.text}};
}

std::string_view answer_map(core::FactKind kind) {
    switch (kind) {
    case core::FactKind::WarningSign:
        return "warning_signs";
    case core::FactKind::Condition:
        return "conditions";
    case core::FactKind::Pattern:
        return "symptoms.patterns";
    case core::FactKind::IntakeField:
    case core::FactKind::Derived:
        break;
    }
    return "";
}

json topics(const core::KnowledgeBase& kb) {
    json out = json::array();
    for (const auto& topic : kb.intake_form.topics) {
        json questions = json::array();
        for (const auto fact : topic.facts)
            questions.push_back(fact_question(kb, fact, answer_map(kb.facts[fact].kind)));
        out.push_back({{"id", topic.id},
                       {"title", topic.title},
                       {"intro", topic.intro},
                       {"questions", std::move(questions)}});
    }
    return out;
}

json patterns(const core::KnowledgeBase& kb) {
    json out = json::array();
    for (std::size_t i = 0; i < kb.facts.size(); ++i) {
        if (kb.facts[i].kind == core::FactKind::Pattern)
            out.push_back(fact_question(kb, static_cast<core::FactId>(i),
                                        answer_map(core::FactKind::Pattern)));
    }
    return out;
}

json field(const core::KnowledgeBase& kb, const core::FieldWords& words, const json& fallback) {
    const auto* spec = core::find_intake_field(words.path);
    if (!spec) // The loader accepts no other path; nothing to say about one it did not.
        return nullptr;
    json out = {{"path", spec->path},
                {"type", core::to_string(spec->type)},
                {"required", spec->required},
                {"nullable", spec->nullable},
                {"question", words.question}};
    if (!words.hint.empty())
        out["hint"] = words.hint;
    if (spec->type == core::FieldType::Integer || spec->type == core::FieldType::Number) {
        out["min"] = number(spec->min);
        out["max"] = number(spec->max);
    }
    if (!spec->required)
        out["default"] = fallback.at(std::string(spec->path));
    if (const auto fact = kb.find_fact(spec->fact); !spec->fact.empty() && fact) {
        out["fact"] = spec->fact;
        out["text"] = kb.facts[*fact].text;
    }
    if (spec->type == core::FieldType::Choice) {
        json options = json::array();
        for (const auto& choice : words.options) {
            json option = {{"value", choice.value}, {"label", choice.label}};
            const auto found =
                std::ranges::find(spec->choices, choice.value, &core::FieldChoice::value);
            if (found != spec->choices.end() && !found->fact.empty()) {
                option["fact"] = found->fact;
                if (const auto fact = kb.find_fact(found->fact))
                    option["text"] = kb.facts[*fact].text;
            }
            options.push_back(std::move(option));
        }
        out["options"] = std::move(options);
    }
    if (spec->type == core::FieldType::Equipment) {
        json options = json::array();
        for (const auto& equipment : kb.equipment)
            options.push_back({{"value", equipment.id}, {"label", equipment.name}});
        out["options"] = std::move(options);
    }
    return out;
}

json fields(const core::KnowledgeBase& kb) {
    const auto fallback = defaults(kb);
    json out = json::array();
    for (const auto& words : kb.intake_form.fields) {
        if (auto entry = field(kb, words, fallback); !entry.is_null())
            out.push_back(std::move(entry));
    }
    return out;
}

json yes_no(const core::FormWords& words) {
    return json::array(
        {{{"value", true}, {"label", words.yes}}, {{"value", false}, {"label", words.no}}});
}

/// One questionnaire as `POST /api/v1/scores` takes it: `answers[i]` is the `value` of the option
/// chosen for `questions[i]`, or null where `blank_allowed` lets a question go unanswered.
json questionnaire(std::string_view id, const core::FormWords& words, json questions,
                   int min_answered, bool blank_allowed) {
    return {{"id", id},
            {"title", words.title},
            {"instructions", words.instructions},
            {"min_answered", min_answered},
            {"blank_allowed", blank_allowed},
            {"questions", std::move(questions)}};
}

json questionnaires(const core::KnowledgeBase& kb) {
    const auto& instruments = kb.instruments;
    json odi = json::array();
    for (const auto& question : instruments.odi.questions) {
        json options = json::array();
        for (std::size_t score = 0; score < question.options.size(); ++score)
            options.push_back({{"value", score}, {"label", question.options[score]}});
        odi.push_back({{"id", question.id}, {"text", question.text}, {"options", options}});
    }
    json rmdq = json::array();
    for (const auto& question : instruments.rmdq.questions)
        rmdq.push_back({{"id", question.id},
                        {"text", question.text},
                        {"options", yes_no(instruments.rmdq.form)}});
    const auto& startback_spec = instruments.startback;
    json startback = json::array();
    for (std::size_t i = 0; i < startback_spec.questions.size(); ++i) {
        const auto& question = startback_spec.questions[i];
        json options;
        if (std::cmp_less(i, startback_spec.agree_items)) {
            options = yes_no(startback_spec.form);
        } else {
            options = json::array();
            const auto& finals = startback_spec.final_options;
            for (std::size_t k = 0; k < finals.size() && k < question.options.size(); ++k)
                options.push_back({{"value", finals[k].id}, {"label", question.options[k]}});
        }
        startback.push_back({{"id", question.id}, {"text", question.text}, {"options", options}});
    }
    return json::array({questionnaire("odi", instruments.odi.form, std::move(odi),
                                      instruments.odi.min_answered, true),
                        questionnaire("rmdq", instruments.rmdq.form, std::move(rmdq),
                                      instruments.rmdq.items, false),
                        questionnaire("startback", startback_spec.form, std::move(startback),
                                      static_cast<int>(startback_spec.questions.size()), false)});
}

} // namespace

json intake_form_document(const core::KnowledgeBase& kb) {
    return {{"format", intake_format},
            {"topics", topics(kb)},
            {"patterns", patterns(kb)},
            {"fields", fields(kb)},
            {"questionnaires", questionnaires(kb)}};
}

} // namespace unload::json
