#include "core/reasons.hpp"

#include <algorithm>
#include <set>

#include "core/enum_names.hpp"
#include "core/knowledge.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<ReasonKind, 14> kind_names{{
    {ReasonKind::WarningSign, "warning_sign"},
    {ReasonKind::Condition, "condition"},
    {ReasonKind::Pattern, "pattern"},
    {ReasonKind::IntakeField, "intake_field"},
    {ReasonKind::Derived, "derived"},
    {ReasonKind::Rule, "rule"},
    {ReasonKind::Stage, "stage"},
    {ReasonKind::Routine, "routine"},
    {ReasonKind::Walking, "walking"},
    {ReasonKind::Start, "start"},
    {ReasonKind::Time, "time"},
    {ReasonKind::Equipment, "equipment"},
    {ReasonKind::Feedback, "feedback"},
    {ReasonKind::Review, "review"},
}};

/// Names of alternatives are joined so that each keeps its own commas: "a strap, belt or lead,
/// or a bath towel".
constexpr std::string_view names_separator = ", or ";

ReasonKind kind_of(FactKind kind) {
    switch (kind) {
    case FactKind::WarningSign:
        return ReasonKind::WarningSign;
    case FactKind::Condition:
        return ReasonKind::Condition;
    case FactKind::Pattern:
        return ReasonKind::Pattern;
    case FactKind::IntakeField:
        return ReasonKind::IntakeField;
    case FactKind::Derived:
        break;
    }
    return ReasonKind::Derived;
}

/// The equipment a `no_...` id names, or nothing when any part is not an equipment id.
std::optional<std::vector<std::size_t>> missing_equipment(const KnowledgeBase& kb,
                                                          std::string_view id) {
    if (!id.starts_with(reason_ids::missing_prefix))
        return std::nullopt;
    const auto rest = id.substr(reason_ids::missing_prefix.size());
    // A whole equipment id first, so that an id which itself contains `_or_` still resolves.
    if (const auto whole = kb.find_equipment(rest))
        return std::vector<std::size_t>{*whole};
    std::vector<std::size_t> out;
    std::size_t start = 0;
    while (true) {
        const auto end = rest.find(reason_ids::missing_separator, start);
        const auto part =
            rest.substr(start, end == std::string_view::npos ? rest.npos : end - start);
        const auto found = kb.find_equipment(part);
        if (!found)
            return std::nullopt;
        out.push_back(*found);
        if (end == std::string_view::npos)
            return out;
        start = end + reason_ids::missing_separator.size();
    }
}

} // namespace

std::string missing_equipment_id(const KnowledgeBase& kb,
                                 const std::vector<std::size_t>& equipment) {
    std::string id(reason_ids::missing_prefix);
    for (std::size_t i = 0; i < equipment.size(); ++i) {
        if (i > 0)
            id += reason_ids::missing_separator;
        id += kb.equipment[equipment[i]].id;
    }
    return id;
}

std::optional<Explanation> explain(const KnowledgeBase& kb, std::string_view id) {
    const auto rule = std::ranges::find(kb.rules, id, &Rule::id);
    const bool is_rule = rule != kb.rules.end();
    if (const auto fact = kb.find_fact(id)) {
        const auto& f = kb.facts[*fact];
        return Explanation{.id = f.id,
                           .kind = kind_of(f.kind),
                           .text = f.text,
                           .detail = is_rule ? rule->text : std::string()};
    }
    const auto make = [&](ReasonKind kind, const std::string& text) {
        return Explanation{.id = std::string(id), .kind = kind, .text = text, .detail = {}};
    };
    if (is_rule)
        return make(ReasonKind::Rule, rule->text);
    const auto& program = kb.program;
    if (const auto stage = std::ranges::find(program.stages, id, &Stage::id);
        stage != program.stages.end())
        return make(ReasonKind::Stage, stage->text);
    if (const auto routine = std::ranges::find(program.routines, id, &Routine::id);
        routine != program.routines.end())
        return make(ReasonKind::Routine, routine->text);
    if (!program.walking_id.empty() && id == program.walking_id)
        return make(ReasonKind::Walking, program.walking_text);
    if (id == reason_ids::program_start)
        return make(ReasonKind::Start, program.reasons.start);
    if (id == reason_ids::not_enough_time)
        return make(ReasonKind::Time, program.reasons.not_enough_time);
    if (id == reason_ids::easier_version)
        return make(ReasonKind::Feedback, program.reasons.easier_version);
    if (id == reason_ids::harder_version)
        return make(ReasonKind::Feedback, program.reasons.harder_version);
    if (id == reason_ids::no_easier_version)
        return make(ReasonKind::Feedback, program.reasons.no_easier_version);
    if (const auto* reason = kb.review.find_reason(id))
        return make(ReasonKind::Review, reason->text);
    if (const auto missing = missing_equipment(kb, id)) {
        std::string names;
        for (const auto index : *missing) {
            if (!names.empty())
                names += names_separator;
            names += kb.equipment[index].name;
        }
        const Placeholder values[] = {{.name = "equipment", .value = names}};
        return make(ReasonKind::Equipment,
                    fill_placeholders(program.reasons.missing_equipment, values));
    }
    return std::nullopt;
}

std::vector<Explanation> glossary(const KnowledgeBase& kb) {
    std::vector<std::string> ids;
    for (const auto& fact : kb.facts)
        ids.push_back(fact.id);
    for (const auto& rule : kb.rules)
        ids.push_back(rule.id);
    for (const auto& stage : kb.program.stages)
        ids.push_back(stage.id);
    for (const auto& routine : kb.program.routines)
        ids.push_back(routine.id);
    if (!kb.program.walking_id.empty())
        ids.push_back(kb.program.walking_id);
    ids.emplace_back(reason_ids::program_start);
    ids.emplace_back(reason_ids::not_enough_time);
    ids.emplace_back(reason_ids::easier_version);
    ids.emplace_back(reason_ids::harder_version);
    ids.emplace_back(reason_ids::no_easier_version);
    for (std::size_t i = 0; i < kb.equipment.size(); ++i)
        ids.push_back(missing_equipment_id(kb, {i}));
    for (const auto& item : kb.items) {
        if (item.equipment_one_of.none())
            continue;
        std::vector<std::size_t> either;
        for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
            if (item.equipment_one_of.test(i))
                either.push_back(i);
        }
        ids.push_back(missing_equipment_id(kb, either));
    }
    for (const auto& reason : kb.review.reasons)
        ids.push_back(reason.id);

    std::vector<Explanation> out;
    std::set<std::string, std::less<>> seen;
    for (const auto& id : ids) {
        if (!seen.insert(id).second)
            continue;
        if (auto explanation = explain(kb, id))
            out.push_back(std::move(*explanation));
    }
    return out;
}

std::string_view to_string(ReasonKind kind) {
    return name_of(kind_names, kind);
}

} // namespace unload::core
