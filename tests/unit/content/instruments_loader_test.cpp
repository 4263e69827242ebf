// Reading content/instruments/*.toml: the real files load cleanly with the numbers of clinical.md
// section 10, and a broken copy is reported with its file and line.

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unistd.h>

#include "content/instruments_loader.hpp"
#include "core/instruments.hpp"
#include "support/content_files.hpp"

namespace unload::content {
namespace {

namespace fs = std::filesystem;

using test::content_dir;
using test::describe;
using test::line_of;
using test::read_text;
using test::write_text;

TEST(InstrumentsLoader, ReadsTheRealContent) {
    core::Instruments instruments;
    core::Errors errors;
    std::vector<SourceRef> sources;
    read_instruments(content_dir, instruments, errors, sources);
    ASSERT_TRUE(errors.empty()) << describe(errors);

    const auto& odi = instruments.odi;
    EXPECT_EQ(odi.sections, 10);
    EXPECT_EQ(odi.section_max, 5);
    EXPECT_EQ(odi.min_answered, 8);
    ASSERT_EQ(odi.bands.size(), 5u);
    EXPECT_EQ(odi.bands[0].id, "minimal");
    EXPECT_EQ(odi.bands[0].at_most, 20);
    EXPECT_EQ(odi.bands[3].id, "crippling");
    EXPECT_EQ(odi.bands[3].at_most, 80);
    EXPECT_EQ(odi.bands[4].id, "bed_bound");
    EXPECT_EQ(odi.mcid.points, 10);
    ASSERT_EQ(odi.questions.size(), 10u);
    EXPECT_EQ(odi.questions[0].options.size(), 6u);

    EXPECT_EQ(instruments.rmdq.items, 24);
    EXPECT_EQ(instruments.rmdq.questions.size(), 24u);
    EXPECT_EQ(instruments.rmdq.mcid.points, 5);
    EXPECT_EQ(instruments.rmdq.mcid.percent, 30);

    const auto& startback = instruments.startback;
    EXPECT_EQ(startback.agree_items, 8);
    EXPECT_EQ(startback.questions.size(), 9u);
    EXPECT_EQ(startback.psychosocial_items, (std::vector<int>{5, 6, 7, 8, 9}));
    EXPECT_EQ(startback.low_total_at_most, 3);
    EXPECT_EQ(startback.medium_psychosocial_at_most, 3);
    std::vector<std::string> option_ids;
    int option_points = 0;
    for (const auto& option : startback.final_options) {
        option_ids.push_back(option.id);
        option_points += option.points;
    }
    EXPECT_EQ(option_ids, (std::vector<std::string>{"not_at_all", "slightly", "moderately",
                                                    "very_much", "extremely"}));
    EXPECT_EQ(option_points, 2);
    EXPECT_EQ(startback.questions[8].options.size(), 5u);

    EXPECT_EQ(instruments.nprs.min, 0);
    EXPECT_EQ(instruments.nprs.max, 10);
    EXPECT_EQ(instruments.nprs.mcid.points, 2);
    EXPECT_EQ(instruments.nprs.mcid.percent, 30);

    std::set<std::string> ids;
    for (const auto& source : sources) {
        ids.insert(source.id);
        EXPECT_TRUE(source.file.starts_with("instruments/")) << source.file;
        EXPECT_GT(source.line, 0) << source.file << " " << source.field;
    }
    EXPECT_EQ(ids, (std::set<std::string>{"fairbank_2000", "roland_morris_1983", "hill_2008",
                                          "ostelo_2008", "farrar_2001"}));
}

/// A copy of content/ in a fresh temporary directory, removed afterwards.
class BrokenCopy : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_TRUE(m_copy.ok());
        m_dir = m_copy.dir();
    }

    core::Errors load() {
        core::Instruments instruments;
        core::Errors errors;
        std::vector<SourceRef> sources;
        read_instruments(m_dir, instruments, errors, sources);
        return errors;
    }

    test::ContentCopy m_copy;
    fs::path m_dir;
};

struct BrokenCase {
    std::string name;
    std::string file; ///< Under instruments/.
    std::string find;
    std::string replace;
    std::string line_text; ///< Text starting the line the error names, in the edited file.
    std::string field;
    std::string message_has;
};

