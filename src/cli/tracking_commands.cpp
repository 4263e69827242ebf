// Stage 2 commands over the person's record: starting a program, the program in force, the log
// and pain diary, progress and the weekly review.

#include <iostream>

#include <fmt/format.h>
#include <unistd.h>

#include "cli/commands.hpp"
#include "cli/player.hpp"
#include "cli/render.hpp"
#include "cli/render_records.hpp"
#include "core/calendar.hpp"
#include "core/review.hpp"
#include "json/documents.hpp"
#include "json/records.hpp"
#include "service/feedback.hpp"
#include "service/program.hpp"
#include "service/review.hpp"
#include "service/safety_stops.hpp"
#include "service/tracking.hpp"

namespace unload::cli {

/// The warning signs asked one by one on the terminal, and where the leg symptoms reach now, as
/// a re-screen answers document.
core::Result<std::string> ask_rescreen(const core::KnowledgeBase& kb) {
    std::cout << "First, the warning signs again. Answer each for how things are now.\n";
    nlohmann::json signs = nlohmann::json::object();
    for (const auto& fact : kb.facts) {
        if (fact.kind != core::FactKind::WarningSign)
            continue;
        const auto answer = ask_yes_no(fact.question.empty() ? fact.text : fact.question);
        if (!answer)
            return invalid("warning_signs", "no answer (end of input); use --answers FILE");
        signs[fact.id] = *answer;
    }
    std::cout << "Where do leg symptoms reach now? 0 none, 1 buttock, 2 thigh, 3 below the knee\n";
    static constexpr std::array<std::string_view, 4> legs{"none", "buttock", "thigh", "below_knee"};
    std::optional<int> leg;
    while (!leg || *leg > 3) {
        leg = ask_score("Leg symptoms (0-3):");
        if (!leg)
            return invalid("leg", "no answer (end of input); use --answers FILE");
    }
    return nlohmann::json{{"warning_signs", signs}, {"leg", legs[static_cast<std::size_t>(*leg)]}}
        .dump();
}

core::Result<void> run_start(Context& ctx, const StartOptions& options) {
    const auto text = TRY(read_input(options.intake_path, "--intake"));
    const auto ws = TRY(ctx.workspace());
    const auto started = TRY(
        service::start(ws, text, options.restart ? service::Restart::Yes : service::Restart::No));
    if (!started.version) {
        // Screening withheld the program: the intake is kept, no program is written.
        if (ctx.json())
            print_json(json::plan_document(*ctx.kb, started.plan));
        else
            std::cout << render_plan(*ctx.kb, started.plan, ctx.term);
        return {};
    }
    if (ctx.json()) {
        print_json({{"program", json::program_version_document(*started.version)}});
        return {};
    }
    std::cout << render_plan(*ctx.kb, started.plan, ctx.term) << "\n"
              << fmt::format("Saved as your program from {}. Next: `unload session` to do today's "
                             "routine with a guide; `unload review` after a week.\n",
                             core::iso_day(started.version->starts_on));
    return {};
}

core::Result<void> run_program(Context& ctx) {
    const auto ws = TRY(ctx.workspace());
    const auto current = TRY(service::load_current(ws));
    const auto due = core::review_due_on(current.version);
    if (ctx.json()) {
        print_json(json::current_program_document(*ctx.kb, current.version, current.plan));
        return {};
    }
    std::cout << ctx.term.paint(Style::Bold,
                                fmt::format("Your program: week {}, since {}; next review on {}",
                                            current.version.week,
                                            core::iso_day(current.version.starts_on),
                                            core::iso_day(due)))
              << "\n\n"
              << render_plan(*ctx.kb, current.plan, ctx.term);
    for (const auto& offer : json::offers_document(*ctx.kb, current.version))
        std::cout << fmt::format("\nOffered: {} felt too easy, so you may move on to {}. To take "
                                 "it: `unload program harder {}`.\n",
                                 offer["name"].get<std::string>(),
                                 offer["harder_name"].get<std::string>(),
                                 offer["exercise"].get<std::string>());
    return {};
}

namespace {

std::string_view rating_words(core::Rating rating) {
    switch (rating) {
    case core::Rating::TooEasy:
        return "too easy";
    case core::Rating::Right:
        return "about right";
    case core::Rating::TooHard:
        return "too hard";
    case core::Rating::Hurt:
        return "like it hurt";
    }
    return "";
}

} // namespace

core::Result<void> run_feedback(Context& ctx, core::RecordId session, const std::string& exercise,
                                const std::string& rating) {
    const auto ws = TRY(ctx.workspace());
    const auto stored = TRY(service::rate_exercise(ws, session, exercise, rating));
    if (ctx.json()) {
        print_json({{"session", stored.session_id},
                    {"exercise", stored.item},
                    {"rating", core::to_string(stored.rating)},
                    {"at", core::iso_timestamp(stored.at)}});
        return {};
    }
    const auto item = ctx.kb->find_item(stored.item);
    std::cout << fmt::format("Saved: {} felt {} in session {}. The weekly review takes it into "
                             "account; `unload progress` shows every rating.\n",
                             item ? ctx.kb->item(*item).name : stored.item,
                             rating_words(stored.rating), stored.session_id);
    return {};
}

core::Result<void> run_take_harder(Context& ctx, const std::string& exercise) {
    const auto ws = TRY(ctx.workspace());
    const auto current = TRY(service::take_harder_version(ws, exercise));
    if (ctx.json()) {
        print_json(json::current_program_document(*ctx.kb, current.version, current.plan));
        return {};
    }
    std::cout << "Done: from your next session the harder version plays instead.\n\n"
              << render_plan(*ctx.kb, current.plan, ctx.term);
    return {};
}

core::Result<void> run_log(Context& ctx, int days) {
    const auto ws = TRY(ctx.workspace());
    const auto diary = TRY(service::diary(ws, days));
    if (ctx.json()) {
        nlohmann::json session_list = nlohmann::json::array();
        for (const auto& session : diary.sessions)
            session_list.push_back(json::session_document(session));
        nlohmann::json pain = nlohmann::json::array();
        for (const auto& entry : diary.pain)
            pain.push_back(json::pain_document(entry));
        print_json({{"from", core::iso_day(diary.from)},
                    {"to", core::iso_day(diary.to)},
                    {"sessions", session_list},
                    {"pain", pain}});
        return {};
    }
    std::cout << render_log(*ctx.kb, diary.sessions, diary.pain, ctx.term);
    return {};
}

core::Result<void> run_log_pain(Context& ctx, int pain, const std::string& note) {
    const auto ws = TRY(ctx.workspace());
    const auto entry = TRY(service::log_pain(ws, pain, note));
    if (ctx.json())
        print_json(json::pain_document(entry));
    else
        std::cout << fmt::format("Noted: pain {}/10 on {}{}.\n", pain, core::iso_day(entry.day),
                                 note.empty() ? "" : " (" + note + ")");
    return {};
}

core::Result<void> run_progress(Context& ctx, int weeks) {
    const auto ws = TRY(ctx.workspace());
    const auto result = TRY(service::progress(ws, weeks));
    switch (ctx.options.output()) {
    case Format::Json:
        print_json(json::progress_document(*ctx.kb, result));
        break;
    case Format::Csv:
        std::cout << progress_csv(result);
        break;
    case Format::Text:
        std::cout << render_progress(*ctx.kb, result, ctx.term);
        break;
    }
    return {};
}

namespace {

/// Re-screen answers from `--answers FILE`, else asked on the terminal; `why` starts the error
/// without either.
core::Result<std::string> rescreen_answers(Context& ctx, const std::string& answers_path,
                                           std::string_view why) {
    if (!answers_path.empty())
        return read_input(answers_path, "--answers");
    if (isatty(STDIN_FILENO) == 1)
        return ask_rescreen(*ctx.kb);
    return invalid(
        "--answers",
        fmt::format("{}answer the warning signs on a terminal or give --answers FILE", why));
}

} // namespace

core::Result<void> run_review(Context& ctx, const std::string& answers_path) {
    const auto ws = TRY(ctx.workspace());
    // Nobody should answer the warning signs for a review that cannot happen yet.
    TRY(service::check_review_due(ws));
    const auto answers = TRY(rescreen_answers(ctx, answers_path,
                                              "the review asks the warning "
                                              "signs again; "));
    const auto outcome = TRY(service::review(ws, answers));
    if (ctx.json())
        print_json(json::review_document(*ctx.kb, outcome));
    else
        std::cout << render_review(*ctx.kb, outcome, ctx.term);
    return {};
}

core::Result<void> run_rescreen(Context& ctx, const std::string& answers_path, bool seen) {
    const auto ws = TRY(ctx.workspace());
    // The answers first: "seen" is recorded only with answers to go with it.
    const auto answers = TRY(rescreen_answers(ctx, answers_path, ""));
    if (seen) {
        TRY(service::mark_seen(ws));
        if (!ctx.json())
            std::cout << "Noted: you have been seen about the warning sign. Your program stays "
                         "stopped until your answers no longer show one.\n";
    }
    const auto screening = TRY(service::rescreen(ws, answers));
    const bool stopped = TRY(service::open_stop(ws)).has_value();
    if (ctx.json()) {
        print_json({{"screen", json::screen_document(*ctx.kb, screening)}, {"stopped", stopped}});
    } else if (stopped) {
        std::cout << render_screening(*ctx.kb, screening, ctx.term);
    } else {
        std::cout << "No warning sign now, so your program goes on. Start a session with "
                     "`unload session` when you are ready.\n";
    }
    return {};
}

} // namespace unload::cli
