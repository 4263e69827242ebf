#pragma once

// `unload serve`'s settings: defaults, then the config file
// (`$XDG_CONFIG_HOME/unload/config.toml`, else `~/.config/unload/config.toml`), then environment
// variables, then command-line options, each overriding the one before. docs/configuration.md
// documents every key; examples/config.toml is a commented copy.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace unload::http {

struct ServerConfig {
    std::string address = "127.0.0.1";
    std::uint16_t port = 8080;
    std::string token;    ///< Bearer token for the API; required beyond loopback.
    std::string db;       ///< Database URL; empty: the CLI's default.
    std::string content;  ///< Content directory; empty: the CLI's default.
    std::string web_root; ///< Built web app; empty: next to the binary or the source tree.
    int io_threads = 2;
    std::chrono::seconds read_timeout{15};   ///< To read one whole request once it began.
    std::chrono::seconds idle_timeout{60};   ///< A kept-alive connection with no request.
    std::chrono::seconds shutdown_grace{10}; ///< How long in-flight requests get to finish.
    std::string access_log = "stderr";       ///< `stderr`, `off`, or a file path.
    /// Host names the server answers to besides the loopback names and its listen address:
    /// `name` (any port) or `name:port`. Anything else gets 421 (DNS rebinding).
    std::vector<std::string> hosts;
    std::size_t max_connections = 2000; ///< Beyond this, new connections wait to be accepted.
    /// TLS (clinic.md): a PEM certificate chain and its private key. Both or neither; with them
    /// the server speaks only HTTPS on its port.
    std::string tls_cert;
    std::string tls_key;
    /// A reverse proxy on this machine terminates TLS: the server listens on loopback, takes the
    /// client's address from the proxy's X-Forwarded-For, and marks its cookies Secure.
    bool trust_proxy = false;
    /// The number the stop page offers to call for an emergency (`person.emergency_number`).
    std::string emergency_number = "112";
};

/// The fewest characters an access token may have.
inline constexpr std::size_t min_token_length = 32;

/// The names a Host header may carry: the configured ones, and the listen address itself when it
/// is one address (not 0.0.0.0 or ::) and not loopback (those are always allowed).
std::vector<std::string> allowed_hosts(const ServerConfig& config);

/// The config file's path: `$XDG_CONFIG_HOME/unload/config.toml`, else under `~/.config`.
std::filesystem::path default_config_path();

/// Reads a config file over `config`. A missing file at the default path is fine (defaults
/// stay); a missing file that was named explicitly, a syntax error, an unknown key or a value out
/// of range is an InvalidInput error with the file, line and key.
core::Result<void> read_config(const std::filesystem::path& path, bool explicitly_named,
                               ServerConfig& config);

/// `ADDR:PORT` (`127.0.0.1:8080`, `0.0.0.0:80`, `[::1]:8080`) into the config; errors name `field`.
core::Result<void> parse_listen(std::string_view text, std::string_view field,
                                ServerConfig& config);

/// Whether an address only reaches this machine (127.0.0.0/8, ::1, localhost).
bool is_loopback(std::string_view address);

/// Whether browsers reach the server over TLS, its own or a trusted proxy's.
inline bool served_securely(const ServerConfig& config) {
    return !config.tls_cert.empty() || config.trust_proxy;
}

/// Refuses to listen beyond loopback without a token (interfaces.md: secure by default), and a
/// token shorter than min_token_length characters anywhere. A `clinic` (a database with
/// accounts) sends session cookies, which must not cross a network in the clear: beyond loopback
/// it needs TLS of its own (`trust_proxy` means a proxy on this machine, so loopback only).
core::Result<void> check_exposure(const ServerConfig& config, bool clinic = false);

} // namespace unload::http
