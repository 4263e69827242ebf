#include "http/config.hpp"

#include <charconv>
#include <cstdlib>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "content/toml_reader.hpp"

namespace unload::http {

namespace fs = std::filesystem;

fs::path default_config_path() {
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg)
        return fs::path(xdg) / "unload" / "config.toml";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".config" / "unload" / "config.toml";
    return fs::path("unload-config.toml");
}

core::Result<void> parse_listen(std::string_view text, std::string_view field,
                                ServerConfig& config) {
    const auto bad = [&](std::string why) {
        return core::fail(core::ErrorCode::InvalidInput, std::string(field),
                          fmt::format("expected ADDR:PORT such as 127.0.0.1:8080; {}", why));
    };
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        return bad(fmt::format("got '{}'", text));
    auto address = text.substr(0, colon);
    if (address.front() == '[') {
        if (address.back() != ']')
            return bad("an IPv6 address needs its closing ]");
        address = address.substr(1, address.size() - 2);
    }
    const auto port_text = text.substr(colon + 1);
    unsigned port = 0;
    const auto [end, ec] =
        std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
    if (ec != std::errc() || end != port_text.data() + port_text.size() || port > 65535)
        return bad(fmt::format("'{}' is not a port from 0 to 65535", port_text));
    config.address = std::string(address);
    config.port = static_cast<std::uint16_t>(port);
    return {};
}

bool is_loopback(std::string_view address) {
    return address == "localhost" || address == "::1" || address.starts_with("127.");
}

std::vector<std::string> allowed_hosts(const ServerConfig& config) {
    auto hosts = config.hosts;
    const bool wildcard = config.address == "0.0.0.0" || config.address == "::";
    if (!wildcard && !is_loopback(config.address))
        hosts.push_back(config.address.find(':') != std::string::npos
                            ? fmt::format("[{}]", config.address)
                            : config.address);
    return hosts;
}

core::Result<void> check_exposure(const ServerConfig& config, bool clinic) {
    if (config.trust_proxy && !is_loopback(config.address))
        return core::fail(core::ErrorCode::InvalidInput, "server.trust_proxy",
                          fmt::format("a trusted proxy runs on this machine, so listen on "
                                      "127.0.0.1, not {}; or drop trust_proxy and give the server "
                                      "tls_cert and tls_key",
                                      config.address));
    if (clinic && !is_loopback(config.address) && config.tls_cert.empty())
        return core::fail(core::ErrorCode::InvalidInput, "--listen",
                          fmt::format("{} reaches beyond this machine, and this server is a "
                                      "clinic: sign-ins must not cross a network unencrypted. "
                                      "Set tls_cert and tls_key under [server] in {}, or listen "
                                      "on 127.0.0.1 behind a TLS proxy (trust_proxy = true)",
                                      config.address, default_config_path().string()));
    if (!config.token.empty() && config.token.size() < min_token_length)
        return core::fail(
            core::ErrorCode::InvalidInput, "token",
            fmt::format("the access token has {} characters; it needs at least {} so that it "
                        "cannot be guessed. Make one with `openssl rand -hex 32` (or `head -c 32 "
                        "/dev/urandom | base64`)",
                        config.token.size(), min_token_length));
    if (is_loopback(config.address) || !config.token.empty())
        return {};
    return core::fail(core::ErrorCode::InvalidInput, "--listen",
                      fmt::format("{} reaches beyond this machine, and there are no accounts yet: "
                                  "set an access token first (UNLOAD_TOKEN, or `token` in {}), "
                                  "or listen on 127.0.0.1",
                                  config.address, default_config_path().string()));
}

core::Result<void> read_config(const fs::path& path, bool explicitly_named, ServerConfig& config) {
    std::error_code ec;
    if (!explicitly_named && !fs::exists(path, ec))
        return {};
    core::Errors errors;
    content::read_content_file(path, path.string(), errors, [&](content::TableReader& top) {
        if (auto server = top.table("server", content::Required::No)) {
            if (const auto listen = server->string("listen", content::Required::No)) {
                if (const auto parsed = parse_listen(*listen, "server.listen", config); !parsed)
                    server->error("listen", parsed.error().message);
            }
            if (const auto token = server->string("token", content::Required::No))
                config.token = *token;
            if (const auto cert = server->string("tls_cert", content::Required::No))
                config.tls_cert = *cert;
            if (const auto key = server->string("tls_key", content::Required::No))
                config.tls_key = *key;
            if (config.tls_cert.empty() != config.tls_key.empty())
                server->error(config.tls_cert.empty() ? "tls_cert" : "tls_key",
                              "TLS needs both tls_cert (the certificate chain) and tls_key (its "
                              "private key), as PEM files");
            if (const auto proxy = server->boolean("trust_proxy", content::Required::No))
                config.trust_proxy = *proxy;
            if (const auto root = server->string("web_root", content::Required::No))
                config.web_root = *root;
            if (const auto threads = server->integer("io_threads", content::Required::No, 1, 64))
                config.io_threads = *threads;
            if (const auto seconds =
                    server->integer("read_timeout_seconds", content::Required::No, 1, 3600))
                config.read_timeout = std::chrono::seconds(*seconds);
            if (const auto seconds =
                    server->integer("idle_timeout_seconds", content::Required::No, 1, 86400))
                config.idle_timeout = std::chrono::seconds(*seconds);
            if (const auto seconds =
                    server->integer("shutdown_grace_seconds", content::Required::No, 0, 3600))
                config.shutdown_grace = std::chrono::seconds(*seconds);
            if (const auto log = server->string("access_log", content::Required::No))
                config.access_log = *log;
            for (const auto& host : server->strings("hosts", content::Required::No)) {
                if (host.value.empty() || host.value.find_first_of(" /\t@") != std::string::npos)
                    server->error("hosts", fmt::format("'{}' is not a host name such as "
                                                       "unload.clinic.example or "
                                                       "unload.clinic.example:8443",
                                                       host.value));
                else
                    config.hosts.push_back(host.value);
            }
            if (const auto limit =
                    server->integer("max_connections", content::Required::No, 1, 1000000))
                config.max_connections = static_cast<std::size_t>(*limit);
            server->finish();
        }
        if (auto person = top.table("person", content::Required::No)) {
            if (const auto number = person->string("emergency_number", content::Required::No)) {
                const bool dialable = !number->empty() && number->size() <= 15 &&
                                      number->find_first_not_of("0123456789") == std::string::npos;
                if (dialable)
                    config.emergency_number = *number;
                else
                    person->error("emergency_number",
                                  fmt::format("'{}' is not a number to dial: digits only, such "
                                              "as 112, 911 or 999",
                                              *number));
            }
            person->finish();
        }
        if (auto data = top.table("data", content::Required::No)) {
            if (const auto db = data->string("db", content::Required::No))
                config.db = *db;
            if (const auto dir = data->string("content", content::Required::No))
                config.content = *dir;
            data->finish();
        }
    });
    if (!errors.empty()) {
        auto error = errors.front();
        error.code = core::ErrorCode::InvalidInput;
        return std::unexpected(std::move(error));
    }
    return {};
}

} // namespace unload::http
