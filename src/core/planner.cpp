#include "core/planner.hpp"

#include <algorithm>
#include <functional>
#include <numeric>

#include "core/reasons.hpp"

namespace unload::core {

namespace {

/// A routine item while the plan is being fitted to the person's time.
/// The adjustable numbers of a dose.
struct DoseValues {
    int hold_s = 0;
    int reps = 1;
    int rounds = 1;
    int finish_hold_s = 0;
};

DoseValues values_of(const RoutineItem& item) {
    return {.hold_s = item.hold_s,
            .reps = item.reps,
            .rounds = item.rounds,
            .finish_hold_s = item.finish_hold_s};
}

void apply(RoutineItem& item, const DoseValues& values) {
    item.hold_s = values.hold_s;
    item.reps = values.reps;
    item.rounds = values.rounds;
    item.finish_hold_s = values.finish_hold_s;
}

struct Candidate {
    RoutineItem item;
    DoseValues target; ///< The dose before any shrinking, to grow back to when time allows.
    Range hold_s;
    Range reps;
    Range rounds;
    Range finish_hold_s;
    int priority = 0;
    std::size_t order = 0;
};

void add_unique(Because& because, std::string_view id) {
    if (std::ranges::find(because, id) == because.end())
        because.push_back(id);
}

/// The stage for a week: the calendar's, or the one a weekly review chose.
const Stage& stage_for(const ProgramRules& rules, int week, int min_relief_weeks,
                       std::optional<std::size_t> reviewed) {
    const Stage* chosen = &rules.stages.front();
    const Stage* last_relief = chosen;
    for (std::size_t index = 0; index < rules.stages.size(); ++index) {
        const auto& stage = rules.stages[index];
        if (reviewed ? index > *reviewed : stage.from_week > week)
            break;
        if (stage.phase == Phase::Relief)
            last_relief = &stage;
        chosen = &stage;
    }
    // A rule may hold a person in relief longer than the calendar would (clinical.md §4).
    if (chosen->phase != Phase::Relief && week <= min_relief_weeks)
        return *last_relief;
    return *chosen;
}

bool against_bias(const Item& item, Bias bias) {
    switch (bias) {
    case Bias::Flexion:
        return item.has_direction(Direction::Extension) && !item.has_direction(Direction::Flexion);
    case Bias::Extension:
        return item.has_direction(Direction::Flexion) && !item.has_direction(Direction::Extension);
    case Bias::Neutral:
        break;
    }
    return false;
}

std::vector<std::string> missing_equipment(const KnowledgeBase& kb, const Item& item,
                                           const EquipmentSet& have) {
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
        if (item.equipment.test(i) && !have.test(i))
            missing.push_back(missing_equipment_id(kb, {i}));
    }
    if (item.equipment_one_of.any() && (item.equipment_one_of & have).none()) {
        std::vector<std::size_t> either;
        for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
            if (item.equipment_one_of.test(i))
                either.push_back(i);
        }
        missing.push_back(missing_equipment_id(kb, either));
    }
    return missing;
}

int total_seconds(const KnowledgeBase& kb, const std::vector<Candidate>& candidates) {
    return std::accumulate(
        candidates.begin(), candidates.end(), 0,
        [&](int sum, const Candidate& c) { return sum + seconds_for(kb, c.item); });
}

/// Shrinks one dose field of each candidate to the low end of its range, lowest priority first,
/// until the routine fits; reports whether it fits.
template <class Shrink>
bool shrink_until_fits(const KnowledgeBase& kb, std::vector<Candidate>& candidates,
                       const std::vector<std::size_t>& by_priority, int budget, Shrink shrink) {
    for (const auto index : by_priority) {
        if (total_seconds(kb, candidates) <= budget)
            return true;
        shrink(candidates[index]);
    }
    return total_seconds(kb, candidates) <= budget;
}

/// The change in force for a routine's own exercise, if any: the newest one.
const ItemChange* change_for(const KnowledgeBase& kb, const std::vector<ItemChange>& changes,
                             ItemId item) {
    const ItemChange* found = nullptr;
    for (const auto& change : changes) {
        if (change.item == kb.item(item).id && change.in_force())
            found = &change;
    }
    return found;
}

/// What plays in a routine slot: its own exercise, or the one a change in force puts there.
struct Played {
    std::optional<ItemId> item; ///< Empty: the slot is left out after the person's feedback.
    const ItemChange* change = nullptr;
};

