#include "core/timeline.hpp"

#include <algorithm>
#include <iterator>
#include <utility>

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<StepKind, 8> step_kind_names{{{StepKind::GetReady, "get_ready"},
                                                  {StepKind::Position, "position"},
                                                  {StepKind::Hold, "hold"},
                                                  {StepKind::Rep, "rep"},
                                                  {StepKind::SideSwitch, "side_switch"},
                                                  {StepKind::Rest, "rest"},
                                                  {StepKind::FinishHold, "finish_hold"},
                                                  {StepKind::RestPosition, "rest_position"}}};

constexpr EnumNames<Side, 3> side_names{
    {{Side::None, "none"}, {Side::Left, "left"}, {Side::Right, "right"}}};

constexpr EnumNames<CueKind, 4> cue_kind_names{{{CueKind::Bell, "bell"},
                                                {CueKind::BreatheIn, "breathe_in"},
                                                {CueKind::BreatheOut, "breathe_out"},
                                                {CueKind::Countdown, "countdown"}}};

constexpr std::int64_t ms_per_s = 1000;
constexpr int countdown_s = 3;

/// Joins non-empty sentences with single spaces.
void append_sentence(std::string& text, std::string_view sentence) {
    if (sentence.empty())
        return;
    if (!text.empty())
        text += ' ';
    text += sentence;
}

/// The numbers a timeline plays: the planned dose, or the low end of every range.
struct DoseNumbers {
    int hold_s = 0;
    int reps = 1;
    int rounds = 1;
    int finish_hold_s = 0;
};

DoseNumbers numbers_for(const Item& item, const RoutineItem& planned, bool low_dose) {
    if (!low_dose || !item.dose)
        return {.hold_s = planned.hold_s,
                .reps = planned.reps,
                .rounds = planned.rounds,
                .finish_hold_s = planned.finish_hold_s};
    const Dose& dose = *item.dose;
    // The planner's doses lie inside these ranges, so the low end is never more than planned.
    return {.hold_s = dose.hold_s.low,
            .reps = dose.reps.low,
            .rounds = dose.rounds.low,
            // A modification may have left the closing hold out: the plan has none then.
            .finish_hold_s = planned.finish_hold_s == 0 ? 0 : dose.finish_hold_s.low};
}

/// Adds the bell, the breathing cues of a hold and the closing countdown to a step whose fields
/// are already set. Paced repetitions get no countdown: they last a few seconds each, and a
/// count in every one would drown out the breathing they are paced by.
void add_cues(const SessionRules& rules, Step& step) {
    const auto duration = step.duration_ms;
    step.cues.push_back({.at_ms = 0, .kind = CueKind::Bell, .text = step.title});
    const bool counts_down = step.kind != StepKind::Rep;
    // Within the last seconds the countdown takes over, so the two never talk over each other.
    const std::int64_t quiet_from =
        counts_down ? std::max<std::int64_t>(0, duration - countdown_s * ms_per_s) : duration;
    const auto& words = rules.words;
    if (step.kind == StepKind::Hold || step.kind == StepKind::FinishHold) {
        const std::int64_t in_ms = rules.breath_in_s * ms_per_s;
        const std::int64_t cycle_ms = (rules.breath_in_s + rules.breath_out_s) * ms_per_s;
        for (std::int64_t at = 0; cycle_ms > 0 && at < quiet_from; at += cycle_ms) {
            step.cues.push_back(
                {.at_ms = at, .kind = CueKind::BreatheIn, .text = words.breathe_in});
            if (at + in_ms < quiet_from)
                step.cues.push_back(
                    {.at_ms = at + in_ms, .kind = CueKind::BreatheOut, .text = words.breathe_out});
        }
    } else if (step.kind == StepKind::Rep) {
        step.cues.push_back({.at_ms = 0, .kind = CueKind::BreatheIn, .text = words.breathe_in});
        step.cues.push_back(
            {.at_ms = duration / 2, .kind = CueKind::BreatheOut, .text = words.breathe_out});
    }
    if (counts_down) {
        for (int left = countdown_s; left >= 1; --left) {
            const std::int64_t at = duration - left * ms_per_s;
            if (at > 0)
                step.cues.push_back(
                    {.at_ms = at, .kind = CueKind::Countdown, .text = std::to_string(left)});
        }
    }
    std::ranges::stable_sort(step.cues, {}, &Cue::at_ms);
}

std::string with_side(const SessionWords& words, std::string title, Side side) {
    if (side == Side::Left)
        title += ", " + words.left;
    else if (side == Side::Right)
        title += ", " + words.right;
    return title;
}

} // namespace

std::string_view to_string(StepKind kind) {
    return name_of(step_kind_names, kind);
}
std::string_view to_string(Side side) {
    return name_of(side_names, side);
}
std::string_view to_string(CueKind kind) {
    return name_of(cue_kind_names, kind);
}

