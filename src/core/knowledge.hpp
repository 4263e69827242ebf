#pragma once

// The clinical knowledge base as the engine sees it: exercises, techniques, facts, rules, program
// composition and instruments, loaded from content/ by src/content and never hard-coded here.
// Ids in content are strings; the loader resolves every reference to a small integer index, so the
// engine works on indices and bitsets and a dangling reference cannot survive loading.

#include <bitset>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"
#include "core/instruments.hpp"
#include "core/intake_form.hpp"
#include "core/learn.hpp"
#include "core/pose.hpp"
#include "core/reasons.hpp"
#include "core/review_rules.hpp"
#include "core/session_rules.hpp"

namespace unload::core {

inline constexpr std::size_t max_facts = 256;
inline constexpr std::size_t max_items = 128;
inline constexpr std::size_t max_equipment = 32;

using FactSet = std::bitset<max_facts>;
using ItemSet = std::bitset<max_items>;
using EquipmentSet = std::bitset<max_equipment>;

/// Where a fact comes from: the intake's boolean maps, its fixed fields, or a threshold rule.
enum class FactKind { WarningSign, Condition, Pattern, IntakeField, Derived };

/// A yes/no fact about a person that rules test, such as `saddle_numbness` or `age_70_plus`.
struct Fact {
    std::string id;
    FactKind kind = FactKind::IntakeField;
    std::string question; ///< How onboarding asks about it, in everyday words.
    std::string text;     ///< A short plain description, used in review sheets and reasons.
};

/// The numeric intake fields a derived fact may test.
enum class IntakeNumber { Age, PainNow, WeeksSinceOnset, WalkingToleranceM, ConservativeCareWeeks };

/// A fact that holds when an intake number crosses a threshold (`age_70_plus`: age >= 70).
/// A missing (null) number never makes the fact true.
struct DerivedFact {
    FactId fact = 0;
    IntakeNumber field = IntakeNumber::Age;
    std::optional<int> at_least;
    std::optional<int> at_most;
};

enum class Phase { Relief, Mobility, Strength, WarmUp, Posture, Activity, Clinic };
enum class Direction { Flexion, Extension, Neutral, Rotation };
enum class Bias { Neutral, Flexion, Extension };
enum class Urgency { Emergency, Urgent, Consult };

/// A screening's verdict (clinical.md section 1), ordered from most to least urgent, so the
/// verdict is the minimum over what fired.
enum class Verdict { Emergency, Urgent, Consult, Caution, Clear };

/// An inclusive integer range, as content writes doses (`hold_s = [20, 30]`).
struct Range {
    int low = 0;
    int high = 0;
    int middle() const { return low + (high - low) / 2; }
};

/// How much of an exercise to do. A repetition lasts `hold_s + rep_s` seconds; a round is `reps`
/// repetitions (on each side when `per_side`); rounds are separated by `rest_s`; `finish_hold_s`
/// is one closing hold (the both-knees rock of knee-to-chest).
struct Dose {
    Range hold_s;
    Range reps{1, 1};
    Range rounds{1, 1};
    bool per_side = false;
    int rest_s = 0;
    int rep_s = 0;
    Range finish_hold_s;
    Range minutes;       ///< For activities such as walking.
    Range times_per_day; ///< For activities such as walking.
};

struct Modification {
    std::string id;
    std::string text;
    /// Where this change starts from, in place of the item's `position` (side-lying in pregnancy);
    /// empty when the item's own position stands.
    std::string position;
    /// The item's `steps` this change forbids (0-based), left out wherever the steps are shown.
    std::vector<std::size_t> leaves_out_steps;
    /// The closing hold is what this change forbids (knee-to-chest's both-knees rock): none.
    bool leaves_out_finish_hold = false;
    /// How the exercise looks with this change, from a `[[variant]]` of content/poses/ITEM.toml;
    /// without poses, the change does not show and the item's own picture stands for it.
    Picture picture;
};

/// What the sources say about an exercise or technique (clinical.md section 12).
struct Evidence {
    std::string
        strength; ///< How strong the support is: `none`, `very_low`, `low`, `moderate`, `high`.
    std::string direction; ///< Which way it points: `helps`, `no_difference`, `harms`, `unclear`.
    std::string summary;   ///< Its first sentence is the bottom line in plain words.
    std::vector<std::string> references;
};

/// An exercise or a clinic technique (phase `Clinic`): everything a person or the player needs.
struct Item {
    std::string id;
    std::string name;
    Phase phase = Phase::Relief;
    std::string category;
    std::string position;
    EquipmentSet equipment;        ///< All of these are needed.
    EquipmentSet equipment_one_of; ///< At least one of these is needed, when any is listed.
    std::vector<Direction> directions;
    std::optional<Dose> dose;
    std::vector<std::string> steps;
    std::string breathing;
    std::vector<std::string> safety;
    std::vector<Modification> modifications;
    std::optional<ItemId> regression;
    std::optional<ItemId> progression;
    Evidence evidence;
    std::vector<std::string> sources;
    std::string file;
    Picture picture; ///< From content/poses/ID.toml; drawn by src/picture.

