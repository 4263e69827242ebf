// HTTP benchmarks without sockets (Google Benchmark): what `POST /api/v1/plan` costs the server
// apart from the network, so that a change to the route can be measured on its own. Each case
// runs in-process over the real content and a throwaway SQLite database:
//
//   - encode_*: the plan and screen documents as text, through an nlohmann tree and dump() (the
//     route's first version) and with the direct writer it uses now;
//   - decode_body: the request body parsed and decoded into an intake;
//   - pipeline_post_plan: a ready Request through the whole middleware pipeline (Api::handle);
//   - wire_post_plan: the raw request bytes through Beast's parser and then the pipeline, which
//     is everything the server does per request except reading and writing the socket.
//
// Run: build/bench/unload_http_bench (UNLOAD_CONTENT may name another content directory). The
// wrk figures of docs/benchmarks.md ("Stage 3: HTTP") include the sockets and wrk itself.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <string>

#include <benchmark/benchmark.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include "content/loader.hpp"
#include "core/clock.hpp"
#include "core/planner.hpp"
#include "http/api.hpp"
#include "http/requests.hpp"
#include "http/wire.hpp"
#include "json/document_text.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "store/store.hpp"

namespace {

using namespace unload;

[[noreturn]] void fail(const std::string& what) {
    std::cerr << what << "\n";
    std::abort();
}

/// Everything the API needs, made once: content, a temporary database, a clock and the Api.
struct World {
    core::KnowledgeBase kb;
    std::filesystem::path dir;
    std::unique_ptr<core::Storage> repo;
    core::VirtualClock clock{core::Timestamp{std::chrono::seconds{1795852800}}};
    std::unique_ptr<service::Resources> ws;
    std::unique_ptr<http::Api> api;
    std::string intake_text; ///< examples/desk-worker.json, the body bench/http/run.sh sends.

    World() {
        // UNLOAD_CONTENT, as for the CLI, points at another copy of the content when needed.
        const char* dir_override = std::getenv("UNLOAD_CONTENT");
        auto loaded =
            content::load(dir_override && *dir_override ? dir_override : UNLOAD_CONTENT_DIR);
        if (!loaded)
            fail(loaded.error().front().to_string());
        kb = std::move(*loaded);
        dir = std::filesystem::temp_directory_path() /
              fmt::format("unload-http-bench-{}", ::getpid());
        std::filesystem::create_directories(dir);
        auto opened = store::open("sqlite:" + (dir / "bench.db").string());
        if (!opened)
            fail(opened.error().to_string());
        repo = std::move(*opened);
        ws = std::make_unique<service::Resources>(
            service::Resources{.kb = kb, .storage = *repo, .clock = clock});
        api = std::make_unique<http::Api>(
            *ws, http::ApiOptions{.web_root = dir / "web", .policy = {}, .access_log = {}});
        std::ifstream in(std::string(UNLOAD_CONTENT_DIR) + "/../examples/desk-worker.json");
        std::stringstream text;
        text << in.rdbuf();
        intake_text = text.str();
    }
    World(const World&) = delete;
    World& operator=(const World&) = delete;
    ~World() {
        api.reset();
        ws.reset();
        repo.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }

    core::Intake intake() const {
        auto decoded = json::decode_intake(kb, intake_text);
        if (!decoded)
            fail(decoded.error().to_string());
        return *decoded;
    }
};

World& world() {
    static World instance;
    return instance;
}

/// The request as wrk sends it (bench/http/post_plan.lua): headers, then the intake as the body.
std::string raw_post_plan(const World& w) {
    return fmt::format("POST /api/v1/plan HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
                       "Content-Type: application/json\r\nContent-Length: {}\r\n\r\n{}",
                       w.intake_text.size(), w.intake_text);
}

void encode_plan_dump(benchmark::State& state) {
    auto& w = world();
    const auto plan = core::plan(w.kb, w.intake(), static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto text = json::plan_document(w.kb, plan)
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        bytes += text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(encode_plan_dump)->Arg(1)->Arg(5);

void encode_screen_dump(benchmark::State& state) {
    auto& w = world();
    const auto screening = core::screen(w.kb, w.intake());
    for (auto _ : state) {
        auto text = json::screen_document(w.kb, screening)
                        .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(encode_screen_dump);

void encode_plan_text(benchmark::State& state) {
    auto& w = world();
    const auto plan = core::plan(w.kb, w.intake(), static_cast<int>(state.range(0)));
    std::size_t bytes = 0;
    for (auto _ : state) {
        auto text = json::plan_text(w.kb, plan);
        bytes += text.size();
        benchmark::DoNotOptimize(text);
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}
BENCHMARK(encode_plan_text)->Arg(1)->Arg(5);

void encode_screen_text(benchmark::State& state) {
    auto& w = world();
    const auto screening = core::screen(w.kb, w.intake());
    for (auto _ : state) {
        auto text = json::screen_text(w.kb, screening);
        benchmark::DoNotOptimize(text);
    }
}
BENCHMARK(encode_screen_text);

void decode_body(benchmark::State& state) {
    auto& w = world();
    for (auto _ : state) {
        auto root = http::parse_object(w.intake_text);
        auto intake = json::decode_intake_document(w.kb, *root);
        benchmark::DoNotOptimize(intake);
    }
}
BENCHMARK(decode_body);

void pipeline_post_plan(benchmark::State& state) {
    auto& w = world();
    http::Request prototype;
    prototype.method = http::Method::Post;
    prototype.method_name = "POST";
    prototype.target = "/api/v1/plan";
    prototype.path = "/api/v1/plan";
    prototype.host = "127.0.0.1:8080";
    prototype.content_type = "application/json";
    prototype.body = w.intake_text;
    for (auto _ : state) {
        // The server moves a fresh Request into the pipeline for every request; so does this.
        auto request = prototype;
        auto response = w.api->handle(request);
        if (response.status != 200)
            fail(fmt::format("POST /api/v1/plan answered {}: {}", response.status,
                             response.payload()));
        benchmark::DoNotOptimize(response);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(pipeline_post_plan);

void wire_post_plan(benchmark::State& state) {
    auto& w = world();
    const auto raw = raw_post_plan(w);
    for (auto _ : state) {
        auto parsed = http::parse_request(raw);
        if (!parsed.request)
            fail("the benchmark's request did not parse");
        auto response = w.api->handle(*parsed.request);
        if (response.status != 200)
            fail(fmt::format("POST /api/v1/plan answered {}", response.status));
        benchmark::DoNotOptimize(response);
    }
    state.SetItemsProcessed(state.iterations());
}
BENCHMARK(wire_post_plan);

} // namespace

BENCHMARK_MAIN();
