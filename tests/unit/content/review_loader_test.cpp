// Reading content/review.toml: the shipped file gives the numbers of clinical.md section 9 and a
// text for every reason, and a broken copy is reported with its file, line and field.

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "content/review_loader.hpp"
#include "support/content_files.hpp"

namespace unload::content {
namespace {

namespace fs = std::filesystem;

using test::content_dir;
using test::describe;
using test::read_text;
using test::write_text;
/// The review loader resolves advice and stop reasons in the shipped content.
using test::shipped_content;

TEST(ReviewLoader, ReadsTheNumbersOfSectionNine) {
    const auto& kb = shipped_content();
    const auto& rules = kb.review;
    EXPECT_EQ(rules.done_quit_min_percent, 50);
    EXPECT_EQ(rules.progress_min_adherence_percent, 70);
    EXPECT_EQ(rules.progress_no_flare_days, 3);
    EXPECT_EQ(rules.progress_block_stop_reasons,
              (std::vector<std::string>{"spreading_leg_symptoms"}));
    EXPECT_EQ(rules.regress_min_flares, 2);
    EXPECT_EQ(rules.regress_pain_rise, 2);
    EXPECT_EQ(rules.refer_after_weeks, 4);
    EXPECT_EQ(rules.refer_min_pain_drop, 2);
    EXPECT_EQ(rules.refer_min_pain_drop_percent, 30);
    EXPECT_EQ(rules.refer_regressions, 2);
    EXPECT_EQ(rules.refer_regressions_within_weeks, 4);
    EXPECT_EQ(rules.refer_stop_reasons,
              (std::vector<std::string>{"spreading_leg_symptoms", "new_numbness_or_weakness"}));
    EXPECT_EQ(rules.refer_leg_symptoms_week, 4);
    // Each referral trigger gives the advice written for its reason (clinical.md section 9).
    ASSERT_TRUE(rules.refer_pain_advice.has_value());
    EXPECT_EQ(kb.advice[*rules.refer_pain_advice].id, "pt_review_progress");
    ASSERT_TRUE(rules.refer_regressions_advice.has_value());
    EXPECT_EQ(kb.advice[*rules.refer_regressions_advice].id, "pt_review_progress");
    ASSERT_TRUE(rules.refer_leg_symptoms_advice.has_value());
    EXPECT_EQ(kb.advice[*rules.refer_leg_symptoms_advice].id, "book_pt_assessment");
    EXPECT_EQ(rules.rescore_every_weeks, 4);
    for (const auto& source : {"seed_000", "unload_default", "farrar_2001", "fairbank_2000"})
        EXPECT_NE(std::ranges::find(rules.sources, source), rules.sources.end()) << source;
}

TEST(ReviewLoader, EveryReasonHasWords) {
    const auto& rules = shipped_content().review;
    for (const auto& spec : core::review_reason_catalogue()) {
        const auto* reason = rules.find_reason(spec.id);
        ASSERT_NE(reason, nullptr) << spec.id;
        EXPECT_FALSE(reason->text.empty()) << spec.id;
    }
    for (const auto& id : rules.refer_stop_reasons)
        EXPECT_NE(rules.find_reason(id), nullptr) << id;
}

TEST(ReviewLoader, NamesEverySourceWithItsLine) {
    auto kb = shipped_content();
    core::Errors errors;
    std::vector<SourceRef> sources;
    read_review_rules(content_dir, kb, errors, sources);
    ASSERT_TRUE(errors.empty()) << describe(errors);
    // One `source` in each of [done], [progress], [regress], [refer], its four sub-tables,
    // [feedback], [follow_up] and [rescore].
    std::set<std::string> fields;
    for (const auto& source : sources) {
        EXPECT_EQ(source.file, "review.toml");
        EXPECT_GT(source.line, 0) << source.field;
        fields.insert(source.field);
    }
    EXPECT_EQ(fields, (std::set<std::string>{"done.source", "progress.source", "regress.source",
                                             "refer.source", "refer.pain.source",
                                             "refer.regressions.source", "refer.stops.source",
                                             "refer.leg_symptoms.source", "feedback.source",
                                             "follow_up.source", "rescore.source"}));
}

struct BrokenCase {
    std::string name;
    std::string find;      ///< Unique text in the shipped review.toml.
    std::string replace;   ///< What replaces it.
    std::string line_text; ///< Unique text starting the line the error names, in the edited file.
    std::string field;
    std::string message_has;
    int occurrence = 1; ///< Which occurrence of `line_text` the error names.
};

/// The 1-based line on which the `n`th occurrence of `needle` starts, or 0.
int nth_line_of(const std::string& text, const std::string& needle, int n) {
    std::size_t at = std::string::npos;
    for (int i = 0; i < n; ++i) {
        at = text.find(needle, at == std::string::npos ? 0 : at + 1);
        if (at == std::string::npos)
            return 0;
    }
    if (n == 1 && text.find(needle, at + 1) != std::string::npos)
        return 0; // Not unique: the test could point at the wrong place by accident.
    return 1 +
           static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
}

/// Each case breaks one thing in a copy of review.toml and must produce exactly one error, at the
/// line of the edit.
TEST(ReviewLoader, BrokenFileNamesFileLineAndField) {
    const std::vector<BrokenCase> cases = {
        {.name = "unknown key",
         .find = "no_flare_days = 3",
         .replace = "no_flare_days = 3\nno_flares_days = 3",
         .line_text = "no_flares_days",
         .field = "progress.no_flares_days",
         .message_has = "unknown key"},
        {.name = "adherence above 100 %",
         .find = "min_adherence_percent = 70",
         .replace = "min_adherence_percent = 170",
         .line_text = "min_adherence_percent",
         .field = "progress.min_adherence_percent",
         .message_has = "expected 1..100, got 170"},
        {.name = "a flare window longer than the week",
         .find = "no_flare_days = 3",
         .replace = "no_flare_days = 8",
         .line_text = "no_flare_days",
         .field = "progress.no_flare_days",
         .message_has = "expected 1..7, got 8"},
        {.name = "pain rise beyond the scale",
         .find = "pain_rise = 2",
         .replace = "pain_rise = 11",
         .line_text = "pain_rise",
         .field = "regress.pain_rise",
         .message_has = "expected 1..10, got 11"},
        {.name = "one regression is not repeated",
         .find = "count = 2",
         .replace = "count = 1",
         .line_text = "count = 1",
         .field = "refer.regressions.count",
         .message_has = "expected 2..52, got 1"},
        {.name = "a percent as a fraction",
         .find = "min_drop_percent = 30",
         .replace = "min_drop_percent = 0.3",
         .line_text = "min_drop_percent",
         .field = "refer.pain.min_drop_percent",
         .message_has = "expected an integer"},
        {.name = "unknown stop reason",
         .find = R"(reasons = ["spreading_leg_symptoms", "new_numbness_or_weakness"])",
         .replace = R"(reasons = ["spreading_leg_symptoms", "leg_cramp"])",
         .line_text = R"(reasons = ["spreading_leg_symptoms", "leg_cramp"])",
         .field = "refer.stops.reasons",
         .message_has = "unknown stop reason 'leg_cramp'"},
        {.name = "a stop reason listed twice",
         .find = R"(block_stop_reasons = ["spreading_leg_symptoms"])",
         .replace = R"(block_stop_reasons = ["spreading_leg_symptoms", "spreading_leg_symptoms"])",
         .line_text = "block_stop_reasons",
         .field = "progress.block_stop_reasons",
         .message_has = "listed twice"},
        {.name = "unknown advice",
         .find = R"(advice = "book_pt_assessment")",
         .replace = R"(advice = "book_a_physio")",
         .line_text = R"(advice = "book_a_physio")",
         .field = "refer.leg_symptoms.advice",
         .message_has = "unknown advice id 'book_a_physio'"},
        {.name = "missing threshold",
         .find = "at_week = 4 # leg pain, numbness or tingling still reported from this program "
                 "week on\n",
         .replace = "",
         .line_text = "[refer.leg_symptoms]",
         .field = "refer.leg_symptoms.at_week",
         .message_has = "missing; expected an integer"},
        {.name = "no sessions to hold an exercise at its easier version",
         .find = "easier_after = 2 #",
         .replace = "easier_after = 0 #",
         .line_text = "easier_after = 0",
         .field = "feedback.easier_after",
         .message_has = "1"},
        {.name = "unknown reason id",
         .find = "[[reason]]\nid = \"adherence_met\"",
         .replace = "[[reason]]\nid = \"feeling_great\"\ntext = \"Well done.\"\n\n[[reason]]\nid = "
                    "\"adherence_met\"",
         .line_text = R"(id = "feeling_great")",
         .field = "reason[0].id",
         .message_has = "unknown reason id 'feeling_great'"},
        {.name = "duplicate reason id",
         .find = "[[reason]]\nid = \"adherence_met\"",
         .replace = "[[reason]]\nid = \"adherence_met\"\ntext = \"Twice.\"\n\n[[reason]]\nid = "
                    "\"adherence_met\"",
         .line_text = R"(id = "adherence_met")",
         .field = "reason[1].id",
         .message_has = "duplicate reason id 'adherence_met'",
         .occurrence = 2},
        {.name = "a placeholder the reason does not have",
         .find = "({percent} %), enough",
         .replace = "({percentage} %), enough",
         .line_text = R"(text = "You did {done} of {planned} planned sessions ({percentage})",
         .field = "reason[0].text",
         .message_has = "unknown placeholder '{percentage}' for reason 'adherence_met'"},
        {.name = "an unclosed placeholder",
         .find = "No flare-ups in the last {days} days.",
         .replace = "No flare-ups in the last {days days.",
         .line_text = "text = \"No flare-ups in the last {days days.",
         .field = "reason[5].text",
         .message_has = "is not closed"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        test::ContentCopy copy;
        ASSERT_TRUE(copy.ok());
        const auto broken = copy.edit("review.toml", c.find, c.replace);
        ASSERT_TRUE(broken);

        const int line = nth_line_of(*broken, c.line_text, c.occurrence);
        ASSERT_GT(line, 0) << "no such line: " << c.line_text;

        auto kb = shipped_content();
        core::Errors errors;
        std::vector<SourceRef> sources;
        read_review_rules(copy.dir(), kb, errors, sources);
        ASSERT_EQ(errors.size(), 1u) << describe(errors);
        const auto& error = errors.front();
        EXPECT_EQ(error.code, core::ErrorCode::InvalidContent);
        EXPECT_EQ(error.file, "review.toml");
        EXPECT_EQ(error.line, line) << error.to_string();
        if (!c.field.empty()) {
            EXPECT_EQ(error.field, c.field) << error.to_string();
        }
        EXPECT_NE(error.message.find(c.message_has), std::string::npos) << error.to_string();
    }
}

TEST(ReviewLoader, AReasonWithoutWordsIsAnError) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    const auto path = copy.dir() / "review.toml";
    std::string text = read_text(path);
    // Remove the whole [[reason]] table of at_bottom_step.
    const auto id = text.find("id = \"at_bottom_step\"");
    ASSERT_NE(id, std::string::npos);
    const auto start = text.rfind("[[reason]]", id);
    const auto end = text.find("\n\n", id);
    ASSERT_NE(end, std::string::npos);
    text.erase(start, end + 2 - start);
    write_text(path, text);

    auto kb = shipped_content();
    core::Errors errors;
    std::vector<SourceRef> sources;
    read_review_rules(copy.dir(), kb, errors, sources);
    const auto missing = std::ranges::find_if(errors, [](const core::Error& e) {
        return e.message.find("no [[reason]] gives the text for 'at_bottom_step'") !=
               std::string::npos;
    });
    ASSERT_NE(missing, errors.end()) << describe(errors);
    EXPECT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(missing->file, "review.toml");
    // The error points at the first [[reason]] table, where the list of reasons begins.
    EXPECT_EQ(missing->line, nth_line_of(text, "[[reason]]\nid = \"adherence_met\"", 1));
}

TEST(ReviewLoader, AnUnknownSourceIsReportedByTheWholeLoad) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    const auto text = copy.edit("review.toml", "source = [\"unload_default\"]\n\n[refer.stops]",
                                "source = [\"hearsay\"]\n\n[refer.stops]");
    ASSERT_TRUE(text);

    const auto kb = load(copy.dir());
    ASSERT_FALSE(kb.has_value());
    const int line = test::unique_line_of(*text, "source = [\"hearsay\"]");
    const auto match = std::ranges::find_if(kb.error(), [&](const core::Error& e) {
        return e.file == "review.toml" && e.line == line &&
               e.message.find("hearsay") != std::string::npos;
    });
    EXPECT_NE(match, kb.error().end()) << describe(kb.error());
}

TEST(ReviewLoader, AMissingFileIsAnError) {
    test::ContentCopy copy;
    ASSERT_TRUE(copy.ok());
    fs::remove(copy.dir() / "review.toml");
    auto kb = shipped_content();
    core::Errors errors;
    std::vector<SourceRef> sources;
    read_review_rules(copy.dir(), kb, errors, sources);
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors.front().file, "review.toml");
    EXPECT_NE(errors.front().message.find("missing"), std::string::npos);
}

} // namespace
} // namespace unload::content
