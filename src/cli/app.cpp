#include "cli/app.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "cli/render.hpp"
#include "content/loader.hpp"
#include "core/planner.hpp"
#include "json/answers.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"

namespace unload::cli {

namespace {

namespace fs = std::filesystem;

enum class Format { Text, Json };

struct Options {
    std::string content_dir;
    std::string db;
    std::string format = "text";
    Format output() const { return format == "json" ? Format::Json : Format::Text; }
};

/// The one place where error codes become exit statuses (interfaces.md): 2 for anything the user
/// can fix in their input or content, 1 otherwise.
int exit_status(core::ErrorCode code) {
    switch (code) {
    case core::ErrorCode::InvalidInput:
    case core::ErrorCode::InvalidContent:
    case core::ErrorCode::NotFound:
        return 2;
    case core::ErrorCode::Io:
    case core::ErrorCode::Internal:
        return 1;
    }
    return 1;
}

int report(const Options& options, const core::Error& error) {
    if (options.output() == Format::Json)
        std::cerr << json::error_document(error).dump() << "\n";
    else
        std::cerr << "unload: " << error.to_string() << "\n";
    return exit_status(error.code);
}

int report_all(const Options& options, const core::Errors& errors) {
    for (const auto& error : errors)
        report(options, error);
    return errors.empty() ? 1 : exit_status(errors.front().code);
}

/// Reads a whole file, or standard input for `-`.
core::Result<std::string> read_input(const std::string& path, std::string_view option) {
    if (path == "-")
        return std::string(std::istreambuf_iterator<char>(std::cin), {});
    std::error_code ec;
    if (!fs::is_regular_file(path, ec))
        return core::fail(core::ErrorCode::NotFound, std::string(option),
                          fmt::format("cannot read '{}': no such file", path));
    std::ifstream in(path, std::ios::binary);
    std::ostringstream buffer;
    buffer << in.rdbuf();
    if (!in && !in.eof())
        return core::fail(core::ErrorCode::Io, std::string(option),
                          fmt::format("cannot read '{}'", path));
    return buffer.str();
}

/// Where content lives: --content, then UNLOAD_CONTENT, then next to an installed binary, then the
/// source tree this binary was built from, then the configured install directory.
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

void print_json(const nlohmann::json& document) {
    std::cout << document.dump(2) << "\n";
}

struct Context {
    Options options;
    Terminal term = Terminal::detect();
    std::optional<core::KnowledgeBase> kb;

