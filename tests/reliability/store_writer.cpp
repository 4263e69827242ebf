// A writer for the storage reliability tests: writes sessions (30 steps and 3 events each) and pain
// entries in a loop, and prints `ack <kind> <id>` only after the call that stored it returned
// success, flushing each line so that a SIGKILL right after it cannot lose it. The test driver
// (store_reliability_test.py) kills it at random points and checks that every acknowledged record
// is in the database, complete.
//
// Usage: unload_store_writer DB_URL ROUNDS TAG
//   ROUNDS 0 writes until killed; otherwise each round writes one session and one pain entry.
//   TAG marks this writer's records (pain notes, event details) so two writers can be told apart.

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "core/ports/storage.hpp"
#include "core/records.hpp"
#include "store/store.hpp"

namespace {

constexpr int steps_per_session = 30;

void ack(const char* kind, unload::core::RecordId id) {
    std::printf("ack %s %lld\n", kind, static_cast<long long>(id));
    std::fflush(stdout);
}

[[noreturn]] void die(const unload::core::Error& error) {
    std::fprintf(stderr, "unload_store_writer: %s\n", error.to_string().c_str());
    std::exit(1);
}

template <class T>
T must(unload::core::Result<T> result) {
    if (!result)
        die(result.error());
    return std::move(*result);
}

unload::core::SessionRecord session(unload::core::RecordId program, long round,
                                    const std::string& tag) {
    using namespace std::chrono;
    const auto day = sys_days{year{2026} / January / 1} + days{round % 3650};
    unload::core::SessionRecord record{.program_version_id = program,
                                       .started_at = day + hours{7},
                                       .day = day,
                                       .planned_ms = 600'000,
                                       .active_ms = 580'000,
                                       .outcome = unload::core::SessionOutcome::Completed,
                                       .pain_before = static_cast<int>(round % 11),
                                       .pain_after = static_cast<int>((round + 3) % 11),
                                       .flare = false};
    for (int i = 0; i < steps_per_session; ++i)
        record.steps.push_back({.index = i,
                                .kind = i % 2 == 0 ? "hold" : "rest",
                                .item = "cat_cow",
                                .side = "",
                                .planned_ms = 20'000,
                                .started_ms = 20'000LL * i,
                                .ended_ms = 20'000LL * i + 19'000,
                                .result = unload::core::StepResult::Done});
    record.events = {
        {.at_ms = 1'000, .kind = unload::core::EventKind::Pause, .detail = tag},
        {.at_ms = 3'000, .kind = unload::core::EventKind::Resume, .detail = tag},
        {.at_ms = 50'000, .kind = unload::core::EventKind::Skip, .item = "cat_cow", .detail = tag}};
    return record;
}

} // namespace

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: unload_store_writer DB_URL ROUNDS TAG\n");
        return 2;
    }
    const std::string url = argv[1];
    const long rounds = std::strtol(argv[2], nullptr, 10);
    const std::string tag = argv[3];

    auto storage = must(unload::store::open(url));
    auto repo = storage->record(1);
    auto program = must(repo->current_program());
    if (!program) {
        const auto at = std::chrono::sys_seconds{
            std::chrono::sys_days{std::chrono::year{2026} / std::chrono::January / 1}};
        const auto intake = must(repo->add_intake({.at = at, .document = "{}"}, std::nullopt));
        const auto id =
            must(repo->add_program_version({.intake_id = intake,
                                            .created_at = at,
                                            .starts_on = std::chrono::floor<std::chrono::days>(at),
                                            .stage = "relief_once",
                                            .origin = "start"}));
        ack("program", id);
        program = unload::core::ProgramVersion{.id = id};
    }
    for (long round = 0; rounds == 0 || round < rounds; ++round) {
        ack("session", must(repo->add_session(session(program->id, round, tag))));
        const auto day = std::chrono::sys_days{std::chrono::year{2026} / std::chrono::January / 1} +
                         std::chrono::days{round % 3650};
        ack("pain",
            must(repo->add_pain({.at = std::chrono::sys_seconds{day} + std::chrono::hours{20},
                                 .day = day,
                                 .pain = static_cast<int>(round % 11),
                                 .note = tag})));
    }
    return 0;
}
