// Data-driven weekly reviews: every tests/reviews/*.toml is one case, a few weeks of history
// reviewed with the real content and checked against expectations worked out by hand from
// clinical.md section 9, not from the engine's output. See README.md here for the file format.

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>
#include <toml++/toml.h>

#include "content/loader.hpp"
#include "core/planner.hpp"
#include "core/review.hpp"
#include "json/intake.hpp"
#include "support/toml_cases.hpp"

namespace {

namespace fs = std::filesystem;
using namespace unload;
using std::chrono::days;

using test::content;
using test::show;
using test::sorted_unique;
using test::Strings;
using test::test_name;

const fs::path review_dir{UNLOAD_REVIEW_DIR};
const fs::path content_dir{UNLOAD_CONTENT_DIR};

/// Monday 3 March 2025: day 1 of program week 1 in every case.
const core::Day program_start = std::chrono::sys_days{std::chrono::year{2025} / 3 / 3};

const std::set<std::string, std::less<>> top_level_keys{"name",   "program_week", "baseline_pain",
                                                        "intake", "review_day",   "today_flare",
                                                        "week",   "expect"};
const std::set<std::string, std::less<>> week_keys{
    "stage", "sessions", "pain", "pain_before", "flare_days", "stops", "review", "review_reasons"};
const std::set<std::string, std::less<>> stop_keys{"day", "reason"};
const std::set<std::string, std::less<>> expect_keys{
    "decision", "to_stage",  "reasons",        "advice", "rescore_due",       "planned",
    "done",     "mean_pain", "last_week_pain", "flares", "rescreen_warnings", "texts"};

/// Builds the review input a case describes and checks the outcome, reporting every problem as a
/// non-fatal failure that names the file and the key.
class Checker {
public:
    Checker(const toml::table& doc, std::string file) : m_doc(doc), m_file(std::move(file)) {}

    void run() {
        if (!validate())
            return;
        const auto& c = content();
        if (!c.kb) {
            fail("content", fmt::format("{} does not load:\n{}", content_dir.string(), c.error));
            return;
        }
        const auto& kb = *c.kb;
        core::ReviewInput input;
        if (!build(kb, input))
            return;
        const auto outcome = core::review_week(kb, input);
        check(outcome);
    }

private:
    const toml::table& m_doc;
    std::string m_file;
    const toml::table* m_expect = nullptr;
    std::vector<const toml::table*> m_weeks;

    void fail(std::string_view key, const std::string& message) const {
        ADD_FAILURE() << m_file << ": " << key << ": " << message;
    }

    bool check_keys(const toml::table& table, const std::set<std::string, std::less<>>& known,
                    std::string_view where) const {
        bool ok = true;
        for (const auto& [key, node] : table) {
            if (!known.contains(key.str())) {
                fail(fmt::format("{}{}", where, key.str()),
                     fmt::format("unknown key (expected one of {})",
                                 show(Strings(known.begin(), known.end()))));
                ok = false;
            }
        }
        return ok;
    }

    bool validate() {
        bool ok = check_keys(m_doc, top_level_keys, "");
        for (const auto* key : {"name", "intake"}) {
            if (const auto* node = m_doc.get(key); node && !node->is_string()) {
                fail(key, "must be a string");
                ok = false;
            }
        }
        if (!m_doc["name"].is_string()) {
            fail("name", "missing");
            ok = false;
        }
        for (const auto* key : {"program_week", "baseline_pain"}) {
            if (!m_doc[key].is_integer()) {
                fail(key, "missing or not an integer");
                ok = false;
            }
        }
        const auto* weeks = m_doc["week"].as_array();
        if (!weeks || weeks->empty()) {
            fail("[[week]]", "missing: give at least the reviewed week");
            return false;
        }
        for (std::size_t i = 0; i < weeks->size(); ++i) {
            const auto* table = weeks->get(i)->as_table();
            if (!table) {
                fail("[[week]]", "must be tables");
                return false;
            }
            ok = check_keys(*table, week_keys, fmt::format("week[{}].", i)) && ok;
            if (const auto* stops = (*table)["stops"].as_array()) {
                for (const auto& stop : *stops) {
                    if (!stop.is_table() || !check_keys(*stop.as_table(), stop_keys,
                                                        fmt::format("week[{}].stops.", i))) {
                        fail(fmt::format("week[{}].stops", i),
                             "each stop is { day = 1..7, reason = \"id\" }");
                        ok = false;
                    }
                }
            }
            m_weeks.push_back(table);
        }
        m_expect = m_doc["expect"].as_table();
        if (!m_expect) {
            fail("[expect]", "missing table");
            return false;
        }
        ok = check_keys(*m_expect, expect_keys, "[expect].") && ok;
        for (const auto* key : {"decision", "to_stage", "reasons"}) {
            if (!m_expect->contains(key)) {
                fail(fmt::format("[expect].{}", key), "missing: every case states it");
                ok = false;
            }
        }
        return ok;
    }

