#pragma once

// The education a person reads in the Learn section (product.md journey 8, "Prevention"): topics
// such as causes, warning signs, workstation, lifting, sleep and pacing, loaded from
// content/learn.toml. A topic links the warning rules and exercises it talks about by index, so
// the warning signs are told once, in screening.toml, and a dangling link cannot survive loading.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace unload::core {

/// One part of a topic: a heading, then paragraphs, a bulleted list, or both.
struct LearnSection {
    std::string heading;
    std::vector<std::string> text;   ///< Paragraphs, in order.
    std::vector<std::string> points; ///< A bulleted list shown after the paragraphs.
};

/// One Learn topic.
struct LearnTopic {
    std::string id;
    std::string title;
    std::string summary; ///< One line, for lists.
    std::vector<LearnSection> sections;
    std::vector<std::size_t> rules; ///< Indices into `KnowledgeBase::rules`, each with an urgency.
    std::vector<ItemId> exercises;  ///< Exercises the topic refers to.
    std::vector<std::string> sources;
    std::string file;
    int line = 0;
};

/// Every topic, in the order content gives them.
struct Learn {
    std::vector<LearnTopic> topics;

    /// The topic with this id, or nullptr.
    const LearnTopic* find(std::string_view id) const {
        for (const auto& topic : topics) {
            if (topic.id == id)
                return &topic;
        }
        return nullptr;
    }
};

} // namespace unload::core
