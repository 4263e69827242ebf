// Timeline drift on the real clock (issue: < 5 ms after 60 s). Plays the first 60 seconds of a
// real session with the terminal player's own scheduling (wait_budget_ms, a poll-style wait)
// and measures, for every step boundary, how late the player noticed it: the real time it saw
// the new step minus the time the timeline says the step began. Prints the lateness of the last
// boundary before 60 s and the worst one, over several runs.
//
// Run: build/bench/unload_session_drift [runs]   (`make bench` runs it)

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <poll.h>

#include "cli/player.hpp"
#include "content/loader.hpp"
#include "core/planner.hpp"
#include "json/intake.hpp"

namespace {

using namespace unload;

struct Drift {
    double last_ms = 0;
    double worst_ms = 0;
    int boundaries = 0;
};

double now_ms(std::chrono::steady_clock::time_point origin) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - origin)
        .count();
}

Drift play_one_minute(const core::KnowledgeBase& kb, const core::Plan& plan) {
    core::SessionRun run(kb, *plan.program, plan.screening.allowed);
    const auto origin = std::chrono::steady_clock::now();
    Drift drift;
    std::size_t seen = 0;
    while (!run.ended()) {
        const double real = now_ms(origin);
        const auto at = static_cast<std::int64_t>(real);
        if (at >= 60'000) {
            run.quit(at);
            break;
        }
        run.advance(at);
        const auto record = run.record();
        for (; seen < record.steps.size(); ++seen) {
            const double late = real - static_cast<double>(record.steps[seen].ended_ms);
            drift.last_ms = late;
            drift.worst_ms = std::max(drift.worst_ms, late);
            ++drift.boundaries;
        }
        // The player waits in poll() for a key; here no key ever comes.
        poll(nullptr, 0, unload::cli::wait_budget_ms(run, at, 1.0));
    }
    return drift;
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::atoi(argv[1]) : 3;
    auto kb = content::load(UNLOAD_CONTENT_DIR);
    if (!kb) {
        std::fprintf(stderr, "content failed to load\n");
        return 1;
    }
    const auto intake = json::decode_intake(
        *kb, R"({"format": "unload-intake/1", "person": {"age": 40}, "symptoms": {"pain_now": 3},
                 "equipment": ["mat", "chair", "counter", "towel", "pillow"],
                 "minutes_per_session": 5})");
    auto plan = core::plan(*kb, *intake, 3);
    // Keep the paced-repetition exercises (a step every few seconds), so the first minute has many
    // step boundaries to measure rather than one long hold.
    std::erase_if(plan.program->routine,
                  [](const core::RoutineItem& item) { return item.rep_s == 0; });
    std::printf("Timeline drift over the first 60 s of a real session, %d runs\n", runs);
    std::printf("%-6s %-12s %-18s %-16s\n", "run", "boundaries", "last boundary ms", "worst ms");
    for (int i = 1; i <= runs; ++i) {
        const auto drift = play_one_minute(*kb, plan);
        std::printf("%-6d %-12d %-18.3f %-16.3f\n", i, drift.boundaries, drift.last_ms,
                    drift.worst_ms);
    }
    return 0;
}
