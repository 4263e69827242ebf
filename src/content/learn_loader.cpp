#include "content/learn_loader.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>

namespace unload::content {

namespace {

constexpr std::string_view file_name = "learn.toml";

/// Topic ids end up in URLs (`/api/v1/learn/{id}`) and on the command line.
bool is_snake_case(std::string_view id) {
    return !id.empty() && std::ranges::all_of(id, [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    });
}

class LearnReader {
public:
    LearnReader(core::KnowledgeBase& kb, const core::Errors& errors,
                std::vector<SourceRef>& sources)
        : m_kb(kb), m_errors(errors), m_sources(sources) {}

    void read(TableReader& root) {
        m_kb.learn = core::Learn{};
        std::map<std::string, int, std::less<>> seen; // Topic id -> line of its first definition.
        for (auto& reader : root.tables("topic")) {
            auto topic = read_topic(reader);
            if (topic.id.empty())
                continue;
            if (const auto [it, inserted] = seen.emplace(topic.id, topic.line); !inserted) {
                reader.error("id", fmt::format("duplicate topic id '{}' (first defined at {}:{})",
                                               topic.id, file_name, it->second));
                continue;
            }
            m_kb.learn.topics.push_back(std::move(topic));
        }
        if (!root.has("topic"))
            root.error("topic", "missing; expected at least one [[topic]]");
    }

private:
    core::LearnTopic read_topic(TableReader& reader) {
        core::LearnTopic topic;
        topic.file = std::string(file_name);
        topic.line = reader.line();
        if (auto id = reader.string("id", Required::Yes)) {
            if (is_snake_case(*id))
                topic.id = std::move(*id);
            else
                reader.error("id", fmt::format("expected a snake_case id, got '{}'", *id));
        }
        topic.title = reader.string("title", Required::Yes).value_or("");
        topic.summary = reader.string("summary", Required::Yes).value_or("");
        if (topic.summary.find('\n') != std::string::npos)
            reader.error("summary", "must be one line");
        topic.rules = read_rules(reader);
        topic.exercises = read_exercises(reader);
        for (auto& source : reader.string_or_strings("source", Required::Yes)) {
            m_sources.push_back(SourceRef{.id = source.value,
                                          .file = reader.file(),
                                          .field = reader.path_of("source"),
                                          .line = source.line});
            topic.sources.push_back(std::move(source.value));
        }
        for (auto& section : reader.tables("section"))
            topic.sections.push_back(read_section(section));
        if (!reader.has("section"))
            reader.error("section", "missing; expected at least one [[topic.section]]");
        reader.finish();
        return topic;
    }

    core::LearnSection read_section(TableReader& reader) {
        const auto errors_before = m_errors.size();
        core::LearnSection section;
        section.heading = reader.string("heading", Required::Yes).value_or("");
        for (auto& paragraph : reader.strings("text", Required::No))
            section.text.push_back(std::move(paragraph.value));
        for (auto& point : reader.strings("points", Required::No))
            section.points.push_back(std::move(point.value));
        // An empty list counts as none; a list whose every entry was wrong is reported already.
        if (section.text.empty() && section.points.empty() && m_errors.size() == errors_before)
            reader.error("", "needs `text` (paragraphs), `points` (a list) or both");
        reader.finish();
        return section;
    }

    /// Warning rules, by index. Only rules with an urgency can be listed: the Learn section shows
    /// each with how soon to act, and a rule without one (an exclusion, a pattern) has no such
    /// answer.
    std::vector<std::size_t> read_rules(TableReader& reader) {
        std::vector<std::size_t> out;
        for (const auto& id : reader.strings("rules", Required::No)) {
            const auto it = std::ranges::find(m_kb.rules, id.value, &core::Rule::id);
            if (it == m_kb.rules.end()) {
                reader.error_at(
                    id.line, "rules",
                    fmt::format("unknown rule '{}' (rules are defined in screening.toml and "
                                "patterns.toml)",
                                id.value));
                continue;
            }
            if (!it->urgency) {
                reader.error_at(id.line, "rules",
                                fmt::format("rule '{}' gives no urgency: only warning rules, "
                                            "which say how soon to act, can be listed",
                                            id.value));
                continue;
            }
            const auto index = static_cast<std::size_t>(it - m_kb.rules.begin());
            if (std::ranges::find(out, index) != out.end()) {
                reader.error_at(id.line, "rules", fmt::format("'{}' is listed twice", id.value));
                continue;
            }
            out.push_back(index);
        }
        return out;
    }

    std::vector<core::ItemId> read_exercises(TableReader& reader) {
        std::vector<core::ItemId> out;
        for (const auto& id : reader.strings("exercises", Required::No)) {
            const auto item = m_kb.find_item(id.value);
            if (!item) {
                reader.error_at(id.line, "exercises",
                                fmt::format("unknown exercise '{}'", id.value));
                continue;
            }
            if (m_kb.item(*item).is_technique()) {
                reader.error_at(id.line, "exercises",
                                fmt::format("'{}' is a clinic technique, not an exercise a "
                                            "person does at home",
                                            id.value));
                continue;
            }
            if (std::ranges::find(out, *item) != out.end()) {
                reader.error_at(id.line, "exercises",
                                fmt::format("'{}' is listed twice", id.value));
                continue;
            }
            out.push_back(*item);
        }
        return out;
    }

    core::KnowledgeBase& m_kb;
    const core::Errors& m_errors;
    std::vector<SourceRef>& m_sources;
};

} // namespace

void read_learn(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                core::Errors& errors, std::vector<SourceRef>& sources) {
    read_content_file(content_dir / file_name, std::string(file_name), errors,
                      [&](TableReader& root) { LearnReader(kb, errors, sources).read(root); });
}

} // namespace unload::content