/// `taken` holds what the routine already plays or will play as itself: a version that is one of
/// those does not play twice. A version plays only when screening allows it, it has a dose and the
/// person has its equipment; else a harder version keeps the routine's own exercise, and an easier
/// one leaves it out (it felt too hard or hurt).
Played played_for(const KnowledgeBase& kb, ItemId slot, const std::vector<ItemChange>& changes,
                  const AllowedItems& allowed, const ItemSet& taken, const EquipmentSet& have) {
    const auto* change = change_for(kb, changes, slot);
    if (!change || change->use == change->item)
        return {.item = slot, .change = nullptr};
    const auto use = kb.find_item(change->use);
    const bool playable = use && allowed.contains(*use) && kb.item(*use).dose &&
                          !taken.test(*use) && missing_equipment(kb, kb.item(*use), have).empty();
    if (playable)
        return {.item = use, .change = change};
    if (change->kind == ChangeKind::Harder)
        return {.item = slot, .change = nullptr};
    return {.item = std::nullopt, .change = change};
}

} // namespace

bool fits_equipment(const KnowledgeBase& kb, const Item& item, const EquipmentSet& have) {
    return missing_equipment(kb, item, have).empty();
}

std::optional<std::size_t> find_stage(const KnowledgeBase& kb, std::string_view id) {
    const auto& stages = kb.program.stages;
    const auto found = std::ranges::find(stages, id, &Stage::id);
    if (found == stages.end())
        return std::nullopt;
    return static_cast<std::size_t>(found - stages.begin());
}

int seconds_for(const KnowledgeBase& kb, const RoutineItem& item) {
    const auto& rules = kb.program;
    const int sides = item.per_side ? 2 : 1;
    const int round =
        sides * item.reps * (item.hold_s + item.rep_s) + (item.per_side ? rules.side_switch_s : 0);
    return item.rounds * round + (item.rounds - 1) * item.rest_s + item.finish_hold_s +
           rules.transition_s;
}

