#include "cli/context.hpp"

#include <array>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

#include <fcntl.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "content/loader.hpp"
#include "core/calendar.hpp"
#include "json/documents.hpp"
#include "store/store.hpp"

namespace unload::cli {

namespace fs = std::filesystem;

namespace {
/// Text a person typed may not be valid UTF-8; JSON output replaces such bytes rather than fail.
constexpr auto replace_invalid = nlohmann::json::error_handler_t::replace;
} // namespace

Format Options::output() const {
    if (format == "json")
        return Format::Json;
    if (format == "csv")
        return Format::Csv;
    return Format::Text;
}

int exit_status(core::ErrorCode code) {
    switch (code) {
    case core::ErrorCode::InvalidInput:
    case core::ErrorCode::InvalidContent:
    case core::ErrorCode::NotFound:
    case core::ErrorCode::Conflict:
    case core::ErrorCode::TooLarge:
        return 2;
    case core::ErrorCode::Io:
    case core::ErrorCode::Internal:
    case core::ErrorCode::Unauthenticated:
    case core::ErrorCode::Forbidden:
    case core::ErrorCode::Throttled:
        return 1;
    }
    return 1;
}

namespace {

/// An error line never repeats more than this much of what was given: a huge value pasted into
/// an intake must not flood the terminal or a log.
constexpr std::size_t max_error_text = 300;

std::string shortened(std::string text) {
    if (text.size() <= max_error_text)
        return text;
    auto cut = max_error_text;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80)
        --cut; // Never cut a UTF-8 character in two.
    text.resize(cut);
    return text + "… (cut)";
}

} // namespace

int report(const Options& options, const core::Error& given) {
    auto error = given;
    error.field = shortened(std::move(error.field));
    error.message = shortened(std::move(error.message));
    if (options.output() == Format::Json)
        std::cerr << json::error_document(error).dump(-1, ' ', false, replace_invalid) << "\n";
    else
        std::cerr << "unload: " << error.to_string() << "\n";
    return exit_status(error.code);
}

int report_all(const Options& options, const core::Errors& errors) {
    for (const auto& error : errors)
        report(options, error);
    return errors.empty() ? 1 : exit_status(errors.front().code);
}

core::Result<std::string> read_input(const std::string& path, std::string_view option) {
    const auto too_large = [&] {
        return core::fail(core::ErrorCode::TooLarge, std::string(option),
                          fmt::format("{} is larger than {} MiB; no intake or answers are",
                                      path == "-" ? "standard input" : "'" + path + "'",
                                      max_input_bytes / (1024 * 1024)));
    };
    std::ifstream file;
    if (path != "-") {
        std::error_code ec;
        if (!fs::is_regular_file(path, ec))
            return core::fail(core::ErrorCode::NotFound, std::string(option),
                              fmt::format("cannot read '{}': no such file", path));
        if (fs::file_size(path, ec) > max_input_bytes && !ec)
            return too_large();
        file.open(path, std::ios::binary);
    }
    std::istream& in = path == "-" ? std::cin : file;
    // Read in pieces and stop past the limit, so that `--intake - < /dev/zero` ends at once.
    std::string text;
    std::array<char, 64 * 1024> chunk{};
    while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
        text.append(chunk.data(), static_cast<std::size_t>(in.gcount()));
        if (text.size() > max_input_bytes)
            return too_large();
    }
    if (in.bad())
        return core::fail(core::ErrorCode::Io, std::string(option),
                          fmt::format("cannot read '{}'", path));
    return text;
}

core::Result<void> write_private_file(const fs::path& path, std::string_view text,
                                      std::string_view option) {
    const auto failed = [&](int error) {
        return core::fail(core::ErrorCode::Io, std::string(option),
                          fmt::format("cannot write '{}': {}", path.string(),
                                      std::generic_category().message(error)));
    };
    // Created readable by the owner only, like the database; an existing file is narrowed too.
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return failed(errno);
    if (::fchmod(fd, 0600) != 0) {
        const int error = errno;
        ::close(fd);
        return failed(error);
    }
    while (!text.empty()) {
        const auto written = ::write(fd, text.data(), text.size());
        if (written < 0 && errno == EINTR)
            continue;
        if (written <= 0) {
            const int error = errno;
            ::close(fd);
            return failed(error);
        }
        text.remove_prefix(static_cast<std::size_t>(written));
    }
    if (::close(fd) != 0)
        return failed(errno);
    return {};
}

fs::path content_dir(const Options& options) {
    if (!options.content_dir.empty())
        return options.content_dir;
    if (const char* env = std::getenv("UNLOAD_CONTENT"); env && *env)
        return env;
    std::error_code ec;
    const auto exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const auto beside = exe.parent_path().parent_path() / "share" / "unload" / "content";
        if (fs::is_directory(beside, ec))
            return beside;
    }
    if (fs::is_directory(UNLOAD_SOURCE_CONTENT, ec))
        return UNLOAD_SOURCE_CONTENT;
    return UNLOAD_INSTALLED_CONTENT;
}