    /// Loads content once; on failure prints every error and returns the exit status.
    std::optional<int> load() {
        auto loaded = content::load(content_dir(options));
        if (!loaded)
            return report_all(options, loaded.error());
        kb = std::move(*loaded);
        return std::nullopt;
    }
};

int run_screen_or_plan(Context& ctx, const std::string& intake_path, int week, bool plan) {
    if (const auto failed = ctx.load())
        return *failed;
    const auto text = read_input(intake_path, "--intake");
    if (!text)
        return report(ctx.options, text.error());
    const auto intake = json::decode_intake(*ctx.kb, *text);
    if (!intake)
        return report(ctx.options, intake.error());
    if (!plan) {
        const auto screening = core::screen(*ctx.kb, *intake, week);
        if (ctx.options.output() == Format::Json)
            print_json(json::screen_document(*ctx.kb, screening));
        else
            std::cout << render_screening(*ctx.kb, screening, ctx.term);
        return 0;
    }
    const auto result = core::plan(*ctx.kb, *intake, week);
    if (ctx.options.output() == Format::Json)
        print_json(json::plan_document(*ctx.kb, result));
    else
        std::cout << render_plan(*ctx.kb, result, ctx.term);
    return 0;
}

int run_exercises(Context& ctx, const std::string& action, const std::string& id) {
    if (const auto failed = ctx.load())
        return *failed;
    const auto& kb = *ctx.kb;
    if (action == "list") {
        if (ctx.options.output() == Format::Json)
            print_json(json::exercises_document(kb));
        else
            std::cout << render_exercise_list(kb, ctx.term);
        return 0;
    }
    if (id.empty())
        return report(
            ctx.options,
            core::Error{.code = core::ErrorCode::InvalidInput,
                        .field = "ID",
                        .message =
                            "missing; `unload exercises show ID`, ids from `unload exercises list`",
                        .file = {},
                        .line = 0});
    const auto item = kb.find_item(id);
    if (!item)
        return report(
            ctx.options,
            core::Error{.code = core::ErrorCode::NotFound,
                        .field = "ID",
                        .message = fmt::format("no exercise '{}'; see `unload exercises list`", id),
                        .file = {},
                        .line = 0});
    if (ctx.options.output() == Format::Json)
        print_json(json::exercise_document(kb, kb.item(*item)));
    else
        std::cout << render_exercise(kb, kb.item(*item), ctx.term);
    return 0;
}

int run_score(Context& ctx, const std::string& instrument, const std::string& answers_path) {
    if (const auto failed = ctx.load())
        return *failed;
    const auto text = read_input(answers_path, "--answers");
    if (!text)
        return report(ctx.options, text.error());
    const auto& specs = ctx.kb->instruments;
    const bool as_json = ctx.options.output() == Format::Json;
    if (instrument == "odi") {
        const auto answers = json::decode_odi_answers(*text);
        if (!answers)
            return report(ctx.options, answers.error());
        const auto score = core::score_odi(specs.odi, *answers);
        if (!score)
            return report(ctx.options, score.error());
        as_json ? print_json(json::odi_document(*score)) : void(std::cout << render_odi(*score));
    } else if (instrument == "rmdq") {
        const auto answers = json::decode_rmdq_answers(*text);
        if (!answers)
            return report(ctx.options, answers.error());
        const auto score = core::score_rmdq(specs.rmdq, *answers);
        if (!score)
            return report(ctx.options, score.error());
        as_json ? print_json(json::rmdq_document(*score))
                : void(std::cout << render_rmdq(*score, specs.rmdq));
    } else {
        const auto answers = json::decode_startback_answers(*text);
        if (!answers)
            return report(ctx.options, answers.error());
        const auto score = core::score_startback(specs.startback, *answers);
        if (!score)
            return report(ctx.options, score.error());
        as_json ? print_json(json::startback_document(*score))
                : void(std::cout << render_startback(*score));
    }
    return 0;
}

int run_content_check(Context& ctx, const std::string& dir) {
    const fs::path path = dir.empty() ? content_dir(ctx.options) : fs::path(dir);
    const auto loaded = content::load(path);
    if (ctx.options.output() == Format::Json) {
        nlohmann::json document = {{"valid", loaded.has_value()}, {"directory", path.string()}};
        nlohmann::json errors = nlohmann::json::array();
        if (!loaded) {
            for (const auto& error : loaded.error())
                errors.push_back(json::error_document(error)["error"]);
        } else {
            document["counts"] = {{"exercises", loaded->items.size()},
                                  {"rules", loaded->rules.size()},
                                  {"facts", loaded->facts.size()},
                                  {"advice", loaded->advice.size()},
                                  {"sources", loaded->sources.size()}};
        }
        document["errors"] = errors;
        print_json(document);
        return loaded ? 0 : exit_status(loaded.error().front().code);
    }
    if (!loaded) {
        report_all(ctx.options, loaded.error());
        std::cerr << fmt::format("unload: {} problem{} in {}\n", loaded.error().size(),
                                 loaded.error().size() == 1 ? "" : "s", path.string());
        return exit_status(loaded.error().front().code);
    }
    std::cout << fmt::format(
        "{}: valid: {} exercises and techniques, {} rules, {} facts, {} advice texts, {} sources\n",
        path.string(), loaded->items.size(), loaded->rules.size(), loaded->facts.size(),
        loaded->advice.size(), loaded->sources.size());
    return 0;
}

int run_content_rules(Context& ctx) {
    if (const auto failed = ctx.load())
        return *failed;
    if (ctx.options.output() == Format::Json)
        print_json(json::rules_document(*ctx.kb));
    else
        std::cout << render_rules(*ctx.kb, ctx.term);
    return 0;
}

} // namespace

int run(int argc, char** argv) {
    Context ctx;
    CLI::App app{"Unload: safe, explained back-care programs from physical-therapy guidance.\n"
                 "Decision support and coaching, never a diagnosis.",
                 "unload"};
    app.footer("Examples:\n"
               "  unload screen --intake examples/desk-worker.json\n"
               "  unload plan --intake examples/desk-worker.json --week 3 --format json\n"
               "  unload exercises show cat_cow\n"
               "  unload score odi --answers answers.json\n\n"
               "Exit status: 0 success, 2 invalid usage or input (the message names the field), 1 "
               "other failures.");
    app.require_subcommand(1);
    app.set_version_flag("--version", std::string(UNLOAD_VERSION));
    app.add_option("--content", ctx.options.content_dir,
                   "Content directory (default: the installed content; env UNLOAD_CONTENT)")
        ->check(CLI::ExistingDirectory);
    app.add_option("--db", ctx.options.db, "Database URL, sqlite:PATH (stage 2; env UNLOAD_DB)");
    app.add_option("--format", ctx.options.format,
                   "Output: text for people, json for scripts (one document on stdout)")
        ->check(CLI::IsMember({"text", "json"}));

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
    exercises->footer("Example:\n  unload exercises\n  unload exercises show ninety_ninety");

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

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        // CLI11 returns 0 for --help and --version; usage errors become our status 2.
        const int status = app.exit(e);
        return status == 0 ? 0 : 2;
    }
    if (ctx.options.db.empty()) {
        if (const char* env = std::getenv("UNLOAD_DB"); env && *env)
            ctx.options.db = env;
    }

    if (screen->parsed())
        return run_screen_or_plan(ctx, intake_path, week, false);
    if (plan->parsed())
        return run_screen_or_plan(ctx, intake_path, week, true);
    if (exercises->parsed())
        return run_exercises(ctx, action, exercise_id);
    if (score->parsed())
        return run_score(ctx, instrument, answers_path);
    if (check->parsed())
        return run_content_check(ctx, check_dir);
    if (rules->parsed())
        return run_content_rules(ctx);
    return 2;
}

} // namespace unload::cli