Plan plan(const KnowledgeBase& kb, const Intake& intake, int week,
          std::optional<std::size_t> stage_index, const std::vector<ItemChange>& changes) {
    Plan out{.screening = screen(kb, intake, week), .program = std::nullopt};
    const auto& screening = out.screening;
    if (screening.program_withheld())
        return out;

    const auto& rules = kb.program;
    int min_relief_weeks = 0;
    std::vector<std::pair<ItemId, std::string_view>> added;
    std::vector<std::pair<ItemId, std::string_view>> emphasised;
    Program program;
    program.week = week;
    program.bias = screening.bias;
    program.desk_break_minutes = rules.desk_break_minutes;
    for (const auto* rule : screening.fired) {
        min_relief_weeks = std::max(min_relief_weeks, rule->min_relief_weeks.value_or(0));
        for (const auto item : rule->add)
            added.emplace_back(item, rule->id);
        for (const auto item : rule->emphasise)
            emphasised.emplace_back(item, rule->id);
        if (rule->desk_break_minutes && *rule->desk_break_minutes <= program.desk_break_minutes) {
            program.desk_break_minutes = *rule->desk_break_minutes;
            program.desk_break_because.push_back(rule->id);
        }
    }

    if (stage_index && *stage_index >= rules.stages.size())
        stage_index = rules.stages.size() - 1;
    const Stage& stage = stage_for(rules, week, min_relief_weeks, stage_index);
    program.stage = &stage;
    program.phase = stage.phase;
    program.sessions_per_day = stage.sessions_per_day;
    program.strength_days_per_week = stage.strength_days_per_week;

    const auto routine = std::ranges::find(rules.routines, stage.phase, &Routine::phase);
    std::vector<Candidate> candidates;
    const auto rules_for = [](const auto& list, ItemId item) {
        Because ids;
        for (const auto& [candidate, rule] : list) {
            if (candidate == item)
                add_unique(ids, rule);
        }
        return ids;
    };
    // What plays as itself, so that an easier or harder version never plays an exercise twice.
    ItemSet taken;
    const auto in_routine = [&](const RoutineSlot& slot) {
        return (!slot.when_added || !rules_for(added, slot.item).empty()) &&
               screening.allowed.contains(slot.item);
    };
    for (const auto& slot : routine->slots) {
        const auto* change = change_for(kb, changes, slot.item);
        if (in_routine(slot) && (!change || change->use == change->item) &&
            missing_equipment(kb, kb.item(slot.item), intake.equipment).empty())
            taken.set(slot.item);
    }
    for (const auto& slot : routine->slots) {
        const auto added_by = rules_for(added, slot.item);
        // Safety is structural: only what screening allowed can become a routine item.
        if (!in_routine(slot))
            continue;
        const auto played =
            played_for(kb, slot.item, changes, screening.allowed, taken, intake.equipment);
        if (played.item)
            taken.set(*played.item); // A version plays in one slot's place only.
        if (!played.item) {
            program.left_out.push_back(
                {.item = slot.item, .because = {std::string(reason_ids::no_easier_version)}});
            continue;
        }
        const ItemId played_item = *played.item;
        const Item& item = kb.item(played_item);
        if (auto missing = missing_equipment(kb, item, intake.equipment); !missing.empty()) {
            program.left_out.push_back({.item = played_item, .because = std::move(missing)});
            continue;
        }
        const auto emphasised_by = rules_for(emphasised, slot.item);
        const Dose& dose = *item.dose;
        const auto start = [&](Range range) {
            return emphasised_by.empty() ? range.middle() : range.high;
        };
        Candidate c{.item = {.item = played_item,
                             .hold_s = start(dose.hold_s),
                             .reps = start(dose.reps),
                             .rounds = start(dose.rounds),
                             .per_side = dose.per_side,
                             .rest_s = dose.rest_s,
                             .finish_hold_s = start(dose.finish_hold_s),
                             .rep_s = dose.rep_s},
                    .hold_s = dose.hold_s,
                    .reps = dose.reps,
                    .rounds = dose.rounds,
                    .finish_hold_s = dose.finish_hold_s,
                    .priority = slot.priority,
                    .order = candidates.size()};
        c.target = values_of(c.item);
        auto& because = c.item.because;
        because.push_back(routine->id);
        for (const auto id : added_by)
            add_unique(because, id);
        for (const auto id : emphasised_by)
            add_unique(because, id);
        if (played_item != slot.item) {
            c.item.replaces = slot.item;
            add_unique(because, played.change->kind == ChangeKind::Easier
                                    ? reason_ids::easier_version
                                    : reason_ids::harder_version);
        }
        for (const auto& change : screening.modified) {
            if (change.item == played_item) {
                c.item.modifications.push_back(change.modification);
                add_unique(because, change.rule->id);
                if (change.modification->leaves_out_finish_hold) {
                    c.item.finish_hold_s = 0;
                    c.target.finish_hold_s = 0;
                    c.finish_hold_s = {};
                }
            }
        }
        if (!emphasised_by.empty())
            c.priority += rules.emphasis_priority_bonus;
        if (against_bias(item, screening.bias))
            c.priority -= rules.against_bias_priority_penalty;
        candidates.push_back(std::move(c));
    }

    // Fit the person's minutes: shorten holds, then reps and rounds, then drop whole items,
    // always starting from the lowest priority (and, among equals, the latest in the routine).
    const int budget = intake.minutes_per_session * 60;
    std::vector<std::size_t> by_priority(candidates.size());
    std::iota(by_priority.begin(), by_priority.end(), 0);
    std::ranges::sort(by_priority, [&](std::size_t a, std::size_t b) {
        const auto& ca = candidates[a];
        const auto& cb = candidates[b];
        return ca.priority != cb.priority ? ca.priority < cb.priority : ca.order > cb.order;
    });
    const bool fits = shrink_until_fits(kb, candidates, by_priority, budget,
                                        [](Candidate& c) { c.item.hold_s = c.hold_s.low; }) ||
                      shrink_until_fits(kb, candidates, by_priority, budget, [](Candidate& c) {
                          c.item.reps = c.reps.low;
                          c.item.rounds = c.rounds.low;
                          c.item.finish_hold_s = c.finish_hold_s.low;
                      });
    if (!fits) {
        std::vector<bool> dropped(candidates.size(), false);
        int total = total_seconds(kb, candidates);
        for (const auto index : by_priority) {
            if (total <= budget)
                break;
            dropped[index] = true;
            total -= seconds_for(kb, candidates[index].item);
            program.left_out.push_back({.item = candidates[index].item.item,
                                        .because = {std::string(reason_ids::not_enough_time)}});
        }
        std::erase_if(candidates, [&](const Candidate& c) { return dropped[c.order]; });
        // Dropping a whole item can free more time than was missing: give it back to the items
        // that stay, highest priority first, as long as the routine still fits.
        std::ranges::sort(candidates, std::greater{}, &Candidate::priority);
        for (auto& c : candidates) {
            const auto shrunk = values_of(c.item);
            apply(c.item, c.target);
            if (total_seconds(kb, candidates) > budget)
                apply(c.item, shrunk);
        }
        std::ranges::sort(candidates, {}, &Candidate::order);
    }

    int seconds = 0;
    for (auto& c : candidates) {
        c.item.seconds = seconds_for(kb, c.item);
        seconds += c.item.seconds;
        program.routine.push_back(std::move(c.item));
    }
    program.minutes = (seconds + 59) / 60;

    const WalkingStep* walking = &rules.walking.front();
    for (const auto& step : rules.walking) {
        if (step.from_week <= week)
            walking = &step;
    }
    program.walking = {.minutes = walking->minutes, .times_per_day = walking->times_per_day};
    program.walking.because.push_back(rules.walking_id);
    if (rules.walking_item) {
        for (const auto id : rules_for(emphasised, *rules.walking_item))
            add_unique(program.walking.because, id);
    }
    out.program = std::move(program);
    return out;
}

} // namespace unload::core
