#define UNLOAD_HTTP_WITH_BEAST
#include "http/server.hpp"

#include <atomic>
#include <chrono>
#include <ctime>
#include <mutex>
#include <thread>
#include <unordered_set>
#include <variant>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/core/detect_ssl.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "http/wire.hpp"

namespace unload::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

/// The Date header, formatted once a second per thread rather than once a request.
const std::string& http_date() {
    thread_local std::time_t cached_second = 0;
    thread_local std::string cached;
    const auto now = std::time(nullptr);
    if (now != cached_second) {
        std::tm parts{};
        gmtime_r(&now, &parts);
        char text[64];
        const auto size = std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &parts);
        cached.assign(text, size);
        cached_second = now;
    }
    return cached;
}

using TlsStream = beast::ssl_stream<beast::tcp_stream>;

/// A connection, shared between its coroutine and a shutdown that may close it while idle: plain
/// TCP, or TLS over it once the handshake began.
struct Connection {
    explicit Connection(tcp::socket socket) : stream(beast::tcp_stream(std::move(socket))) {}
    std::variant<beast::tcp_stream, TlsStream> stream;
    bool busy = false; ///< Between a request read and its answer written; touched on the strand.

    /// The TCP stream underneath, for timeouts, closing and the peer's address.
    beast::tcp_stream& transport() {
        return std::visit([](auto& s) -> beast::tcp_stream& { return beast::get_lowest_layer(s); },
                          stream);
    }
    /// Wraps the TCP stream in TLS; the connection's strand only.
    TlsStream& start_tls(asio::ssl::context& context) {
        beast::tcp_stream plain(std::move(std::get<beast::tcp_stream>(stream)));
        return stream.emplace<TlsStream>(std::move(plain), context);
    }
};

/// What a plain-HTTP request to the TLS port gets before the connection closes.
constexpr std::string_view plain_http_refused =
    "HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: "
    "close\r\nContent-Length: 46\r\n\r\nThis server speaks HTTPS only: use https://.\r\n";

} // namespace

struct Server::Impl {
    Impl(Api& api_, const ServerConfig& config_)
        : api(api_), config(config_), io(config_.io_threads), control(asio::make_strand(io)),
          acceptor(control), signals(control), grace_timer(control), database(1),
          tls(asio::ssl::context::tls_server) {}

    asio::awaitable<void> accept_loop();
    bool at_connection_limit();
    void adopt(tcp::socket socket);
    asio::awaitable<void> serve(std::shared_ptr<Connection> connection);
    template <class Stream>
    asio::awaitable<void> exchange(Connection& connection, Stream& stream,
                                   beast::flat_buffer& buffer, const std::string& remote);
    void begin_shutdown();
    void forget(const std::shared_ptr<Connection>& connection);
    void cancel_grace_when_done();

    Api& api;
    ServerConfig config;
    asio::io_context io;
    /// Listener, signals, shutdown and its timer run here, one at a time.
    asio::strand<asio::io_context::executor_type> control;
    tcp::acceptor acceptor;
    asio::signal_set signals;
    asio::steady_timer grace_timer;
    asio::thread_pool database; ///< One thread: SQLite has one writer, and order is kept.
    asio::ssl::context tls;     ///< Used when the config names a certificate.
    bool use_tls = false;
    std::vector<std::thread> threads;
    std::uint16_t bound_port = 0;

    std::mutex mutex;
    std::unordered_set<std::shared_ptr<Connection>> connections;
    std::atomic<bool> draining{false};
    std::atomic<bool> at_limit{false};
};

void Server::Impl::adopt(tcp::socket socket) {
    auto connection = std::make_shared<Connection>(std::move(socket));
    {
        std::lock_guard lock(mutex);
        connections.insert(connection);
    }
    api.metrics().connection_opened();
    auto executor = connection->transport().get_executor();
    // An exception escaping a connection (out of memory, say) ends that connection only; the
    // handler closes it and forgets it, and the server goes on.
    asio::co_spawn(executor, serve(connection), [this, connection](std::exception_ptr failure) {
        if (!failure)
            return;
        connection->transport().close();
        forget(connection);
    });
}

