#pragma once

// Screening (clinical.md sections 2-4): which rules fire for a person, the verdict, and what is
// excluded, modified and advised, each with the facts that made it so.

#include <string_view>
#include <vector>

#include "core/intake.hpp"

namespace unload::core {

/// Ids of the facts that made a rule fire, in content order.
using Because = std::vector<std::string_view>;

struct Warning {
    const Rule* rule = nullptr;
    Urgency urgency = Urgency::Consult;
    Because because;
};

struct Exclusion {
    ItemId item = 0;
    const Rule* rule = nullptr;
    Because because;
};

struct Modified {
    ItemId item = 0;
    const Modification* modification = nullptr;
    const Rule* rule = nullptr;
    Because because;
};

struct AdviceGiven {
    const Advice* advice = nullptr;
    Because because; ///< Union over the rules that gave it.
};

struct Screening;

/// The exercises a person may be given: everything screening did not exclude. Only `screen` can
/// fill one (a default-made one allows nothing), so the planner cannot draw from anything else.
class AllowedItems {
public:
    AllowedItems() = default;
    bool contains(ItemId item) const { return m_allowed.test(item); }

private:
    explicit AllowedItems(const ItemSet& allowed) : m_allowed(allowed) {}
    friend Screening screen(const KnowledgeBase&, const Intake&, int);
    ItemSet m_allowed;
};

struct Screening {
    Verdict verdict = Verdict::Clear;
    std::vector<Warning> warnings;
    std::vector<Exclusion> excluded;
    std::vector<Modified> modified;
    std::vector<AdviceGiven> advice;
    std::vector<const Rule*> fired; ///< Every rule that fired, in content order.
    FactSet facts;                  ///< Every fact that held for the intake.
    Bias bias = Bias::Neutral;
    Because bias_because; ///< The rules that pushed toward a direction.
    AllowedItems allowed;

    bool program_withheld() const { return verdict <= Verdict::Consult; }
};

/// Screens an intake for program week `week` (rules with `until_week` stop excluding from then
/// on). The result points into `kb`, which must outlive it.
Screening screen(const KnowledgeBase& kb, const Intake& intake, int week = 1);

/// Which facts of a rule's condition hold, in the order the rule names them.
Because because_of(const KnowledgeBase& kb, const Rule& rule, const FactSet& facts);

std::string_view to_string(Verdict verdict);

} // namespace unload::core
