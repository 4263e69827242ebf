// The direct JSON writer against nlohmann's dump(): the string escaper on its own (table cases and
// many random byte strings, invalid UTF-8 included), the writer's commas and numbers, and
// screen_text/plan_text byte for byte against screen_document/plan_document dumped, for every
// clinical scenario in tests/scenarios over several program weeks.

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <toml++/toml.h>

#include "core/planner.hpp"
#include "json/document_text.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "json/text_writer.hpp"
#include "support/knowledge.hpp"

namespace unload::json {
namespace {

using Json = nlohmann::json;
using namespace std::string_view_literals;

/// What the server's dump gives for a string: compact, UTF-8 as it is, invalid bytes replaced.
std::string nlohmann_text(std::string_view text) {
    return Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string escaped(std::string_view text) {
    std::string out;
    append_string(out, text);
    return out;
}

/// The bytes as hex, for a failure message about bytes that may not print.
std::string hex(std::string_view text) {
    constexpr std::string_view digits = "0123456789abcdef";
    std::string out;
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        out += digits[byte >> 4U];
        out += digits[byte & 0xFU];
        out += ' ';
    }
    return out;
}

struct EscapeCase {
    std::string_view name;
    std::string_view input;
    std::string_view expected; ///< The whole literal, quotes included.
};

const EscapeCase escape_cases[] = {
    {.name = "empty", .input = "", .expected = R"("")"},
    {.name = "plain", .input = "walk 10 minutes", .expected = R"("walk 10 minutes")"},
    {.name = "quote", .input = R"(say "stop")", .expected = R"("say \"stop\"")"},
    {.name = "backslash", .input = R"(a\b)", .expected = R"("a\\b")"},
    {.name = "slash_is_not_escaped", .input = "either/or", .expected = R"("either/or")"},
    {.name = "short_escapes", .input = "\b\f\n\r\t", .expected = R"("\b\f\n\r\t")"},
    {.name = "control_u0001", .input = "a\x01z", .expected = R"("a\u0001z")"},
    {.name = "control_u001f_lower_hex", .input = "\x1f", .expected = R"("\u001f")"},
    {.name = "control_u000b", .input = "\x0b", .expected = R"("\u000b")"},
    {.name = "nul", .input = "a\0b"sv, .expected = R"("a\u0000b")"},
    {.name = "delete_passes", .input = "\x7f", .expected = "\"\x7f\""},
    {.name = "two_byte_utf8", .input = "caf\xc3\xa9", .expected = "\"caf\xc3\xa9\""},
    {.name = "three_byte_utf8", .input = "1 \xe2\x86\x92 2", .expected = "\"1 \xe2\x86\x92 2\""},
    {.name = "four_byte_utf8", .input = "\xf0\x9f\x98\x80", .expected = "\"\xf0\x9f\x98\x80\""},
    {.name = "largest_code_point", .input = "\xf4\x8f\xbf\xbf", .expected = "\"\xf4\x8f\xbf\xbf\""},
    {.name = "lone_continuation_byte", .input = "a\x80z", .expected = "\"a\xef\xbf\xbdz\""},
    {.name = "invalid_lead_byte", .input = "\xff", .expected = "\"\xef\xbf\xbd\""},
    {.name = "truncated_at_end", .input = "ok\xe2\x86", .expected = "\"ok\xef\xbf\xbd\""},
    {.name = "truncated_before_ascii", .input = "\xe2\x86z", .expected = "\"\xef\xbf\xbdz\""},
    {.name = "overlong_two_byte", .input = "\xc0\xaf", .expected = "\"\xef\xbf\xbd\xef\xbf\xbd\""},
    {.name = "overlong_three_byte",
     .input = "\xe0\x80\xaf",
     .expected = "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
    {.name = "surrogate",
     .input = "\xed\xa0\x80",
     .expected = "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
    {.name = "above_u10ffff",
     .input = "\xf4\x90\x80\x80",
     .expected = "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\""},
    {.name = "invalid_then_quote", .input = "\xc3\"", .expected = "\"\xef\xbf\xbd\\\"\""},
};

class EscapeTest : public testing::TestWithParam<EscapeCase> {};

TEST_P(EscapeTest, GivesTheExpectedLiteralAndNlohmannsDump) {
    const auto& c = GetParam();
    EXPECT_EQ(escaped(c.input), c.expected);
    EXPECT_EQ(escaped(c.input), nlohmann_text(c.input));
}

INSTANTIATE_TEST_SUITE_P(TextWriter, EscapeTest, testing::ValuesIn(escape_cases),
                         [](const testing::TestParamInfo<EscapeCase>& test) {
                             return std::string(test.param.name);
                         });

TEST(TextWriter, EscapesRandomBytesExactlyAsNlohmannDoes) {
    // Bytes drawn mostly from the interesting places: ASCII that needs escaping, UTF-8 lead and
    // continuation bytes, and bytes that can never appear in UTF-8.
    const std::vector<unsigned char> alphabet = {
        'a',  ' ',  '"',  '\\', '/',  0x00, 0x01, 0x08, 0x09, 0x0a, 0x0c, 0x0d, 0x1f,
        0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xc3, 0xdf, 0xe0,
        0xe1, 0xe2, 0xec, 0xed, 0xee, 0xef, 0xf0, 0xf1, 0xf3, 0xf4, 0xf5, 0xf8, 0xff};
    std::mt19937 random(20261122);
    std::uniform_int_distribution<std::size_t> length(0, 12);
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::uniform_int_distribution<int> any_byte(0, 255);
    for (int round = 0; round < 20000; ++round) {
        std::string text;
        const auto n = length(random);
        for (std::size_t i = 0; i < n; ++i)
            text.push_back(
                static_cast<char>(round % 4 == 0 ? any_byte(random) : alphabet[pick(random)]));
        ASSERT_EQ(escaped(text), nlohmann_text(text)) << "input bytes: " << hex(text);
    }
}

TEST(TextWriter, PlacesCommasAndColonsAndWritesNumbers) {
    std::string text;
    TextWriter out(text);
    out.begin_object();
    out.key("a");
    out.begin_array();
    out.number(1);
    out.number(-2);
    out.boolean(true);
    out.boolean(false);
    out.null();
    out.begin_object();
    out.end_object();
    out.begin_array();
    out.end_array();
    out.string("x");
    out.end_array();
    out.key("b");
    out.begin_object();
    out.key("c\"");
    out.number(std::numeric_limits<std::int64_t>::min());
    out.key("d");
    out.number(std::numeric_limits<std::int64_t>::max());
    out.end_object();
    out.end_object();
    EXPECT_EQ(text, R"({"a":[1,-2,true,false,null,{},[],"x"],"b":{"c\"":-9223372036854775808,)"
                    R"("d":9223372036854775807}})");
    EXPECT_EQ(Json::parse(text).dump(), text);
}

// --- the documents
// --------------------------------------------------------------------------------

const std::filesystem::path scenario_dir =
    std::filesystem::path(UNLOAD_SOURCE_DIR) / "tests" / "scenarios";

/// Weeks 1 to 8 take every intake through each stage of the calendar (content/programs.toml
/// starts its last stage in week 5) and past the end of the walking table (week 6).
constexpr int last_week = 8;

/// The intake of every scenario file, with its name.
std::vector<std::pair<std::string, std::string>> scenario_intakes() {
    std::vector<std::pair<std::string, std::string>> intakes;
    for (const auto& entry : std::filesystem::directory_iterator(scenario_dir)) {
        if (entry.path().extension() != ".toml")
            continue;
        const auto doc = toml::parse_file(entry.path().string());
        const auto intake = doc["intake"].value<std::string>();
        if (!intake) {
            ADD_FAILURE() << entry.path() << " has no intake";
            continue;
        }
        intakes.emplace_back(entry.path().filename().string(), *intake);
    }
    std::sort(intakes.begin(), intakes.end());
    return intakes;
}

/// How many compared documents had each kind of entry, so that the comparison cannot pass by
/// only ever seeing empty lists.
struct Seen {
    int documents = 0;
    int warnings = 0;
    int excluded = 0;
    int modified = 0;
    int advice = 0;
    int programs = 0;
    int withheld = 0;
    int left_out = 0;
    int routine_modifications = 0;
};

void count(Seen& seen, const core::Plan& plan) {
    ++seen.documents;
    seen.warnings += plan.screening.warnings.empty() ? 0 : 1;
    seen.excluded += plan.screening.excluded.empty() ? 0 : 1;
    seen.modified += plan.screening.modified.empty() ? 0 : 1;
    seen.advice += plan.screening.advice.empty() ? 0 : 1;
    if (!plan.program) {
        ++seen.withheld;
        return;
    }
    ++seen.programs;
    seen.left_out += plan.program->left_out.empty() ? 0 : 1;
    for (const auto& entry : plan.program->routine) {
        if (!entry.modifications.empty()) {
            ++seen.routine_modifications;
            break;
        }
    }
}

TEST(DocumentText, EqualsTheDumpedDocumentsForEveryScenarioAndWeek) {
    const auto& kb = test::knowledge_base();
    const auto intakes = scenario_intakes();
    ASSERT_GE(intakes.size(), 50U) << "expected the scenarios of " << scenario_dir;
    Seen seen;
    for (const auto& [name, text] : intakes) {
        const auto intake = decode_intake(kb, text);
        ASSERT_TRUE(intake) << name << ": " << intake.error().to_string();
        for (int week = 1; week <= last_week; ++week) {
            const auto plan = core::plan(kb, *intake, week);
            count(seen, plan);
            ASSERT_EQ(plan_text(kb, plan), plan_document(kb, plan).dump())
                << name << ", week " << week;
            const auto screening = core::screen(kb, *intake, week);
            ASSERT_EQ(screen_text(kb, screening), screen_document(kb, screening).dump())
                << name << ", week " << week;
        }
    }
    EXPECT_GT(seen.warnings, 0);
    EXPECT_GT(seen.excluded, 0);
    EXPECT_GT(seen.modified, 0);
    EXPECT_GT(seen.advice, 0);
    EXPECT_GT(seen.programs, 0);
    EXPECT_GT(seen.withheld, 0);
    EXPECT_GT(seen.left_out, 0);
    EXPECT_GT(seen.routine_modifications, 0);
}

TEST(DocumentText, EscapesContentTextAsTheServersDumpDoes) {
    // Content is valid UTF-8 and has no control characters today; a plan whose texts and ids have
    // them must still come out as the server's dump (which replaces invalid UTF-8) writes it.
    const auto& kb = test::knowledge_base();
    const auto intake = decode_intake(kb, R"({"format": "unload-intake/1", "person": {"age": 46},
                "warning_signs": {"cancer_history": true},
                "conditions": {"osteoporosis": true, "knee_sensitivity": true},
                "symptoms": {"pain_now": 5, "patterns": {"ache_after_sitting": true}}})");
    ASSERT_TRUE(intake) << intake.error().to_string();
    auto plan = core::plan(kb, *intake, 1);
    ASSERT_FALSE(plan.screening.warnings.empty());
    ASSERT_FALSE(plan.screening.excluded.empty());

    const std::string awkward = "line\none \"quoted\" \\ tab\t \x01 caf\xc3\xa9 bad \xff\xe2\x86";
    auto rule = *plan.screening.warnings.front().rule;
    rule.id = "rule\x02" + awkward;
    rule.text = awkward;
    plan.screening.warnings.front().rule = &rule;
    plan.screening.warnings.front().because.push_back(awkward);
    auto excluding = *plan.screening.excluded.front().rule;
    excluding.text = awkward + " excluded";
    plan.screening.excluded.front().rule = &excluding;

    EXPECT_EQ(plan_text(kb, plan),
              plan_document(kb, plan).dump(-1, ' ', false, Json::error_handler_t::replace));
    EXPECT_EQ(
        screen_text(kb, plan.screening),
        screen_document(kb, plan.screening).dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace
} // namespace unload::json
