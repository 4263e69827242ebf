// Stage 1 commands: screening, planning, the exercise library, questionnaires, content checks.

#include <iostream>
#include <type_traits>
#include <variant>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cli/commands.hpp"
#include "cli/render.hpp"
#include "content/loader.hpp"
#include "core/planner.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"
#include "json/learn.hpp"
#include "picture/svg.hpp"
#include "service/scores.hpp"

namespace unload::cli {

namespace {

core::Result<core::Intake> read_intake(Context& ctx, const std::string& intake_path) {
    const auto text = TRY(read_input(intake_path, "--intake"));
    return json::decode_intake(*ctx.kb, text);
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

core::Result<void> run_exercises(Context& ctx, const std::string& action, const std::string& id,
                                 ExerciseOutput output, const std::string& modification) {
    const auto& kb = *ctx.kb;
    if (output == ExerciseOutput::Svg && action != "show")
        return invalid("--svg", "is for one exercise: `unload exercises show ID --svg`");
    if (output == ExerciseOutput::Svg && ctx.options.output() != Format::Text)
        return invalid("--svg", "prints the picture as SVG and takes no --format");
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
    const auto& found = kb.item(*item);
    if (!modification.empty()) {
        if (output != ExerciseOutput::Svg)
            return invalid("--modification", "goes with --svg: the picture of that change");
        if (std::ranges::find(found.modifications, modification, &core::Modification::id) ==
            found.modifications.end()) {
            std::string known;
            for (const auto& change : found.modifications)
                known += (known.empty() ? "" : ", ") + change.id;
            return invalid("--modification",
                           fmt::format("'{}' has no modification '{}'; it has {}", id, modification,
                                       known.empty() ? "none" : known));
        }
    }
    if (output == ExerciseOutput::Svg)
        std::cout << (modification.empty() ? picture::svg(found)
                                           : picture::svg(found, modification));
    else if (ctx.json())
        print_json(json::exercise_document(kb, found));
    else
        std::cout << render_exercise(kb, found, ctx.term);
    return {};
}

core::Result<void> run_learn(Context& ctx, const std::string& topic) {
    const auto& kb = *ctx.kb;
    if (topic.empty()) {
        if (ctx.json())
            print_json(json::learn_document(kb));
        else
            std::cout << render_learn_list(kb, ctx.term);
        return {};
    }
    const auto* found = kb.learn.find(topic);
    if (!found)
        return core::fail(core::ErrorCode::NotFound, "TOPIC",
                          fmt::format("no topic '{}'; see `unload learn`", topic));
    if (ctx.json())
        print_json(json::learn_topic_document(kb, *found));
    else
        std::cout << render_learn_topic(kb, *found, ctx.term);
    return {};
}

core::Result<void> run_score(Context& ctx, const std::string& instrument,
                             const std::string& answers_path, bool save) {
    const auto text = TRY(read_input(answers_path, "--answers"));
    const auto score = TRY(service::score(*ctx.kb, instrument, text));
    if (ctx.json()) {
        print_json(json::score_document(score));
    } else {
        const auto& specs = ctx.kb->instruments;
        std::cout << std::visit(
            [&](const auto& scored) {
                using Score = std::decay_t<decltype(scored)>;
                if constexpr (std::is_same_v<Score, core::OdiScore>)
                    return render_odi(scored);
                else if constexpr (std::is_same_v<Score, core::RmdqScore>)
                    return render_rmdq(scored, specs.rmdq);
                else
                    return render_startback(scored);
            },
            score);
    }
    if (!save)
        return {};
    const auto ws = TRY(ctx.workspace());
    const auto saved = TRY(service::save_score(ws, instrument, score, text));
    if (!ctx.json())
        std::cout << fmt::format("Saved (score #{}). `unload progress` shows how it changes.\n",
                                 saved.id);
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
                                  {"learn_topics", loaded->learn.topics.size()},
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
        "{}: valid: {} exercises and techniques, {} rules, {} facts, {} advice texts, {} learn "
        "topics, {} sources\n",
        path.string(), loaded->items.size(), loaded->rules.size(), loaded->facts.size(),
        loaded->advice.size(), loaded->learn.topics.size(), loaded->sources.size());
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
