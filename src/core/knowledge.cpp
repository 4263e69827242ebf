#include "core/knowledge.hpp"

#include <algorithm>
#include <utility>

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

template <class T>
std::optional<std::uint16_t> find_by_id(const std::vector<T>& list, std::string_view id) {
    const auto it = std::ranges::find(list, id, &T::id);
    if (it == list.end())
        return std::nullopt;
    return static_cast<std::uint16_t>(it - list.begin());
}

constexpr EnumNames<Phase, 7> phase_names{{
    {Phase::Relief, "relief"},
    {Phase::Mobility, "mobility"},
    {Phase::Strength, "strength"},
    {Phase::WarmUp, "warm_up"},
    {Phase::Posture, "posture"},
    {Phase::Activity, "activity"},
    {Phase::Clinic, "clinic"},
}};

constexpr EnumNames<Direction, 4> direction_names{{
    {Direction::Flexion, "flexion"},
    {Direction::Extension, "extension"},
    {Direction::Neutral, "neutral"},
    {Direction::Rotation, "rotation"},
}};

constexpr EnumNames<Bias, 3> bias_names{{
    {Bias::Neutral, "neutral"},
    {Bias::Flexion, "flexion"},
    {Bias::Extension, "extension"},
}};

constexpr EnumNames<Urgency, 3> urgency_names{{
    {Urgency::Emergency, "emergency"},
    {Urgency::Urgent, "urgent"},
    {Urgency::Consult, "consult"},
}};

} // namespace

bool Item::has_direction(Direction d) const {
    return std::ranges::find(directions, d) != directions.end();
}

std::optional<FactId> KnowledgeBase::find_fact(std::string_view id) const {
    return find_by_id(facts, id);
}

std::optional<ItemId> KnowledgeBase::find_item(std::string_view id) const {
    return find_by_id(items, id);
}

std::optional<EquipmentId> KnowledgeBase::find_equipment(std::string_view id) const {
    const auto found = find_by_id(equipment, id);
    if (!found)
        return std::nullopt;
    return static_cast<EquipmentId>(*found);
}

const std::string& VerdictHeadlines::of(Verdict verdict) const {
    switch (verdict) {
    case Verdict::Emergency:
        return emergency;
    case Verdict::Urgent:
        return urgent;
    case Verdict::Consult:
        return consult;
    case Verdict::Caution:
        return caution;
    case Verdict::Clear:
        break;
    }
    return clear;
}

std::optional<AdviceId> KnowledgeBase::find_advice(std::string_view id) const {
    return find_by_id(advice, id);
}

std::string_view to_string(Phase phase) {
    return name_of(phase_names, phase);
}
std::string_view to_string(Direction direction) {
    return name_of(direction_names, direction);
}
std::string_view to_string(Bias bias) {
    return name_of(bias_names, bias);
}
std::string_view to_string(Urgency urgency) {
    return name_of(urgency_names, urgency);
}
std::optional<Phase> parse_phase(std::string_view text) {
    return enum_from_name(phase_names, text);
}
std::optional<Direction> parse_direction(std::string_view text) {
    return enum_from_name(direction_names, text);
}
std::optional<Bias> parse_bias(std::string_view text) {
    return enum_from_name(bias_names, text);
}
std::optional<Urgency> parse_urgency(std::string_view text) {
    return enum_from_name(urgency_names, text);
}

} // namespace unload::core
