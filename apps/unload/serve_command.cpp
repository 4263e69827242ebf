// `unload serve`: the HTTP API and the web app. Settings come from defaults, the config file,
// the environment and the command line, in that order; the server refuses to listen beyond this
// machine without an access token.

#include "serve_command.hpp"

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "http/api.hpp"
#include "http/config.hpp"
#include "http/server.hpp"
#include "service/accounts.hpp"

namespace unload::app {

using cli::Context;
using cli::print_json;
using cli::ServeOptions;

namespace {

namespace fs = std::filesystem;

/// Where the built web app is: the config, then next to an installed binary, then the source
/// tree's build output.
fs::path web_root(const http::ServerConfig& config) {
    if (!config.web_root.empty())
        return config.web_root;
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = exe.parent_path().parent_path() / "share" / "unload" / "web";
        if (fs::is_directory(beside, ec))
            return beside;
    }
    return UNLOAD_SOURCE_WEB;
}

core::Result<std::shared_ptr<spdlog::logger>> access_log(const std::string& where) {
    if (where == "off")
        return std::shared_ptr<spdlog::logger>();
    try {
        std::shared_ptr<spdlog::logger> logger;
        if (where == "stderr")
            logger = std::make_shared<spdlog::logger>(
                "access", std::make_shared<spdlog::sinks::stderr_sink_mt>());
        else
            logger = std::make_shared<spdlog::logger>(
                "access", std::make_shared<spdlog::sinks::basic_file_sink_mt>(where));
        logger->set_pattern("%v");
        logger->flush_on(spdlog::level::warn);
        return logger;
    } catch (const spdlog::spdlog_ex& e) {
        return core::fail(core::ErrorCode::Io, "server.access_log",
                          fmt::format("cannot open the access log '{}': {}", where, e.what()));
    }
}

} // namespace

core::Result<void> run_serve(Context& ctx, const ServeOptions& options) {
    http::ServerConfig config;
    const bool named = !options.config_path.empty();
    TRY(http::read_config(named ? fs::path(options.config_path) : http::default_config_path(),
                          named, config));
    if (const char* token = std::getenv("UNLOAD_TOKEN"); token && *token)
        config.token = token;
    if (!options.listen.empty())
        TRY(http::parse_listen(options.listen, "--listen", config));
    TRY(http::check_exposure(config));
    if (ctx.options.db.empty() && !std::getenv("UNLOAD_DB") && !config.db.empty())
        ctx.options.db = config.db;
    if (ctx.options.content_dir.empty() && !std::getenv("UNLOAD_CONTENT") &&
        !config.content.empty())
        ctx.options.content_dir = config.content;
    if (const auto status = ctx.load())
        return core::fail(core::ErrorCode::InvalidContent, "content",
                          "the content does not load (above)");
    const auto ws = TRY(ctx.resources());
    // A clinic sends session cookies, so beyond loopback it needs TLS (checked again now that
    // the database says whether it is one).
    const bool clinic = TRY(service::clinic_mode(ws));
    TRY(http::check_exposure(config, clinic));
    const auto log = TRY(access_log(config.access_log));

    http::Api api(ws, {.web_root = web_root(config),
                       .policy = {.token = config.token,
                                  .hosts = http::allowed_hosts(config),
                                  .tls = http::served_securely(config),
                                  .trust_proxy = config.trust_proxy},
                       .access_log = log,
                       .emergency_number = config.emergency_number});
    http::Server server(api, config);
    TRY(server.listen());
    server.stop_on_signals();
    server.start();
    const auto host = config.address.find(':') != std::string::npos
                          ? fmt::format("[{}]", config.address)
                          : config.address;
    const auto url =
        fmt::format("{}://{}:{}/", config.tls_cert.empty() ? "http" : "https", host, server.port());
    if (ctx.json())
        print_json({{"url", url}, {"port", server.port()}});
    else
        std::cout << fmt::format("Unload is serving {} (API under {}api/v1/). Ctrl-C stops it.\n",
                                 url, url);
    std::cout.flush();
    server.wait();
    if (log)
        log->flush();
    if (!ctx.json())
        std::cout << "Stopped.\n";
    return {};
}

} // namespace unload::app
