#pragma once

// What every command shares: the global options, content and store opened on first use, the
// clock, and the one place where errors become messages and exit statuses.

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "cli/terminal.hpp"
#include "core/clock.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"
#include "core/ports/storage.hpp"
#include "service/workspace.hpp"

namespace unload::cli {

enum class Format { Text, Json, Csv };

struct Options {
    std::string content_dir;
    std::string db;
    std::string format = "text";
    /// Whose record the record commands act on (--person); the database's one person when unset.
    std::optional<core::PersonId> person;
    Format output() const;
};

/// The one place where error codes become exit statuses (interfaces.md): 2 for anything the user
/// can fix in their input or content, 1 otherwise.
int exit_status(core::ErrorCode code);

/// Prints an error (as a JSON document on stderr with --format json) and returns its status.
int report(const Options& options, const core::Error& error);
int report_all(const Options& options, const core::Errors& errors);

/// The most an intake, answers or events file may hold.
inline constexpr std::size_t max_input_bytes = 4 * 1024 * 1024;

/// Reads a whole file, or standard input for `-`, of at most max_input_bytes (TooLarge beyond,
/// found without reading further); errors name `option`.
core::Result<std::string> read_input(const std::string& path, std::string_view option);

/// Writes `text` to a file created readable and writable by its owner only (an existing file is
/// narrowed to that too), for exports of the person's record; errors name `option`.
core::Result<void> write_private_file(const std::filesystem::path& path, std::string_view text,
                                      std::string_view option);

/// Where content lives: --content, then UNLOAD_CONTENT, then next to an installed binary, then the
/// source tree this binary was built from, then the configured install directory.
std::filesystem::path content_dir(const Options& options);

/// The database when neither --db nor UNLOAD_DB names one (interfaces.md):
/// `$XDG_DATA_HOME/unload/unload.db`, else `~/.local/share/unload/unload.db`.
std::string default_db_url();

void print_json(const nlohmann::json& document);

/// The system clock. UNLOAD_NOW (`2026-11-22T08:00:00Z`) pins the wall clock's start, so tests and
/// back-filled records can say which day it is; the steady clock always runs.
std::unique_ptr<core::Clock> system_clock();

/// The user running the command line (`$USER`, else the account's name), for the audit trail.
std::string host_user();

/// A service error in the words of the command line: the option a person types instead of the
/// service's field name, and what to type next. Errors the CLI has no words for pass unchanged.
core::Error in_cli_terms(core::Error error);

/// An InvalidInput error about `field`.
std::unexpected<core::Error> invalid(std::string field, std::string message);

struct Context {
    Options options;
    Terminal term = Terminal::detect();
    std::optional<core::KnowledgeBase> kb;
    std::unique_ptr<core::Storage> storage;
    std::unique_ptr<core::Clock> clock = system_clock();

    /// Loads content once; on failure prints every error and returns the exit status.
    std::optional<int> load();
    /// Opens the database once (creating it on first use).
    core::Result<core::Storage*> store();
    /// The record of --person (or the database's one person) for the service's journeys, with the
    /// content and the clock; opens the store like store().
    core::Result<service::Workspace> workspace();
    /// Content, store and clock without a record, for the server.
    core::Result<service::Resources> resources();
    /// The command line acts as the host operator: whoever runs it on the host.
    core::Actor caller = core::Actor::host_operator(host_user());
    bool json() const { return options.output() == Format::Json; }
    /// Runs a command body, reporting its error if it fails; returns the exit status.
    int guard(const std::function<core::Result<void>()>& body);
};

} // namespace unload::cli
