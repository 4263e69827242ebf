#pragma once

// The commands of `unload`, one function each; app.cpp builds the command tree and calls them.
// Each returns success or an error; Context::guard turns errors into messages and exit statuses.

#include <optional>
#include <string>
#include <vector>

#include "cli/context.hpp"
#include "core/planner.hpp"

namespace unload::cli {

// Stage 1: the engine (engine_commands.cpp).
core::Result<void> run_screen(Context& ctx, const std::string& intake_path, int week);
core::Result<void> run_plan(Context& ctx, const std::string& intake_path, int week);
/// What `exercises show` prints: the exercise (as text or JSON, as --format says) or its picture.
enum class ExerciseOutput { Document, Svg };
core::Result<void> run_exercises(Context& ctx, const std::string& action, const std::string& id,
                                 ExerciseOutput output = ExerciseOutput::Document,
                                 const std::string& modification = {});
/// The Learn section: every topic in brief when `topic` is empty, else that topic in full.
core::Result<void> run_learn(Context& ctx, const std::string& topic);
core::Result<void> run_score(Context& ctx, const std::string& instrument,
                             const std::string& answers_path, bool save);
int run_content_check(Context& ctx, const std::string& dir);
core::Result<void> run_content_rules(Context& ctx);

// Stage 2: the person's record (tracking_commands.cpp).
struct StartOptions {
    std::string intake_path;
    bool restart = false;
};
core::Result<void> run_start(Context& ctx, const StartOptions& options);
core::Result<void> run_program(Context& ctx);
/// How an exercise felt in a stored session: too_easy, right, too_hard or hurt.
core::Result<void> run_feedback(Context& ctx, core::RecordId session, const std::string& exercise,
                                const std::string& rating);
/// Takes the harder version the program offers for `exercise`.
core::Result<void> run_take_harder(Context& ctx, const std::string& exercise);
core::Result<void> run_log(Context& ctx, int days);
core::Result<void> run_log_pain(Context& ctx, int pain, const std::string& note);
core::Result<void> run_progress(Context& ctx, int weeks);
core::Result<void> run_review(Context& ctx, const std::string& answers_path);
/// The warning signs asked again outside a review (after a stop): `seen` first records that a
/// clinician has seen the person about the open safety stop.
core::Result<void> run_rescreen(Context& ctx, const std::string& answers_path, bool seen);

// Stage 2: a guided session (session_command.cpp).
struct SessionOptions {
    bool dry_run = false;
    std::string clock = "real"; ///< `real` or `virtual`.
    std::string events_path;
    bool voice = false;
    double speed = 1.0;
    std::optional<int> pain_before;
    std::optional<int> pain_after;
    bool rescreened = false; ///< Set internally once pending warning-sign questions are answered.
};
core::Result<void> run_session(Context& ctx, const SessionOptions& options);

// Stage 2: reminders (remind_command.cpp).
struct RemindSettingsOptions {
    std::string sessions;    ///< `08:00,18:00`
    std::string work;        ///< `09:00-17:30`
    std::string days;        ///< `mon-fri`, `1,2,3,4,5`
    std::string desk_breaks; ///< `on` or `off`
    std::string session_reminders;
};
core::Result<void> run_remind(Context& ctx, const std::string& ics_path, bool once);
core::Result<void> run_remind_set(Context& ctx, const RemindSettingsOptions& options);
core::Result<void> run_remind_show(Context& ctx);

// Stage 2: your data (data_commands.cpp).
core::Result<void> run_export(Context& ctx, const std::string& out);
core::Result<void> run_forget(Context& ctx, bool yes);

// Stage 4: the people of the server (people_commands.cpp).
core::Result<void> run_people_list(Context& ctx);
core::Result<void> run_people_add(Context& ctx, const std::string& name);

// Stage 4: accounts and the audit trail (account_commands.cpp).
struct AccountAddOptions {
    std::string username;
    std::string role;
    std::optional<core::PersonId> person;
    std::string password_file;
};
core::Result<void> run_account_add(Context& ctx, const AccountAddOptions& options);
core::Result<void> run_account_list(Context& ctx);
core::Result<void> run_account_enable(Context& ctx, const std::string& username, bool enabled);
core::Result<void> run_account_password(Context& ctx, const std::string& username,
                                        const std::string& password_file);
struct AuditOptions {
    std::optional<core::PersonId> person;
    std::string since; ///< An ISO date (UTC); empty: from the start.
    bool verify = false;
};
core::Result<void> run_audit(Context& ctx, const AuditOptions& options);

/// Asks the warning signs and where leg symptoms reach on the terminal; returns a re-screen
/// answers document (json/rescreen.hpp).
core::Result<std::string> ask_rescreen(const core::KnowledgeBase& kb);

// Stage 3: the HTTP API (serve_command.cpp).

} // namespace unload::cli
