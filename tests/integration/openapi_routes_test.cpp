// docs/openapi.yaml and the router must agree: every route the server knows is documented, and
// every documented operation is a route (one marked `x-per-person` twice, the second time under
// /api/v1/people/{person}/). `make test` bundles the YAML to JSON with Redocly
// (scripts/openapi/check.sh BUILD/openapi.json) before ctest runs this.

#include <filesystem>
#include <fstream>
#include <set>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "content/loader.hpp"
#include "core/calendar.hpp"
#include "core/clock.hpp"
#include "http/api.hpp"
#include "store/store.hpp"

namespace unload::test {
namespace {

namespace fs = std::filesystem;

std::set<std::string> documented_operations(const nlohmann::json& document) {
    std::set<std::string> operations;
    for (const auto& [path, item] : document.at("paths").items())
        for (const auto& [method, operation] : item.items()) {
            std::string upper = method;
            for (auto& c : upper)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            if (upper != "GET" && upper != "POST" && upper != "PUT" && upper != "DELETE" &&
                upper != "PATCH")
                continue;
            operations.insert(upper + " " + path);
            // A route over the record is also served for a named person (the info's "Whose
            // record").
            if (operation.value("x-per-person", false))
                operations.insert(upper + " /api/v1/people/{person}/" + path.substr(8));
        }
    return operations;
}

TEST(OpenApiRoutes, EveryRouteIsDocumentedAndEveryDocumentedOperationIsARoute) {
    std::ifstream in(UNLOAD_OPENAPI_BUNDLE);
    ASSERT_TRUE(in) << "no " << UNLOAD_OPENAPI_BUNDLE << ": run `scripts/openapi/check.sh "
                    << UNLOAD_OPENAPI_BUNDLE << "` first (make test does)";
    const auto document = nlohmann::json::parse(in);
    EXPECT_EQ(document.at("openapi").get<std::string>().substr(0, 3), "3.1");

    auto kb = content::load(fs::path(UNLOAD_SOURCE_DIR) / "content");
    ASSERT_TRUE(kb);
    const auto dir = fs::temp_directory_path() / ("unload-openapi-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    auto repo = store::open("sqlite:" + (dir / "unload.db").string());
    ASSERT_TRUE(repo);
    core::VirtualClock clock(*core::parse_iso_timestamp("2026-11-02T08:00:00Z"));
    const service::Resources ws{.kb = *kb, .storage = **repo, .clock = clock};
    const http::Api api(ws, {.web_root = dir / "web", .policy = {}, .access_log = {}});

    std::set<std::string> routed;
    for (const auto& route : api.router().routes())
        routed.insert(std::string(http::to_string(route.method)) + " " + route.pattern);
    const auto documented = documented_operations(document);
    for (const auto& operation : routed)
        EXPECT_TRUE(documented.contains(operation)) << "not in docs/openapi.yaml: " << operation;
    for (const auto& operation : documented)
        EXPECT_TRUE(routed.contains(operation)) << "documented but not routed: " << operation;
    repo->reset();
    fs::remove_all(dir);
}

} // namespace
} // namespace unload::test