TEST_F(BrokenCopy, NamesFileLineAndField) {
    const std::vector<BrokenCase> cases = {
        {.name = "inverted bands",
         .file = "odi.toml",
         .find = R"({ id = "moderate", at_most = 40 })",
         .replace = R"({ id = "moderate", at_most = 15 })",
         .line_text = R"({ id = "moderate", at_most = 15 })",
         .field = "bands[1].at_most",
         .message_has = "rising order"},
        {.name = "unknown key",
         .file = "rmdq.toml",
         .find = "items = 24\n",
         .replace = "items = 24\ncolour = \"blue\"\n",
         .line_text = "colour",
         .field = "colour",
         .message_has = "unknown key"},
        {.name = "unknown key in mcid",
         .file = "nprs.toml",
         .find = "points = 2\n",
         .replace = "points = 2\npoint = 3\n",
         .line_text = "point = 3",
         .field = "mcid.point",
         .message_has = "unknown key"},
        {.name = "a missing ODI option",
         .file = "odi.toml",
         .find = "  \"As bad as it can be\",\n",
         .replace = "",
         .line_text = "options = [",
         .field = "question[0].options",
         .message_has = "expected 6 options"},
        {.name = "min_answered above sections",
         .file = "odi.toml",
         .find = "min_answered = 8",
         .replace = "min_answered = 11",
         .line_text = "min_answered = ",
         .field = "min_answered",
         .message_has = "1..10"},
        {.name = "options on an agree item",
         .file = "startback.toml",
         .find = "id = \"leg_pain\"\n",
         .replace = "id = \"leg_pain\"\noptions = [{ id = \"yes\", text = \"Yes\", points = 1 }]\n",
         .line_text = "options = [{ id = \"yes\"",
         .field = "question[0].options",
         .message_has = "only the last item"},
        {.name = "psychosocial threshold above the subscale",
         .file = "startback.toml",
         .find = "medium_psychosocial_at_most = 3",
         .replace = "medium_psychosocial_at_most = 6",
         .line_text = "medium_psychosocial_at_most = ",
         .field = "medium_psychosocial_at_most",
         .message_has = "0..5"},
        {.name = "a zero MCID",
         .file = "rmdq.toml",
         .find = "points = 5\n",
         .replace = "points = 0\n",
         .line_text = "points = 0",
         .field = "mcid.points",
         .message_has = "above 0"},
        {.name = "syntax error",
         .file = "nprs.toml",
         .find = "max = 10",
         .replace = "max = ",
         .line_text = "max = ",
         .field = "",
         .message_has = ""},
    };
    const auto dir = m_dir / "instruments";
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        const auto original = read_text(dir / c.file);
        const auto broken = test::replaced_once(original, c.find, c.replace, c.file);
        ASSERT_TRUE(broken);
        write_text(dir / c.file, *broken);

        const auto errors = load();
        write_text(dir / c.file, original);

        ASSERT_EQ(errors.size(), 1u) << describe(errors);
        const auto& error = errors.front();
        EXPECT_EQ(error.code, core::ErrorCode::InvalidContent);
        EXPECT_EQ(error.file, "instruments/" + c.file);
        EXPECT_EQ(error.line, line_of(*broken, c.line_text));
        EXPECT_EQ(error.field, c.field);
        EXPECT_NE(error.message.find(c.message_has), std::string::npos) << error.message;
        EXPECT_TRUE(error.to_string().starts_with("instruments/" + c.file + ":" +
                                                  std::to_string(error.line) + ": "))
            << error.to_string();
    }
}

/// The shipped instruments, for the behaviour tests below.
const core::Instruments& shipped() {
    static const core::Instruments instruments = [] {
        core::Instruments read;
        core::Errors errors;
        std::vector<SourceRef> sources;
        read_instruments(content_dir, read, errors, sources);
        EXPECT_TRUE(errors.empty()) << describe(errors);
        return read;
    }();
    return instruments;
}

/// ODI answers summing to `sum` over all ten sections (each 0..5).
std::vector<std::optional<int>> odi_summing_to(int sum) {
    std::vector<std::optional<int>> answers(10, 0);
    for (auto& answer : answers) {
        answer = std::min(sum, 5);
        sum -= *answer;
    }
    return answers;
}

// The loader test above pins the numbers as written; these check what they do, scoring with the
// shipped content at each side of every cut-off of clinical.md section 10, so a changed number
// fails here even if the pin were changed with it.
TEST(ShippedInstruments, OdiBandsChangeAtTheirCutOffs) {
    const auto band_at = [](int sum) {
        const auto score = core::score_odi(shipped().odi, odi_summing_to(sum));
        EXPECT_TRUE(score.has_value());
        return score ? score->band : std::string("(error)");
    };
    // Ten sections answered: percent = sum * 2.
    EXPECT_EQ(band_at(10), "minimal");  // 20 %
    EXPECT_EQ(band_at(11), "moderate"); // 22 %
    EXPECT_EQ(band_at(20), "moderate"); // 40 %
    EXPECT_EQ(band_at(21), "severe");   // 42 %
    EXPECT_EQ(band_at(30), "severe");   // 60 %
    EXPECT_EQ(band_at(31), "crippling");
    EXPECT_EQ(band_at(40), "crippling"); // 80 %
    EXPECT_EQ(band_at(41), "bed_bound");
    // Eight answered is enough (the denominator drops by 5 for each gap), seven is not.
    auto eight = odi_summing_to(8);
    eight[8] = std::nullopt;
    eight[9] = std::nullopt;
    const auto scored = core::score_odi(shipped().odi, eight);
    ASSERT_TRUE(scored.has_value());
    EXPECT_DOUBLE_EQ(scored->percent, 20.0); // 8 / 40
    auto seven = eight;
    seven[7] = std::nullopt;
    EXPECT_FALSE(core::score_odi(shipped().odi, seven).has_value());
}