    std::optional<Strings> strings_at(const toml::table& table, std::string_view key,
                                      std::string_view where) const {
        const auto* node = table.get(key);
        if (!node)
            return std::nullopt;
        const auto* array = node->as_array();
        Strings out;
        if (array) {
            for (const auto& element : *array) {
                if (!element.is_string()) {
                    array = nullptr;
                    break;
                }
                out.push_back(*element.value<std::string>());
            }
        }
        if (!array) {
            fail(fmt::format("{}{}", where, key), "must be an array of strings");
            return std::nullopt;
        }
        return out;
    }

    std::optional<std::vector<int>> ints_at(const toml::table& table, std::string_view key,
                                            std::string_view where, int min, int max) const {
        const auto* node = table.get(key);
        if (!node)
            return std::vector<int>{};
        const auto* array = node->as_array();
        std::vector<int> out;
        if (array) {
            for (const auto& element : *array) {
                const auto value = element.value<std::int64_t>();
                if (!element.is_integer() || *value < min || *value > max) {
                    fail(fmt::format("{}{}", where, key),
                         fmt::format("must be integers within {}..{}", min, max));
                    return std::nullopt;
                }
                out.push_back(static_cast<int>(*value));
            }
            return out;
        }
        fail(fmt::format("{}{}", where, key), "must be an array of integers");
        return std::nullopt;
    }

