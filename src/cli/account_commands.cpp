// Accounts and the audit trail (clinic.md), for the host operator: `unload account add|list|
// disable|enable|password` and `unload audit`. A password comes from --password-file or is asked
// on the terminal without echo, twice; never from the command line, where `ps` and the shell's
// history would keep it.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <termios.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "core/calendar.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"

namespace unload::cli {

namespace {

/// Turns the terminal's echo off for as long as it lives.
class NoEcho {
public:
    NoEcho() {
        if (tcgetattr(STDIN_FILENO, &m_saved) != 0)
            return;
        termios quiet = m_saved;
        quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
        m_active = tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
    }
    ~NoEcho() {
        if (m_active)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
    }
    NoEcho(const NoEcho&) = delete;
    NoEcho& operator=(const NoEcho&) = delete;

private:
    termios m_saved{};
    bool m_active = false;
};

std::string ask_secret(std::string_view prompt) {
    std::cerr << prompt << std::flush;
    std::string line;
    {
        const NoEcho quiet;
        std::getline(std::cin, line);
    }
    std::cerr << '\n';
    return line;
}

/// The password: the first line of --password-file, else asked twice on the terminal.
core::Result<std::string> read_password(const std::string& password_file,
                                        std::string_view username) {
    if (!password_file.empty()) {
        auto text = TRY(read_input(password_file, "--password-file"));
        if (const auto end = text.find_first_of("\r\n"); end != std::string::npos)
            text.resize(end);
        return text;
    }
    if (isatty(STDIN_FILENO) == 0)
        return invalid("--password-file",
                       "standard input is not a terminal: give the password in a file that only "
                       "you can read");
    auto first = ask_secret(fmt::format("New password for {}: ", username));
    const auto again = ask_secret("The same again: ");
    if (first != again)
        return invalid("password", "the two passwords differ; nothing was changed");
    return first;
}

nlohmann::json account_document(const core::Account& account) {
    return {{"id", account.id},
            {"username", account.username},
            {"role", core::to_string(account.role)},
            {"person", account.person ? nlohmann::json(*account.person) : nlohmann::json(nullptr)},
            {"disabled", account.disabled},
            {"created_at", core::iso_timestamp(account.created_at)}};
}

void print_account(Context& ctx, const core::Account& account, std::string_view what) {
    if (ctx.json()) {
        print_json({{"account", account_document(account)}});
        return;
    }
    std::cout << fmt::format("{} {} ({}{}).\n", what, account.username,
                             core::to_string(account.role),
                             account.person ? fmt::format(", person {}", *account.person) : "");
}

} // namespace

core::Result<void> run_account_add(Context& ctx, const AccountAddOptions& options) {
    const auto role = core::parse_role(options.role);
    if (!role)
        return invalid("--role", "one of person, clinician, admin");
    const auto res = TRY(ctx.resources());
    const bool first = !TRY(service::clinic_mode(res));
    const auto username = TRY(service::clean_username(options.username, "NAME"));
    auto password = TRY(read_password(options.password_file, username));
    const auto account =
        TRY(service::add_account(res, ctx.caller,
                                 {.username = username,
                                  .role = *role,
                                  .person = options.person ? options.person : ctx.options.person,
                                  .password = std::move(password)}));
    print_account(ctx, account, "Added");
    if (!ctx.json() && first)
        std::cout << "This server is now a clinic: `unload serve` asks everyone to sign in, and "
                     "each account reaches only what its role allows.\n";
    return {};
}

core::Result<void> run_account_list(Context& ctx) {
    const auto res = TRY(ctx.resources());
    const auto everyone = TRY(service::accounts(res, ctx.caller));
    if (ctx.json()) {
        auto list = nlohmann::json::array();
        for (const auto& account : everyone)
            list.push_back(account_document(account));
        print_json({{"accounts", list}});
        return {};
    }
    if (everyone.empty()) {
        std::cout << "No accounts: this server is in personal mode. `unload account add NAME "
                     "--role clinician` makes it a clinic.\n";
        return {};
    }
    std::cout << fmt::format("{:<24}  {:<9}  {:>6}  {:<8}  {}\n", "NAME", "ROLE", "PERSON", "STATE",
                             "SINCE");
    for (const auto& account : everyone)
        std::cout << fmt::format("{:<24}  {:<9}  {:>6}  {:<8}  {}\n", account.username,
                                 core::to_string(account.role),
                                 account.person ? std::to_string(*account.person) : "-",
                                 account.disabled ? "disabled" : "active",
                                 core::iso_day(ctx.clock->day_of(account.created_at)));
    return {};
}

core::Result<void> run_account_enable(Context& ctx, const std::string& username, bool enabled) {
    const auto res = TRY(ctx.resources());
    const auto account = TRY(service::set_account_enabled(res, ctx.caller, username, enabled));
    print_account(ctx, account, enabled ? "Enabled" : "Disabled and signed out");
    return {};
}

core::Result<void> run_account_password(Context& ctx, const std::string& username,
                                        const std::string& password_file) {
    const auto res = TRY(ctx.resources());
    const auto name = TRY(service::clean_username(username, "NAME"));
    const auto password = TRY(read_password(password_file, name));
    const auto account = TRY(service::set_password(res, ctx.caller, name, password));
    print_account(ctx, account, "New password for");
    return {};
}

core::Result<void> run_audit(Context& ctx, const AuditOptions& options) {
    const auto res = TRY(ctx.resources());
    if (options.verify) {
        const auto broken = TRY(service::verify_audit(res, ctx.caller));
        if (ctx.json())
            print_json({{"intact", !broken},
                        {"broken_at", broken ? nlohmann::json(broken->id) : nlohmann::json()},
                        {"reason", broken ? nlohmann::json(broken->reason) : nlohmann::json()}});
        else if (!broken)
            std::cout << "The audit trail is whole: every event links to the one before it.\n";
        else
            std::cout << fmt::format("The audit trail is broken at event {}: {}.\n", broken->id,
                                     broken->reason);
        // A broken chain is stored data that was tampered with or damaged, as unreadable rows are
        // (store/rows.hpp corrupt()): exit 1.
        if (broken)
            return core::fail(core::ErrorCode::Io, "audit",
                              fmt::format("the chain breaks at event {}", broken->id));
        return {};
    }
    core::AuditFilter filter{.person = options.person ? options.person : ctx.options.person};
    if (!options.since.empty()) {
        const auto day = core::parse_iso_day(options.since);
        if (!day)
            return invalid("--since", "a date like 2026-12-01");
        filter.since = std::chrono::time_point_cast<std::chrono::seconds>(*day);
    }
    const auto events = TRY(service::audit_events(res, ctx.caller, filter));
    if (ctx.json()) {
        auto list = nlohmann::json::array();
        for (const auto& event : events)
            list.push_back(
                {{"id", event.id},
                 {"at", core::iso_timestamp(event.at)},
                 {"actor", event.actor},
                 {"role", event.role},
                 {"action", event.action},
                 {"person", event.person ? nlohmann::json(*event.person) : nlohmann::json(nullptr)},
                 {"resource", event.resource},
                 {"outcome", event.outcome},
                 {"request_id", event.request_id},
                 {"address", event.address}});
        print_json({{"events", list}});
        return {};
    }
    if (events.empty()) {
        std::cout << "No events.\n";
        return {};
    }
    std::cout << fmt::format("{:>6}  {:<20}  {:<20}  {:<12}  {:>6}  {:<20}  {}\n", "ID", "AT",
                             "WHO", "ACTION", "PERSON", "WHAT", "OUTCOME");
    for (const auto& event : events)
        std::cout << fmt::format("{:>6}  {:<20}  {:<20}  {:<12}  {:>6}  {:<20}  {}\n", event.id,
                                 core::iso_timestamp(event.at), event.actor, event.action,
                                 event.person ? std::to_string(*event.person) : "-", event.resource,
                                 event.outcome);
    return {};
}

} // namespace unload::cli
