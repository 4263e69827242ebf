// What onboarding asks, as content gives it: the screening topics of screening.toml hold every
// warning sign and condition exactly once, intake.toml words every fixed field of the intake, and
// a copy broken in one place reports that problem with the file, the line and the field.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "core/intake.hpp"
#include "core/intake_form.hpp"
#include "core/reasons.hpp"
#include "support/content_files.hpp"

namespace unload::content {
namespace {

using test::ContentCopy;
using test::describe;
using test::read_text;
using test::write_text;

const core::KnowledgeBase& kb() {
    return test::shipped_content();
}

TEST(ScreeningTopics, EveryWarningSignAndConditionIsInExactlyOneTopic) {
    const auto& k = kb();
    ASSERT_FALSE(k.intake_form.topics.empty());
    std::map<core::FactId, int> seen;
    for (const auto& topic : k.intake_form.topics) {
        EXPECT_FALSE(topic.title.empty()) << topic.id;
        EXPECT_FALSE(topic.intro.empty()) << topic.id;
        EXPECT_FALSE(topic.facts.empty()) << topic.id;
        for (const auto fact : topic.facts)
            ++seen[fact];
    }
    for (std::size_t i = 0; i < k.facts.size(); ++i) {
        const auto kind = k.facts[i].kind;
        const bool asked = kind == core::FactKind::WarningSign || kind == core::FactKind::Condition;
        const auto count =
            seen.contains(static_cast<core::FactId>(i)) ? seen.at(static_cast<core::FactId>(i)) : 0;
        EXPECT_EQ(count, asked ? 1 : 0) << k.facts[i].id;
    }
}

TEST(ScreeningTopics, TheNervesComeFirst) {
    // Cauda equina signs are the most urgent questions onboarding asks.
    const auto& topics = kb().intake_form.topics;
    ASSERT_FALSE(topics.empty());
    const auto saddle = kb().find_fact("saddle_numbness");
    ASSERT_TRUE(saddle);
    EXPECT_NE(std::ranges::find(topics.front().facts, *saddle), topics.front().facts.end());
}

TEST(IntakeWords, EveryFixedFieldIsWordedOnceAndEveryIntakeFactHasWords) {
    const auto& form = kb().intake_form;
    EXPECT_EQ(form.fields.size(), core::intake_fields().size());
    for (const auto& field : core::intake_fields()) {
        const auto* words = form.find_field(field.path);
        ASSERT_NE(words, nullptr) << field.path;
        EXPECT_FALSE(words->question.empty()) << field.path;
        EXPECT_EQ(words->options.size(), field.choices.size()) << field.path;
    }
    for (const auto id : core::intake_facts::all) {
        const auto fact = kb().find_fact(id);
        ASSERT_TRUE(fact) << id;
        EXPECT_FALSE(kb().facts[*fact].text.empty()) << id;
        EXPECT_FALSE(kb().facts[*fact].question.empty()) << id;
    }
}

TEST(ReasonWords, TheProgramsReasonsAreRead) {
    const auto& words = kb().program.reasons;
    EXPECT_FALSE(words.not_enough_time.empty());
    EXPECT_NE(words.missing_equipment.find("{equipment}"), std::string::npos);
    EXPECT_FALSE(words.start.empty());
    EXPECT_FALSE(kb().instruments.odi.form.title.empty());
    EXPECT_FALSE(kb().instruments.rmdq.form.yes.empty());
    EXPECT_FALSE(kb().instruments.startback.form.no.empty());
}

struct BrokenCase {
    std::string name;
    std::string file;      ///< Relative to the content directory, as errors name it.
    std::string find;      ///< Unique text in the shipped file.
    std::string replace;   ///< What replaces it.
    std::string line_text; ///< Unique text starting the line the error names, in the edited file.
    std::string field_has; ///< A substring of the error's field.
    std::string message_has;
};

void check_case(const BrokenCase& c) {
    ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    const auto text = copy.edit(c.file, c.find, c.replace);
    ASSERT_TRUE(text);
    const int line = test::unique_line_of(*text, c.line_text);
    ASSERT_GT(line, 0) << "no unique line starting with: " << c.line_text;

    const auto loaded = load(copy.dir());
    ASSERT_FALSE(loaded.has_value());
    const auto& errors = loaded.error();
    const auto match = std::ranges::find_if(errors, [&](const core::Error& error) {
        return error.file == c.file && error.line == line &&
               error.field.find(c.field_has) != std::string::npos &&
               error.message.find(c.message_has) != std::string::npos;
    });
    EXPECT_NE(match, errors.end()) << "expected " << c.file << ":" << line << " field '"
                                   << c.field_has << "' with '" << c.message_has << "', got:\n"
                                   << describe(errors);
}

TEST(IntakeContentCheck, ReportsEachProblemWithFileLineAndField) {
    const std::vector<BrokenCase> cases = {
        {.name = "unknown topic",
         .file = "screening.toml",
         .find = "id = \"saddle_numbness\"\ntopic = \"nerves\"",
         .replace = "id = \"saddle_numbness\"\ntopic = \"nervs\"",
         .line_text = "topic = \"nervs\"",
         .field_has = "warning_sign[1].topic",
         .message_has = "unknown topic 'nervs'"},
        {.name = "warning sign without a topic",
         .file = "screening.toml",
         .find = "id = \"fever\"\ntopic = \"general_health\"\n",
         .replace = "id = \"fever\"\n",
         .line_text = "[[warning_sign]]\nid = \"fever\"",
         .field_has = "topic",
         .message_has = "missing"},
        {.name = "condition without a topic",
         .file = "screening.toml",
         .find = "id = \"hernia\"\ntopic = \"health_conditions\"\n",
         .replace = "id = \"hernia\"\n",
         .line_text = "[[condition]]\nid = \"hernia\"",
         .field_has = "condition",
         .message_has = "missing"},
        {.name = "topic nothing belongs to",
         .file = "screening.toml",
         .find = "[[topic]]\nid = \"injury\"\n",
         .replace = "[[topic]]\nid = \"empty\"\ntitle = \"Empty\"\nintro = \"None.\"\n\n"
                    "[[topic]]\nid = \"injury\"\n",
         .line_text = "[[topic]]\nid = \"empty\"",
         .field_has = "topic",
         .message_has = "no warning sign or condition has topic = \"empty\""},
        {.name = "duplicate topic id",
         .file = "screening.toml",
         .find = "[[topic]]\nid = \"injury\"\n",
         .replace = "[[topic]]\nid = \"nerves\"\ntitle = \"Again\"\nintro = \"Again.\"\n\n"
                    "[[topic]]\nid = \"injury\"\n",
         .line_text = "[[topic]]\nid = \"nerves\"\ntitle = \"Again\"",
         .field_has = "topic",
         .message_has = "duplicate topic id 'nerves'"},
        {.name = "topic on a pattern",
         .file = "patterns.toml",
         .find = "id = \"sudden_catch\"\nquestion",
         .replace = "id = \"sudden_catch\"\ntopic = \"nerves\"\nquestion",
         .line_text = "topic = \"nerves\"",
         .field_has = "topic",
         .message_has = "unknown key"},
        {.name = "unknown intake field",
         .file = "intake.toml",
         .find = "path = \"person.height_cm\"",
         .replace = "path = \"person.height_m\"",
         .line_text = "path = \"person.height_m\"",
         .field_has = "path",
         .message_has = "unknown intake field 'person.height_m'"},
        {.name = "field worded twice",
         .file = "intake.toml",
         .find = "path = \"person.height_cm\"",
         .replace = "path = \"person.age\"",
         .line_text = "path = \"person.age\"\nquestion = \"How tall",
         .field_has = "path",
         .message_has = "worded twice"},
        {.name = "field without words",
         .file = "intake.toml",
         .find = "path = \"person.height_cm\"",
         .replace = "path = \"person.age\"",
         .line_text = "[[field]]\npath = \"person.age\"\nquestion = \"How old",
         .field_has = "field",
         .message_has = "no words for the intake field 'person.height_cm'"},
        {.name = "fact field without its text",
         .file = "intake.toml",
         .find = "text = \"pregnancy\"\n",
         .replace = "",
         .line_text = "[[field]]\npath = \"person.pregnant\"",
         .field_has = "text",
         .message_has = "missing"},
        {.name = "text on a field that sets no fact",
         .file = "intake.toml",
         .find = "question = \"How old are you?\"\n",
         .replace = "question = \"How old are you?\"\ntext = \"age\"\n",
         .line_text = "text = \"age\"",
         .field_has = "text",
         .message_has = "only a yes/no field that rules test"},
        {.name = "unknown choice",
         .file = "intake.toml",
         .find = "{ value = \"thigh\",",
         .replace = "{ value = \"knee\",",
         .line_text = "  { value = \"knee\",",
         .field_has = "options[2].value",
         .message_has = "'knee' is not a value of symptoms.leg"},
        {.name = "choice without a label",
         .file = "intake.toml",
         .find = "  { value = \"male\", label = \"Male\" },\n",
         .replace = "",
         .line_text = "options = [\n  { value = \"female\"",
         .field_has = "options",
         .message_has = "no label for 'male'"},
        {.name = "missing-equipment words without the placeholder",
         .file = "programs.toml",
         .find = "missing_equipment = \"needs {equipment}\"",
         .replace = "missing_equipment = \"needs {kit}\"",
         .line_text = "missing_equipment = \"needs {kit}\"",
         .field_has = "reasons.missing_equipment",
         .message_has = "{equipment}"},
        {.name = "questionnaire without a title",
         .file = "instruments/rmdq.toml",
         .find = "title = \"Roland-Morris Disability Questionnaire\"\n",
         .replace = "",
         .line_text = "# Roland-Morris",
         .field_has = "title",
         .message_has = "missing"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        check_case(c);
    }
}

} // namespace
} // namespace unload::content
