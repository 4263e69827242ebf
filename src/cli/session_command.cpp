// `unload session`: today's guided session from the program in force, played full-screen on the
// terminal or from a script, then stored with pain before and after and every step's times.

#include <chrono>
#include <iostream>
#include <thread>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/player.hpp"
#include "cli/render.hpp"
#include "cli/render_records.hpp"
#include "cli/session_script.hpp"
#include "core/calendar.hpp"
#include "json/documents.hpp"
#include "json/records.hpp"
#include "service/program.hpp"
#include "service/safety_stops.hpp"
#include "service/session.hpp"
#include "service/workspace.hpp"

namespace unload::cli {

namespace {

/// Answers from a script's `rescreen` line: the warning signs named are yes; the leg as before.
std::string scripted_rescreen(const std::vector<std::string>& yes,
                              const std::string& intake_document) {
    nlohmann::json signs = nlohmann::json::object();
    for (const auto& id : yes)
        signs[id] = true;
    const auto intake = nlohmann::json::parse(intake_document, nullptr, false);
    std::string leg = "none";
    if (intake.is_object() && intake.contains("symptoms") && intake["symptoms"].contains("leg") &&
        intake["symptoms"]["leg"].is_string())
        leg = intake["symptoms"]["leg"].get<std::string>();
    return nlohmann::json{{"warning_signs", signs}, {"leg", leg}}.dump();
}

/// Stores the re-screen answers as a new intake and returns their screening; when it withholds
/// the program the text view says so at once, with the advice and its urgency.
core::Result<core::Screening> apply_rescreen_answers(Context& ctx, const service::Workspace& ws,
                                                     const std::string& answers) {
    auto screening = TRY(service::rescreen(ws, answers));
    if (screening.program_withheld() && !ctx.json())
        std::cout << render_screening(*ctx.kb, screening, ctx.term);
    return screening;
}

core::Result<int> pain_score(const std::optional<int>& given, const char* question,
                             const char* option, bool interactive) {
    if (given)
        return *given;
    if (!interactive)
        return invalid(option, "needed without a terminal (or `before N` / `after N` in the "
                               "events file)");
    const auto answer = ask_score(question);
    if (!answer)
        return invalid(option, "no answer (end of input)");
    return *answer;
}

} // namespace

core::Result<void> run_session(Context& ctx, const SessionOptions& options) {
    const auto& kb = *ctx.kb;
    const auto ws = TRY(ctx.workspace());
    auto prepared = service::prepare_session(ws);
    if (!prepared && prepared.error().code == core::ErrorCode::Conflict &&
        prepared.error().field == "program") {
        // The answers that stopped it: the open stop's (in onboarding there may be no program),
        // else the latest intake's.
        if (!ctx.json()) {
            if (const auto stop = TRY(service::open_stop(ws)))
                std::cout << render_screening(kb, stop->screening, ctx.term);
            else
                std::cout << render_screening(kb, TRY(service::load_current(ws)).plan.screening,
                                              ctx.term);
        }
        return core::fail(core::ErrorCode::Conflict, "program",
                          "the program is stopped: your latest answers include a warning sign "
                          "(above). Please follow that advice first; once you have been seen, "
                          "`unload rescreen --seen` answers the warning signs again.");
    }
    const auto session = TRY(std::move(prepared));

    if (options.dry_run) {
        if (ctx.json())
            print_json(json::timeline_document(kb, session.timeline));
        else
            std::cout << render_timeline(kb, session.timeline, ctx.term);
        return {};
    }

    SessionScript script;
    const bool scripted = !options.events_path.empty();
    if (scripted) {
        const auto text = TRY(read_input(options.events_path, "--events"));
        script = TRY(parse_session_script(text, options.events_path));
    } else if (options.clock == "virtual") {
        return invalid("--clock", "a virtual clock needs --events FILE to say what happens");
    } else if (isatty(STDIN_FILENO) != 1 || isatty(STDOUT_FILENO) != 1) {
        return invalid("--events", "the guided session needs a terminal; use --dry-run to print "
                                   "the timeline or --events FILE to play a script");
    }
    const bool interactive = !scripted;
    if (scripted && !options.pain_after && !script.pain_after)
        return invalid("--pain-after", "a scripted session needs the pain after it (`after N` in "
                                       "the events file, or --pain-after N), so that it can be "
                                       "stored");

    const auto& intake_document = session.current.intake_record.document;
    if (!options.rescreened && session.rescreen_pending) {
        std::string answers;
        if (script.rescreen)
            answers = scripted_rescreen(*script.rescreen, intake_document);
        else if (interactive)
            answers = TRY(ask_rescreen(kb));
        else
            return invalid("rescreen", "your last session stopped for new numbness or weakness; "
                                       "answer the warning signs first (`rescreen` in the events "
                                       "file, or run on a terminal)");
        if (TRY(apply_rescreen_answers(ctx, ws, answers)).program_withheld())
            return core::fail(core::ErrorCode::InvalidInput, "rescreen",
                              "a warning sign stops the program; see the advice above");
        // The answers may have changed the plan: start again from them, once.
        auto again = options;
        again.rescreened = true;
        return run_session(ctx, again);
    }

    const int pain_before =
        TRY(pain_score(options.pain_before ? options.pain_before : script.pain_before,
                       "Before you start: your pain now, 0-10?", "--pain-before", interactive));
    if (session.adjustments.low_dose && !ctx.json())
        std::cout << kb.session.words.low_dose << "\n";

    core::SessionRun run(kb, *session.current.plan.program, session.current.plan.screening.allowed,
                         session.adjustments);
    const auto started_at = ctx.clock->now();
    std::vector<core::StopOutcome> stops;
    std::vector<PlayedLine> log;
    if (scripted && options.clock == "virtual") {
        core::VirtualClock virtual_clock(started_at);
        stops = TRY(play_script(
            kb, run, script, [&] { return virtual_clock.steady_ms(); },
            [&](std::int64_t at) { virtual_clock.advance_to(at); }, log));
    } else if (scripted) {
        const auto origin = ctx.clock->steady_ms();
        const auto now = [&] {
            return static_cast<std::int64_t>(static_cast<double>(ctx.clock->steady_ms() - origin) *
                                             options.speed);
        };
        stops = TRY(play_script(
            kb, run, script, now,
            [&](std::int64_t at) {
                const auto wait =
                    static_cast<std::int64_t>(static_cast<double>(at - now()) / options.speed);
                if (wait > 0)
                    std::this_thread::sleep_for(std::chrono::milliseconds(wait));
            },
            log));
    } else {
        stops =
            play_in_terminal(kb, run, *ctx.clock, {.voice = options.voice, .speed = options.speed});
    }

    // Whatever happens at this prompt the session is kept: without an answer, pain after is
    // simply not recorded.
    const auto pain_after_answer =
        pain_score(options.pain_after ? options.pain_after : script.pain_after,
                   "Your pain now, after the session, 0-10?", "--pain-after", interactive);
    const auto pain_after = pain_after_answer ? std::optional(*pain_after_answer) : std::nullopt;
    const auto record = TRY(service::save_session(
        ws, session, run.record(),
        {.started_at = started_at, .pain_before = pain_before, .pain_after = pain_after}));

    // A stop that re-asks the warning signs: a script answers at once; a person answers after
    // reading the summary.
    const bool rescreen = std::ranges::any_of(stops, &core::StopOutcome::rescreen);
    std::optional<core::Screening> rescreened;
    if (rescreen && script.rescreen)
        rescreened = TRY(
            apply_rescreen_answers(ctx, ws, scripted_rescreen(*script.rescreen, intake_document)));

    if (ctx.json()) {
        nlohmann::json stop_list = nlohmann::json::array();
        for (const auto& stop : stops)
            stop_list.push_back(json::stop_outcome_document(kb, stop));
        auto document = json::session_document(record);
        document["stops"] = stop_list;
        document["rescreen"] =
            rescreened ? json::screen_document(kb, *rescreened) : nlohmann::json(nullptr);
        print_json(document);
    } else {
        for (const auto& line : log)
            std::cout << fmt::format("{}  {}\n", format_session_time(line.at_ms), line.text);
        std::cout << render_session_summary(kb, record, stops, ctx.term);
    }
    if (rescreen && !rescreened) {
        if (interactive) {
            const auto answers = TRY(ask_rescreen(kb));
            TRY(apply_rescreen_answers(ctx, ws, answers));
        } else if (!ctx.json())
            std::cout << "Before your next session Unload will ask the warning signs again.\n";
    }
    return {};
}

} // namespace unload::cli
