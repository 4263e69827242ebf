#include "cli/app.hpp"

#include <cstdlib>
#include <exception>
#include <iostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "cli/commands.hpp"
#include "core/calendar.hpp"

namespace unload::cli {

namespace {

int run_commands(int argc, char** argv, const ServeCommand& run_serve) {
    Context ctx;
    CLI::App app{"Unload: safe, explained back-care programs from physical-therapy guidance.\n"
                 "Decision support and coaching, never a diagnosis.",
                 "unload"};
    app.footer("Examples:\n"
               "  unload screen --intake examples/desk-worker.json\n"
               "  unload plan --intake examples/desk-worker.json --week 3 --format json\n"
               "  unload exercises show cat_cow\n"
               "  unload learn workstation\n"
               "  unload score odi --answers answers.json\n"
               "  unload start --intake my-intake.json     (then, every day:)\n"
               "  unload session                           (a guided session on the terminal)\n"
               "  unload progress                          (and after a week: unload review)\n\n"
               "Data: $XDG_DATA_HOME/unload/unload.db (else ~/.local/share/unload/unload.db); "
               "--db or UNLOAD_DB to choose another.\n"
               "Exit status: 0 success, 2 invalid usage or input (the message names the field), 1 "
               "other failures.");
    app.require_subcommand(1);
    // Subcommands (made after this) hand --format, --db and --content back to the app, so they
    // may come after the subcommand too: `unload plan --intake X --format json`.
    app.fallthrough();
    app.set_version_flag("--version", std::string(UNLOAD_VERSION));
    app.add_option("--content", ctx.options.content_dir,
                   "Content directory (default: the installed content; env UNLOAD_CONTENT)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--db", ctx.options.db,
                   "Database: sqlite:PATH or a file path (env UNLOAD_DB; default in the XDG data "
                   "directory)");
    app.add_option("--person", ctx.options.person,
                   "Whose record the record commands act on, by id (`unload people list`); "
                   "default: the database's only person")
        ->check(CLI::PositiveNumber);
    app.add_option("--format", ctx.options.format,
                   "Output: text for people, json for scripts (one document on stdout); csv for "
                   "progress and export")
        ->check(CLI::IsMember({"text", "json", "csv"}));

    std::string intake_path;
    int week = 1;
    auto* screen =
        app.add_subcommand("screen", "Check an intake for warning signs, exclusions and advice");
    screen
        ->add_option("--intake", intake_path, "Intake file (unload-intake/1 JSON), or - for stdin")
        ->required();
    screen->footer(
        "Example:\n  unload screen --intake examples/desk-worker.json\n"
        "  echo "
        "'{\"format\":\"unload-intake/1\",\"person\":{\"age\":40},\"symptoms\":{\"pain_now\":4}}' "
        "| unload screen --intake -");
    auto* plan = app.add_subcommand("plan", "Screen an intake and build the program for a week");
    plan->add_option("--intake", intake_path, "Intake file (unload-intake/1 JSON), or - for stdin")
        ->required();
    plan->add_option("--week", week, "Program week, from 1 (default 1)")->check(CLI::Range(1, 520));
    plan->footer(
        "Example:\n  unload plan --intake examples/desk-worker.json --week 2\n"
        "  unload plan --intake examples/desk-worker.json --format json | jq .program.routine");

    std::string action = "list";
    std::string exercise_id;
    auto* exercises =
        app.add_subcommand("exercises", "The exercise library: list, or show one in full");
    exercises->add_option("action", action, "list (default) or show")
        ->check(CLI::IsMember({"list", "show"}));
    exercises->add_option("id", exercise_id, "Exercise id, for show");
    bool exercise_svg = false;
    exercises->add_flag("--svg", exercise_svg,
                        "With show: print the exercise's picture as SVG (animated for movements)");
    std::string exercise_modification;
    exercises->add_option("--modification", exercise_modification,
                          "With show --svg: the picture of the exercise done with this change "
                          "(an id from its modifications, such as side_lying_instead)");
    exercises->footer("Examples:\n  unload exercises\n  unload exercises show ninety_ninety\n"
                      "  unload exercises show cat_cow --svg > cat_cow.svg\n"
                      "  unload exercises show ninety_ninety --svg --modification "
                      "side_lying_instead");

    std::string learn_topic;
    auto* learn = app.add_subcommand(
        "learn", "Back care in plain words: causes, warning signs, desk, lifting, sleep, pacing");
    learn->add_option("topic", learn_topic, "Topic id (default: list the topics)");
    learn->footer("Examples:\n  unload learn\n  unload learn warning_signs\n"
                  "  unload --format json learn lifting");

    std::string instrument;
    std::string answers_path;
    auto* score =
        app.add_subcommand("score", "Score an outcome questionnaire (ODI, RMDQ, STarT Back)");
    score->add_option("instrument", instrument, "odi, rmdq or startback")
        ->required()
        ->check(CLI::IsMember({"odi", "rmdq", "startback"}));
    score
        ->add_option("--answers", answers_path,
                     "Answers file, {\"answers\": [...]}, or - for stdin")
        ->required();
    bool save_score = false;
    score->add_flag("--save", save_score, "Keep the score in your record, for `unload progress`");
    score->footer(
        "Examples:\n"
        "  echo '{\"answers\": [1,2,1,0,2,1,null,1,2,1]}' | unload score odi --answers -\n"
        "  unload score startback --answers startback.json --format json");

    auto* content =
        app.add_subcommand("content", "Validate the content files, or print the rules for review");
    content->require_subcommand(1);
    std::string check_dir;
    auto* check = content->add_subcommand(
        "check", "Validate a content directory; every problem with file and line");
    check->add_option("dir", check_dir, "Directory to check (default: the content in use)");
    check->footer("Example:\n  unload content check content/");
    auto* rules =
        content->add_subcommand("rules", "Print every rule as a review sheet for a clinician");
    rules->footer("Example:\n  unload content rules | less\n  unload content rules --format json");

    // Stage 2: the person's record.
    StartOptions start_options;
    auto* start = app.add_subcommand("start", "Begin your program from an intake, and keep it");
    start
        ->add_option("--intake", start_options.intake_path,
                     "Intake file (unload-intake/1 JSON), or - for stdin")
        ->required();
    start->add_flag("--restart", start_options.restart,
                    "Begin again at week 1 with this intake (your history is kept)");
    start->footer("Example:\n  unload start --intake my-intake.json\n"
                  "A warning sign means no program: the advice says what to do instead.");

    auto* program = app.add_subcommand("program", "Show the program in force and when to review");
    std::string harder_exercise;
    auto* program_harder = program->add_subcommand(
        "harder", "Take the harder version a review offered for an exercise that felt too easy");
    program_harder->add_option("exercise", harder_exercise, "The exercise id, e.g. bird_dog")
        ->required();
    program->footer("Examples:\n  unload program\n  unload program harder bird_dog");

    core::RecordId feedback_session = 0;
    std::string feedback_exercise;
    std::string feedback_rating;
    auto* feedback = app.add_subcommand(
        "feedback", "Say how an exercise felt in a session; the weekly review reads it");
    feedback->add_option("session", feedback_session, "The session's id (`unload log` shows it)")
        ->required();
    feedback->add_option("exercise", feedback_exercise, "The exercise id, e.g. bird_dog")
        ->required();
    feedback->add_option("rating", feedback_rating, "too_easy, right, too_hard or hurt")
        ->required()
        ->check(CLI::IsMember({"too_easy", "right", "too_hard", "hurt"}));
    feedback->footer(
        "Example:\n  unload feedback 12 bird_dog too_hard\n"
        "Rated too hard or hurt in 2 sessions of a week, an exercise is held at its easier "
        "version\n"
        "at the weekly review; too easy in 3, its harder version is offered (`unload program`).");

    SessionOptions session_options;
    auto* session = app.add_subcommand(
        "session", "Today's guided session, full-screen: countdowns, cues, stop rules");
    session->add_flag("--dry-run", session_options.dry_run,
                      "Print the session's timeline instead of playing it");
    session
        ->add_option("--clock", session_options.clock, "real (default) or virtual (with --events)")
        ->check(CLI::IsMember({"real", "virtual"}));
    session->add_option("--events", session_options.events_path,
                        "Play a script of key presses at session times instead of the keyboard");
    session->add_flag("--voice", session_options.voice,
                      "Speak each step (needs espeak-ng installed)");
    session
        ->add_option("--speed", session_options.speed,
                     "Run the session clock this many times faster (demos and tests)")
        ->check(CLI::Range(0.1, 1000.0));
    session->add_option("--pain-before", session_options.pain_before, "Pain before, 0-10")
        ->check(CLI::Range(0, 10));
    session->add_option("--pain-after", session_options.pain_after, "Pain after, 0-10")
        ->check(CLI::Range(0, 10));
    session->footer(
        "Keys: space pause/resume · s skip this exercise · w swap to the easier version\n"
        "      x stop - this hurts (then pick the reason) · q quit and keep what was done\n"
        "Examples:\n  unload session\n  unload session --dry-run\n"
        "  unload session --clock virtual --events script.txt --format json\n"
        "Script lines: `before 4`, `0:45 space`, `2:00 s`, `3:10 w`, `4:00 x sharp_pain`, "
        "`12:00 q`, `after 3`.");

    int log_days = 14;
    auto* log = app.add_subcommand("log", "Your sessions and pain diary; `log pain N` adds to it");
    log->add_option("--days", log_days, "How many days back (default 14)")
        ->check(CLI::Range(1, 3660));
    int pain_now = 0;
    std::string pain_note;
    auto* log_pain = log->add_subcommand("pain", "Note your pain now, 0-10, in the diary");
    log_pain->add_option("pain", pain_now, "0 no pain ... 10 worst imaginable")
        ->required()
        ->check(CLI::Range(0, 10));
    log_pain->add_option("--note", pain_note, "A few words: what you did, how you slept");
    log->footer("Examples:\n  unload log\n  unload log pain 4 --note \"long drive\"");

    int progress_weeks = 6;
    auto* progress =
        app.add_subcommand("progress", "Pain trend, sessions done, minutes and questionnaires");
    progress->add_option("--weeks", progress_weeks, "How many weeks back (default 6)")
        ->check(CLI::Range(1, 520));
    progress->footer("Examples:\n  unload progress\n  unload --format csv progress > days.csv");

    std::string review_answers;
    auto* review = app.add_subcommand(
        "review", "The weekly review: progress, hold, step back or see a therapist, and why");
    review->add_option("--answers", review_answers,
                       "Re-screen answers, {\"warning_signs\": {...}, \"leg\": \"none\"} (else "
                       "asked on the terminal)");
    review->footer("Example:\n  unload review");

    std::string rescreen_answers;
    bool rescreen_seen = false;
    auto* rescreen = app.add_subcommand(
        "rescreen", "Answer the warning signs again, after a stop or when something changed");
    rescreen->add_option("--answers", rescreen_answers,
                         "Re-screen answers, {\"warning_signs\": {...}, \"leg\": \"none\"} (else "
                         "asked on the terminal)");
    rescreen->add_flag("--seen", rescreen_seen,
                       "First record that a clinician has seen you about the open safety stop");
    rescreen->footer("A warning sign stops the program until answers without one come in.\n"
                     "Examples:\n  unload rescreen\n  unload rescreen --seen\n"
                     "  unload --format json rescreen --answers answers.json");

    std::string ics_path;
    bool remind_once = false;
    auto* remind = app.add_subcommand(
        "remind", "Desk-break and session reminders, or an iCalendar file of them");
    remind->add_option("--ics", ics_path, "Write the schedule to this .ics file and exit");
    remind->add_flag("--once", remind_once, "Say when the next reminder is and exit");
    RemindSettingsOptions remind_settings;
    auto* remind_set = remind->add_subcommand("set", "Change when reminders come");
    remind_set->add_option("--sessions", remind_settings.sessions,
                           "Session times, e.g. 08:00,18:00");
    remind_set->add_option("--work", remind_settings.work,
                           "Working hours for desk breaks, e.g. 09:00-17:30");
    remind_set->add_option("--days", remind_settings.days,
                           "Work days, e.g. mon-fri or mon,wed,fri");
    remind_set->add_option("--desk-breaks", remind_settings.desk_breaks, "on or off");
    remind_set->add_option("--session-reminders", remind_settings.session_reminders, "on or off");
    auto* remind_show = remind->add_subcommand("show", "Show the reminder settings");
    remind->footer("Examples:\n  unload remind\n  unload remind --ics unload.ics\n"
                   "  unload remind set --sessions 07:30,19:00 --work 08:30-17:00 --days mon-fri");

    std::string export_out;
    auto* export_command =
        app.add_subcommand("export", "Everything Unload keeps about you, as JSON or CSV");
    export_command->add_option("--out", export_out,
                               "File for JSON (default: standard output); directory for CSV");
    export_command->footer("Examples:\n  unload export > my-unload.json\n"
                           "  unload --format csv export --out my-unload/");
    bool forget_yes = false;
    auto* forget = app.add_subcommand("forget", "Delete everything Unload keeps about you");
    forget->add_flag("--yes", forget_yes, "Do not ask first (for scripts)");

    auto* people = app.add_subcommand(
        "people", "The people with a record on this server (a clinic); --person ID picks one");
    people->require_subcommand(1);
    auto* people_list = people->add_subcommand("list", "Everyone with a record, by id");
    std::string person_name;
    auto* people_add = people->add_subcommand("add", "Add a person with an empty record");
    people_add->add_option("NAME", person_name, "How the clinic knows them, e.g. \"Ana Silva\"")
        ->required();
    people->footer("Examples:\n  unload people add \"Ana Silva\"\n  unload people list\n"
                   "  unload --person 2 start --intake ana.json\n  unload --person 2 progress");

    AccountAddOptions account_add_options;
    std::string account_name;
    std::string password_file;
    auto* account = app.add_subcommand(
        "account", "Sign-in accounts (a clinic): the first one turns personal mode off");
    account->require_subcommand(1);
    auto* account_add = account->add_subcommand("add", "Add an account");
    account_add
        ->add_option("NAME", account_add_options.username,
                     "The name to sign in with: small letters, digits, . _ -")
        ->required();
    account_add
        ->add_option("--role", account_add_options.role,
                     "person (their own record), clinician (the people in their care) or admin "
                     "(accounts and the audit trail)")
        ->required();
    account_add->add_option("--person", account_add_options.person,
                            "The person whose record it reaches (`unload people list`); a "
                            "person account without one gets a new, empty record");
    account_add->add_option("--password-file", account_add_options.password_file,
                            "Read the password from the first line of FILE (default: ask on "
                            "the terminal without echo)");
    auto* account_list = account->add_subcommand("list", "Every account, its role and state");
    auto* account_disable =
        account->add_subcommand("disable", "Stop an account signing in, and sign it out");
    account_disable->add_option("NAME", account_name, "The account")->required();
    auto* account_enable = account->add_subcommand(
        "enable", "Let a disabled account sign in again; also lifts a lock after failed sign-ins");
    account_enable->add_option("NAME", account_name, "The account")->required();
    auto* account_password =
        account->add_subcommand("password", "Set a new password, which signs the account out");
    account_password->add_option("NAME", account_name, "The account")->required();
    account_password->add_option("--password-file", password_file,
                                 "Read the password from the first line of FILE");
    account->footer(
        "Passwords have at least 10 characters and are not the account's name; they are never "
        "taken on the command line.\n\nExamples:\n"
        "  unload account add ana --role clinician\n"
        "  unload account add ben --role person --person 1     # the personal-mode record\n"
        "  unload account add root --role admin --password-file ./admin-password\n"
        "  unload account list\n  unload account disable ana");

    AuditOptions audit_options;
    auto* audit = app.add_subcommand(
        "audit", "Who looked at or changed whose record, and every sign-in and refusal");
    audit->add_option("--person", audit_options.person, "Only events on this person's record");
    audit->add_option("--since", audit_options.since, "Only events from this day on (UTC)");
    audit->add_flag("--verify", audit_options.verify,
                    "Check the chain of digests instead; exit 1 when an event was changed, "
                    "inserted or removed");
    audit->footer("Examples:\n  unload audit\n  unload audit --person 2 --since 2026-12-01\n"
                  "  unload audit --verify");

    ServeOptions serve_options;
    auto* serve = app.add_subcommand(
        "serve", "The HTTP API and the web app (default http://127.0.0.1:8080/)");
    serve->add_option("--listen", serve_options.listen,
                      "ADDR:PORT to listen on (default 127.0.0.1:8080). Any address other than "
                      "loopback needs an access token (UNLOAD_TOKEN or `token` in the config)");
    serve->add_option("--config", serve_options.config_path,
                      "Config file (default $XDG_CONFIG_HOME/unload/config.toml); see "
                      "docs/configuration.md");
    serve->footer("Examples:\n  unload serve\n  unload serve --listen 127.0.0.1:9000\n"
                  "  UNLOAD_TOKEN=$(openssl rand -hex 16) unload serve --listen 0.0.0.0:8080\n"
                  "Then: curl http://127.0.0.1:8080/api/v1/exercises (docs/openapi.yaml lists "
                  "every route)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 returns 0 for --help and --version; usage errors become our status 2.
        const int status = app.exit(e);
        return status == 0 ? 0 : 2;
    }
    if (const char* now = std::getenv("UNLOAD_NOW"); now && *now && !core::parse_iso_timestamp(now))
        return report(ctx.options,
                      core::Error{.code = core::ErrorCode::InvalidInput,
                                  .field = "UNLOAD_NOW",
                                  .message = fmt::format("expected a time like "
                                                         "2026-11-22T08:00:00Z, got '{}'",
                                                         now),
                                  .file = {},
                                  .line = 0});
    const bool csv = ctx.options.output() == Format::Csv;
    if (csv && !progress->parsed() && !export_command->parsed())
        return report(ctx.options, core::Error{.code = core::ErrorCode::InvalidInput,
                                               .field = "--format",
                                               .message = "csv is for `progress` and `export`",
                                               .file = {},
                                               .line = 0});

    if (check->parsed())
        return run_content_check(ctx, check_dir);
    return ctx.guard([&]() -> core::Result<void> {
        if (screen->parsed())
            return run_screen(ctx, intake_path, week);
        if (plan->parsed())
            return run_plan(ctx, intake_path, week);
        if (exercises->parsed())
            return run_exercises(ctx, action, exercise_id,
                                 exercise_svg ? ExerciseOutput::Svg : ExerciseOutput::Document,
                                 exercise_modification);
        if (learn->parsed())
            return run_learn(ctx, learn_topic);
        if (score->parsed())
            return run_score(ctx, instrument, answers_path, save_score);
        if (rules->parsed())
            return run_content_rules(ctx);
        if (start->parsed())
            return run_start(ctx, start_options);
        if (program_harder->parsed())
            return run_take_harder(ctx, harder_exercise);
        if (program->parsed())
            return run_program(ctx);
        if (feedback->parsed())
            return run_feedback(ctx, feedback_session, feedback_exercise, feedback_rating);
        if (session->parsed())
            return run_session(ctx, session_options);
        if (log_pain->parsed())
            return run_log_pain(ctx, pain_now, pain_note);
        if (log->parsed())
            return run_log(ctx, log_days);
        if (progress->parsed())
            return run_progress(ctx, progress_weeks);
        if (review->parsed())
            return run_review(ctx, review_answers);
        if (rescreen->parsed())
            return run_rescreen(ctx, rescreen_answers, rescreen_seen);
        if (remind_set->parsed())
            return run_remind_set(ctx, remind_settings);
        if (remind_show->parsed())
            return run_remind_show(ctx);
        if (remind->parsed())
            return run_remind(ctx, ics_path, remind_once);
        if (export_command->parsed())
            return run_export(ctx, export_out);
        if (forget->parsed())
            return run_forget(ctx, forget_yes);
        if (people_list->parsed())
            return run_people_list(ctx);
        if (people_add->parsed())
            return run_people_add(ctx, person_name);
        if (account_add->parsed())
            return run_account_add(ctx, account_add_options);
        if (account_list->parsed())
            return run_account_list(ctx);
        if (account_disable->parsed())
            return run_account_enable(ctx, account_name, false);
        if (account_enable->parsed())
            return run_account_enable(ctx, account_name, true);
        if (account_password->parsed())
            return run_account_password(ctx, account_name, password_file);
        if (audit->parsed())
            return run_audit(ctx, audit_options);
        if (serve->parsed())
            return run_serve(ctx, serve_options);
        return invalid("COMMAND", "unknown command; see `unload --help`");
    });
}

} // namespace

int run(int argc, char** argv, const ServeCommand& run_serve) {
    // Third-party libraries (SOCI, nlohmann, toml++) may throw; nothing may end the program
    // without a message, and stored data is safe because every write is one transaction.
    try {
        return run_commands(argc, argv, run_serve);
    } catch (const std::exception& e) {
        std::cerr << "unload: internal error: " << e.what() << "\n";
        return 1;
    }
}

} // namespace unload::cli