bool Server::Impl::at_connection_limit() {
    std::size_t open = 0;
    {
        std::lock_guard lock(mutex);
        open = connections.size();
    }
    const bool full = open >= config.max_connections;
    // Said once each time the limit is reached, not once per waiting client.
    if (full && !at_limit.exchange(true))
        spdlog::warn("unload serve: {} connections are open, the limit (server.max_connections); "
                     "new connections wait until one closes",
                     open);
    else if (!full && at_limit.exchange(false))
        spdlog::info("unload serve: below the connection limit again; accepting");
    return full;
}

asio::awaitable<void> Server::Impl::accept_loop() {
    asio::steady_timer pause(control);
    for (;;) {
        beast::error_code ec;
        // At the limit, new connections wait in the kernel's queue until one closes: a client
        // waits a moment rather than being cut off.
        while (at_connection_limit() && !draining) {
            pause.expires_after(std::chrono::milliseconds(20));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
        if (draining)
            co_return;
        auto socket = co_await acceptor.async_accept(asio::make_strand(io),
                                                     asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            if (draining || ec == asio::error::operation_aborted)
                co_return;
            // Out of file descriptors, say: wait a moment for connections to close rather than
            // spinning, then listen again.
            pause.expires_after(std::chrono::milliseconds(50));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        adopt(std::move(socket));
        // Under a burst of new connections, take every one already waiting now: one accept per
        // turn of the I/O queue would leave hundreds waiting seconds behind the busy ones.
        while (!at_connection_limit()) {
            auto waiting = acceptor.accept(asio::make_strand(io), ec);
            if (ec)
                break;
            adopt(std::move(waiting));
        }
    }
}

void Server::Impl::forget(const std::shared_ptr<Connection>& connection) {
    api.metrics().connection_closed();
    {
        std::lock_guard lock(mutex);
        connections.erase(connection);
    }
    if (draining)
        asio::post(control, [this] { cancel_grace_when_done(); });
}

asio::awaitable<void> Server::Impl::serve(std::shared_ptr<Connection> connection) {
    beast::flat_buffer buffer(max_body_bytes + max_header_bytes);
    std::string remote;
    {
        beast::error_code ec;
        const auto endpoint = connection->transport().socket().remote_endpoint(ec);
        if (!ec)
            remote = endpoint.address().to_string();
    }
    if (!use_tls) {
        co_await exchange(*connection, std::get<beast::tcp_stream>(connection->stream), buffer,
                          remote);
    } else {
        // With TLS on, the port speaks nothing else: plain HTTP gets a short refusal saying so.
        beast::error_code ec;
        connection->transport().expires_after(config.read_timeout);
        const bool hello = co_await beast::async_detect_ssl(
            connection->transport(), buffer, asio::redirect_error(asio::use_awaitable, ec));
        if (!ec && !hello) {
            co_await asio::async_write(connection->transport(), asio::buffer(plain_http_refused),
                                       asio::redirect_error(asio::use_awaitable, ec));
        } else if (!ec) {
            auto& secure = connection->start_tls(tls);
            const auto used =
                co_await secure.async_handshake(asio::ssl::stream_base::server, buffer.data(),
                                                asio::redirect_error(asio::use_awaitable, ec));
            if (!ec) {
                buffer.consume(used);
                co_await exchange(*connection, secure, buffer, remote);
                connection->transport().expires_after(std::chrono::seconds(2));
                co_await secure.async_shutdown(asio::redirect_error(asio::use_awaitable, ec));
            }
        }
    }
    beast::error_code ignored;
    connection->transport().socket().shutdown(tcp::socket::shutdown_send, ignored);
    connection->transport().close();
    forget(connection);
}

template <class Stream>
asio::awaitable<void> Server::Impl::exchange(Connection& connection, Stream& stream,
                                             beast::flat_buffer& buffer,
                                             const std::string& remote) {
    auto& tcp_stream = connection.transport();
    const auto& pipeline = api.pipeline();
    while (!draining) {
        bhttp::request_parser<bhttp::string_body> parser;
        parser.body_limit(max_body_bytes);
        parser.header_limit(max_header_bytes);
        beast::error_code ec;
        // Waiting for the next request on a kept-alive connection is idle time; once the first
        // byte of a request has come, the whole header and body must follow within the read
        // timeout, so a client that trickles a byte at a time is closed on time.
        if (buffer.size() == 0) {
            tcp_stream.expires_after(config.idle_timeout);
            const auto got = co_await stream.async_read_some(
                buffer.prepare(4096), asio::redirect_error(asio::use_awaitable, ec));
            buffer.commit(got);
        }
        if (!ec) {
            tcp_stream.expires_after(config.read_timeout);
            co_await bhttp::async_read_header(stream, buffer, parser,
                                              asio::redirect_error(asio::use_awaitable, ec));
        }
        if (!ec && !parser.is_done()) {
            co_await bhttp::async_read(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, ec));
        }
        if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
            ec == beast::error::timeout || ec == asio::error::connection_reset ||
            ec == asio::error::eof || (ec && draining))
            break;

        const auto started = std::chrono::steady_clock::now();
        connection.busy = true;
        Request request;
        Response response;
        const Route* route = nullptr;
        bool keep_alive = false;
        std::optional<Request> parsed;
        if (ec == bhttp::error::header_limit) {
            response = error_response(
                413, "too_large", "(headers)",
                fmt::format("request headers may take at most {} bytes", max_header_bytes));
        } else if (ec == bhttp::error::body_limit || ec == bhttp::error::buffer_overflow) {
            response =
                error_response(413, "too_large", "(body)",
                               fmt::format("a request may carry at most {} bytes", max_body_bytes));
        } else if (ec) {
            response = error_response(400, "invalid_input", "(request)",
                                      fmt::format("malformed HTTP request: {}", ec.message()));
        } else {
            keep_alive = parser.get().keep_alive();
            parsed = to_request(parser.release());
            if (!parsed)
                response = error_response(400, "invalid_input", "(target)",
                                          "the request target must be a path such as /healthz");
        }
        if (parsed) {
            request = std::move(*parsed);
            request.remote = remote;
            auto admitted = pipeline.admit(request);
            if (admitted.answer) {
                response = std::move(*admitted.answer);
            } else {
                route = admitted.route;
                if (route->work == Work::Inline) {
                    response = pipeline.run(*route, request, admitted.params);
                } else {
                    // Database work hops to the database thread and back to this strand.
                    response = co_await asio::co_spawn(
                        database.get_executor(),
                        [&]() -> asio::awaitable<Response> {
                            co_return pipeline.run(*route, request, admitted.params);
                        },
                        asio::use_awaitable);
                }
            }
        } else {
            request.remote = remote;
            request.method_name = "-";
            request.target = "-";
            request.request_id = {};
            pipeline.admit(request); // Only to assign a request id; the answer is already set.
        }
        pipeline.finish(request, response, route, started);
        if (draining)
            keep_alive = false;

        const auto payload = response.payload();
        bhttp::response<bhttp::span_body<const char>> out;
        out.version(11);
        out.result(static_cast<unsigned>(response.status));
        out.set(bhttp::field::server, "unload");
        out.set(bhttp::field::date, http_date());
        out.set(bhttp::field::content_type, response.content_type);
        for (const auto& [name, value] : response.headers)
            out.set(name, value);
        out.keep_alive(keep_alive);
        if (request.method == Method::Head) {
            out.content_length(payload.size());
        } else {
            out.body() = {payload.data(), payload.size()};
            out.prepare_payload();
        }
        tcp_stream.expires_after(config.read_timeout);
        co_await bhttp::async_write(stream, out, asio::redirect_error(asio::use_awaitable, ec));
        connection.busy = false;
        if (ec || !keep_alive)
            break;
    }
}

