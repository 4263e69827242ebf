// Engine benchmarks (Google Benchmark): content load, screening alone, and screening + plan for a
// typical intake with content loaded once. `make bench` runs them; docs/benchmarks.md records them.
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>

#include <benchmark/benchmark.h>

#include "content/loader.hpp"
#include "core/planner.hpp"
#include "json/intake.hpp"

namespace {

using namespace unload;

const core::KnowledgeBase& knowledge() {
    static const auto kb = [] {
        auto loaded = content::load(UNLOAD_CONTENT_DIR);
        if (!loaded) {
            std::cerr << loaded.error().front().to_string() << "\n";
            std::abort();
        }
        return std::move(*loaded);
    }();
    return kb;
}

/// The README's worked example: a desk worker whose back aches after sitting.
const core::Intake& typical_intake() {
    static const auto intake = [] {
        std::ifstream in(std::string(UNLOAD_CONTENT_DIR) + "/../examples/desk-worker.json");
        std::stringstream text;
        text << in.rdbuf();
        auto decoded = json::decode_intake(knowledge(), text.str());
        if (!decoded) {
            std::cerr << decoded.error().to_string() << "\n";
            std::abort();
        }
        return *decoded;
    }();
    return intake;
}

void content_load(benchmark::State& state) {
    for (auto _ : state) {
        auto loaded = content::load(UNLOAD_CONTENT_DIR);
        benchmark::DoNotOptimize(loaded);
    }
}
BENCHMARK(content_load)->Unit(benchmark::kMillisecond);

void screen_only(benchmark::State& state) {
    const auto& kb = knowledge();
    const auto& intake = typical_intake();
    for (auto _ : state) {
        auto screening = core::screen(kb, intake);
        benchmark::DoNotOptimize(screening);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(screen_only);

void screen_and_plan(benchmark::State& state) {
    const auto& kb = knowledge();
    const auto& intake = typical_intake();
    for (auto _ : state) {
        auto plan = core::plan(kb, intake, static_cast<int>(state.range(0)));
        benchmark::DoNotOptimize(plan);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(screen_and_plan)->Arg(1)->Arg(5);

void decode_intake(benchmark::State& state) {
    const auto& kb = knowledge();
    std::ifstream in(std::string(UNLOAD_CONTENT_DIR) + "/../examples/desk-worker.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto document = text.str();
    for (auto _ : state) {
        auto intake = json::decode_intake(kb, document);
        benchmark::DoNotOptimize(intake);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(decode_intake);

} // namespace

BENCHMARK_MAIN();