std::string default_db_url() {
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg && fs::path(xdg).is_absolute())
        base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home)
        base = fs::path(home) / ".local" / "share";
    else
        base = fs::current_path();
    return "sqlite:" + (base / "unload" / "unload.db").string();
}

void print_json(const nlohmann::json& document) {
    std::cout << document.dump(2, ' ', false, replace_invalid) << "\n";
}

namespace {

class SystemClock final : public core::Clock {
public:
    explicit SystemClock(std::optional<core::Timestamp> pinned)
        : m_pinned(pinned), m_started(std::chrono::steady_clock::now()) {}

    core::Timestamp now() const override {
        if (!m_pinned)
            return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        return *m_pinned + std::chrono::floor<std::chrono::seconds>(
                               std::chrono::steady_clock::now() - m_started);
    }

    core::Day day_of(core::Timestamp at) const override {
        const std::time_t seconds = at.time_since_epoch().count();
        std::tm local{};
        localtime_r(&seconds, &local);
        return std::chrono::sys_days{std::chrono::year{local.tm_year + 1900} /
                                     std::chrono::month{static_cast<unsigned>(local.tm_mon + 1)} /
                                     std::chrono::day{static_cast<unsigned>(local.tm_mday)}};
    }

    std::int64_t steady_ms() const override {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    }

private:
    std::optional<core::Timestamp> m_pinned;
    std::chrono::steady_clock::time_point m_started;
};

} // namespace

std::unique_ptr<core::Clock> system_clock() {
    std::optional<core::Timestamp> pinned;
    if (const char* env = std::getenv("UNLOAD_NOW"); env && *env)
        pinned = core::parse_iso_timestamp(env);
    return std::make_unique<SystemClock>(pinned);
}

std::unexpected<core::Error> invalid(std::string field, std::string message) {
    return core::fail(core::ErrorCode::InvalidInput, std::move(field), std::move(message));
}

std::optional<int> Context::load() {
    if (kb)
        return std::nullopt;
    auto loaded = content::load(content_dir(options));
    if (!loaded)
        return report_all(options, loaded.error());
    kb = std::move(*loaded);
    return std::nullopt;
}

core::Result<core::Storage*> Context::store() {
    if (!storage) {
        std::string url = options.db;
        if (url.empty()) {
            const char* env = std::getenv("UNLOAD_DB");
            url = env && *env ? env : default_db_url();
        }
        storage = TRY(store::open(url));
    }
    return storage.get();
}

std::string host_user() {
    if (const char* user = std::getenv("USER"); user && *user)
        return user;
    if (const auto* entry = getpwuid(geteuid()); entry && entry->pw_name)
        return entry->pw_name;
    return "uid:" + std::to_string(geteuid());
}

core::Result<service::Resources> Context::resources() {
    auto* opened = TRY(store());
    return service::Resources{.kb = *kb, .storage = *opened, .clock = *clock};
}

core::Result<service::Workspace> Context::workspace() {
    return service::open_record(TRY(resources()), caller, options.person);
}

core::Error in_cli_terms(core::Error error) {
    // Each entry is one error the service names in its own terms, found by code and field.
    struct Terms {
        core::ErrorCode code;
        std::string_view field;
        std::string_view option; ///< Empty: the field stays.
        std::string_view next;   ///< Appended to the message; empty: nothing.
    };
    static constexpr std::array<Terms, 7> terms{{
        {.code = core::ErrorCode::Conflict,
         .field = "restart",
         .option = "--restart",
         .next = "; `unload start --intake FILE --restart` begins again at week 1 and keeps your "
                 "history"},
        {.code = core::ErrorCode::NotFound,
         .field = "program",
         .option = {},
         .next = "; start one with `unload start --intake FILE`"},
        {.code = core::ErrorCode::InvalidInput, .field = "note", .option = "--note", .next = {}},
        {.code = core::ErrorCode::Conflict,
         .field = "person",
         .option = "--person",
         .next = " with --person ID; `unload people list` shows them"},
        {.code = core::ErrorCode::NotFound,
         .field = "person",
         .option = "--person",
         .next = "; `unload people list` shows who is"},
        {.code = core::ErrorCode::Conflict,
         .field = "username",
         .option = "NAME",
         .next = "; `unload account list` shows the names taken"},
        {.code = core::ErrorCode::NotFound,
         .field = "username",
         .option = "NAME",
         .next = "; `unload account list` shows every account"},
    }};
    for (const auto& term : terms) {
        if (error.code != term.code || error.field != term.field)
            continue;
        if (!term.option.empty())
            error.field = term.option;
        error.message += term.next;
        break;
    }
    return error;
}

int Context::guard(const std::function<core::Result<void>()>& body) {
    if (const auto failed = load())
        return *failed;
    const auto result = body();
    if (!result)
        return report(options, in_cli_terms(result.error()));
    return 0;
}

} // namespace unload::cli
