#include "content/intake_loader.hpp"

#include <algorithm>
#include <map>
#include <string_view>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace unload::content {

namespace {

constexpr std::string_view intake_file = "intake.toml";

core::Error content_error(std::string file, int line, std::string field, std::string message) {
    return core::Error{.code = core::ErrorCode::InvalidContent,
                       .field = std::move(field),
                       .message = std::move(message),
                       .file = std::move(file),
                       .line = line};
}

std::string known_paths() {
    std::vector<std::string_view> paths;
    for (const auto& field : core::intake_fields())
        paths.push_back(field.path);
    return fmt::format("{}", fmt::join(paths, ", "));
}

/// The fact a field or choice sets, given its words: the question it is asked with and the short
/// text reasons use.
void word_fact(core::KnowledgeBase& kb, std::string_view fact, const std::string& question,
               std::string text) {
    if (const auto id = kb.find_fact(fact)) {
        kb.facts[*id].question = question;
        kb.facts[*id].text = std::move(text);
    }
}

void read_options(TableReader& table, const core::IntakeField& spec, core::FieldWords& words,
                  core::KnowledgeBase& kb) {
    std::map<std::string, int, std::less<>> seen;
    for (auto& option : table.tables("options")) {
        core::ChoiceWords choice{.value = option.string("value", Required::Yes).value_or(""),
                                 .label = option.string("label", Required::Yes).value_or("")};
        const auto spec_choice =
            std::ranges::find(spec.choices, choice.value, &core::FieldChoice::value);
        const bool known = spec_choice != spec.choices.end();
        if (!choice.value.empty() && !known) {
            std::vector<std::string_view> values;
            for (const auto& c : spec.choices)
                values.push_back(c.value);
            option.error("value", fmt::format("'{}' is not a value of {}; expected one of: {}",
                                              choice.value, spec.path, fmt::join(values, ", ")));
        } else if (const auto [it, inserted] = seen.emplace(choice.value, option.line());
                   known && !inserted) {
            option.error("value", fmt::format("'{}' is labelled twice (first at line {})",
                                              choice.value, it->second));
        }
        const bool sets_fact = known && !spec_choice->fact.empty();
        if (sets_fact) {
            auto text = option.string("text", Required::Yes).value_or("");
            word_fact(kb, spec_choice->fact, words.question, std::move(text));
        } else if (option.has("text")) {
            option.error("text", "only a choice that rules test takes a text");
            option.string("text", Required::No);
        }
        option.finish();
        words.options.push_back(std::move(choice));
    }
    for (const auto& c : spec.choices) {
        if (!seen.contains(c.value))
            table.error("options", fmt::format("no label for '{}'", c.value));
    }
}

void read_fields(TableReader& root, core::KnowledgeBase& kb) {
    auto& form = kb.intake_form;
    form.fields.clear();
    std::map<std::string, int, std::less<>> seen;
    for (auto& table : root.tables("field")) {
        core::FieldWords words;
        words.path = table.string("path", Required::Yes).value_or("");
        words.question = table.string("question", Required::Yes).value_or("");
        words.hint = table.string("hint", Required::No).value_or("");
        const auto* spec = core::find_intake_field(words.path);
        if (!words.path.empty() && !spec)
            table.error("path", fmt::format("unknown intake field '{}'; expected one of: {}",
                                            words.path, known_paths()));
        if (spec) {
            if (const auto [it, inserted] = seen.emplace(words.path, table.line()); !inserted)
                table.error("path", fmt::format("'{}' is worded twice (first at line {})",
                                                words.path, it->second));
        }
        const bool sets_fact =
            spec && spec->type == core::FieldType::Boolean && !spec->fact.empty();
        if (sets_fact) {
            word_fact(kb, spec->fact, words.question,
                      table.string("text", Required::Yes).value_or(""));
        } else if (table.has("text")) {
            table.error("text", "only a yes/no field that rules test takes a text");
            table.string("text", Required::No);
        }
        if (spec && spec->type == core::FieldType::Choice) {
            read_options(table, *spec, words, kb);
        } else if (table.has("options")) {
            table.error("options", "only a choice field takes options");
            table.tables("options");
        }
        table.finish();
        form.fields.push_back(std::move(words));
    }
    for (const auto& field : core::intake_fields()) {
        if (!seen.contains(field.path))
            root.error("field", fmt::format("no words for the intake field '{}'", field.path));
    }
}

} // namespace

void TopicReader::read_topics(TableReader& root) {
    m_file = root.file();
    for (auto& table : root.tables("topic")) {
        core::Topic topic{.id = table.string("id", Required::Yes).value_or(""),
                          .title = table.string("title", Required::Yes).value_or(""),
                          .intro = table.string("intro", Required::Yes).value_or(""),
                          .facts = {}};
        table.finish();
        m_lines.push_back(table.line());
        m_topics.push_back(std::move(topic));
    }
}

void TopicReader::read_fact_topic(TableReader& table, core::FactId fact) {
    if (auto topic = table.string("topic", Required::Yes))
        m_members.push_back({.fact = fact,
                             .topic = {std::move(*topic), table.line_of("topic")},
                             .file = table.file(),
                             .field = table.path_of("topic")});
}

void TopicReader::resolve(core::KnowledgeBase& kb, core::Errors& errors) const {
    auto topics = m_topics;
    std::map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < topics.size(); ++i) {
        const auto& id = topics[i].id;
        if (id.empty())
            continue;
        if (const auto [it, inserted] = index.emplace(id, i); !inserted)
            errors.push_back(
                content_error(m_file, m_lines[i], fmt::format("topic[{}].id", i),
                              fmt::format("duplicate topic id '{}' (first defined at {}:{})", id,
                                          m_file, m_lines[it->second])));
    }
    for (const auto& member : m_members) {
        const auto found = index.find(member.topic.value);
        if (found == index.end()) {
            std::vector<std::string_view> ids;
            for (const auto& topic : m_topics)
                ids.push_back(topic.id);
            errors.push_back(content_error(
                member.file, member.topic.line, member.field,
                fmt::format("unknown topic '{}'; expected one of: {}", member.topic.value,
                            ids.empty() ? std::string("(no [[topic]] defined)")
                                        : fmt::format("{}", fmt::join(ids, ", ")))));
            continue;
        }
        topics[found->second].facts.push_back(member.fact);
    }
    for (std::size_t i = 0; i < topics.size(); ++i) {
        if (topics[i].facts.empty() && !topics[i].id.empty())
            errors.push_back(content_error(
                m_file, m_lines[i], fmt::format("topic[{}]", i),
                fmt::format("no warning sign or condition has topic = \"{}\"", topics[i].id)));
    }
    kb.intake_form.topics = std::move(topics);
}

void read_intake_form(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                      core::Errors& errors) {
    read_content_file(content_dir / intake_file, std::string(intake_file), errors,
                      [&](TableReader& root) { read_fields(root, kb); });
}

} // namespace unload::content
