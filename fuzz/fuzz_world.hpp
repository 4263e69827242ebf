#pragma once

// What the HTTP fuzz targets share: the real content, a throwaway SQLite database in a temporary
// folder of this process, a virtual clock and the API over them, made once per process.

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include <unistd.h>

#include "content/loader.hpp"
#include "core/clock.hpp"
#include "http/api.hpp"
#include "store/store.hpp"

namespace unload::fuzz {

struct World {
    core::KnowledgeBase kb;
    std::unique_ptr<core::Storage> repo;
    core::VirtualClock clock{core::Timestamp{std::chrono::seconds{1795852800}}};
    std::unique_ptr<service::Resources> ws;
    std::unique_ptr<http::Api> api;
};

/// A new world for the target `name` (it names the temporary folder), whose API applies
/// `policy`. Never freed: the fuzzer runs until the process ends. Aborts when it cannot be made.
inline World* make_world(std::string_view name, http::Policy policy) {
    auto* made = new World;
    auto loaded = content::load(UNLOAD_CONTENT_DIR);
    if (!loaded)
        std::abort();
    made->kb = std::move(*loaded);
    const auto dir = std::filesystem::temp_directory_path() /
                     ("unload-fuzz-" + std::string(name) + "-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    auto repo = store::open("sqlite:" + (dir / "fuzz.db").string());
    if (!repo)
        std::abort();
    made->repo = std::move(*repo);
    made->ws = std::make_unique<service::Resources>(
        service::Resources{.kb = made->kb, .storage = *made->repo, .clock = made->clock});
    made->api = std::make_unique<http::Api>(
        *made->ws,
        http::ApiOptions{.web_root = dir / "web", .policy = std::move(policy), .access_log = {}});
    return made;
}

} // namespace unload::fuzz
