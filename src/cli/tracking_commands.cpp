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
#include "core/progress.hpp"
#include "core/review.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "json/records.hpp"
#include "json/rescreen.hpp"

namespace unload::cli {

namespace {

/// Records are read this far back for a review: its week, the one before, and four weeks of
/// history for the referral and regression rules.
constexpr int review_history_days = 7 * 6;

core::Reason start_reason(const core::Stage& stage) {
    return {.id = "start", .text = stage.text};
}

core::ProgramVersion version_for(const Context& ctx, const core::Plan& plan, core::RecordId intake,
                                 int week, std::string origin, std::vector<core::Reason> because) {
    const auto now = ctx.clock->now();
    return {.id = 0,
            .intake_id = intake,
            .created_at = now,
            .starts_on = ctx.clock->day_of(now),
            .week = week,
            .stage = plan.program ? plan.program->stage->id : std::string(),
            .origin = std::move(origin),
            .because = std::move(because),
            .document = json::plan_document(*ctx.kb, plan).dump()};
}

} // namespace

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

core::Day today(const Context& ctx) {
    return ctx.clock->day_of(ctx.clock->now());
}

core::Result<Current> load_current(Context& ctx) {
    auto* repo = TRY(ctx.store());
    auto version = TRY(repo->current_program());
    auto intake_record = TRY(repo->latest_intake());
    if (!version || !intake_record)
        return core::fail(core::ErrorCode::NotFound, "program",
                          "no program yet; start one with `unload start --intake FILE`");
    auto intake = TRY(json::decode_intake(*ctx.kb, intake_record->document));
    const auto stage = core::find_stage(*ctx.kb, version->stage);
    if (!stage)
        return core::fail(
            core::ErrorCode::InvalidContent, "program.stage",
            fmt::format("the stored stage '{}' is not in programs.toml", version->stage));
    auto plan = core::plan(*ctx.kb, intake, version->week, *stage);
    return Current{.intake_record = std::move(*intake_record),
                   .intake = std::move(intake),
                   .version = std::move(*version),
                   .stage_index = *stage,
                   .plan = std::move(plan)};
}

core::Result<void> run_start(Context& ctx, const StartOptions& options) {
    const auto text = TRY(read_input(options.intake_path, "--intake"));
    const auto intake = TRY(json::decode_intake(*ctx.kb, text));
    auto* repo = TRY(ctx.store());
    if (const auto current = TRY(repo->current_program()); current && !options.restart)
        return invalid("--restart",
                       fmt::format("a program is already running (week {}, {}, since {}); "
                                   "`unload start --intake FILE --restart` begins again at week 1 "
                                   "and keeps your history",
                                   current->week, current->stage,
                                   core::iso_day(current->starts_on)));
    const auto plan = core::plan(*ctx.kb, intake, 1);
    const auto now = ctx.clock->now();
    const auto intake_id = TRY(repo->add_intake({.id = 0, .at = now, .document = text}));
    if (!plan.program) {
        // Screening withheld the program: the intake is kept, no program is written.
        if (ctx.json())
            print_json(json::plan_document(*ctx.kb, plan));
        else
            std::cout << render_plan(*ctx.kb, plan, ctx.term);
        return {};
    }
    auto version =
        version_for(ctx, plan, intake_id, 1, "start", {start_reason(*plan.program->stage)});
    version.id = TRY(repo->add_program_version(version));
    if (ctx.json()) {
        print_json({{"program", json::program_version_document(version)}});
        return {};
    }
    std::cout << render_plan(*ctx.kb, plan, ctx.term) << "\n"
              << fmt::format("Saved as your program from {}. Next: `unload session` to do today's "
                             "routine with a guide; `unload review` after a week.\n",
                             core::iso_day(version.starts_on));
    return {};
}

core::Result<void> run_program(Context& ctx) {
    const auto current = TRY(load_current(ctx));
    const auto due = core::review_due_on(current.version);
    if (ctx.json()) {
        auto document = json::program_version_document(current.version);
        document["plan"] = json::plan_document(*ctx.kb, current.plan);
        document["review_due_on"] = core::iso_day(due);
        print_json(document);
        return {};
    }
    std::cout << ctx.term.paint(Style::Bold,
                                fmt::format("Your program: week {}, since {}; next review on {}",
                                            current.version.week,
                                            core::iso_day(current.version.starts_on),
                                            core::iso_day(due)))
              << "\n\n"
              << render_plan(*ctx.kb, current.plan, ctx.term);
    return {};
}

core::Result<void> run_log(Context& ctx, int days) {
    auto* repo = TRY(ctx.store());
    const auto to = today(ctx);
    const auto from = to - std::chrono::days{days - 1};
    const auto sessions = TRY(repo->sessions(from, to, core::SessionDetail::Full));
    const auto pain = TRY(repo->pain_entries(from, to));
    if (ctx.json()) {
        nlohmann::json session_list = nlohmann::json::array();
        for (const auto& session : sessions)
            session_list.push_back(json::session_document(session));
        nlohmann::json diary = nlohmann::json::array();
        for (const auto& entry : pain)
            diary.push_back(json::pain_document(entry));
        print_json({{"from", core::iso_day(from)},
                    {"to", core::iso_day(to)},
                    {"sessions", session_list},
                    {"pain", diary}});
        return {};
    }
    std::cout << render_log(*ctx.kb, sessions, pain, ctx.term);
    return {};
}

core::Result<void> run_log_pain(Context& ctx, int pain, const std::string& note) {
    // The diary is exported as JSON, so the note must be text JSON can carry.
    try {
        (void)nlohmann::json(note).dump();
    } catch (const nlohmann::json::exception&) {
        return invalid("--note", "not valid UTF-8 text");
    }
    auto* repo = TRY(ctx.store());
    const auto now = ctx.clock->now();
    core::PainEntry entry{
        .id = 0, .at = now, .day = ctx.clock->day_of(now), .pain = pain, .note = note};
    entry.id = TRY(repo->add_pain(entry));
    if (ctx.json())
        print_json(json::pain_document(entry));
    else
        std::cout << fmt::format("Noted: pain {}/10 on {}{}.\n", pain, core::iso_day(entry.day),
                                 note.empty() ? "" : " (" + note + ")");
    return {};
}

core::Result<void> run_progress(Context& ctx, int weeks) {
    auto* repo = TRY(ctx.store());
    const auto to = today(ctx);
    const auto from = to - std::chrono::days{weeks * 7 - 1};
    const auto sessions = TRY(repo->sessions(from, to, core::SessionDetail::Summary));
    const auto pain = TRY(repo->pain_entries(from, to));
    const auto scores = TRY(repo->scores());
    const auto versions = TRY(repo->program_versions());
    const auto intakes = TRY(repo->intakes());
    std::optional<int> baseline;
    if (!intakes.empty()) {
        const auto first = TRY(json::decode_intake(*ctx.kb, intakes.front().document));
        baseline = first.symptoms.pain_now;
    }
    const auto result =
        core::progress(*ctx.kb, from, to, sessions, pain, scores, versions, baseline);
    switch (ctx.options.output()) {
    case Format::Json:
        print_json(json::progress_document(result));
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

core::Result<void> run_review(Context& ctx, const std::string& answers_path) {
    auto* repo = TRY(ctx.store());
    const auto current = TRY(load_current(ctx));
    const auto day = today(ctx);
    const auto due = core::review_due_on(current.version);
    if (day < due)
        return invalid("review", fmt::format("not due until {}: a review looks back on a whole "
                                             "week of the program",
                                             core::iso_day(due)));
    std::string answers;
    if (!answers_path.empty())
        answers = TRY(read_input(answers_path, "--answers"));
    else if (isatty(STDIN_FILENO) == 1)
        answers = TRY(ask_rescreen(*ctx.kb));
    else
        return invalid("--answers", "the review asks the warning signs again; answer them on a "
                                    "terminal or give --answers FILE");
    const auto document =
        TRY(json::apply_rescreen(*ctx.kb, current.intake_record.document, answers));
    const auto intake_now = TRY(json::decode_intake(*ctx.kb, document));

    // A late review still sees everything since its program version began.
    const auto from = std::min(day - std::chrono::days{review_history_days},
                               current.version.starts_on - std::chrono::days{7});
    const auto intakes = TRY(repo->intakes());
    const auto first = TRY(json::decode_intake(*ctx.kb, intakes.front().document));
    core::ReviewInput input{.intake = intake_now,
                            .baseline_pain = first.symptoms.pain_now,
                            .current = current.version,
                            .today = day,
                            .sessions = TRY(repo->sessions(from, day, core::SessionDetail::Full)),
                            .pain = TRY(repo->pain_entries(from, day)),
                            .reviews = TRY(repo->reviews()),
                            .scores = TRY(repo->scores())};
    auto outcome = core::review_week(*ctx.kb, input);
    const auto now = ctx.clock->now();
    outcome.record.at = now;
    outcome.record.day = day;

    const auto intake_id = TRY(repo->add_intake({.id = 0, .at = now, .document = document}));
    std::optional<core::ProgramVersion> next;
    if (outcome.next_stage) {
        const auto next_plan =
            core::plan(*ctx.kb, intake_now, current.version.week + 1, *outcome.next_stage);
        next = version_for(ctx, next_plan, intake_id, current.version.week + 1, "review",
                           outcome.record.because);
    }
    outcome.record.id = TRY(repo->add_review(outcome.record, next));
    if (ctx.json())
        print_json(json::review_document(*ctx.kb, outcome));
    else
        std::cout << render_review(*ctx.kb, outcome, ctx.term);
    return {};
}

} // namespace unload::cli
