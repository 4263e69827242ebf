#pragma once

// Reads what onboarding asks, besides the facts themselves: the screening topics of
// screening.toml, which group warning signs and conditions one screen at a time, and the words
// for the intake's fixed fields in intake.toml (docs/content-format.md).

#include <filesystem>
#include <string>
#include <vector>

#include "content/toml_reader.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"

namespace unload::content {

/// The screening topics while screening.toml is read: its `[[topic]]` tables and the `topic` of
/// each warning sign and condition, joined once every fact is known.
class TopicReader {
public:
    /// Reads the `[[topic]]` tables of a rule file's top-level table.
    void read_topics(TableReader& root);
    /// Reads the required `topic` key of the warning sign or condition `fact`, read from `table`.
    void read_fact_topic(TableReader& table, core::FactId fact);
    /// Puts every fact into its topic (`kb.intake_form.topics`). An unknown topic id, a topic that
    /// no question belongs to and a repeated topic id are errors with their file and line.
    void resolve(core::KnowledgeBase& kb, core::Errors& errors) const;

private:
    struct Member {
        core::FactId fact = 0;
        Located<std::string> topic;
        std::string file;
        std::string field;
    };

    std::vector<core::Topic> m_topics;
    std::vector<int> m_lines; ///< The line of each topic's table.
    std::string m_file;       ///< The file the topics are in.
    std::vector<Member> m_members;
};

/// Reads `intake.toml` under `content_dir` into `kb.intake_form.fields`, and gives the facts the
/// intake format defines (`pregnant`, `leg_below_knee`, ...) their question and text. Every fixed
/// field of core::intake_fields() must be worded exactly once, every choice labelled, and every
/// field or choice that sets a fact must say it in words. Problems are appended to `errors`.
void read_intake_form(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                      core::Errors& errors);

} // namespace unload::content