    /// Turns the weeks into records. The last week is the reviewed one, program week `week`; the
    /// weeks before it are the program weeks just before.
    bool build(const core::KnowledgeBase& kb, core::ReviewInput& input) {
        const int week = static_cast<int>(*m_doc["program_week"].value<std::int64_t>());
        const int listed = static_cast<int>(m_weeks.size());
        if (listed > week) {
            fail("[[week]]", fmt::format("{} weeks listed before program week {}", listed, week));
            return false;
        }
        const int review_day = static_cast<int>(m_doc["review_day"].value_or<std::int64_t>(7));
        if (review_day < 1 || review_day > 7) {
            fail("review_day", "must be 1..7");
            return false;
        }
        input.baseline_pain = static_cast<int>(*m_doc["baseline_pain"].value<std::int64_t>());
        const auto intake_text = m_doc["intake"].value_or<std::string>(fmt::format(
            R"({{"format": "unload-intake/1", "person": {{"age": 45}}, "symptoms": {{"pain_now": {}}}}})",
            input.baseline_pain));
        auto intake = json::decode_intake(kb, intake_text);
        if (!intake) {
            fail("intake", fmt::format("does not decode: {}", intake.error().to_string()));
            return false;
        }
        input.intake = std::move(*intake);

        core::RecordId next_id = 1;
        for (int k = 0; k < listed; ++k) {
            const auto& table = *m_weeks[static_cast<std::size_t>(k)];
            const auto where = fmt::format("week[{}].", k);
            const int program_week = week - listed + 1 + k;
            const core::Day first = program_start + days{7 * (program_week - 1)};
            const bool reviewed = k + 1 == listed;
            const int length = reviewed ? review_day : 7;

            const auto stage = table["stage"].value<std::string>();
            if (!stage || !core::find_stage(kb, *stage)) {
                fail(fmt::format("{}stage", where), "missing or not a stage of programs.toml");
                return false;
            }
            const auto sessions = strings_at(table, "sessions", where);
            if (!sessions || static_cast<int>(sessions->size()) != length) {
                fail(fmt::format("{}sessions", where),
                     fmt::format("give {} strings, one per day, of c/s/h/q", length));
                return false;
            }
            const auto pain = ints_at(table, "pain", where, 0, 10);
            const auto pain_before = ints_at(table, "pain_before", where, 0, 10);
            const auto flare_days = ints_at(table, "flare_days", where, 1, length);
            if (!pain || !pain_before || !flare_days)
                return false;
            if (static_cast<int>(pain->size()) > length ||
                static_cast<int>(pain_before->size()) > length) {
                fail(fmt::format("{}pain", where), fmt::format("at most {} days", length));
                return false;
            }

            std::vector<std::vector<std::size_t>> by_day(static_cast<std::size_t>(length));
            for (int d = 0; d < length; ++d) {
                for (const char kind : (*sessions)[static_cast<std::size_t>(d)]) {
                    core::SessionRecord s;
                    s.id = next_id++;
                    s.day = first + days{d};
                    s.planned_ms = 15 * 60'000;
                    switch (kind) {
                    case 'c':
                        s.outcome = core::SessionOutcome::Completed;
                        s.active_ms = s.planned_ms;
                        break;
                    case 's':
                        s.outcome = core::SessionOutcome::Stopped;
                        s.active_ms = 5 * 60'000;
                        break;
                    case 'h':
                        s.outcome = core::SessionOutcome::Quit;
                        s.active_ms = 8 * 60'000;
                        break;
                    case 'q':
                        s.outcome = core::SessionOutcome::Quit;
                        s.active_ms = 3 * 60'000;
                        break;
                    default:
                        fail(fmt::format("{}sessions", where),
                             fmt::format("unknown session kind '{}' (c, s, h or q)", kind));
                        return false;
                    }
                    by_day[static_cast<std::size_t>(d)].push_back(input.sessions.size());
                    input.sessions.push_back(std::move(s));
                }
            }
            for (std::size_t d = 0; d < pain_before->size(); ++d) {
                if (by_day[d].empty()) {
                    fail(fmt::format("{}pain_before", where),
                         fmt::format("day {} has no session to rate", d + 1));
                    return false;
                }
                input.sessions[by_day[d].front()].pain_before = (*pain_before)[d];
            }
            for (const int d : *flare_days) {
                const auto& today_sessions = by_day[static_cast<std::size_t>(d - 1)];
                if (today_sessions.empty()) {
                    fail(fmt::format("{}flare_days", where),
                         fmt::format("day {} has no session", d));
                    return false;
                }
                input.sessions[today_sessions.front()].flare = true;
            }
            for (std::size_t d = 0; d < pain->size(); ++d)
                input.pain.push_back({.id = next_id++,
                                      .at = {},
                                      .day = first + days{static_cast<int>(d)},
                                      .pain = (*pain)[d],
                                      .note = {}});
            if (const auto* stops = table["stops"].as_array()) {
                for (const auto& node : *stops) {
                    const auto& stop = *node.as_table();
                    const auto day = stop["day"].value<std::int64_t>();
                    const auto reason = stop["reason"].value<std::string>();
                    if (!day || *day < 1 || *day > length || !reason) {
                        fail(fmt::format("{}stops", where), "each stop is { day = 1..7, reason }");
                        return false;
                    }
                    const auto& ids = by_day[static_cast<std::size_t>(*day - 1)];
                    const auto stopped = std::ranges::find_if(ids, [&](std::size_t i) {
                        return input.sessions[i].outcome == core::SessionOutcome::Stopped;
                    });
                    if (stopped == ids.end()) {
                        fail(fmt::format("{}stops", where),
                             fmt::format("day {} has no stopped session ('s')", *day));
                        return false;
                    }
                    input.sessions[*stopped].events.push_back({.at_ms = 60'000,
                                                               .kind = core::EventKind::Stop,
                                                               .item = "cat_cow",
                                                               .reason = *reason,
                                                               .detail = {}});
                }
            }

            const auto decision = table["review"].value<std::string>();
            if (reviewed) {
                if (decision || table.contains("review_reasons")) {
                    fail(fmt::format("{}review", where), "the reviewed week has no review yet");
                    return false;
                }
                input.current = {.id = next_id++,
                                 .intake_id = 1,
                                 .created_at = {},
                                 .starts_on = first,
                                 .week = program_week,
                                 .stage = *stage,
                                 .origin = program_week == 1 ? "start" : "review",
                                 .because = {},
                                 .document = {}};
                input.today = first + days{review_day};
            } else if (decision) {
                const auto parsed = core::parse_review_decision(*decision);
                if (!parsed) {
                    fail(fmt::format("{}review", where), "unknown decision");
                    return false;
                }
                const auto next_stage =
                    (*m_weeks[static_cast<std::size_t>(k + 1)])["stage"].value_or<std::string>("");
                core::ReviewRecord review{.id = next_id++,
                                          .at = {},
                                          .day = first + days{7},
                                          .week = program_week,
                                          .decision = *parsed,
                                          .from_stage = *stage,
                                          .to_stage = next_stage,
                                          .because = {},
                                          .advice = {}};
                if (const auto ids = strings_at(table, "review_reasons", where)) {
                    for (const auto& id : *ids)
                        review.because.push_back({.id = id, .text = {}});
                }
                input.reviews.push_back(std::move(review));
            }
        }
        if (m_doc["today_flare"].value_or(false)) {
            core::SessionRecord s;
            s.id = next_id++;
            s.day = input.today;
            s.planned_ms = s.active_ms = 15 * 60'000;
            s.flare = true;
            input.sessions.push_back(std::move(s));
        }
        return true;
    }

