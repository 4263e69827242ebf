#pragma once

// Plain words for every id a `because` list can hold. Screening, plan, program, review and
// session documents name their reasons by id (a fact such as `knee_sensitivity`, a rule, a
// routine, `no_pull_up_bar`, a review reason, ...); `explain` turns any of them into words a person
// reads, from content, so that a front end never keeps its own dictionary of reasons.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace unload::core {

struct KnowledgeBase;

/// The reason ids the engine gives itself rather than through a rule in content.
namespace reason_ids {
/// An item dropped because the routine would not fit the person's minutes.
inline constexpr std::string_view not_enough_time = "not_enough_time";
/// The first program version, set up from the intake.
inline constexpr std::string_view program_start = "start";
/// `no_<equipment>`: an item needs equipment the person did not list; `no_<a>_or_<b>` when any
/// one of several would do.
inline constexpr std::string_view missing_prefix = "no_";
inline constexpr std::string_view missing_separator = "_or_";
/// An exercise played in place of the routine's own after the person's feedback: an easier
/// version (it felt too hard or hurt), or a harder one the person chose (it felt too easy).
inline constexpr std::string_view easier_version = "easier_version";
inline constexpr std::string_view harder_version = "harder_version";
/// Left out after the person's feedback: it felt too hard or hurt, and no easier version is open.
inline constexpr std::string_view no_easier_version = "no_easier_version";
} // namespace reason_ids

/// Content's words for the reasons of `reason_ids` (content/programs.toml `[reasons]`).
struct ReasonWords {
    std::string not_enough_time;
    std::string missing_equipment; ///< `{equipment}` is replaced by the names of what is missing.
    std::string start;
    std::string easier_version;
    std::string harder_version;
    std::string no_easier_version;
};

/// What an id names.
enum class ReasonKind {
    WarningSign, ///< A warning sign the intake reported.
    Condition,   ///< A condition the intake reported.
    Pattern,     ///< A symptom pattern the intake reported.
    IntakeField, ///< A fact the intake format defines (`leg_below_knee`, `pregnant`).
    Derived,     ///< A threshold over an intake number (`age_70_plus`).
    Rule,        ///< A screening or pattern rule.
    Stage,       ///< A stage of the program calendar.
    Routine,     ///< A phase's routine.
    Walking,     ///< The walking program.
    Start,       ///< The first program version.
    Time,        ///< Left out for the person's minutes.
    Equipment,   ///< Left out for missing equipment.
    Feedback,    ///< Played in place of another exercise after the person's feedback.
    Review,      ///< A weekly review's reason; its text has `{name}` placeholders.
};

/// One id in plain words.
struct Explanation {
    std::string id;
    ReasonKind kind = ReasonKind::Rule;
    std::string text;   ///< What a person reads.
    std::string detail; ///< More words, when a rule of the same id explains what the fact did.
};

/// The words for one id, or nothing for an id the knowledge base does not know.
std::optional<Explanation> explain(const KnowledgeBase& kb, std::string_view id);

/// Every id a `because` list can hold, each once, explained: facts, rules, stages, routines,
/// walking, the program start, the left-out reasons (every equipment id and every set of
/// alternatives an exercise accepts) and the review's reasons, in that order.
std::vector<Explanation> glossary(const KnowledgeBase& kb);

/// The `no_...` id for missing equipment: `no_mat`, or `no_strap_or_towel` for alternatives.
/// `equipment` holds indices into `kb.equipment`, in content order.
std::string missing_equipment_id(const KnowledgeBase& kb,
                                 const std::vector<std::size_t>& equipment);

std::string_view to_string(ReasonKind kind);

} // namespace unload::core
