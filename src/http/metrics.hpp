#pragma once

// Counters for `GET /metrics` in the Prometheus text format: requests by route, method and
// status, a latency histogram per route, open connections, and how long database work takes.
// Every update is a relaxed atomic add, so the I/O threads never wait on each other to count.

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace unload::http {

class Metrics {
public:
    /// Upper bounds of the latency buckets, in seconds.
    static constexpr std::array<double, 12> buckets{0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                    0.05,   0.1,   0.25,   0.5,   1.0,  2.5};

    /// One label set per route (`GET /api/v1/exercises/{id}`); requests that matched no route are
    /// counted under the last, `unmatched`.
    explicit Metrics(std::vector<std::string> routes);

    void observe_request(std::size_t route, int status, double seconds);
    void observe_database(double seconds);
    void connection_opened();
    void connection_closed();
    std::int64_t open_connections() const;
    std::size_t unmatched() const { return m_routes.size() - 1; }

    std::string prometheus() const;

private:
    struct Histogram {
        std::array<std::atomic<std::uint64_t>, buckets.size()> counts{};
        std::atomic<std::uint64_t> total{0};
        std::atomic<std::uint64_t> sum_ns{0};
        void observe(double seconds);
    };
    struct RouteCounters {
        std::array<std::atomic<std::uint64_t>, 500> by_status{}; ///< Status 100..599.
        Histogram latency;
    };

    std::vector<std::string> m_routes;
    std::unique_ptr<RouteCounters[]> m_counters;
    Histogram m_database;
    std::atomic<std::int64_t> m_open{0};
    std::atomic<std::uint64_t> m_accepted{0};
};

} // namespace unload::http