    void exact_set(std::string_view key, const Strings& actual) const {
        const auto want = strings_at(*m_expect, key, "[expect].");
        if (!want)
            return;
        if (const auto mismatch = test::set_mismatch(*want, actual))
            fail(fmt::format("[expect].{}", key), *mismatch);
    }

    void equal_int(std::string_view key, int actual) const {
        const auto* node = m_expect->get(key);
        if (!node)
            return;
        if (!node->is_integer())
            fail(fmt::format("[expect].{}", key), "must be an integer");
        else if (*node->value<std::int64_t>() != actual)
            fail(fmt::format("[expect].{}", key),
                 fmt::format("expected {}, got {}", *node->value<std::int64_t>(), actual));
    }

    void equal_pain(std::string_view key, const std::optional<double>& actual) const {
        const auto* node = m_expect->get(key);
        if (!node)
            return;
        const auto want = node->value<double>();
        if (!want) {
            fail(fmt::format("[expect].{}", key), "must be a number");
            return;
        }
        if (!actual || std::abs(*actual - *want) > 1e-9)
            fail(fmt::format("[expect].{}", key),
                 fmt::format("expected {}, got {}", *want,
                             actual ? fmt::format("{}", *actual) : std::string("none")));
    }

    void check(const core::ReviewOutcome& outcome) const {
        const auto& record = outcome.record;
        Strings reason_ids;
        for (const auto& reason : record.because) {
            reason_ids.push_back(reason.id);
            // Invariants: every reason has words, and every placeholder was filled.
            if (reason.text.empty() || reason.text == reason.id)
                fail("(invariant)", fmt::format("reason {} has no text", reason.id));
            if (reason.text.find('{') != std::string::npos)
                fail("(invariant)", fmt::format("reason {} has an unfilled placeholder: {}",
                                                reason.id, reason.text));
        }
        const bool stopped = record.decision == core::ReviewDecision::Stop;
        if (stopped != record.to_stage.empty() || stopped == outcome.next_stage.has_value() ||
            stopped != outcome.rescreen.has_value())
            fail("(invariant)", "a stop, and only a stop, has no next stage and a re-screen");

        if (const auto want = m_expect->get("decision")->value<std::string>();
            !want || *want != core::to_string(record.decision))
            fail("[expect].decision",
                 fmt::format("expected {}, got {} (reasons {})", want.value_or("?"),
                             core::to_string(record.decision), show(reason_ids)));
        if (const auto want = m_expect->get("to_stage")->value<std::string>();
            !want || *want != record.to_stage)
            fail("[expect].to_stage",
                 fmt::format("expected '{}', got '{}'", want.value_or("?"), record.to_stage));
        exact_set("reasons", reason_ids);
        exact_set("advice", record.advice);
        if (const auto* node = m_expect->get("rescore_due")) {
            if (!node->is_boolean() || *node->value<bool>() != outcome.rescore_due)
                fail("[expect].rescore_due", fmt::format("got {}", outcome.rescore_due));
        }
        equal_int("planned", outcome.week.planned_sessions);
        equal_int("done", outcome.week.done_sessions);
        equal_int("flares", outcome.week.flares);
        equal_pain("mean_pain", outcome.week.mean_pain);
        equal_pain("last_week_pain", outcome.week.mean_pain_last_week);
        if (m_expect->contains("rescreen_warnings")) {
            Strings warnings;
            if (outcome.rescreen) {
                for (const auto& warning : outcome.rescreen->warnings)
                    warnings.push_back(warning.rule->id);
            }
            exact_set("rescreen_warnings", warnings);
        }
        if (const auto* node = m_expect->get("texts")) {
            const auto* texts = node->as_table();
            if (!texts) {
                fail("[expect].texts", "must be a table of reason id = \"expected substring\"");
                return;
            }
            for (const auto& [id, value] : *texts) {
                const auto want = value.value<std::string>();
                const auto found = std::ranges::find(record.because, id.str(), &core::Reason::id);
                if (!want)
                    fail(fmt::format("[expect].texts.{}", id.str()), "must be a string");
                else if (found == record.because.end())
                    fail(fmt::format("[expect].texts.{}", id.str()), "no such reason was given");
                else if (found->text.find(*want) == std::string::npos)
                    fail(fmt::format("[expect].texts.{}", id.str()),
                         fmt::format("'{}' not in '{}'", *want, found->text));
            }
        }
    }
};

void check_case(const toml::table& doc, const std::string& file) {
    Checker(doc, file).run();
}

class Review : public ::testing::TestWithParam<fs::path> {};

TEST_P(Review, MatchesSpec) {
    const auto& path = GetParam();
    if (const auto doc = test::read_case(path))
        check_case(*doc, path.filename().string());
}

INSTANTIATE_TEST_SUITE_P(Files, Review, ::testing::ValuesIn(test::toml_files(review_dir)),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                             return test_name(param_info.param);
                         });