void Server::Impl::cancel_grace_when_done() {
    std::lock_guard lock(mutex);
    if (connections.empty())
        grace_timer.cancel();
}

void Server::Impl::begin_shutdown() {
    if (draining.exchange(true))
        return;
    beast::error_code ignored;
    acceptor.close(ignored);
    signals.cancel(ignored);
    std::vector<std::shared_ptr<Connection>> open;
    {
        std::lock_guard lock(mutex);
        open.assign(connections.begin(), connections.end());
    }
    // Idle connections close now; busy ones finish their request and then close.
    for (const auto& connection : open)
        asio::post(connection->transport().get_executor(), [connection] {
            beast::error_code not_open;
            if (!connection->busy)
                connection->transport().socket().cancel(not_open);
        });
    if (open.empty())
        return;
    grace_timer.expires_after(config.shutdown_grace);
    grace_timer.async_wait([this](beast::error_code ec) {
        if (ec)
            return; // Every connection finished in time.
        std::vector<std::shared_ptr<Connection>> left;
        {
            std::lock_guard lock(mutex);
            left.assign(connections.begin(), connections.end());
        }
        for (const auto& connection : left)
            asio::post(connection->transport().get_executor(), [connection] {
                beast::error_code not_open;
                connection->transport().socket().cancel(not_open);
            });
    });
    cancel_grace_when_done(); // They may all have finished already.
}

