// `unload serve`'s settings: ADDR:PORT parsing, what counts as loopback, the refusal to listen
// beyond loopback without a token, and config.toml read strictly, with every error naming the
// file, the line and the key path.

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "http/config.hpp"
#include "support/content_files.hpp"
#include "support/temp_dir.hpp"

namespace unload::http {
namespace {

namespace fs = std::filesystem;
using unload::test::TempDir;

// ---- parse_listen ---------------------------------------------------------------------------

struct ListenCase {
    std::string_view text;
    std::string_view address;
    std::uint16_t port;
};

const ListenCase listen_cases[] = {
    {.text = "127.0.0.1:8080", .address = "127.0.0.1", .port = 8080},
    {.text = "[::1]:9000", .address = "::1", .port = 9000},
    {.text = "0.0.0.0:0", .address = "0.0.0.0", .port = 0},
    {.text = "localhost:65535", .address = "localhost", .port = 65535},
    {.text = "[::]:80", .address = "::", .port = 80},
    {.text = "192.168.1.20:443", .address = "192.168.1.20", .port = 443},
};

TEST(HttpConfigListen, ParsesAddressAndPort) {
    for (const auto& c : listen_cases) {
        SCOPED_TRACE(std::string(c.text));
        ServerConfig config{.address = "unchanged", .port = 1};
        const auto parsed = parse_listen(c.text, "--listen", config);
        ASSERT_TRUE(parsed.has_value()) << parsed.error().to_string();
        EXPECT_EQ(config.address, c.address);
        EXPECT_EQ(config.port, c.port);
    }
}

struct BadListenCase {
    std::string_view text;
    std::string_view message; ///< A substring of the error message.
};

const BadListenCase bad_listen_cases[] = {
    {.text = "8080", .message = "got '8080'"},
    {.text = ":8080", .message = "got ':8080'"},
    {.text = "", .message = "ADDR:PORT"},
    {.text = "host:", .message = "'' is not a port from 0 to 65535"},
    {.text = "1.2.3.4:70000", .message = "'70000' is not a port"},
    {.text = "1.2.3.4:65536", .message = "'65536' is not a port"},
    {.text = "1.2.3.4:99999999999999999999", .message = "is not a port"},
    {.text = "1.2.3.4:-1", .message = "'-1' is not a port"},
    {.text = "1.2.3.4:+80", .message = "'+80' is not a port"},
    {.text = "1.2.3.4:80x", .message = "'80x' is not a port"},
    {.text = "1.2.3.4: 80", .message = "' 80' is not a port"},
    {.text = "[::1:80", .message = "closing ]"},
};

TEST(HttpConfigListen, RefusesWhatIsNotAddrPortAndLeavesTheConfigAlone) {
    for (const auto& c : bad_listen_cases) {
        SCOPED_TRACE(std::string(c.text));
        ServerConfig config;
        const auto parsed = parse_listen(c.text, "--listen", config);
        ASSERT_FALSE(parsed.has_value());
        EXPECT_EQ(parsed.error().code, core::ErrorCode::InvalidInput);
        EXPECT_EQ(parsed.error().field, "--listen");
        EXPECT_NE(parsed.error().message.find(c.message), std::string::npos)
            << parsed.error().message;
        EXPECT_EQ(config.address, "127.0.0.1");
        EXPECT_EQ(config.port, 8080);
    }
}

TEST(HttpConfigListen, ErrorNamesTheFieldItWasGiven) {
    ServerConfig config;
    const auto parsed = parse_listen("nope", "UNLOAD_LISTEN", config);
    ASSERT_FALSE(parsed.has_value());
    EXPECT_EQ(parsed.error().field, "UNLOAD_LISTEN");
}

// ---- is_loopback and check_exposure ---------------------------------------------------------

TEST(HttpConfigLoopback, OnlyAddressesThatStayOnThisMachine) {
    for (const std::string_view address : {"127.0.0.1", "127.1.2.3", "::1", "localhost"})
        EXPECT_TRUE(is_loopback(address)) << address;
    for (const std::string_view address :
         {"0.0.0.0", "::", "192.168.1.5", "10.0.0.1", "128.0.0.1", "1.127.0.0", ""})
        EXPECT_FALSE(is_loopback(address)) << address;
}

struct ExposureCase {
    std::string_view address;
    std::string_view token;
    bool allowed;
};

const ExposureCase exposure_cases[] = {
    {.address = "127.0.0.1", .token = "", .allowed = true},
    {.address = "::1", .token = "", .allowed = true},
    {.address = "localhost", .token = "", .allowed = true},
    {.address = "0.0.0.0", .token = "", .allowed = false},
    {.address = "::", .token = "", .allowed = false},
    {.address = "192.168.1.5", .token = "", .allowed = false},
    {.address = "0.0.0.0", .token = "0123456789abcdef0123456789abcdef", .allowed = true},
    {.address = "127.0.0.1", .token = "0123456789abcdef0123456789abcdef", .allowed = true},
};

TEST(HttpConfigExposure, ATokenShorterThan32CharactersIsRefusedOnAnyAddress) {
    for (const std::string_view address : {"127.0.0.1", "0.0.0.0"}) {
        SCOPED_TRACE(address);
        const ServerConfig shorter{.address = std::string(address),
                                   .token = "0123456789abcdef0123456789abcde"};
        const auto refused = check_exposure(shorter);
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, core::ErrorCode::InvalidInput);
        EXPECT_EQ(refused.error().field, "token");
        EXPECT_NE(refused.error().message.find("31 characters"), std::string::npos)
            << refused.error().message;
        EXPECT_NE(refused.error().message.find("openssl rand"), std::string::npos)
            << refused.error().message;
    }
}

TEST(HttpConfigExposure, BeyondLoopbackNeedsAToken) {
    for (const auto& c : exposure_cases) {
        SCOPED_TRACE(std::string(c.address) + " token '" + std::string(c.token) + "'");
        const ServerConfig config{.address = std::string(c.address), .token = std::string(c.token)};
        const auto checked = check_exposure(config);
        EXPECT_EQ(checked.has_value(), c.allowed);
        if (!checked) {
            EXPECT_EQ(checked.error().code, core::ErrorCode::InvalidInput);
            EXPECT_EQ(checked.error().field, "--listen");
            EXPECT_NE(checked.error().message.find(c.address), std::string::npos)
                << checked.error().message;
            EXPECT_NE(checked.error().message.find("token"), std::string::npos)
                << checked.error().message;
        }
    }
}

// ---- default_config_path --------------------------------------------------------------------

/// Sets an environment variable for one test and puts the old value back afterwards.
class ScopedEnv {
public:
    ScopedEnv(const char* name, const char* value) : m_name(name) {
        if (const char* old = std::getenv(name))
            m_old = old;
        if (value)
            ::setenv(name, value, 1);
        else
            ::unsetenv(name);
    }
    ~ScopedEnv() {
        if (m_old)
            ::setenv(m_name, m_old->c_str(), 1);
        else
            ::unsetenv(m_name);
    }
    ScopedEnv(const ScopedEnv&) = delete;
    ScopedEnv& operator=(const ScopedEnv&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

TEST(HttpConfigPath, XdgConfigHomeComesFirst) {
    const ScopedEnv xdg("XDG_CONFIG_HOME", "/xdg/config");
    const ScopedEnv home("HOME", "/home/alice");
    EXPECT_EQ(default_config_path(), fs::path("/xdg/config/unload/config.toml"));
}

TEST(HttpConfigPath, ThenHomeDotConfig) {
    const ScopedEnv xdg("XDG_CONFIG_HOME", "");
    const ScopedEnv home("HOME", "/home/alice");
    EXPECT_EQ(default_config_path(), fs::path("/home/alice/.config/unload/config.toml"));
}

// ---- read_config ----------------------------------------------------------------------------

constexpr std::string_view full_config = R"(# Every key there is.
[server]
listen = "0.0.0.0:9090"
token = "t0ken-of-32-characters-or-so-xyz"
web_root = "/srv/unload/web"
io_threads = 4
read_timeout_seconds = 20
idle_timeout_seconds = 120
shutdown_grace_seconds = 0
access_log = "/var/log/unload/access.log"

[person]
emergency_number = "999"

[data]
db = "sqlite:/var/lib/unload/unload.db"
content = "/usr/share/unload/content"
)";

TEST(HttpConfigFile, FullFileSetsEveryField) {
    const TempDir temp;
    const auto path = temp.write("config.toml", full_config);
    ServerConfig config;
    const auto read = read_config(path, true, config);
    ASSERT_TRUE(read.has_value()) << read.error().to_string();
    EXPECT_EQ(config.address, "0.0.0.0");
    EXPECT_EQ(config.port, 9090);
    EXPECT_EQ(config.token, "t0ken-of-32-characters-or-so-xyz");
    EXPECT_EQ(config.web_root, "/srv/unload/web");
    EXPECT_EQ(config.io_threads, 4);
    EXPECT_EQ(config.read_timeout, std::chrono::seconds(20));
    EXPECT_EQ(config.idle_timeout, std::chrono::seconds(120));
    EXPECT_EQ(config.shutdown_grace, std::chrono::seconds(0));
    EXPECT_EQ(config.access_log, "/var/log/unload/access.log");
    EXPECT_EQ(config.db, "sqlite:/var/lib/unload/unload.db");
    EXPECT_EQ(config.content, "/usr/share/unload/content");
    EXPECT_EQ(config.emergency_number, "999");
}

TEST(HttpConfigFile, AnEmergencyNumberThatCannotBeDialledIsAnErrorNamingTheKey) {
    const TempDir temp;
    for (const auto* number : {"", "+44 999", "call 911", "1234567890123456"}) {
        const auto path =
            temp.write("config.toml", fmt::format("[person]\nemergency_number = \"{}\"\n", number));
        ServerConfig config;
        const auto read = read_config(path, true, config);
        ASSERT_FALSE(read.has_value()) << number;
        EXPECT_NE(read.error().to_string().find("emergency_number"), std::string::npos)
            << read.error().to_string();
        EXPECT_EQ(config.emergency_number, "112");
    }
}

TEST(HttpConfigFile, KeysNotInTheFileKeepTheirValues) {
    const TempDir temp;
    const auto path = temp.write("config.toml", "[server]\nio_threads = 8\n");
    ServerConfig config{.address = "127.0.0.2", .port = 7000, .token = "from-env"};
    const auto read = read_config(path, true, config);
    ASSERT_TRUE(read.has_value()) << read.error().to_string();
    EXPECT_EQ(config.io_threads, 8);
    EXPECT_EQ(config.address, "127.0.0.2");
    EXPECT_EQ(config.port, 7000);
    EXPECT_EQ(config.token, "from-env");
    EXPECT_EQ(config.idle_timeout, std::chrono::seconds(60));
}

TEST(HttpConfigFile, EmptyFileIsFine) {
    const TempDir temp;
    const auto path = temp.write("config.toml", "");
    ServerConfig config;
    EXPECT_TRUE(read_config(path, true, config).has_value());
    EXPECT_EQ(config.port, 8080);
}

TEST(HttpConfigFile, MissingFileAtTheDefaultPathIsFine) {
    const TempDir temp;
    ServerConfig config;
    const auto read = read_config(temp.path() / "unload" / "config.toml", false, config);
    ASSERT_TRUE(read.has_value()) << read.error().to_string();
    EXPECT_EQ(config.address, "127.0.0.1");
    EXPECT_EQ(config.port, 8080);
}

TEST(HttpConfigFile, MissingFileNamedExplicitlyIsAnError) {
    const TempDir temp;
    const auto path = temp.path() / "nowhere.toml";
    ServerConfig config;
    const auto read = read_config(path, true, config);
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(read.error().code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(read.error().file, path.string());
    EXPECT_NE(read.error().message.find("missing"), std::string::npos) << read.error().message;
}

TEST(HttpConfigFile, ExistingFileAtTheDefaultPathIsRead) {
    const TempDir temp;
    const auto path = temp.write("config.toml", "[server]\nio_threads = \"four\"\n");
    ServerConfig config;
    EXPECT_FALSE(read_config(path, false, config).has_value());
}

struct FileErrorCase {
    std::string_view name;
    std::string_view text;
    std::string_view line_of; ///< Text that starts the offending line (found once in `text`).
    std::string_view field;
    std::string_view message; ///< A substring of the error message.
};

const FileErrorCase file_error_cases[] = {
    {.name = "unknown_key",
     .text = "[server]\nlisten = \"127.0.0.1:8080\"\nio_thread = 4\n",
     .line_of = "io_thread =",
     .field = "server.io_thread",
     .message = "unknown key"},
    {.name = "unknown_key_in_data",
     .text = "[data]\ndb = \"sqlite:x.db\"\n\ndatabase = \"sqlite:y.db\"\n",
     .line_of = "database =",
     .field = "data.database",
     .message = "unknown key"},
    {.name = "unknown_table",
     .text = "[server]\nio_threads = 2\n\n[serve]\nlisten = \"127.0.0.1:1\"\n",
     .line_of = "[serve]",
     .field = "serve",
     .message = "unknown key"},
    {.name = "wrong_type",
     .text = "[server]\n\nio_threads = \"four\"\n",
     .line_of = "io_threads =",
     .field = "server.io_threads",
     .message = "expected an integer"},
    {.name = "token_not_a_string",
     .text = "[server]\ntoken = 12345\n",
     .line_of = "token =",
     .field = "server.token",
     .message = "expected a string"},
    {.name = "io_threads_zero",
     .text = "[server]\nlisten = \"127.0.0.1:8080\"\nio_threads = 0\n",
     .line_of = "io_threads =",
     .field = "server.io_threads",
     .message = "expected 1..64, got 0"},
    {.name = "io_threads_too_many",
     .text = "[server]\nio_threads = 65\n",
     .line_of = "io_threads =",
     .field = "server.io_threads",
     .message = "expected 1..64, got 65"},
    {.name = "read_timeout_zero",
     .text = "[server]\nread_timeout_seconds = 0\n",
     .line_of = "read_timeout_seconds =",
     .field = "server.read_timeout_seconds",
     .message = "expected 1..3600, got 0"},
    {.name = "listen_without_port",
     .text = "# comment\n[server]\ntoken = \"t\"\nlisten = \"8080\"\n",
     .line_of = "listen =",
     .field = "server.listen",
     .message = "ADDR:PORT"},
    {.name = "listen_port_out_of_range",
     .text = "[server]\nlisten = \"0.0.0.0:70000\"\n",
     .line_of = "listen =",
     .field = "server.listen",
     .message = "'70000' is not a port"},
    {.name = "server_not_a_table",
     .text = "# comment\nserver = 5\n",
     .line_of = "server =",
     .field = "server",
     .message = "expected a table"},
    {.name = "syntax_error",
     .text = "[server]\nio_threads = 2\nlisten = \"127.0.0.1:8080\n",
     .line_of = "listen =",
     .field = "",
     .message = ""},
};

class HttpConfigFileErrors : public testing::TestWithParam<FileErrorCase> {};

TEST_P(HttpConfigFileErrors, PointAtFileLineAndKey) {
    const auto& c = GetParam();
    const TempDir temp;
    const auto path = temp.write("config.toml", c.text);
    const int line = test::unique_line_of(std::string(c.text), std::string(c.line_of));
    ASSERT_GT(line, 0) << "the case's line_of must occur exactly once";
    ServerConfig config;
    const auto read = read_config(path, true, config);
    ASSERT_FALSE(read.has_value()) << c.text;
    const auto& error = read.error();
    EXPECT_EQ(error.code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(error.file, path.string());
    EXPECT_EQ(error.line, line) << error.to_string();
    EXPECT_EQ(error.field, c.field) << error.to_string();
    EXPECT_NE(error.message.find(c.message), std::string::npos) << error.to_string();
}

INSTANTIATE_TEST_SUITE_P(Http, HttpConfigFileErrors, testing::ValuesIn(file_error_cases),
                         [](const testing::TestParamInfo<FileErrorCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

} // namespace
} // namespace unload::http
