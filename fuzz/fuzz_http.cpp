// Fuzzes the server's request path without a socket: raw bytes through Beast's parser with the
// server's limits, then the whole middleware pipeline, router, handlers and request decoders,
// over real content and a throwaway SQLite database. Whatever arrives, the answer must be a valid
// HTTP status with the security headers and, for an error, a JSON error document naming a code.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_world.hpp"
#include "http/wire.hpp"

namespace {

unload::fuzz::World& world() {
    static auto* const instance = unload::fuzz::make_world("http", {.token = {}, .hosts = {"x"}});
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
