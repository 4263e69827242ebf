// Reading content/learn.toml: the shipped file gives the Learn topics of product.md journey 8 with
// the warning signs linked to screening's own rules, and a broken copy is reported with its file,
// line and field.

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/learn_loader.hpp"
#include "content/loader.hpp"
#include "support/content_files.hpp"

namespace unload::content {
namespace {

namespace fs = std::filesystem;

using test::content_dir;
using test::describe;
/// The Learn loader resolves rules and exercises in the shipped content.
using test::shipped_content;

TEST(LearnLoader, ReadsTheTopicsOfThePreventionJourney) {
    const auto& learn = shipped_content().learn;
    for (const auto* id : {"causes", "warning_signs", "workstation", "lifting", "sleep", "pacing"})
        EXPECT_NE(learn.find(id), nullptr) << id;
    EXPECT_EQ(learn.find("astrology"), nullptr);
    for (const auto& topic : learn.topics) {
        SCOPED_TRACE(topic.id);
        EXPECT_FALSE(topic.title.empty());
        EXPECT_FALSE(topic.summary.empty());
        EXPECT_FALSE(topic.sources.empty());
        EXPECT_EQ(topic.file, "learn.toml");
        EXPECT_GT(topic.line, 0);
        ASSERT_FALSE(topic.sections.empty());
        for (const auto& section : topic.sections) {
            EXPECT_FALSE(section.heading.empty());
            EXPECT_FALSE(section.text.empty() && section.points.empty()) << section.heading;
        }
    }
}

TEST(LearnLoader, WarningSignsLinkEveryWarningRuleOfScreening) {
    const auto& kb = shipped_content();
    const auto* topic = kb.learn.find("warning_signs");
    ASSERT_NE(topic, nullptr);
    std::set<std::string> linked;
    for (const auto index : topic->rules) {
        ASSERT_LT(index, kb.rules.size());
        EXPECT_TRUE(kb.rules[index].urgency.has_value()) << kb.rules[index].id;
        linked.insert(kb.rules[index].id);
    }
    // The topic tells a person about every warning sign screening checks, none left out.
    for (const auto& rule : kb.rules) {
        if (rule.section == "warning") {
            EXPECT_TRUE(linked.contains(rule.id)) << rule.id;
        }
    }
}

TEST(LearnLoader, ExercisesAreResolvedToTheLibrary) {
    const auto& kb = shipped_content();
    const auto* lifting = kb.learn.find("lifting");
    ASSERT_NE(lifting, nullptr);
    std::vector<std::string> ids;
    for (const auto id : lifting->exercises)
        ids.push_back(kb.item(id).id);
    EXPECT_EQ(ids, (std::vector<std::string>{"hip_hinge", "sit_to_stand"}));
}

TEST(LearnLoader, NamesEverySourceWithItsLine) {
    auto kb = shipped_content();
    core::Errors errors;
    std::vector<SourceRef> sources;
    read_learn(content_dir, kb, errors, sources);
    ASSERT_TRUE(errors.empty()) << describe(errors);
    std::set<std::string> fields;
    for (const auto& source : sources) {
        EXPECT_EQ(source.file, "learn.toml");
        EXPECT_GT(source.line, 0) << source.field;
        fields.insert(source.field);
    }
    // One `source` per topic.
    EXPECT_EQ(fields.size(), kb.learn.topics.size());
    EXPECT_TRUE(fields.contains("topic[0].source"));
}

struct BrokenCase {
    std::string name;
    std::string find;      ///< Unique text in the shipped learn.toml.
    std::string replace;   ///< What replaces it.
    std::string line_text; ///< Unique text starting the line the error names, in the edited file.
    std::string field;
    std::string message_has;
};

/// Each case breaks one thing in a copy of learn.toml and must produce exactly one error, at the
/// line of the edit, naming the field.
TEST(LearnLoader, BrokenFileNamesFileLineAndField) {
    const std::vector<BrokenCase> cases = {
        {.name = "unknown key in a topic",
         .find = "id = \"causes\"\n",
         .replace = "id = \"causes\"\nsumary = \"A typo.\"\n",
         .line_text = "sumary =",
         .field = "topic[0].sumary",
         .message_has = "unknown key"},
        {.name = "unknown key in a section",
         .find = "heading = \"Common, and rarely dangerous\"\n",
         .replace = "heading = \"Common, and rarely dangerous\"\nbullets = [\"One.\"]\n",
         .line_text = "bullets =",
         .field = "topic[0].section[0].bullets",
         .message_has = "unknown key"},
        {.name = "missing title",
         .find = "title = \"What usually lies behind low back pain\"\n",
         .replace = "",
         .line_text = "[[topic]]\nid = \"causes\"",
         .field = "topic[0].title",
         .message_has = "missing; expected a string"},
        {.name = "empty summary",
         .find = "summary = \"Most low back pain comes from muscles, joints and discs under strain "
                 "rather than from disease, and it tends to ease with movement.\"",
         .replace = "summary = \"\"",
         .line_text = "summary = \"\"",
         .field = "topic[0].summary",
         .message_has = "must not be empty"},
        {.name = "a summary of two lines",
         .find = "summary = \"Get up every 30 to 45 minutes, and",
         .replace = "summary = \"Get up every 30 to 45 minutes.\\nAnd",
         .line_text = "summary = \"Get up every 30 to 45 minutes.",
         .field = "topic[2].summary",
         .message_has = "must be one line"},
        {.name = "an id that is not snake_case",
         .find = "id = \"causes\"",
         .replace = "id = \"Causes of pain\"",
         .line_text = "id = \"Causes of pain\"",
         .field = "topic[0].id",
         .message_has = "expected a snake_case id, got 'Causes of pain'"},
        {.name = "duplicate topic id",
         .find = "id = \"walking\"\ntitle",
         .replace = "id = \"sleep\"\ntitle",
         .line_text = "id = \"sleep\"\ntitle = \"Walking\"",
         .field = "topic[6].id",
         .message_has = "duplicate topic id 'sleep' (first defined at learn.toml:"},
        {.name = "a section with neither text nor points",
         .find = "[[topic.section]]\nheading = \"Common, and rarely dangerous\"",
         .replace = "[[topic.section]]\nheading = \"Empty\"\n\n[[topic.section]]\nheading = "
                    "\"Common, and rarely dangerous\"",
         .line_text = "[[topic.section]]\nheading = \"Empty\"",
         .field = "topic[0].section[0]",
         .message_has = "needs `text` (paragraphs), `points` (a list) or both"},
        {.name = "rules as a string",
         .find = "rules = [\"night_pain\"]",
         .replace = "rules = \"night_pain\"",
         .line_text = "rules = \"night_pain\"",
         .field = "topic[4].rules",
         .message_has = "expected an array of strings, got a string"},
        {.name = "unknown rule",
         .find = "  \"threatened_cauda_equina\",\n",
         .replace = "  \"threatened_cauda_equine\",\n",
         .line_text = "  \"threatened_cauda_equine\",",
         .field = "topic[1].rules",
         .message_has = "unknown rule 'threatened_cauda_equine'"},
        {.name = "a rule with no urgency",
         .find = "rules = [\"night_pain\"]",
         .replace = "rules = [\"knee_comfort\"]",
         .line_text = "rules = [\"knee_comfort\"]",
         .field = "topic[4].rules",
         .message_has = "rule 'knee_comfort' gives no urgency"},
        {.name = "a rule listed twice",
         .find = "rules = [\"night_pain\"]",
         .replace = "rules = [\"night_pain\", \"night_pain\"]",
         .line_text = "rules = [\"night_pain\", \"night_pain\"]",
         .field = "topic[4].rules",
         .message_has = "'night_pain' is listed twice"},
        {.name = "unknown exercise",
         .find = "exercises = [\"hip_hinge\", \"sit_to_stand\"]\nsource = [\"seed_000\", "
                 "\"seed_004\"]",
         .replace = "exercises = [\"hip_hinge\", \"deadlift\"]\nsource = [\"seed_000\", "
                    "\"seed_004\"]",
         .line_text = "exercises = [\"hip_hinge\", \"deadlift\"]",
         .field = "topic[3].exercises",
         .message_has = "unknown exercise 'deadlift'"},
        {.name = "a clinic technique as an exercise",
         .find = "exercises = [\"walking\"]",
         .replace = "exercises = [\"inversion_table\"]",
         .line_text = "exercises = [\"inversion_table\"]",
         .field = "topic[6].exercises",
         .message_has = "'inversion_table' is a clinic technique"},
        {.name = "missing source",
         .find = "source = [\"seed_000\", \"seed_004\", \"nice_ng59\"]\n",
         .replace = "",
         .line_text = "[[topic]]\nid = \"causes\"",
         .field = "topic[0].source",
         .message_has = "missing"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        test::ContentCopy copy;
        ASSERT_TRUE(copy.ok());
        const auto broken = copy.edit("learn.toml", c.find, c.replace);
        ASSERT_TRUE(broken);

        const int line = test::unique_line_of(*broken, c.line_text);
        ASSERT_GT(line, 0) << "no such line, or not unique: " << c.line_text;

        auto kb = shipped_content();
        core::Errors errors;
        std::vector<SourceRef> sources;
        read_learn(copy.dir(), kb, errors, sources);
        ASSERT_EQ(errors.size(), 1u) << describe(errors);
        const auto& error = errors.front();
        EXPECT_EQ(error.code, core::ErrorCode::InvalidContent);
        EXPECT_EQ(error.file, "learn.toml");
        EXPECT_EQ(error.line, line) << error.to_string();
        EXPECT_EQ(error.field, c.field) << error.to_string();
        EXPECT_NE(error.message.find(c.message_has), std::string::npos) << error.to_string();
    }
}

TEST(LearnLoader, AnUnknownSourceIsReportedByTheWholeLoad) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    const auto text =
        copy.edit("learn.toml", "source = [\"seed_000\", \"seed_004\", \"nice_ng59\"]",
                  "source = [\"seed_000\", \"hearsay\"]");
    ASSERT_TRUE(text);

    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb.has_value());
    const int line = test::unique_line_of(*text, "source = [\"seed_000\", \"hearsay\"]");
    ASSERT_GT(line, 0);
    const auto match = std::ranges::find_if(kb.error(), [&](const core::Error& e) {
        return e.file == "learn.toml" && e.line == line && e.field == "topic[0].source" &&
               e.message.find("unknown source 'hearsay'") != std::string::npos;
    });
    EXPECT_NE(match, kb.error().end()) << describe(kb.error());
    EXPECT_EQ(kb.error().size(), 1u) << describe(kb.error());
}

TEST(LearnLoader, AMissingFileIsAnError) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    fs::remove(copy.dir() / "learn.toml");
    auto kb = shipped_content();
    core::Errors errors;
    std::vector<SourceRef> sources;
    read_learn(copy.dir(), kb, errors, sources);
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors.front().file, "learn.toml");
    EXPECT_NE(errors.front().message.find("missing"), std::string::npos);
}

} // namespace
} // namespace unload::content
