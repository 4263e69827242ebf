// Fuzzes the server's request path without a socket: raw bytes through Beast's parser with the
// server's limits, then the whole middleware pipeline, router, handlers and request decoders,
// over real content and a throwaway SQLite database. Whatever arrives, the answer must be a valid
// HTTP status with the security headers and, for an error, a JSON error document naming a code.
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string_view>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "content/loader.hpp"
#include "core/clock.hpp"
#include "http/api.hpp"
#include "http/wire.hpp"
#include "store/store.hpp"

namespace {

struct World {
    unload::core::KnowledgeBase kb;
    std::unique_ptr<unload::core::Repository> repo;
    unload::core::VirtualClock clock{unload::core::Timestamp{std::chrono::seconds{1795852800}}};
    std::unique_ptr<unload::service::Workspace> ws;
    std::unique_ptr<unload::http::Api> api;
};

World& world() {
    static World* const instance = [] {
        auto* made = new World;
        auto loaded = unload::content::load(UNLOAD_CONTENT_DIR);
        if (!loaded)
            std::abort();
        made->kb = std::move(*loaded);
        const auto dir = std::filesystem::temp_directory_path() /
                         ("unload-fuzz-http-" + std::to_string(::getpid()));
        std::filesystem::create_directories(dir);
        auto repo = unload::store::open("sqlite:" + (dir / "fuzz.db").string());
        if (!repo)
            std::abort();
        made->repo = std::move(*repo);
        made->ws = std::make_unique<unload::service::Workspace>(
            unload::service::Workspace{.kb = made->kb, .repo = *made->repo, .clock = made->clock});
        made->api = std::make_unique<unload::http::Api>(
            *made->ws, unload::http::ApiOptions{.web_root = dir / "web",
                                                .policy = {.token = {}, .hosts = {"x"}},
                                                .access_log = {}});
        return made;
    }();
    return *instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& w = world();
    const std::string_view raw(reinterpret_cast<const char*>(data), size);
    auto parsed = unload::http::parse_request(raw);
    if (!parsed.request)
        return 0;
    const auto response = w.api->handle(*parsed.request);
    // A 500 means a bug or an exception escaped a handler: whatever the input, that is a finding.
    if (response.status < 200 || response.status >= 500)
        std::abort();
    if (!response.header("Content-Security-Policy") || !response.header("X-Request-Id"))
        std::abort();
    if (response.status >= 400 && response.content_type == "application/json") {
        const auto document = nlohmann::json::parse(response.payload(), nullptr, false);
        if (!document.is_object() || !document.contains("error") ||
            !document["error"].contains("code") || !document["error"]["code"].is_string())
            std::abort();
    }
    return 0;
}