Server::Server(Api& api, const ServerConfig& config)
    : m_impl(std::make_unique<Impl>(api, config)) {}

Server::~Server() {
    stop();
    wait();
}

core::Result<void> Server::listen() {
    auto& impl = *m_impl;
    beast::error_code ec;
    const auto address = asio::ip::make_address(
        impl.config.address == "localhost" ? "127.0.0.1" : impl.config.address, ec);
    if (ec)
        return core::fail(core::ErrorCode::InvalidInput, "--listen",
                          fmt::format("'{}' is not an IP address", impl.config.address));
    const tcp::endpoint endpoint(address, impl.config.port);
    const auto failed = [&](std::string_view what) {
        return core::fail(core::ErrorCode::Io, "--listen",
                          fmt::format("cannot {} {}:{}: {}", what, impl.config.address,
                                      impl.config.port, ec.message()));
    };
    if (impl.acceptor.open(endpoint.protocol(), ec); ec)
        return failed("open");
    if (impl.acceptor.set_option(asio::socket_base::reuse_address(true), ec); ec)
        return failed("configure");
    if (impl.acceptor.bind(endpoint, ec); ec)
        return failed("bind");
    if (impl.acceptor.listen(asio::socket_base::max_listen_connections, ec); ec)
        return failed("listen on");
    // Non-blocking, so that the accept loop can take every waiting connection without waiting.
    if (impl.acceptor.non_blocking(true, ec); ec)
        return failed("configure");
    if (!impl.config.tls_cert.empty()) {
        impl.tls.set_options(asio::ssl::context::default_workarounds |
                                 asio::ssl::context::no_sslv2 | asio::ssl::context::no_sslv3 |
                                 asio::ssl::context::no_tlsv1 | asio::ssl::context::no_tlsv1_1 |
                                 asio::ssl::context::single_dh_use,
                             ec);
        if (!ec)
            impl.tls.use_certificate_chain_file(impl.config.tls_cert, ec);
        if (ec)
            return core::fail(core::ErrorCode::InvalidInput, "server.tls_cert",
                              fmt::format("cannot use the certificate {}: {}", impl.config.tls_cert,
                                          ec.message()));
        impl.tls.use_private_key_file(impl.config.tls_key, asio::ssl::context::pem, ec);
        if (ec)
            return core::fail(core::ErrorCode::InvalidInput, "server.tls_key",
                              fmt::format("cannot use the private key {}: {}", impl.config.tls_key,
                                          ec.message()));
        impl.use_tls = true;
    }
    impl.bound_port = impl.acceptor.local_endpoint().port();
    impl.api.serve_on(impl.bound_port);
    return {};
}

std::uint16_t Server::port() const {
    return m_impl->bound_port;
}

void Server::start() {
    auto& impl = *m_impl;
    asio::co_spawn(impl.control, impl.accept_loop(), asio::detached);
    for (int i = 0; i < impl.config.io_threads; ++i)
        impl.threads.emplace_back([&impl] { impl.io.run(); });
}

void Server::stop_on_signals() {
    auto& impl = *m_impl;
    impl.signals.add(SIGINT);
    impl.signals.add(SIGTERM);
    impl.signals.async_wait([&impl](beast::error_code ec, int) {
        if (!ec)
            impl.begin_shutdown();
    });
}

void Server::stop() {
    auto& impl = *m_impl;
    asio::post(impl.control, [&impl] { impl.begin_shutdown(); });
}

void Server::wait() {
    auto& impl = *m_impl;
    for (auto& thread : impl.threads)
        if (thread.joinable())
            thread.join();
    impl.threads.clear();
    impl.database.join();
}

} // namespace unload::http
