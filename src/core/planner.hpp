#pragma once

// Planning (clinical.md sections 5-7): the phase for a week, the routine in order, doses fitted to
// the person's minutes, what was left out for equipment or time, walking and desk breaks.

#include <optional>
#include <vector>

#include "core/records.hpp"
#include "core/screening.hpp"

namespace unload::core {

struct RoutineItem {
    ItemId item = 0;
    int hold_s = 0;
    int reps = 1;
    int rounds = 1;
    bool per_side = false;
    int rest_s = 0;
    int finish_hold_s = 0;
    int rep_s = 0;   ///< Seconds to move through one paced repetition.
    int seconds = 0; ///< Estimated duration including the move into position.
    std::vector<const Modification*> modifications;
    Because because;
    /// The routine's own exercise this one plays in place of, after the person's feedback.
    std::optional<ItemId> replaces;
};

struct LeftOut {
    ItemId item = 0;
    /// `no_<equipment>` ids, `not_enough_time`, or the review reason of a change that left it out.
    std::vector<std::string> because;
};

struct Walking {
    int minutes = 0;
    int times_per_day = 0;
    Because because;
};

struct Program {
    const Stage* stage = nullptr;
    Phase phase = Phase::Relief;
    Bias bias = Bias::Neutral;
    int week = 1;
    int sessions_per_day = 1;
    int minutes =
        0; ///< The routine's estimated length, rounded up; never above the person's minutes.
    std::vector<RoutineItem> routine;
    std::vector<LeftOut> left_out;
    Walking walking;
    int desk_break_minutes = 45;
    Because desk_break_because;
    int strength_days_per_week = 0;
};

struct Plan {
    Screening screening;
    std::optional<Program> program; ///< Empty when screening withholds the program.
};

/// Screens the intake for `week` and, when the verdict allows, builds that week's program. The
/// stage follows the calendar (clinical.md section 7) unless a weekly review chose one
/// (`stage_index` into the program's stages); either way a rule's minimum relief weeks hold.
/// `changes` (a program version's, see ItemChange) swap single exercises for easier or harder
/// ones. Safety stays structural: a change to an exercise screening does not allow, without a
/// dose, or already in the routine is not played; an easier version that cannot be played
/// leaves the exercise out, a harder one keeps the routine's own.
Plan plan(const KnowledgeBase& kb, const Intake& intake, int week = 1,
          std::optional<std::size_t> stage_index = std::nullopt,
          const std::vector<ItemChange>& changes = {});

/// Whether the person has the equipment `item` needs.
bool fits_equipment(const KnowledgeBase& kb, const Item& item, const EquipmentSet& have);

/// The index of a stage id in the program's stages.
std::optional<std::size_t> find_stage(const KnowledgeBase& kb, std::string_view id);

/// The seconds a routine item takes, with the move into position and side switches.
int seconds_for(const KnowledgeBase& kb, const RoutineItem& item);

} // namespace unload::core
