// `unload progress` over five years of daily sessions (issue: < 100 ms). Builds a database once
// with 1,826 days, each with one session (its real steps and events) and a diary entry, then
// measures (1) reading it through the repository and computing progress in-process, and (2) the
// whole command as a person runs it, `unload --format json progress --weeks 261`, as a process.
//
// Run: build/bench/unload_progress_bench   (`make bench` runs it; the database goes to /tmp)

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>

#include <benchmark/benchmark.h>

#include "content/loader.hpp"
#include "core/planner.hpp"
#include "core/progress.hpp"
#include "core/session.hpp"
#include "json/intake.hpp"
#include "store/store.hpp"

namespace {

using namespace unload;
using namespace std::chrono;

constexpr int day_count = 1826; // Five years.
const core::Day first_day = sys_days{2021y / November / 22};
const std::string intake_text =
    R"({"format": "unload-intake/1", "person": {"age": 40}, "symptoms": {"pain_now": 5}})";

const core::KnowledgeBase& kb() {
    static const auto loaded = content::load(UNLOAD_CONTENT_DIR);
    if (!loaded)
        std::abort();
    return *loaded;
}

/// Builds the five-year database once per process (it is kept between runs when it is complete).
const std::string& database() {
    static const std::string database_url = [] {
        const auto path = std::filesystem::temp_directory_path() / "unload-progress-bench.db";
        const std::string url = "sqlite:" + path.string();
        auto storage = store::open(url);
        if (!storage)
            std::abort();
        const auto record = (*storage)->record(1);
        auto& r = *record;
        if (!r.sessions(first_day, first_day + std::chrono::days{day_count},
                        core::SessionDetail::Summary)
                 ->empty())
            return url;
        const auto intake = json::decode_intake(kb(), intake_text);
        const auto plan = core::plan(kb(), *intake, 1);
        const auto start = core::Timestamp{first_day} + 8h;
        (void)r.add_intake({.id = 0, .at = start, .document = intake_text}, std::nullopt);
        const auto version = r.add_program_version({.id = 0,
                                                    .intake_id = 1,
                                                    .created_at = start,
                                                    .starts_on = first_day,
                                                    .week = 1,
                                                    .stage = "relief_once",
                                                    .origin = "start",
                                                    .because = {},
                                                    .document = "{}"});
        core::SessionRun run(kb(), *plan.program, plan.screening.allowed);
        while (!run.ended()) {
            const auto due = run.next_due_ms();
            run.advance(due ? *due : 0);
        }
        auto session = run.record();
        for (int day = 0; day < day_count; ++day) {
            const core::Day on = first_day + std::chrono::days{day};
            session.program_version_id = *version;
            session.started_at = core::Timestamp{on} + 8h;
            session.day = on;
            session.pain_before = 5 - day * 4 / day_count;
            session.pain_after = *session.pain_before;
            (void)r.add_session(session);
            (void)r.add_pain({.id = 0,
                              .at = core::Timestamp{on} + 20h,
                              .day = on,
                              .pain = *session.pain_before,
                              .note = "evening"});
        }
        return url;
    }();
    return database_url;
}

void BM_ProgressFiveYearsInProcess(benchmark::State& state) {
    const auto& url = database();
    const core::Day last = first_day + std::chrono::days{day_count - 1};
    const core::Day from = last - std::chrono::days{261 * 7 - 1};
    for (auto _ : state) {
        auto storage = store::open(url);
        const auto record = (*storage)->record(1);
        auto& r = *record;
        const auto sessions = r.sessions(from, last, core::SessionDetail::Summary);
        const auto pain = r.pain_entries(from, last);
        const auto scores = r.scores();
        const auto versions = r.program_versions();
        const auto result =
            core::progress(kb(), from, last, *sessions, *pain, *scores, *versions, 5);
        benchmark::DoNotOptimize(result.done_sessions);
        state.counters["sessions"] = static_cast<double>(sessions->size());
    }
}
BENCHMARK(BM_ProgressFiveYearsInProcess)->Unit(benchmark::kMillisecond);

void BM_ProgressFiveYearsCommand(benchmark::State& state) {
    const auto& url = database();
    const std::string command = "UNLOAD_DB='" + url + "' UNLOAD_NOW=2026-11-21T21:00:00Z TZ=UTC '" +
                                UNLOAD_BINARY + "' --format json progress --weeks 261 >/dev/null";
    for (auto _ : state) {
        const auto start = steady_clock::now();
        if (std::system(command.c_str()) != 0)
            state.SkipWithError("unload progress failed");
        state.SetIterationTime(duration<double>(steady_clock::now() - start).count());
    }
}
BENCHMARK(BM_ProgressFiveYearsCommand)->UseManualTime()->Unit(benchmark::kMillisecond);

} // namespace

BENCHMARK_MAIN();
