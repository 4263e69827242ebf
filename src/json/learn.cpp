#include "json/learn.hpp"

namespace unload::json {

namespace {

using nlohmann::json;

/// A warning rule as the Learn section shows it: how soon to act, and the words of screening.
json rule_document(const core::Rule& rule) {
    return {{"id", rule.id},
            {"urgency", rule.urgency ? json(core::to_string(*rule.urgency)) : json(nullptr)},
            {"text", rule.text},
            {"source", rule.sources}};
}

} // namespace

json learn_topic_document(const core::KnowledgeBase& kb, const core::LearnTopic& topic) {
    json sections = json::array();
    for (const auto& section : topic.sections)
        sections.push_back(
            {{"heading", section.heading}, {"text", section.text}, {"points", section.points}});
    json rules = json::array();
    for (const auto index : topic.rules)
        rules.push_back(rule_document(kb.rules[index]));
    json exercises = json::array();
    for (const auto id : topic.exercises)
        exercises.push_back({{"id", kb.item(id).id}, {"name", kb.item(id).name}});
    return {{"id", topic.id},         {"title", topic.title}, {"summary", topic.summary},
            {"sections", sections},   {"rules", rules},       {"exercises", exercises},
            {"source", topic.sources}};
}

json learn_document(const core::KnowledgeBase& kb) {
    json topics = json::array();
    for (const auto& topic : kb.learn.topics)
        topics.push_back(learn_topic_document(kb, topic));
    return {{"topics", topics}};
}

} // namespace unload::json
