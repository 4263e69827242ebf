#pragma once

// Text output for a person: the verdict first in one plain sentence, then what to do, then the
// details. JSON output lives in src/json; this is only the human view of the same results.

#include <string>

#include "cli/terminal.hpp"
#include "core/instruments.hpp"
#include "core/planner.hpp"

namespace unload::cli {

std::string render_screening(const core::KnowledgeBase& kb, const core::Screening& screening,
                             const Terminal& term);
std::string render_plan(const core::KnowledgeBase& kb, const core::Plan& plan,
                        const Terminal& term);
std::string render_exercise_list(const core::KnowledgeBase& kb, const Terminal& term);
std::string render_exercise(const core::KnowledgeBase& kb, const core::Item& item,
                            const Terminal& term);
std::string render_rules(const core::KnowledgeBase& kb, const Terminal& term);
/// The Learn topics, each with its title and one-line summary.
std::string render_learn_list(const core::KnowledgeBase& kb, const Terminal& term);
/// One Learn topic in full: sections, the warning signs it links with their urgency, exercises.
std::string render_learn_topic(const core::KnowledgeBase& kb, const core::LearnTopic& topic,
                               const Terminal& term);
std::string render_odi(const core::OdiScore& score);
std::string render_rmdq(const core::RmdqScore& score, const core::RmdqSpec& spec);
std::string render_startback(const core::StartBackScore& score);

/// A dose in words: "hold 4 min", "3 × 25 s, 10 s rest between", "10 reps on each side".
std::string describe_dose(const core::RoutineItem& item);
/// "90 s", "4 min", "1 min 30 s".
std::string describe_seconds(int seconds);

} // namespace unload::cli
