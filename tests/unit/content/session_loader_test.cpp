// Reading content/session.toml: the real file gives the rules of clinical.md section 8, and a
// broken copy is reported with its file, line and key.

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "support/content_files.hpp"

namespace unload::content {
namespace {

using test::describe;
using test::line_of;
using test::read_text;
using test::write_text;

TEST(SessionLoader, ReadsTheRealContent) {
    const auto kb = load(test::content_dir);
    ASSERT_TRUE(kb) << describe(kb.error());
    const auto& rules = kb->session;
    EXPECT_EQ(rules.get_ready_s, 10);
    EXPECT_EQ(rules.rest_position_s, 30);
    EXPECT_EQ(rules.breath_in_s, 4);
    EXPECT_EQ(rules.breath_out_s, 6);
    EXPECT_EQ(rules.flare_margin, 2);
    EXPECT_FALSE(rules.flare_text.empty());
    EXPECT_NE(rules.words.repetition.find("{n}"), std::string::npos);
    EXPECT_NE(rules.words.repetition.find("{of}"), std::string::npos);

    // The order of section 8's table, which is the order the player offers them in.
    std::vector<std::string> ids;
    for (const auto& reason : rules.stop_reasons) {
        ids.push_back(reason.id);
        EXPECT_FALSE(reason.label.empty()) << reason.id;
        EXPECT_FALSE(reason.text.empty()) << reason.id;
        EXPECT_FALSE(reason.sources.empty()) << reason.id;
    }
    EXPECT_EQ(ids, (std::vector<std::string>{"sharp_pain", "spreading_leg_symptoms",
                                             "new_numbness_or_weakness", "dizziness",
                                             "mild_discomfort"}));
    const auto pt = *kb->find_advice("book_pt_assessment");

    const auto& sharp = *rules.find_stop_reason("sharp_pain");
    EXPECT_EQ(sharp.scope, core::StopScope::Exercise);
    EXPECT_TRUE(sharp.rest_position);
    EXPECT_TRUE(sharp.skip_rest_of_session);
    EXPECT_TRUE(sharp.suspend_exercise);
    EXPECT_EQ(sharp.suspend_after_sessions, 2);
    EXPECT_TRUE(sharp.advice.empty());

    const auto& spreading = *rules.find_stop_reason("spreading_leg_symptoms");
    EXPECT_EQ(spreading.scope, core::StopScope::Session);
    EXPECT_TRUE(spreading.suspend_exercise);
    EXPECT_EQ(spreading.suspend_after_sessions, 1);
    EXPECT_EQ(spreading.advice, (std::vector<core::AdviceId>{pt}));
    EXPECT_FALSE(spreading.rescreen);

    const auto& numbness = *rules.find_stop_reason("new_numbness_or_weakness");
    EXPECT_EQ(numbness.scope, core::StopScope::Session);
    EXPECT_TRUE(numbness.rescreen);
    EXPECT_FALSE(numbness.suspend_exercise);
    // New numbness or weakness gets the faster neuro check, not the leg advice (clinical.md §8).
    EXPECT_EQ(numbness.advice, (std::vector<core::AdviceId>{*kb->find_advice("neuro_check_soon")}));

    const auto& dizziness = *rules.find_stop_reason("dizziness");
    EXPECT_EQ(dizziness.scope, core::StopScope::Session);
    EXPECT_EQ(
        dizziness.suspend_items,
        (std::vector<core::ItemId>{*kb->find_item("assisted_hang"), *kb->find_item("full_hang"),
                                   *kb->find_item("inversion_table")}));
    EXPECT_FALSE(dizziness.suspend_exercise);

    const auto& mild = *rules.find_stop_reason("mild_discomfort");
    EXPECT_EQ(mild.scope, core::StopScope::Continue);
    EXPECT_TRUE(mild.smaller_range);
    EXPECT_TRUE(mild.low_dose);
    EXPECT_FALSE(mild.rest_position);
    EXPECT_FALSE(mild.suspend_exercise);
}

struct BrokenCase {
    std::string name;
    std::string find;
    std::string replace;
    std::string line_text; ///< Text starting the line the error names, in the edited file.
    std::string field;
    std::string message_has;
};

TEST(SessionLoader, NamesFileLineAndField) {
    const std::vector<BrokenCase> cases = {
        {.name = "unknown key in a stop reason",
         .find = "skip_rest_of_session = true\n",
         .replace = "skip_rest_of_session = true\nskip_forever = true\n",
         .line_text = "skip_forever",
         .field = "stop_reason[0].skip_forever",
         .message_has = "unknown key"},
        {.name = "unknown key at the top",
         .find = "get_ready_s = 10",
         .replace = "get_ready_s = 10\ncountdown = 3",
         .line_text = "countdown = 3",
         .field = "countdown",
         .message_has = "unknown key"},
        {.name = "unknown item in suspend_items",
         .find = R"(suspend_items = ["assisted_hang", "full_hang", "inversion_table"])",
         .replace = R"(suspend_items = ["assisted_hang", "full_hnag", "inversion_table"])",
         .line_text = "suspend_items = ",
         .field = "stop_reason[3].suspend_items[1]",
         .message_has = "unknown exercise 'full_hnag'"},
        {.name = "unknown advice",
         .find = "rescreen = true\nadvice = [\"neuro_check_soon\"]",
         .replace = "rescreen = true\nadvice = [\"book_a_pt\"]",
         .line_text = "advice = [\"book_a_pt\"]",
         .field = "stop_reason[2].advice[0]",
         .message_has = "unknown advice 'book_a_pt'"},
        {.name = "unknown scope",
         .find = "scope = \"continue\"",
         .replace = "scope = \"carry_on\"",
         .line_text = "scope = \"carry_on\"",
         .field = "stop_reason[4].scope",
         .message_has = "expected exercise, session or continue"},
        {.name = "a rest position on a reason that ends the session",
         .find = "scope = \"session\"\nrescreen = true",
         .replace = "scope = \"session\"\nrest_position = true\nrescreen = true",
         .line_text = "rest_position = true\nrescreen",
         .field = "stop_reason[2].rest_position",
         .message_has = "only applies with scope = \"exercise\""},
        {.name = "a repetition title without its count",
         .find = "repetition = \"Repetition {n} of {of}\"",
         .replace = "repetition = \"Repetition {n}\"",
         .line_text = "repetition = ",
         .field = "words.repetition",
         .message_has = "{of}"},
        {.name = "a missing word",
         .find = "breathe_out = \"Breathe out\"\n",
         .replace = "",
         .line_text = "[words]",
         .field = "words.breathe_out",
         .message_has = "missing"},
        {.name = "a zero breath",
         .find = "breath_in_s = 4",
         .replace = "breath_in_s = 0",
         .line_text = "breath_in_s = 0",
         .field = "breath_in_s",
         .message_has = "1..20"},
        {.name = "suspend_after_sessions without suspend_exercise",
         .find = "scope = \"continue\"\n",
         .replace = "scope = \"continue\"\nsuspend_after_sessions = 2\n",
         .line_text = "suspend_after_sessions = 2\nsmaller",
         .field = "stop_reason[4].suspend_after_sessions",
         .message_has = "suspend_exercise"},
        {.name = "a duplicate reason",
         .find = "id = \"mild_discomfort\"",
         .replace = "id = \"sharp_pain\"",
         .line_text = "id = \"sharp_pain\"\nlabel = \"Mild",
         .field = "stop_reason[4].id",
         .message_has = "duplicate stop reason id 'sharp_pain'"},
        {.name = "an unknown source",
         .find = "source = [\"seed_000\", \"ifompt_2020\", \"nice_ng59\"]",
         .replace = "source = [\"seed_000\", \"ifompt_2021\", \"nice_ng59\"]",
         .line_text = "source = [\"seed_000\", \"ifompt_2021\"",
         .field = "stop_reason[2].source",
         .message_has = "unknown source 'ifompt_2021'"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        test::ContentCopy copy;
        ASSERT_TRUE(copy.ok());
        const auto broken = copy.edit("session.toml", c.find, c.replace);
        ASSERT_TRUE(broken);

        const auto kb = load(copy.dir());
        ASSERT_FALSE(kb);
        const auto& errors = kb.error();
        // Renaming a reason to a duplicate also leaves mild_discomfort missing, a second error.
        ASSERT_GE(errors.size(), 1u) << describe(errors);
        const auto& error = errors.front();
        EXPECT_EQ(error.code, core::ErrorCode::InvalidContent);
        EXPECT_EQ(error.file, "session.toml");
        EXPECT_EQ(error.line, line_of(*broken, c.line_text)) << describe(errors);
        EXPECT_EQ(error.field, c.field) << describe(errors);
        EXPECT_NE(error.message.find(c.message_has), std::string::npos) << error.message;
        if (c.name == "a duplicate reason") {
            ASSERT_EQ(errors.size(), 2u) << describe(errors);
            EXPECT_NE(errors[1].message.find("missing stop reason 'mild_discomfort'"),
                      std::string::npos)
                << errors[1].message;
        } else {
            EXPECT_EQ(errors.size(), 1u) << describe(errors);
        }
    }
}

TEST(SessionLoader, EveryReasonOfSectionEightMustBePresent) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    const auto path = copy.dir() / "session.toml";
    const auto original = read_text(path);
    // Cut the dizziness table, its comment included, out of the file.
    const auto from = original.find("# Section 8 says");
    const auto to = original.find("[[stop_reason]]\nid = \"mild_discomfort\"");
    ASSERT_NE(from, std::string::npos);
    ASSERT_NE(to, std::string::npos);
    const auto broken = original.substr(0, from) + original.substr(to);
    write_text(path, broken);

    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb);
    ASSERT_EQ(kb.error().size(), 1u) << describe(kb.error());
    const auto& error = kb.error().front();
    EXPECT_EQ(error.file, "session.toml");
    // Reported where the reasons begin: the first [[stop_reason]] header.
    EXPECT_EQ(error.line, line_of(broken, "[[stop_reason]]"));
    EXPECT_EQ(error.field, "stop_reason");
    EXPECT_NE(error.message.find("missing stop reason 'dizziness'"), std::string::npos)
        << error.message;
}

TEST(SessionLoader, ReportsAMissingFile) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    std::filesystem::remove(copy.dir() / "session.toml");
    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb);
    ASSERT_EQ(kb.error().size(), 1u) << describe(kb.error());
    EXPECT_EQ(kb.error().front().file, "session.toml");
    EXPECT_NE(kb.error().front().message.find("missing"), std::string::npos);
}

} // namespace
} // namespace unload::content
