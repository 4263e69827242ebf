// Stage 1 commands: screening, planning, the exercise library, questionnaires, content checks.

#include <iostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render.hpp"
#include "content/loader.hpp"
#include "core/planner.hpp"
#include "json/answers.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"

namespace unload::cli {

namespace {

core::Result<core::Intake> read_intake(Context& ctx, const std::string& intake_path) {
    const auto text = TRY(read_input(intake_path, "--intake"));
    return json::decode_intake(*ctx.kb, text);
}

/// Stores a score the person asked to keep; answers are kept verbatim.
core::Result<void> save_score(Context& ctx, std::string instrument, double value, std::string band,
                              const std::string& answers) {
    auto* repo = TRY(ctx.store());
    const auto now = ctx.clock->now();
    const auto id = TRY(repo->add_score({.id = 0,
                                         .at = now,
                                         .day = ctx.clock->day_of(now),
                                         .instrument = std::move(instrument),
                                         .value = value,
                                         .band = std::move(band),
                                         .answers = answers}));
    if (!ctx.json())
        std::cout << fmt::format("Saved (score #{}). `unload progress` shows how it changes.\n",
                                 id);
    return {};
}

} // namespace

core::Result<void> run_screen(Context& ctx, const std::string& intake_path, int week) {
    const auto intake = TRY(read_intake(ctx, intake_path));
    const auto screening = core::screen(*ctx.kb, intake, week);
    if (ctx.json())
        print_json(json::screen_document(*ctx.kb, screening));
    else
        std::cout << render_screening(*ctx.kb, screening, ctx.term);
    return {};
}

core::Result<void> run_plan(Context& ctx, const std::string& intake_path, int week) {
    const auto intake = TRY(read_intake(ctx, intake_path));
    const auto result = core::plan(*ctx.kb, intake, week);
    if (ctx.json())
        print_json(json::plan_document(*ctx.kb, result));
    else
        std::cout << render_plan(*ctx.kb, result, ctx.term);
    return {};
}

core::Result<void> run_exercises(Context& ctx, const std::string& action, const std::string& id) {
    const auto& kb = *ctx.kb;
    if (action == "list") {
        if (ctx.json())
            print_json(json::exercises_document(kb));
        else
            std::cout << render_exercise_list(kb, ctx.term);
        return {};
    }
    if (id.empty())
        return invalid("ID",
                       "missing; `unload exercises show ID`, ids from `unload exercises list`");
    const auto item = kb.find_item(id);
    if (!item)
        return core::fail(core::ErrorCode::NotFound, "ID",
                          fmt::format("no exercise '{}'; see `unload exercises list`", id));
    if (ctx.json())
        print_json(json::exercise_document(kb, kb.item(*item)));
    else
        std::cout << render_exercise(kb, kb.item(*item), ctx.term);
    return {};
}

core::Result<void> run_score(Context& ctx, const std::string& instrument,
                             const std::string& answers_path, bool save) {
    const auto text = TRY(read_input(answers_path, "--answers"));
    const auto& specs = ctx.kb->instruments;
    if (instrument == "odi") {
        const auto answers = TRY(json::decode_odi_answers(text));
        const auto score = TRY(core::score_odi(specs.odi, answers));
        ctx.json() ? print_json(json::odi_document(score)) : void(std::cout << render_odi(score));
        if (save)
            TRY(save_score(ctx, instrument, score.percent, std::string(score.band), text));
    } else if (instrument == "rmdq") {
        const auto answers = TRY(json::decode_rmdq_answers(text));
        const auto score = TRY(core::score_rmdq(specs.rmdq, answers));
        ctx.json() ? print_json(json::rmdq_document(score))
                   : void(std::cout << render_rmdq(score, specs.rmdq));
        if (save)
            TRY(save_score(ctx, instrument, score.score, {}, text));
    } else {
        const auto answers = TRY(json::decode_startback_answers(text));
        const auto score = TRY(core::score_startback(specs.startback, answers));
        ctx.json() ? print_json(json::startback_document(score))
                   : void(std::cout << render_startback(score));
        if (save)
            TRY(save_score(ctx, instrument, score.total, std::string(score.risk), text));
    }
    return {};
}

int run_content_check(Context& ctx, const std::string& dir) {
    const auto path = dir.empty() ? content_dir(ctx.options) : std::filesystem::path(dir);
    const auto loaded = content::load(path);
    if (ctx.json()) {
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

core::Result<void> run_content_rules(Context& ctx) {
    if (ctx.json())
        print_json(json::rules_document(*ctx.kb));
    else
        std::cout << render_rules(*ctx.kb, ctx.term);
    return {};
}

} // namespace unload::cli
