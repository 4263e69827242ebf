#pragma once

// A guided session as a timeline (clinical.md section 8): the get-ready countdown, moving into
// position, timed holds, paced repetitions with breathing cues, side switches, rests between
// rounds and the closing hold, each step with its words and cues. The terminal player and the web
// app only play what this computes.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/planner.hpp"

namespace unload::core {

enum class StepKind { GetReady, Position, Hold, Rep, SideSwitch, Rest, FinishHold, RestPosition };
enum class Side { None, Left, Right };
enum class CueKind {
    Bell,      ///< A step begins.
    BreatheIn, ///< Pacing for holds and repetitions.
    BreatheOut,
    Countdown, ///< The last three seconds of a step: 3, 2, 1.
};

/// Something to sound or say at a moment inside a step.
struct Cue {
    std::int64_t at_ms = 0; ///< From the start of the step.
    CueKind kind = CueKind::Bell;
    std::string text;
};

struct Step {
    StepKind kind = StepKind::GetReady;
    std::optional<ItemId> item; ///< The exercise; empty for the get-ready countdown.
    int routine_index = -1;     ///< Position of the exercise in the program's routine.
    Side side = Side::None;
    int rep = 0; ///< 1-based repetition within the round, for holds and repetitions.
    int reps = 0;
    int round = 0; ///< 1-based round.
    int rounds = 0;
    std::int64_t duration_ms = 0;
    std::string title; ///< A few words: "Hold", "Repetition 3 of 10", "Switch sides".
    std::string text;  ///< What to do now, in full sentences.
    std::vector<Cue> cues;
    /// The changes planned for the exercise (into the content), so a picture can show them.
    std::vector<const Modification*> modifications;
};

struct Timeline {
    std::vector<Step> steps;
    std::int64_t total_ms = 0;
};

/// Adjustments the record makes to a session before it starts.
struct SessionAdjustments {
    bool low_dose = false; ///< After a flare, every dose at the low end of its range.
    ItemSet suspended;     ///< Exercises suspended until the next review; left out.
};

/// The whole session for a program: a get-ready countdown, then each routine item in order.
Timeline build_timeline(const KnowledgeBase& kb, const Program& program,
                        const SessionAdjustments& adjustments = {});

/// The steps of one routine item (without the get-ready countdown), with the dose it was planned
/// at, or the low end of every range when `low_dose`. Used to rebuild the rest of an exercise
/// after a swap or a mild-discomfort stop.
std::vector<Step> steps_for(const KnowledgeBase& kb, const RoutineItem& item, int routine_index,
                            bool low_dose = false);

/// `text` with every `{key}` (such as `{name}`) replaced by its value.
std::string fill_words(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values);

/// The rest-position step a stop inserts (clinical.md section 8), with its words and cues.
Step rest_position_step(const KnowledgeBase& kb);

std::string_view to_string(StepKind kind);
std::string_view to_string(Side side);
std::string_view to_string(CueKind kind);

} // namespace unload::core