TEST(ReviewFiles, AtLeastTwentyFiveCases) {
    EXPECT_GE(test::toml_files(review_dir).size(), 25u)
        << "review cases in " << review_dir.string();
}

constexpr std::string_view minimal_case = R"(
name = "a good first week"
program_week = 1
baseline_pain = 5
[[week]]
stage = "relief_once"
sessions = ["c", "c", "c", "c", "c", "c", "c"]
pain = [4, 4, 4, 4, 4, 4, 4]
)";

TEST(ReviewRunner, MinimalCasePasses) {
    const auto doc = toml::parse(fmt::format(
        "{}\n[expect]\ndecision = \"progress\"\nto_stage = \"relief_twice\"\nreasons = "
        "[\"adherence_met\", \"pain_not_higher\", \"no_recent_flare\", \"no_blocking_stop\"]\n",
        minimal_case));
    check_case(doc, "inline.toml");
}

TEST(ReviewRunner, UnknownExpectKeyFails) {
    const auto doc = toml::parse(fmt::format(
        "{}\n[expect]\ndecision = \"progress\"\nto_stage = \"relief_twice\"\nreasons = []\n"
        "desicion = \"hold\"\n",
        minimal_case));
    EXPECT_NONFATAL_FAILURE(check_case(doc, "inline.toml"), "[expect].desicion: unknown key");
}