TEST(ShippedInstruments, StartBackGroupsChangeAtTheirCutOffs) {
    const auto risk = [](std::vector<bool> agree, std::string bothersome) {
        const auto score = core::score_startback(
            shipped().startback, {.agree = std::move(agree), .bothersome = std::move(bothersome)});
        EXPECT_TRUE(score.has_value());
        return score ? score->risk : std::string("(error)");
    };
    // Items 1-4 are physical, 5-8 and the bothersomeness item psychosocial.
    EXPECT_EQ(risk({true, true, true, false, false, false, false, false}, "slightly"), "low");
    EXPECT_EQ(risk({true, true, true, true, false, false, false, false}, "slightly"), "medium");
    // Total 5 with psychosocial 3: medium; psychosocial 4: high.
    EXPECT_EQ(risk({true, true, false, false, true, true, true, false}, "moderately"), "medium");
    EXPECT_EQ(risk({true, false, false, false, true, true, true, false}, "very_much"), "high");
    EXPECT_EQ(risk({false, false, false, false, true, true, true, true}, "not_at_all"), "high");
    // "Moderately" bothered scores nothing, "very much" and "extremely" one point.
    EXPECT_EQ(risk({true, true, true, false, false, false, false, false}, "very_much"), "medium");
    EXPECT_EQ(risk({true, true, true, false, false, false, false, false}, "extremely"), "medium");
}

TEST(ShippedInstruments, MinimalImportantChangesAreWhereTheSpecPutsThem) {
    const auto& i = shipped();
    // NPRS: 2 points or 30 %.
    EXPECT_TRUE(core::is_responder(i.nprs.mcid, 10, 8));    // 2 points, 20 %
    EXPECT_FALSE(core::is_responder(i.nprs.mcid, 10, 8.1)); // 1.9 points, 19 %
    EXPECT_TRUE(core::is_responder(i.nprs.mcid, 5, 3.5));   // 1.5 points, 30 %
    EXPECT_FALSE(core::is_responder(i.nprs.mcid, 5, 3.6));  // 1.4 points, 28 %
    // ODI: 10 points.
    EXPECT_TRUE(core::is_responder(i.odi.mcid, 40, 30));
    EXPECT_FALSE(core::is_responder(i.odi.mcid, 40, 31));
    // RMDQ: 5 points or 30 %.
    EXPECT_TRUE(core::is_responder(i.rmdq.mcid, 20, 15));  // 5 points, 25 %
    EXPECT_FALSE(core::is_responder(i.rmdq.mcid, 20, 16)); // 4 points, 20 %
    EXPECT_TRUE(core::is_responder(i.rmdq.mcid, 10, 7));   // 3 points, 30 %
    EXPECT_FALSE(core::is_responder(i.rmdq.mcid, 10, 8));  // 2 points, 20 %
}

TEST_F(BrokenCopy, ReportsAMissingFile) {
    fs::remove(m_dir / "instruments" / "startback.toml");
    const auto errors = load();
    ASSERT_EQ(errors.size(), 1u) << describe(errors);
    EXPECT_EQ(errors.front().file, "instruments/startback.toml");
    EXPECT_NE(errors.front().message.find("missing"), std::string::npos);
}

TEST_F(BrokenCopy, ReportsEveryProblemInOneRun) {
    const auto path = m_dir / "instruments" / "rmdq.toml";
    write_text(path, read_text(path) + "\n[[question]]\nid = \"in_bed\"\ntext = \"Again\"\n");
    const auto errors = load();
    // One question too many, and its id repeats an earlier one.
    ASSERT_EQ(errors.size(), 2u) << describe(errors);
    EXPECT_EQ(errors[0].field, "question");
    EXPECT_NE(errors[0].message.find("expected 24"), std::string::npos) << errors[0].message;
    EXPECT_EQ(errors[1].field, "question[24].id");
    EXPECT_NE(errors[1].message.find("duplicate"), std::string::npos) << errors[1].message;
}

} // namespace
} // namespace unload::content