std::vector<Step> steps_for(const KnowledgeBase& kb, const RoutineItem& planned, int routine_index,
                            bool low_dose) {
    const Item& item = kb.item(planned.item);
    const auto& rules = kb.session;
    const auto& words = rules.words;
    const auto dose = numbers_for(item, planned, low_dose);
    std::vector<Step> steps;
    const auto add = [&](Step step) {
        step.item = planned.item;
        step.routine_index = routine_index;
        step.modifications = planned.modifications;
        add_cues(rules, step);
        steps.push_back(std::move(step));
    };

    // A modification that starts elsewhere (on the side in pregnancy) replaces the position.
    std::string position = item.position;
    for (const auto* modification : planned.modifications) {
        if (!modification->position.empty())
            position = modification->position;
    }
    std::string how = position.empty() ? std::string() : position + ".";
    for (std::size_t i = 0; i < item.steps.size(); ++i) {
        const bool forbidden = std::ranges::any_of(planned.modifications, [&](const auto* change) {
            return std::ranges::find(change->leaves_out_steps, i) != change->leaves_out_steps.end();
        });
        if (!forbidden)
            append_sentence(how, item.steps[i]);
    }
    for (const auto* modification : planned.modifications)
        append_sentence(how, modification->text);
    add({.kind = StepKind::Position,
         .duration_ms = kb.program.transition_s * ms_per_s,
         .title = words.get_into_position + ": " + item.name,
         .text = std::move(how)});

    // A repetition lasts `hold_s + rep_s` (knowledge.hpp): with a pace it is one paced
    // repetition that includes its short hold, without one it is a timed hold.
    const bool paced = planned.rep_s > 0;
    const std::int64_t rep_ms = static_cast<std::int64_t>(dose.hold_s + planned.rep_s) * ms_per_s;
    const std::vector<Side> sides = planned.per_side ? std::vector<Side>{Side::Left, Side::Right}
                                                     : std::vector<Side>{Side::None};
    for (int round = 1; round <= dose.rounds; ++round) {
        for (const auto side : sides) {
            if (side == Side::Right) {
                add({.kind = StepKind::SideSwitch,
                     .side = side,
                     .round = round,
                     .rounds = dose.rounds,
                     .duration_ms = kb.program.side_switch_s * ms_per_s,
                     .title = words.switch_sides,
                     .text = words.switch_sides_text});
            }
            for (int rep = 1; rep <= dose.reps; ++rep) {
                const auto title =
                    paced ? fill_words(words.repetition, {{"{n}", std::to_string(rep)},
                                                          {"{of}", std::to_string(dose.reps)}})
                          : words.hold;
                add({.kind = paced ? StepKind::Rep : StepKind::Hold,
                     .side = side,
                     .rep = rep,
                     .reps = dose.reps,
                     .round = round,
                     .rounds = dose.rounds,
                     .duration_ms = rep_ms,
                     .title = with_side(words, title, side),
                     .text = item.breathing});
            }
        }
        if (round < dose.rounds && planned.rest_s > 0) {
            add({.kind = StepKind::Rest,
                 .round = round,
                 .rounds = dose.rounds,
                 .duration_ms = planned.rest_s * ms_per_s,
                 .title = words.rest,
                 .text = words.rest_text});
        }
    }
    if (dose.finish_hold_s > 0) {
        std::string text = words.finish_hold_text;
        append_sentence(text, item.breathing);
        add({.kind = StepKind::FinishHold,
             .duration_ms = dose.finish_hold_s * ms_per_s,
             .title = words.finish_hold,
             .text = std::move(text)});
    }
    return steps;
}

Step rest_position_step(const KnowledgeBase& kb) {
    const auto& rules = kb.session;
    Step step{.kind = StepKind::RestPosition,
              .duration_ms = rules.rest_position_s * ms_per_s,
              .title = rules.words.rest_position_title,
              .text = rules.words.rest_position};
    add_cues(rules, step);
    return step;
}

Timeline build_timeline(const KnowledgeBase& kb, const Program& program,
                        const SessionAdjustments& adjustments) {
    Timeline timeline;
    std::vector<Step> exercise_steps;
    const Item* first = nullptr;
    for (std::size_t index = 0; index < program.routine.size(); ++index) {
        const auto& planned = program.routine[index];
        if (adjustments.suspended.test(planned.item))
            continue;
        if (first == nullptr)
            first = &kb.item(planned.item);
        auto steps = steps_for(kb, planned, static_cast<int>(index), adjustments.low_dose);
        std::ranges::move(steps, std::back_inserter(exercise_steps));
    }
    // With every exercise suspended there is nothing to get ready for.
    if (first == nullptr)
        return timeline;

    const auto& rules = kb.session;
    std::string text = fill_words(rules.words.get_ready_text, {{"{name}", first->name}});
    if (adjustments.low_dose)
        append_sentence(text, rules.words.low_dose);
    Step get_ready{.kind = StepKind::GetReady,
                   .duration_ms = rules.get_ready_s * ms_per_s,
                   .title = rules.words.get_ready,
                   .text = std::move(text)};
    add_cues(rules, get_ready);
    timeline.steps.push_back(std::move(get_ready));
    std::ranges::move(exercise_steps, std::back_inserter(timeline.steps));
    for (const auto& step : timeline.steps)
        timeline.total_ms += step.duration_ms;
    return timeline;
}

std::string fill_words(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values) {
    for (const auto& [key, value] : values) {
        for (auto at = text.find(key); at != std::string::npos;
             at = text.find(key, at + value.size()))
            text.replace(at, key.size(), value);
    }
    return text;
}

} // namespace unload::core
