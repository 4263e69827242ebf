#include "http/metrics.hpp"

#include <fmt/format.h>

namespace unload::http {

namespace {

constexpr auto relaxed = std::memory_order_relaxed;

std::string label_value(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\\' || c == '"')
            out.push_back('\\');
        out.push_back(c);
    }
    return out;
}

void write_histogram(std::string& out, std::string_view name, const std::string& labels,
                     const auto& histogram) {
    std::uint64_t cumulative = 0;
    for (std::size_t i = 0; i < Metrics::buckets.size(); ++i) {
        cumulative += histogram.counts[i].load(relaxed);
        out += fmt::format("{}_bucket{{{}{}le=\"{}\"}} {}\n", name, labels,
                           labels.empty() ? "" : ",", Metrics::buckets[i], cumulative);
    }
    const auto total = histogram.total.load(relaxed);
    out += fmt::format("{}_bucket{{{}{}le=\"+Inf\"}} {}\n", name, labels, labels.empty() ? "" : ",",
                       total);
    const auto braces = labels.empty() ? std::string() : "{" + labels + "}";
    out += fmt::format("{}_sum{} {:.6f}\n", name, braces,
                       static_cast<double>(histogram.sum_ns.load(relaxed)) / 1e9);
    out += fmt::format("{}_count{} {}\n", name, braces, total);
}

} // namespace

void Metrics::Histogram::observe(double seconds) {
    std::size_t bucket = 0;
    while (bucket < buckets.size() && seconds > buckets[bucket])
        ++bucket;
    if (bucket < buckets.size())
        counts[bucket].fetch_add(1, relaxed);
    total.fetch_add(1, relaxed);
    sum_ns.fetch_add(static_cast<std::uint64_t>(seconds * 1e9), relaxed);
}

Metrics::Metrics(std::vector<std::string> routes) : m_routes(std::move(routes)) {
    m_routes.emplace_back("unmatched");
    m_counters = std::make_unique<RouteCounters[]>(m_routes.size());
}

void Metrics::observe_request(std::size_t route, int status, double seconds) {
    auto& counters = m_counters[route < m_routes.size() ? route : unmatched()];
    if (status >= 100 && status <= 599)
        counters.by_status[static_cast<std::size_t>(status - 100)].fetch_add(1, relaxed);
    counters.latency.observe(seconds);
}

void Metrics::observe_database(double seconds) {
    m_database.observe(seconds);
}

void Metrics::connection_opened() {
    m_open.fetch_add(1, relaxed);
    m_accepted.fetch_add(1, relaxed);
}

void Metrics::connection_closed() {
    m_open.fetch_sub(1, relaxed);
}

std::int64_t Metrics::open_connections() const {
    return m_open.load(relaxed);
}

std::string Metrics::prometheus() const {
    std::string out;
    out += "# HELP unload_http_requests_total HTTP requests answered, by route and status.\n"
           "# TYPE unload_http_requests_total counter\n";
    for (std::size_t route = 0; route < m_routes.size(); ++route)
        for (std::size_t status = 0; status < 500; ++status)
            if (const auto count = m_counters[route].by_status[status].load(relaxed))
                out += fmt::format("unload_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n",
                                   label_value(m_routes[route]), status + 100, count);
    out += "# HELP unload_http_request_duration_seconds Time from a whole request read to its "
           "answer ready, by route.\n"
           "# TYPE unload_http_request_duration_seconds histogram\n";
    for (std::size_t route = 0; route < m_routes.size(); ++route)
        if (m_counters[route].latency.total.load(relaxed) > 0)
            write_histogram(out, "unload_http_request_duration_seconds",
                            fmt::format("route=\"{}\"", label_value(m_routes[route])),
                            m_counters[route].latency);
    out += "# HELP unload_http_open_connections Connections open now.\n"
           "# TYPE unload_http_open_connections gauge\n";
    out += fmt::format("unload_http_open_connections {}\n", m_open.load(relaxed));
    out += "# HELP unload_http_connections_total Connections accepted since start.\n"
           "# TYPE unload_http_connections_total counter\n";
    out += fmt::format("unload_http_connections_total {}\n", m_accepted.load(relaxed));
    out += "# HELP unload_database_duration_seconds Time spent in database work per request.\n"
           "# TYPE unload_database_duration_seconds histogram\n";
    write_histogram(out, "unload_database_duration_seconds", {}, m_database);
    return out;
}

} // namespace unload::http
