// Data-driven clinical scenarios: every tests/scenarios/*.toml is one case, planned with the real
// content and checked against expectations written by hand from the spec (clinical.md 1-7),
// not from the engine's output. See README.md in this directory for the file format.

#include <algorithm>
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
#include "json/intake.hpp"
#include "support/toml_cases.hpp"

namespace {

namespace fs = std::filesystem;
using namespace unload;

using test::content;
using test::show;
using test::sorted_unique;
using test::Strings;
using test::test_name;

const fs::path scenario_dir{UNLOAD_SCENARIO_DIR};
const fs::path content_dir{UNLOAD_CONTENT_DIR};

/// Keys that describe the program, which make no sense when the verdict withholds it.
const std::set<std::string, std::less<>> program_keys{
    "phase",
    "sessions_per_day",
    "strength_days_per_week",
    "routine",
    "routine_includes",
    "routine_excludes",
    "routine_modified",
    "left_out",
    "not_left_out",
    "walking_minutes",
    "walking_times_per_day",
    "desk_break_minutes",
    "max_minutes",
    "minutes",
    "dose",
};

/// Every key a scenario's [expect] table may hold: the program keys and these. Anything else fails
/// the scenario, so a typo can never silently skip a check.
const std::set<std::string, std::less<>> expect_keys = [] {
    std::set<std::string, std::less<>> keys{"verdict",     "warnings", "excluded",
                                            "excluded_by", "modified", "advice",
                                            "because",     "bias",     "program"};
    keys.insert(program_keys.begin(), program_keys.end());
    return keys;
}();

const std::set<std::string, std::less<>> top_level_keys{"name", "week", "intake", "expect"};

bool contains(const Strings& values, std::string_view value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

Strings split(std::string_view text, char separator) {
    Strings parts;
    std::size_t start = 0;
    while (true) {
        const auto at = text.find(separator, start);
        parts.emplace_back(
            text.substr(start, at == std::string_view::npos ? text.npos : at - start));
        if (at == std::string_view::npos)
            return parts;
        start = at + 1;
    }
}

/// The plan's observable values, as the strings scenarios use.
struct Actual {
    std::string verdict;
    Strings warnings;
    Strings excluded;    ///< Distinct item ids.
    Strings excluded_by; ///< `item:rule`.
    Strings modified;    ///< `item:modification`.
    Strings advice;
    Strings because; ///< `kind:id:fact`.
    std::string bias;
    bool program = false;
    std::string program_bias;
    std::string phase;
    int sessions_per_day = 0;
    int strength_days_per_week = 0;
    Strings routine;
    Strings routine_modified; ///< `item:modification` over the routine's items.
    Strings left_out;         ///< `item:reason`.
    Strings left_out_items;
    int walking_minutes = 0;
    int walking_times_per_day = 0;
    int desk_break_minutes = 0;
    int minutes = 0;
    Strings doses; ///< `item:field=value` for every dose field of every routine item.
};

Actual observe(const core::KnowledgeBase& kb, const core::Plan& plan) {
    Actual a;
    const auto& s = plan.screening;
    a.verdict = std::string(core::to_string(s.verdict));
    for (const auto& w : s.warnings) {
        a.warnings.push_back(w.rule->id);
        for (const auto fact : w.because)
            a.because.push_back(fmt::format("warning:{}:{}", w.rule->id, fact));
    }
    for (const auto& e : s.excluded) {
        const auto& item = kb.item(e.item).id;
        a.excluded.push_back(item);
        a.excluded_by.push_back(fmt::format("{}:{}", item, e.rule->id));
        for (const auto fact : e.because)
            a.because.push_back(fmt::format("excluded:{}:{}", item, fact));
    }
    a.excluded = sorted_unique(a.excluded);
    for (const auto& m : s.modified) {
        const auto& item = kb.item(m.item).id;
        a.modified.push_back(fmt::format("{}:{}", item, m.modification->id));
        for (const auto fact : m.because)
            a.because.push_back(fmt::format("modified:{}:{}", item, fact));
    }
    for (const auto& given : s.advice) {
        a.advice.push_back(given.advice->id);
        for (const auto fact : given.because)
            a.because.push_back(fmt::format("advice:{}:{}", given.advice->id, fact));
    }
    a.bias = std::string(core::to_string(s.bias));
    a.program = plan.program.has_value();
    if (!plan.program)
        return a;
    const auto& p = *plan.program;
    a.program_bias = std::string(core::to_string(p.bias));
    a.phase = std::string(core::to_string(p.phase));
    a.sessions_per_day = p.sessions_per_day;
    a.strength_days_per_week = p.strength_days_per_week;
    for (const auto& r : p.routine) {
        const auto& item = kb.item(r.item).id;
        a.routine.push_back(item);
        for (const auto* m : r.modifications)
            a.routine_modified.push_back(fmt::format("{}:{}", item, m->id));
        for (const auto& [field, value] : {std::pair{"hold_s", r.hold_s},
                                           {"reps", r.reps},
                                           {"rounds", r.rounds},
                                           {"finish_hold_s", r.finish_hold_s},
                                           {"seconds", r.seconds}})
            a.doses.push_back(fmt::format("{}:{}={}", item, field, value));
    }
    for (const auto& l : p.left_out) {
        const auto& item = kb.item(l.item).id;
        a.left_out_items.push_back(item);
        for (const auto& reason : l.because)
            a.left_out.push_back(fmt::format("{}:{}", item, reason));
    }
    a.walking_minutes = p.walking.minutes;
    a.walking_times_per_day = p.walking.times_per_day;
    a.desk_break_minutes = p.desk_break_minutes;
    a.minutes = p.minutes;
    return a;
}

/// Checks one parsed scenario and reports every mismatch as a non-fatal failure naming the file
/// and the key.
class Checker {
public:
    Checker(const toml::table& doc, std::string file) : m_doc(doc), m_file(std::move(file)) {}

    void run() {
        if (!validate_keys())
            return;
        const auto* kb = knowledge();
        if (!kb)
            return;
        const auto intake_text = m_doc["intake"].value<std::string>();
        auto intake = json::decode_intake(*kb, *intake_text);
        if (!intake) {
            fail("intake", fmt::format("does not decode: {}", intake.error().to_string()));
            return;
        }
        const int week = static_cast<int>(m_doc["week"].value<std::int64_t>().value_or(1));
        const auto plan = core::plan(*kb, *intake, week);
        const auto actual = observe(*kb, plan);
        check_invariants(actual, intake->minutes_per_session);
        check_expectations(actual);
    }

private:
    const toml::table& m_doc;
    std::string m_file;
    const toml::table* m_expect = nullptr;

    void fail(std::string_view key, const std::string& message) const {
        ADD_FAILURE() << m_file << ": " << key << ": " << message;
    }
    void fail_expect(std::string_view key, const std::string& message) const {
        fail(fmt::format("[expect].{}", key), message);
    }

    const core::KnowledgeBase* knowledge() const {
        const auto& c = content();
        if (!c.kb)
            fail("content", fmt::format("{} does not load:\n{}", content_dir.string(), c.error));
        return c.kb ? &*c.kb : nullptr;
    }

    bool validate_keys() {
        bool ok = true;
        for (const auto& [key, node] : m_doc) {
            if (!top_level_keys.contains(key.str())) {
                fail(key.str(), "unknown key (expected name, week, intake, [expect])");
                ok = false;
            }
        }
        if (!m_doc["name"].is_string()) {
            fail("name", "missing or not a string");
            ok = false;
        }
        if (!m_doc["intake"].is_string()) {
            fail("intake", "missing or not a string");
            ok = false;
        }
        if (const auto* week = m_doc.get("week")) {
            if (!week->is_integer() || week->value<std::int64_t>().value_or(0) < 1) {
                fail("week", "must be an integer >= 1");
                ok = false;
            }
        }
        m_expect = m_doc["expect"].as_table();
        if (!m_expect) {
            fail("[expect]", "missing table");
            return false;
        }
        for (const auto& [key, node] : *m_expect) {
            if (!expect_keys.contains(key.str())) {
                fail_expect(key.str(), "unknown key; a typo here would skip a check");
                ok = false;
            }
        }
        return ok;
    }

    std::optional<std::string> want_string(std::string_view key) const {
        const auto* node = m_expect->get(key);
        if (!node)
            return std::nullopt;
        if (!node->is_string()) {
            fail_expect(key, "must be a string");
            return std::nullopt;
        }
        return node->value<std::string>();
    }
    std::optional<int> want_int(std::string_view key) const {
        const auto* node = m_expect->get(key);
        if (!node)
            return std::nullopt;
        if (!node->is_integer()) {
            fail_expect(key, "must be an integer");
            return std::nullopt;
        }
        return static_cast<int>(*node->value<std::int64_t>());
    }
    std::optional<bool> want_bool(std::string_view key) const {
        const auto* node = m_expect->get(key);
        if (!node)
            return std::nullopt;
        if (!node->is_boolean()) {
            fail_expect(key, "must be true or false");
            return std::nullopt;
        }
        return node->value<bool>();
    }
    std::optional<Strings> want_list(std::string_view key) const {
        const auto* node = m_expect->get(key);
        if (!node)
            return std::nullopt;
        const auto* array = node->as_array();
        if (!array) {
            fail_expect(key, "must be an array of strings");
            return std::nullopt;
        }
        Strings out;
        for (const auto& element : *array) {
            if (!element.is_string()) {
                fail_expect(key, "must be an array of strings");
                return std::nullopt;
            }
            out.push_back(*element.value<std::string>());
        }
        return out;
    }

    void check_invariants(const Actual& a, int minutes_per_session) const {
        const bool runs = a.verdict == "caution" || a.verdict == "clear";
        if (runs != a.program)
            fail("(invariant)", fmt::format("verdict {} but the program is {}", a.verdict,
                                            a.program ? "present" : "withheld"));
        if (!a.program)
            return;
        for (const auto& item : a.routine) {
            if (contains(a.excluded, item))
                fail("(invariant)", fmt::format("routine contains excluded item {}", item));
        }
        for (const auto& item : a.left_out_items) {
            if (contains(a.excluded, item))
                fail("(invariant)",
                     fmt::format("left_out lists {}, which screening excluded (interfaces.md: "
                                 "left_out is not what screening excluded)",
                                 item));
        }
        if (a.minutes > minutes_per_session)
            fail("(invariant)", fmt::format("program.minutes {} exceeds minutes_per_session {}",
                                            a.minutes, minutes_per_session));
        if (a.program_bias != a.bias)
            fail("(invariant)", fmt::format("program.bias {} differs from screening bias {}",
                                            a.program_bias, a.bias));
    }

    void exact_set(std::string_view key, const Strings& actual) const {
        const auto want = want_list(key);
        if (!want)
            return;
        if (const auto mismatch = test::set_mismatch(*want, actual))
            fail_expect(key, *mismatch);
    }

    void must_contain(std::string_view key, const Strings& actual) const {
        const auto want = want_list(key);
        if (!want)
            return;
        for (const auto& value : *want) {
            if (!contains(actual, value))
                fail_expect(key, fmt::format("{} not found in {}", value, show(actual)));
        }
    }

    void must_not_contain(std::string_view key, const Strings& actual) const {
        const auto want = want_list(key);
        if (!want)
            return;
        for (const auto& value : *want) {
            if (contains(actual, value))
                fail_expect(key, fmt::format("{} must not be in {}", value, show(actual)));
        }
    }

    void equal_string(std::string_view key, const std::string& actual) const {
        if (const auto want = want_string(key); want && *want != actual)
            fail_expect(key, fmt::format("expected {}, got {}", *want, actual));
    }

    void equal_int(std::string_view key, int actual) const {
        if (const auto want = want_int(key); want && *want != actual)
            fail_expect(key, fmt::format("expected {}, got {}", *want, actual));
    }

    void check_because(const Actual& a) const {
        const auto want = want_list("because");
        if (!want)
            return;
        for (const auto& entry : *want) {
            const auto parts = split(entry, ':');
            static const Strings kinds{"warning", "excluded", "modified", "advice"};
            if (parts.size() != 3 || !contains(kinds, parts[0])) {
                fail_expect("because", fmt::format("{}: expected kind:id:fact with kind one of {}",
                                                   entry, show(kinds)));
                continue;
            }
            if (contains(a.because, entry))
                continue;
            Strings same_entry;
            const auto prefix = parts[0] + ":" + parts[1] + ":";
            for (const auto& b : a.because) {
                if (b.starts_with(prefix))
                    same_entry.push_back(b);
            }
            fail_expect("because", fmt::format("{} not found; that entry's because is {}", entry,
                                               show(same_entry)));
        }
    }

    void check_left_out(const Actual& a) const {
        const auto want = want_list("left_out");
        if (!want)
            return;
        for (const auto& entry : *want) {
            const auto parts = split(entry, ':');
            const bool found =
                parts.size() == 1 ? contains(a.left_out_items, entry) : contains(a.left_out, entry);
            if (parts.size() > 2)
                fail_expect("left_out", fmt::format("{}: expected item or item:reason", entry));
            else if (!found)
                fail_expect("left_out", fmt::format("{} not found in {}", entry, show(a.left_out)));
        }
    }

    /// `dose` entries are `item:field=value`; the item must be in the routine with that value.
    void check_doses(const Actual& a) const {
        const auto want = want_list("dose");
        if (!want)
            return;
        static const Strings fields{"hold_s", "reps", "rounds", "finish_hold_s", "seconds"};
        for (const auto& entry : *want) {
            const auto parts = split(entry, ':');
            const auto field = parts.size() == 2 ? split(parts[1], '=') : Strings{};
            if (field.size() != 2 || !contains(fields, field[0])) {
                fail_expect("dose",
                            fmt::format("{}: expected item:field=value with field one of {}", entry,
                                        show(fields)));
                continue;
            }
            if (contains(a.doses, entry))
                continue;
            Strings same_item;
            for (const auto& d : a.doses) {
                if (d.starts_with(parts[0] + ":"))
                    same_item.push_back(d);
            }
            fail_expect("dose", fmt::format("{} not found; {}", entry,
                                            same_item.empty() ? "the item is not in the routine"
                                                              : "the item has " + show(same_item)));
        }
    }

    void check_expectations(const Actual& a) const {
        equal_string("verdict", a.verdict);
        exact_set("warnings", a.warnings);
        exact_set("excluded", a.excluded);
        must_contain("excluded_by", a.excluded_by);
        exact_set("modified", a.modified);
        exact_set("advice", a.advice);
        check_because(a);
        equal_string("bias", a.bias);
        if (const auto want = want_bool("program"); want && *want != a.program)
            fail_expect("program", fmt::format("expected the program to be {}, but it is {} "
                                               "(verdict {})",
                                               *want ? "present" : "withheld",
                                               a.program ? "present" : "withheld", a.verdict));
        if (!a.program) {
            for (const auto& [key, node] : *m_expect) {
                if (program_keys.contains(key.str()))
                    fail_expect(key.str(), fmt::format("cannot be checked: the program is "
                                                       "withheld (verdict {})",
                                                       a.verdict));
            }
            return;
        }
        equal_string("phase", a.phase);
        equal_int("sessions_per_day", a.sessions_per_day);
        equal_int("strength_days_per_week", a.strength_days_per_week);
        if (const auto want = want_list("routine"); want && *want != a.routine)
            fail_expect("routine",
                        fmt::format("expected {}, got {}", show(*want), show(a.routine)));
        must_contain("routine_includes", a.routine);
        must_not_contain("routine_excludes", a.routine);
        must_contain("routine_modified", a.routine_modified);
        check_left_out(a);
        must_not_contain("not_left_out", a.left_out_items);
        equal_int("walking_minutes", a.walking_minutes);
        equal_int("walking_times_per_day", a.walking_times_per_day);
        equal_int("desk_break_minutes", a.desk_break_minutes);
        equal_int("minutes", a.minutes);
        check_doses(a);
        if (const auto want = want_int("max_minutes"); want && a.minutes > *want)
            fail_expect("max_minutes",
                        fmt::format("program.minutes is {}, above {}", a.minutes, *want));
    }
};

void check_scenario(const toml::table& doc, const std::string& file) {
    Checker(doc, file).run();
}

class Scenario : public ::testing::TestWithParam<fs::path> {};

TEST_P(Scenario, MatchesSpec) {
    const auto& path = GetParam();
    if (const auto doc = test::read_case(path))
        check_scenario(*doc, path.filename().string());
}

INSTANTIATE_TEST_SUITE_P(Files, Scenario, ::testing::ValuesIn(test::toml_files(scenario_dir)),
                         [](const ::testing::TestParamInfo<fs::path>& param_info) {
                             return test_name(param_info.param);
                         });

TEST(ScenarioFiles, AtLeastFortyScenarios) {
    const auto files = test::toml_files(scenario_dir);
    EXPECT_GE(files.size(), 40u) << "scenario files in " << scenario_dir.string();
}

TEST(ScenarioFiles, NamesAreUnique) {
    std::set<std::string> names;
    for (const auto& file : test::toml_files(scenario_dir))
        EXPECT_TRUE(names.insert(test_name(file)).second) << "duplicate test name from " << file;
}

constexpr std::string_view clean_intake =
    R"(intake = '{"format": "unload-intake/1", "person": {"age": 40}, "symptoms": {"pain_now": 1}}')";

TEST(ScenarioRunner, UnknownExpectKeyFails) {
    const auto doc = toml::parse(
        fmt::format("name = \"typo\"\n{}\n[expect]\nverdcit = \"clear\"\n", clean_intake));
    EXPECT_NONFATAL_FAILURE(check_scenario(doc, "inline.toml"), "[expect].verdcit: unknown key");
}

TEST(ScenarioRunner, AWrongDoseFails) {
    // 40 years, 30 minutes: whatever the doses are, no item holds a stretch for 9999 s.
    const auto doc = toml::parse(fmt::format(
        "name = \"dose\"\n{}\n[expect]\ndose = [\"ninety_ninety:hold_s=9999\"]\n", clean_intake));
    EXPECT_NONFATAL_FAILURE(check_scenario(doc, "inline.toml"),
                            "[expect].dose: ninety_ninety:hold_s=9999 not found");
}

TEST(ScenarioRunner, AMalformedDoseFails) {
    const auto doc = toml::parse(fmt::format(
        "name = \"dose\"\n{}\n[expect]\ndose = [\"ninety_ninety:hold=30\"]\n", clean_intake));
    EXPECT_NONFATAL_FAILURE(check_scenario(doc, "inline.toml"), "expected item:field=value");
}

TEST(ScenarioRunner, WrongMinutesFail) {
    const auto doc = toml::parse(
        fmt::format("name = \"minutes\"\n{}\n[expect]\nminutes = 9999\n", clean_intake));
    EXPECT_NONFATAL_FAILURE(check_scenario(doc, "inline.toml"), "[expect].minutes: expected 9999");
}

TEST(ScenarioRunner, UnknownTopLevelKeyFails) {
    const auto doc = toml::parse(fmt::format(
        "name = \"typo\"\nweeks = 3\n{}\n[expect]\nverdict = \"clear\"\n", clean_intake));
    EXPECT_NONFATAL_FAILURE(check_scenario(doc, "inline.toml"), "weeks: unknown key");
}

} // namespace