TEST(ReviewRunner, UnknownWeekKeyFails) {
    auto text = std::string(minimal_case);
    text += "flares = [2]\n[expect]\ndecision = \"progress\"\nto_stage = \"relief_twice\"\n"
            "reasons = []\n";
    const auto doc = toml::parse(text);
    EXPECT_NONFATAL_FAILURE(check_case(doc, "inline.toml"), "week[0].flares: unknown key");
}

TEST(ReviewRunner, WrongExpectationFails) {
    const auto doc = toml::parse(fmt::format(
        "{}\n[expect]\ndecision = \"hold\"\nto_stage = \"relief_twice\"\nreasons = "
        "[\"adherence_met\", \"pain_not_higher\", \"no_recent_flare\", \"no_blocking_stop\"]\n",
        minimal_case));
    EXPECT_NONFATAL_FAILURE(check_case(doc, "inline.toml"), "expected hold, got progress");
}

// A rule's minimum relief weeks (clinical.md section 4) keeps the relief routine even when the
// week would progress; the review holds rather than record a step the planner would not take.
// No shipped rule asks for more than the calendar's two relief weeks, so the test raises one.
TEST(ReviewRules, MinimumReliefWeeksHoldTheStepOutOfRelief) {
    const auto& c = content();
    ASSERT_TRUE(c.kb) << c.error;
    auto kb = *c.kb;
    auto rule = std::ranges::find(kb.rules, "sudden_catch", &core::Rule::id);
    ASSERT_NE(rule, kb.rules.end());
    rule->min_relief_weeks = 4;
    auto intake = json::decode_intake(
        kb, R"({"format": "unload-intake/1", "person": {"age": 45}, "symptoms": {"pain_now": 5,
              "patterns": {"sudden_catch": true}}})");
    ASSERT_TRUE(intake) << intake.error().to_string();

    core::ReviewInput input;
    input.intake = *intake;
    input.baseline_pain = 5;
    input.current.week = 2;
    input.current.stage = "relief_twice";
    input.current.starts_on = program_start + days{7};
    input.today = program_start + days{14};
    for (int d = 0; d < 7; ++d) {
        for (int n = 0; n < 2; ++n) {
            core::SessionRecord s;
            s.day = input.current.starts_on + days{d};
            s.planned_ms = s.active_ms = 600'000;
            input.sessions.push_back(s);
        }
        input.pain.push_back(
            {.id = 0, .at = {}, .day = input.current.starts_on + days{d}, .pain = 4, .note = {}});
    }

    // Week 3 is within the rule's 4 relief weeks: hold, and say why.
    auto outcome = core::review_week(kb, input);
    EXPECT_EQ(outcome.record.decision, core::ReviewDecision::Hold);
    EXPECT_EQ(outcome.record.to_stage, "relief_twice");
    EXPECT_NE(std::ranges::find(outcome.record.because, "relief_weeks_kept", &core::Reason::id),
              outcome.record.because.end());
    const auto kept =
        std::ranges::find(outcome.record.because, "relief_weeks_kept", &core::Reason::id);
    ASSERT_NE(kept, outcome.record.because.end());
    EXPECT_NE(kept->text.find("4 weeks"), std::string::npos) << kept->text;

    // With the rule back at its shipped 2 weeks, the same week moves on to mobility.
    rule->min_relief_weeks = 2;
    outcome = core::review_week(kb, input);
    EXPECT_EQ(outcome.record.decision, core::ReviewDecision::Progress);
    EXPECT_EQ(outcome.record.to_stage, "mobility");
}

TEST(ReviewDue, SevenDaysAfterTheVersionStarts) {
    core::ProgramVersion version;
    version.starts_on = program_start;
    EXPECT_EQ(core::review_due_on(version), program_start + days{7});
}

} // namespace
