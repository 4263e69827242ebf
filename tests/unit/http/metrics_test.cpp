// The Prometheus text format of `GET /metrics`: every family announced with HELP and TYPE before
// its samples, request counts by route and status, latency histograms whose buckets are
// cumulative and end in +Inf equal to the count, the connection gauge, and database timings.
// Durations are given to the counters directly, so nothing here depends on the clock.

#include <algorithm>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>

#include "http/metrics.hpp"

namespace unload::http {
namespace {

bool has_line(const std::string& text, std::string_view line) {
    return ("\n" + text).find("\n" + std::string(line) + "\n") != std::string::npos;
}

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        lines.push_back(line);
    return lines;
}

struct Bucket {
    std::string le;
    unsigned long long count = 0;
};

/// The `_bucket` samples of one histogram series, in the order written. `labels` is what comes
/// before `le` inside the braces (`route="GET /healthz",`), empty for an unlabelled histogram.
std::vector<Bucket> buckets_of(const std::string& text, std::string_view name,
                               std::string_view labels) {
    const std::string prefix = std::string(name) + "_bucket{" + std::string(labels) + "le=\"";
    std::vector<Bucket> out;
    for (const auto& line : lines_of(text)) {
        if (!line.starts_with(prefix))
            continue;
        const auto quote = line.find('"', prefix.size());
        const auto space = line.rfind(' ');
        out.push_back({.le = line.substr(prefix.size(), quote - prefix.size()),
                       .count = std::stoull(line.substr(space + 1))});
    }
    return out;
}

std::vector<std::string> route_names() {
    return {"GET /healthz", "GET /api/v1/exercises/{id}", "POST /api/v1/screen"};
}

TEST(HttpMetrics, EveryFamilyHasHelpAndTypeBeforeItsSamples) {
    Metrics metrics(route_names());
    metrics.observe_request(0, 200, 0.001);
    metrics.observe_database(0.001);
    metrics.connection_opened();
    const auto text = metrics.prometheus();
    struct Family {
        std::string_view name;
        std::string_view type;
    };
    const Family families[] = {
        {.name = "unload_http_requests_total", .type = "counter"},
        {.name = "unload_http_request_duration_seconds", .type = "histogram"},
        {.name = "unload_http_open_connections", .type = "gauge"},
        {.name = "unload_http_connections_total", .type = "counter"},
        {.name = "unload_database_duration_seconds", .type = "histogram"},
    };
    for (const auto& family : families) {
        SCOPED_TRACE(std::string(family.name));
        const std::string help = "# HELP " + std::string(family.name) + " ";
        const std::string type =
            "# TYPE " + std::string(family.name) + " " + std::string(family.type) + "\n";
        const auto help_at = text.find(help);
        const auto type_at = text.find(type);
        ASSERT_NE(help_at, std::string::npos) << text;
        ASSERT_NE(type_at, std::string::npos) << text;
        EXPECT_LT(help_at, type_at);
        // The first line that starts with the family's name is its first sample.
        const auto sample_at = text.find("\n" + std::string(family.name));
        ASSERT_NE(sample_at, std::string::npos) << text;
        EXPECT_GT(sample_at, type_at) << text;
    }
}

TEST(HttpMetrics, EverySampleLineIsNameLabelsAndANumber) {
    Metrics metrics(route_names());
    metrics.observe_request(1, 404, 0.02);
    metrics.observe_request(2, 400, 0.2);
    metrics.observe_database(0.004);
    const auto text = metrics.prometheus();
    ASSERT_TRUE(text.ends_with("\n"));
    const std::regex sample(
        R"re([a-z_]+(\{([a-z]+="([^"\\]|\\.)*",)*[a-z]+="([^"\\]|\\.)*"\})? [0-9]+(\.[0-9]+)?)re");
    for (const auto& line : lines_of(text)) {
        if (line.starts_with("# HELP ") || line.starts_with("# TYPE "))
            continue;
        EXPECT_TRUE(std::regex_match(line, sample)) << line;
    }
}

TEST(HttpMetrics, RequestsAreCountedByRouteAndStatus) {
    Metrics metrics(route_names());
    metrics.observe_request(1, 200, 0.001);
    metrics.observe_request(1, 200, 0.001);
    metrics.observe_request(1, 404, 0.001);
    metrics.observe_request(2, 400, 0.001);
    const auto text = metrics.prometheus();
    EXPECT_TRUE(has_line(
        text, R"(unload_http_requests_total{route="GET /api/v1/exercises/{id}",status="200"} 2)"))
        << text;
    EXPECT_TRUE(has_line(
        text, R"(unload_http_requests_total{route="GET /api/v1/exercises/{id}",status="404"} 1)"))
        << text;
    EXPECT_TRUE(
        has_line(text, R"(unload_http_requests_total{route="POST /api/v1/screen",status="400"} 1)"))
        << text;
    // A route nobody asked for has no samples at all.
    EXPECT_EQ(text.find(R"(route="GET /healthz")"), std::string::npos) << text;
}

