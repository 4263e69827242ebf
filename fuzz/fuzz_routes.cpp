// Fuzzes every route's body decoder directly, with no HTTP parsing in front: the input's first
// line names a route (`POST /api/v1/scores`; anything else picks one by its first byte) and the
// rest is the body, sent with the headers a browser of this server would send, over real content,
// a throwaway SQLite database and a program already started. Deep and wide documents (100,000
// nested arrays once crashed the server on /scores and /rescreen) must get a 4xx naming a field;
// no input may get a 5xx or crash.
#include <array>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz_world.hpp"
#include "http/api.hpp"

namespace {

namespace http = unload::http;

struct Target {
    http::Method method;
    std::string_view path;
};

constexpr std::array targets{
    Target{http::Method::Post, "/api/v1/plan"},
    Target{http::Method::Post, "/api/v1/screen"},
    Target{http::Method::Post, "/api/v1/program"},
    Target{http::Method::Post, "/api/v1/rescreen"},
    Target{http::Method::Post, "/api/v1/session/replay"},
    Target{http::Method::Post, "/api/v1/sessions"},
    Target{http::Method::Post, "/api/v1/pain"},
    Target{http::Method::Post, "/api/v1/review"},
    Target{http::Method::Post, "/api/v1/scores"},
    Target{http::Method::Put, "/api/v1/reminders"},
    Target{http::Method::Delete, "/api/v1/data"},
};

http::Request request_for(const Target& target, std::string body) {
    http::Request request;
    request.method = target.method;
    request.method_name = std::string(http::to_string(target.method));
    request.target = std::string(target.path);
    request.path = std::string(target.path);
    request.host = "127.0.0.1:8080";
    request.origin = "http://127.0.0.1:8080";
    request.content_type = "application/json";
    request.body = std::move(body);
    return request;
}

unload::fuzz::World& world() {
    static auto* const instance = [] {
        auto* made = unload::fuzz::make_world("routes", {});
        // A program in force, so that the session, review and rescreen routes decode for real.
        std::ifstream example(UNLOAD_EXAMPLE_INTAKE);
        auto start =
            request_for(targets[2], std::string(std::istreambuf_iterator<char>(example), {}));
        if (made->api->handle(start).status != 201)
            std::abort();
        return made;
    }();
    return *instance;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& w = world();
    std::string_view input(reinterpret_cast<const char*>(data), size);
    const auto newline = input.find('\n');
    const auto first_line = input.substr(0, newline);
    const Target* target = nullptr;
    for (const auto& candidate : targets)
        if (first_line ==
            std::string(http::to_string(candidate.method)) + " " + std::string(candidate.path))
            target = &candidate;
    if (target && newline != std::string_view::npos) {
        input.remove_prefix(newline + 1);
    } else {
        target = &targets[size == 0 ? 0 : data[0] % targets.size()];
        if (size > 0)
            input.remove_prefix(1);
    }
    auto request = request_for(*target, std::string(input));
    const auto response = w.api->handle(request);
    if (response.status < 200 || response.status >= 500)
        std::abort();
    if (response.status >= 400) {
        const auto document = nlohmann::json::parse(response.payload(), nullptr, false);
        if (!document.is_object() || !document["error"].is_object() ||
            !document["error"]["field"].is_string() || !document["error"]["code"].is_string())
            std::abort();
    }
    return 0;
}