    bool is_technique() const { return phase == Phase::Clinic; }
    bool has_direction(Direction d) const;
};

struct Equipment {
    std::string id;
    std::string name;
};

struct Advice {
    std::string id;
    std::string text;
    std::vector<std::string> sources;
    /// The reasons these words were written for: `rule:ID`, `stop:ID` or `review:refer.TABLE`.
    /// The loader refuses content that gives the advice for any other reason.
    std::vector<std::string> given_for;
};

/// A rule fires when every fact in `all` holds and, if `any` is not empty, at least one in `any`.
struct When {
    std::vector<FactId> all;
    std::vector<FactId> any;
};

struct ItemModification {
    ItemId item = 0;
    std::size_t modification = 0; ///< Index into the item's `modifications`.
};

/// One clinical rule: what fires it and everything it does. Warning signs, condition effects,
/// symptom patterns and leg-symptom advice are all rules of this one shape.
struct Rule {
    std::string id;
    std::string section; ///< `warning`, `condition`, `pattern` or `advice`: where the review sheet
                         ///< files it.
    When when;
    std::optional<Urgency> urgency; ///< Set for rules that withhold the program.
    std::vector<ItemId> exclude;
    std::vector<ItemModification> modify;
    std::vector<AdviceId> advice;
    std::optional<Bias> bias;
    std::vector<ItemId> add;       ///< Routine positions this rule switches on.
    std::vector<ItemId> emphasise; ///< Items this rule keeps at the top of the routine.
    std::optional<int> desk_break_minutes;
    std::optional<int> min_relief_weeks;
    int until_week = 0; ///< When > 0, the exclusions apply only before this program week.
    std::string text;   ///< What the person reads: what to do, how soon, why.
    std::vector<std::string> sources;
    std::string file;
    int line = 0;
};

/// A stretch of the program calendar: from which week a phase runs, and how often.
struct Stage {
    std::string id;
    Phase phase = Phase::Relief;
    int from_week = 1;
    int sessions_per_day = 1;
    int strength_days_per_week = 0;
    std::string text;
    std::vector<std::string> sources;
};

struct RoutineSlot {
    ItemId item = 0;
    int priority = 0;        ///< Higher stays longer when time is short.
    bool when_added = false; ///< Only present when a rule adds it (pattern relief positions).
};

/// The ordered composition of one phase's session.
struct Routine {
    std::string id;
    Phase phase = Phase::Relief;
    std::vector<RoutineSlot> slots;
    std::string text;
    std::vector<std::string> sources;
};

struct WalkingStep {
    int from_week = 1;
    int minutes = 5;
    int times_per_day = 1;
};

struct ProgramRules {
    int default_minutes = 15;
    int transition_s = 15;
    int side_switch_s = 5;
    int desk_break_minutes = 45;
    int emphasis_priority_bonus = 100;
    int against_bias_priority_penalty = 5;
    std::vector<Stage> stages;     ///< Ordered by `from_week`.
    std::vector<Routine> routines; ///< One per routine phase.
    std::vector<WalkingStep> walking;
    std::string walking_id; ///< The rule id walking advice carries in `because`.
    std::optional<ItemId>
        walking_item; ///< The library's walking exercise, which rules may emphasise.
    std::string walking_text;
    std::vector<std::string> walking_sources;
    std::string desk_break_text;
    ReasonWords reasons; ///< Words for the reasons the planner gives by name.
};

struct Source {
    std::string id;
    std::string title;
    std::string reference; ///< A seed file name or a citation.
};

/// The one plain sentence a person reads first for each verdict.
struct VerdictHeadlines {
    std::string emergency;
    std::string urgent;
    std::string consult;
    std::string caution;
    std::string clear;

    /// The sentence for `verdict`.
    const std::string& of(Verdict verdict) const;
};

/// The facts the intake format itself defines, resolved once by the loader.
struct IntakeFactIds {
    FactId pregnant = 0;
    FactId leg_buttock = 0;
    FactId leg_thigh = 0;
    FactId leg_below_knee = 0;
    FactId leg_numbness_or_tingling = 0;
    FactId pain_when_decompressing = 0;
    FactId startback_medium = 0;
    FactId startback_high = 0;
};

/// Everything the engine knows, loaded once and shared read-only.
struct KnowledgeBase {
    std::vector<Fact> facts;
    IntakeFactIds intake_facts;
    std::vector<DerivedFact> derived;
    std::vector<Item> items;
    std::vector<Equipment> equipment;
    EquipmentSet default_equipment;
    std::vector<Advice> advice;
    std::vector<Rule> rules;
    VerdictHeadlines headlines;
    ProgramRules program;
    SessionRules session;
    ReviewRules review;
    Instruments instruments;
    Learn learn;            ///< The Learn section's topics (content/learn.toml).
    IntakeForm intake_form; ///< Screening topics and the fixed fields' words.
    std::vector<Source> sources;

    std::optional<FactId> find_fact(std::string_view id) const;
    std::optional<ItemId> find_item(std::string_view id) const;
    std::optional<EquipmentId> find_equipment(std::string_view id) const;
    std::optional<AdviceId> find_advice(std::string_view id) const;
    const Item& item(ItemId id) const { return items[id]; }
};

std::string_view to_string(Phase phase);
std::string_view to_string(Direction direction);
std::string_view to_string(Bias bias);
std::string_view to_string(Urgency urgency);
std::optional<Phase> parse_phase(std::string_view text);
std::optional<Direction> parse_direction(std::string_view text);
std::optional<Bias> parse_bias(std::string_view text);
std::optional<Urgency> parse_urgency(std::string_view text);

} // namespace unload::core