TEST(HttpMetrics, UnmatchedIsTheLastRouteAndCatchesIndexesBeyondTheTable) {
    Metrics metrics(route_names());
    EXPECT_EQ(metrics.unmatched(), 3U);
    metrics.observe_request(metrics.unmatched(), 404, 0.001);
    metrics.observe_request(1000, 404, 0.001);
    EXPECT_TRUE(has_line(metrics.prometheus(),
                         R"(unload_http_requests_total{route="unmatched",status="404"} 2)"))
        << metrics.prometheus();
}

TEST(HttpMetrics, StatusOutsideTheHttpRangeIsNotCounted) {
    Metrics metrics(route_names());
    metrics.observe_request(0, 99, 0.001);
    metrics.observe_request(0, 600, 0.001);
    metrics.observe_request(0, 599, 0.001);
    const auto text = metrics.prometheus();
    EXPECT_EQ(text.find(R"(status="99")"), std::string::npos) << text;
    EXPECT_EQ(text.find(R"(status="600")"), std::string::npos) << text;
    EXPECT_TRUE(
        has_line(text, R"(unload_http_requests_total{route="GET /healthz",status="599"} 1)"))
        << text;
}

TEST(HttpMetrics, LatencyBucketsAreCumulativeAndEndInTheCount) {
    Metrics metrics(route_names());
    metrics.observe_request(0, 200, 0.0003); // Within the first bucket.
    metrics.observe_request(0, 200, 0.003);  // Within 0.005.
    metrics.observe_request(0, 200, 0.001);  // On a bound: le is inclusive.
    metrics.observe_request(0, 200, 3.0);    // Beyond the last bound: only +Inf.
    const auto text = metrics.prometheus();
    const auto buckets =
        buckets_of(text, "unload_http_request_duration_seconds", R"(route="GET /healthz",)");
    ASSERT_EQ(buckets.size(), Metrics::buckets.size() + 1) << text;
    for (std::size_t i = 0; i < Metrics::buckets.size(); ++i)
        EXPECT_DOUBLE_EQ(std::strtod(buckets[i].le.c_str(), nullptr), Metrics::buckets[i]);
    EXPECT_EQ(buckets.back().le, "+Inf");
    for (std::size_t i = 1; i < buckets.size(); ++i)
        EXPECT_LE(buckets[i - 1].count, buckets[i].count) << "le=" << buckets[i].le;

    const unsigned long long expected[] = {1, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4};
    for (std::size_t i = 0; i < buckets.size(); ++i)
        EXPECT_EQ(buckets[i].count, expected[i]) << "le=" << buckets[i].le;
    EXPECT_TRUE(
        has_line(text, R"(unload_http_request_duration_seconds_count{route="GET /healthz"} 4)"))
        << text;
    EXPECT_TRUE(has_line(
        text, R"(unload_http_request_duration_seconds_sum{route="GET /healthz"} 3.004300)"))
        << text;
}

TEST(HttpMetrics, OpenConnectionsGaugeFollowsOpenedAndClosed) {
    Metrics metrics(route_names());
    metrics.connection_opened();
    metrics.connection_opened();
    metrics.connection_opened();
    metrics.connection_closed();
    EXPECT_EQ(metrics.open_connections(), 2);
    const auto text = metrics.prometheus();
    EXPECT_TRUE(has_line(text, "unload_http_open_connections 2")) << text;
    EXPECT_TRUE(has_line(text, "unload_http_connections_total 3")) << text;
}

TEST(HttpMetrics, FreshMetricsShowZeroConnectionsAndAnEmptyDatabaseHistogram) {
    const Metrics metrics(route_names());
    const auto text = metrics.prometheus();
    EXPECT_TRUE(has_line(text, "unload_http_open_connections 0")) << text;
    EXPECT_TRUE(has_line(text, "unload_http_connections_total 0")) << text;
    EXPECT_TRUE(has_line(text, "unload_database_duration_seconds_count 0")) << text;
    EXPECT_TRUE(has_line(text, R"(unload_database_duration_seconds_bucket{le="+Inf"} 0)")) << text;
    EXPECT_EQ(text.find("unload_http_requests_total{"), std::string::npos) << text;
}

TEST(HttpMetrics, DatabaseHistogramHasNoLabels) {
    Metrics metrics(route_names());
    metrics.observe_database(0.02);
    metrics.observe_database(0.2);
    const auto text = metrics.prometheus();
    const auto buckets = buckets_of(text, "unload_database_duration_seconds", "");
    ASSERT_EQ(buckets.size(), Metrics::buckets.size() + 1) << text;
    const unsigned long long expected[] = {0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 2};
    for (std::size_t i = 0; i < buckets.size(); ++i)
        EXPECT_EQ(buckets[i].count, expected[i]) << "le=" << buckets[i].le;
    EXPECT_TRUE(has_line(text, "unload_database_duration_seconds_count 2")) << text;
    EXPECT_TRUE(has_line(text, "unload_database_duration_seconds_sum 0.220000")) << text;
}

TEST(HttpMetrics, LabelValuesAreEscaped) {
    Metrics metrics({R"(GET /a"b\c)"});
    metrics.observe_request(0, 200, 0.001);
    EXPECT_TRUE(has_line(metrics.prometheus(),
                         R"(unload_http_requests_total{route="GET /a\"b\\c",status="200"} 1)"))
        << metrics.prometheus();
}

} // namespace
} // namespace unload::http
