#pragma once

// `unload serve`: Boost.Beast over Asio with C++20 coroutines, after Beast's advanced server.
// A listener accepts connections; each connection is one coroutine on its own strand that reads a
// request (header and body limits, read and idle timeouts), passes it through the pipeline, and
// writes the answer, keeping the connection alive between requests. Requests on one connection
// are answered one at a time, in order, so pipelining is bounded by the read buffer. Handlers
// that touch the database run on a separate one-thread pool, never on the I/O threads.
//
// Graceful shutdown (SIGINT, SIGTERM or stop()): the listener closes, idle connections close at
// once, and a connection in the middle of a request finishes it (answering `Connection: close`)
// within the grace period; database work that started always completes, so nothing is stored
// half-way. Beast stays inside server.cpp and wire.cpp.

#include <cstdint>
#include <memory>

#include "core/error.hpp"
#include "http/api.hpp"
#include "http/config.hpp"

namespace unload::http {

/// The largest request body accepted; larger ones get 413 (interfaces.md).
inline constexpr std::size_t max_body_bytes = 1024 * 1024;
/// The largest request header block accepted.
inline constexpr std::size_t max_header_bytes = 16 * 1024;

class Server {
public:
    Server(Api& api, const ServerConfig& config);
    ~Server();
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;

    /// Binds and listens (port 0 picks a free port); an Io error names the address on failure.
    core::Result<void> listen();
    /// The port listened on, once listen() succeeded.
    std::uint16_t port() const;
    /// Starts the I/O threads and returns at once.
    void start();
    /// Also stops on SIGINT and SIGTERM (the command line; tests use stop()).
    void stop_on_signals();
    /// Begins a graceful shutdown; safe from any thread, more than once.
    void stop();
    /// Blocks until the shutdown has finished and every thread has ended.
    void wait();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace unload::http
