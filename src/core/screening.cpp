#include "core/screening.hpp"

#include <algorithm>

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<Verdict, 5> verdict_names{{
    {Verdict::Emergency, "emergency"},
    {Verdict::Urgent, "urgent"},
    {Verdict::Consult, "consult"},
    {Verdict::Caution, "caution"},
    {Verdict::Clear, "clear"},
}};

bool fires(const When& when, const FactSet& facts) {
    const auto holds = [&](FactId fact) { return facts.test(fact); };
    return std::ranges::all_of(when.all, holds) &&
           (when.any.empty() || std::ranges::any_of(when.any, holds));
}

Verdict verdict_of(Urgency urgency) {
    switch (urgency) {
    case Urgency::Emergency:
        return Verdict::Emergency;
    case Urgency::Urgent:
        return Verdict::Urgent;
    case Urgency::Consult:
        return Verdict::Consult;
    }
    return Verdict::Consult;
}

void give_advice(std::vector<AdviceGiven>& given, const Advice& advice, const Because& because) {
    auto it = std::ranges::find(given, &advice, &AdviceGiven::advice);
    if (it == given.end()) {
        given.push_back({.advice = &advice, .because = because});
        return;
    }
    for (const auto fact : because) {
        if (std::ranges::find(it->because, fact) == it->because.end())
            it->because.push_back(fact);
    }
}

} // namespace

Because because_of(const KnowledgeBase& kb, const Rule& rule, const FactSet& facts) {
    Because because;
    for (const auto* list : {&rule.when.all, &rule.when.any}) {
        for (const auto fact : *list) {
            if (facts.test(fact))
                because.push_back(kb.facts[fact].id);
        }
    }
    return because;
}

Screening screen(const KnowledgeBase& kb, const Intake& intake, int week) {
    Screening out;
    out.facts = facts_of(kb, intake);
    ItemSet excluded;
    Verdict verdict = Verdict::Clear;
    bool toward_flexion = false;
    bool toward_extension = false;

    for (const auto& rule : kb.rules) {
        if (!fires(rule.when, out.facts))
            continue;
        const auto because = because_of(kb, rule, out.facts);
        out.fired.push_back(&rule);
        if (rule.urgency) {
            out.warnings.push_back({.rule = &rule, .urgency = *rule.urgency, .because = because});
            verdict = std::min(verdict, verdict_of(*rule.urgency));
        }
        if (rule.until_week == 0 || week < rule.until_week) {
            for (const auto item : rule.exclude) {
                out.excluded.push_back({.item = item, .rule = &rule, .because = because});
                excluded.set(item);
            }
        }
        for (const auto& change : rule.modify) {
            out.modified.push_back(
                {.item = change.item,
                 .modification = &kb.items[change.item].modifications[change.modification],
                 .rule = &rule,
                 .because = because});
        }
        for (const auto advice : rule.advice)
            give_advice(out.advice, kb.advice[advice], because);
        if (rule.bias && *rule.bias != Bias::Neutral) {
            toward_flexion = toward_flexion || *rule.bias == Bias::Flexion;
            toward_extension = toward_extension || *rule.bias == Bias::Extension;
            out.bias_because.push_back(rule.id);
        }
    }

    // Mixed signals cancel out: only a one-sided preference biases the routine (clinical.md §4).
    if (toward_flexion != toward_extension)
        out.bias = toward_flexion ? Bias::Flexion : Bias::Extension;
    if (verdict == Verdict::Clear &&
        (!out.excluded.empty() || !out.modified.empty() || !out.advice.empty()))
        verdict = Verdict::Caution;
    out.verdict = verdict;

    ItemSet allowed;
    for (std::size_t i = 0; i < kb.items.size(); ++i)
        allowed.set(i, !excluded.test(i));
    out.allowed = AllowedItems(allowed);
    return out;
}

std::string_view to_string(Verdict verdict) {
    return name_of(verdict_names, verdict);
}

} // namespace unload::core
