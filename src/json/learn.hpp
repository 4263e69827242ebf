#pragma once

// The Learn section as JSON: what `GET /api/v1/learn` serves and `unload learn --format json`
// prints. A topic's linked warning rules are expanded to their urgency and text, straight from the
// screening content, so the warning signs are written once and a client never looks them up.

#include <nlohmann/json.hpp>

#include "core/knowledge.hpp"

namespace unload::json {

/// One topic: id, title, summary, sections, rules (expanded), exercises (id and name), source.
nlohmann::json learn_topic_document(const core::KnowledgeBase& kb, const core::LearnTopic& topic);
/// `{"topics": [...]}`: every topic in content order, each as `learn_topic_document`.
nlohmann::json learn_document(const core::KnowledgeBase& kb);

} // namespace unload::json
