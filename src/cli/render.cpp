#include "cli/render.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "core/reasons.hpp"

namespace unload::cli {

namespace {

Style verdict_style(core::Verdict verdict) {
    switch (verdict) {
    case core::Verdict::Emergency:
    case core::Verdict::Urgent:
        return Style::Red;
    case core::Verdict::Consult:
    case core::Verdict::Caution:
        return Style::Yellow;
    case core::Verdict::Clear:
        break;
    }
    return Style::Green;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string join(const auto& list, std::string_view separator) {
    std::string out;
    for (const auto& entry : list) {
        if (!out.empty())
            out += separator;
        out += entry;
    }
    return out;
}

/// Wraps text at `width` columns, indenting every line by `indent` spaces.
std::string wrap(std::string_view text, std::size_t indent, std::size_t width = 78) {
    std::string out;
    std::string line(indent, ' ');
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find(' ', start);
        if (end == std::string_view::npos)
            end = text.size();
        const auto word = text.substr(start, end - start);
        if (line.size() > indent && line.size() + 1 + word.size() > width) {
            out += line + "\n";
            line.assign(indent, ' ');
        }
        if (line.size() > indent)
            line += ' ';
        line += word;
        start = end + 1;
    }
    if (line.size() > indent)
        out += line + "\n";
    return out;
}

std::string render_verdict(const core::KnowledgeBase& kb, core::Verdict verdict,
                           const Terminal& term) {
    return term.paint(verdict_style(verdict), upper(core::to_string(verdict))) + "  " +
           term.paint(Style::Bold, kb.headlines.of(verdict)) + "\n";
}

std::string section(std::string_view title, const Terminal& term) {
    return "\n" + term.paint(Style::Bold, title) + "\n";
}

std::string because_line(const core::Because& because, const Terminal& term) {
    return term.paint(Style::Dim, fmt::format("because: {}", join(because, ", ")));
}

std::string render_screening_body(const core::KnowledgeBase& kb, const core::Screening& s,
                                  const Terminal& term, bool with_advice) {
    std::string out;
    if (!s.warnings.empty()) {
        out += section(s.program_withheld() ? "What to do" : "Warnings", term);
        for (const auto& warning : s.warnings) {
            out += fmt::format(
                "  {} {}\n",
                term.paint(verdict_style(static_cast<core::Verdict>(warning.urgency)), "!"),
                term.paint(Style::Bold, fmt::format("{} ({})", warning.rule->id,
                                                    core::to_string(warning.urgency))));
            out += wrap(warning.rule->text, 4);
            out += "    " + because_line(warning.because, term) + "\n";
        }
    }
    if (with_advice && !s.advice.empty()) {
        out += section("Advice", term);
        for (const auto& given : s.advice) {
            out += fmt::format("  - {}\n", term.paint(Style::Bold, given.advice->id));
            out += wrap(given.advice->text, 4);
            out += "    " + because_line(given.because, term) + "\n";
        }
    }
    if (!s.excluded.empty()) {
        out += section("Left out for your safety", term);
        const core::Rule* last = nullptr;
        std::vector<std::string> names;
        const auto flush = [&] {
            if (!last)
                return;
            out += fmt::format("  x {}\n", join(names, ", "));
            out += wrap(last->text, 4);
            out += "    " + because_line(because_of(kb, *last, s.facts), term) + "\n";
            names.clear();
        };
        for (const auto& exclusion : s.excluded) {
            if (exclusion.rule != last) {
                flush();
                last = exclusion.rule;
            }
            names.push_back(kb.item(exclusion.item).name);
        }
        flush();
    }
    if (!s.modified.empty()) {
        out += section("Changed for you", term);
        for (const auto& change : s.modified) {
            out += fmt::format("  ~ {}: {}\n", kb.item(change.item).name, change.modification->id);
            out += wrap(change.modification->text, 4);
        }
    }
    return out;
}

/// The names of the equipment in `set`, in content order.
std::vector<std::string> names_of(const core::KnowledgeBase& kb, const core::EquipmentSet& set) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < kb.equipment.size(); ++i) {
        if (set.test(i))
            names.push_back(kb.equipment[i].name);
    }
    return names;
}

/// A dose with every range at one end (`&Range::low` or `&Range::high`), to describe its span.
core::RoutineItem dose_at(const core::Dose& d, int core::Range::*end) {
    return {.hold_s = d.hold_s.*end,
            .reps = d.reps.*end,
            .rounds = d.rounds.*end,
            .per_side = d.per_side,
            .rest_s = d.rest_s,
            .finish_hold_s = d.finish_hold_s.*end,
            .rep_s = d.rep_s};
}

/// `very_low` as `very low`: the content's evidence words, read aloud.
std::string words_for(std::string_view id) {
    std::string words(id);
    std::ranges::replace(words, '_', ' ');
    return words;
}

std::string times_per_day(int times) {
    switch (times) {
    case 1:
        return "once a day";
    case 2:
        return "twice a day";
    default:
        return fmt::format("{} times a day", times);
    }
}

} // namespace

std::string describe_seconds(int seconds) {
    if (seconds < 60)
        return fmt::format("{} s", seconds);
    if (seconds % 60 == 0)
        return fmt::format("{} min", seconds / 60);
    return fmt::format("{} min {} s", seconds / 60, seconds % 60);
}

std::string describe_dose(const core::RoutineItem& item) {
    const std::string side = item.per_side ? " on each side" : "";
    std::string out;
    if (item.reps == 1 && item.rep_s == 0) {
        out = item.rounds == 1 ? fmt::format("hold {}{}", describe_seconds(item.hold_s), side)
                               : fmt::format("{} × {} holds{}", item.rounds,
                                             describe_seconds(item.hold_s), side);
    } else {
        out = fmt::format("{} {}{}", item.reps, item.reps == 1 ? "rep" : "reps", side);
        if (item.hold_s > 0)
            out += fmt::format(", holding {} each", describe_seconds(item.hold_s));
        if (item.rounds > 1)
            out = fmt::format("{} rounds of {}", item.rounds, out);
    }
    if (item.rounds > 1 && item.rest_s > 0)
        out += fmt::format(", {} rest between", describe_seconds(item.rest_s));
    if (item.finish_hold_s > 0)
        out += fmt::format(", then {} to finish", describe_seconds(item.finish_hold_s));
    return out;
}

std::string render_screening(const core::KnowledgeBase& kb, const core::Screening& screening,
                             const Terminal& term) {
    return render_verdict(kb, screening.verdict, term) +
           render_screening_body(kb, screening, term, true);
}

std::string render_plan(const core::KnowledgeBase& kb, const core::Plan& plan,
                        const Terminal& term) {
    std::string out = render_verdict(kb, plan.screening.verdict, term);
    if (!plan.program) {
        out += render_screening_body(kb, plan.screening, term, true);
        out += "\nNo exercise program is offered until a clinician has seen you.\n";
        return out;
    }
    const auto& p = *plan.program;
    const std::string leaning = p.bias == core::Bias::Neutral
                                    ? ""
                                    : fmt::format(", leaning toward {}", core::to_string(p.bias));
    out += section(fmt::format("Week {}: {} phase{}, {}, about {} minutes", p.week,
                               core::to_string(p.phase), leaning, times_per_day(p.sessions_per_day),
                               p.minutes),
                   term);
    out += wrap(p.stage->text, 2);
    for (std::size_t i = 0; i < p.routine.size(); ++i) {
        const auto& entry = p.routine[i];
        const auto& item = kb.item(entry.item);
        out += fmt::format("\n  {}. {}  {}\n", i + 1, term.paint(Style::Bold, item.name),
                           term.paint(Style::Cyan, describe_dose(entry)));
        for (const auto* modification : entry.modifications)
            out += wrap("Change: " + modification->text, 5);
        for (const auto id : entry.because) {
            const auto routine = std::ranges::find(kb.program.routines, id, &core::Routine::id);
            const auto rule = std::ranges::find(kb.rules, id, &core::Rule::id);
            if (routine != kb.program.routines.end())
                continue; // Every item is part of its phase's routine; say only what is particular.
            if (rule != kb.rules.end() && rule->section == "pattern")
                out += wrap("Why: " + rule->text, 5);
        }
        out += "     " + because_line(entry.because, term) + "\n";
    }
    out += section("Every day", term);
    out += fmt::format("  Walk {} min, {}.\n", p.walking.minutes,
                       times_per_day(p.walking.times_per_day));
    out += wrap(kb.program.walking_text, 4);
    out += fmt::format("  Break from sitting every {} minutes.\n", p.desk_break_minutes);
    out += wrap(kb.program.desk_break_text, 4);
    if (p.strength_days_per_week > 0)
        out += fmt::format("  Strength work on {} days a week.\n", p.strength_days_per_week);
    if (!p.left_out.empty()) {
        out += section("Not in today's routine", term);
        for (const auto& entry : p.left_out) {
            std::vector<std::string> reasons;
            for (const auto& reason : entry.because) {
                const auto explained = core::explain(kb, reason);
                reasons.push_back(explained ? explained->text : reason);
            }
            out += fmt::format("  - {}: {}  {}\n", kb.item(entry.item).name, join(reasons, "; "),
                               because_line({entry.because.begin(), entry.because.end()}, term));
        }
    }
    out += render_screening_body(kb, plan.screening, term, true);
    return out;
}

std::string render_exercise_list(const core::KnowledgeBase& kb, const Terminal& term) {
    std::string out =
        term.paint(Style::Bold, fmt::format("{:<24} {:<10} {}", "ID", "PHASE", "NAME")) + "\n";
    for (const auto& item : kb.items)
        out += fmt::format("{:<24} {:<10} {}\n", item.id, core::to_string(item.phase), item.name);
    out +=
        term.paint(Style::Dim, fmt::format("{} items. `unload exercises show ID` for one in full.",
                                           kb.items.size())) +
        "\n";
    return out;
}

std::string render_exercise(const core::KnowledgeBase& kb, const core::Item& item,
                            const Terminal& term) {
    std::string out = term.paint(Style::Bold, item.name) +
                      term.paint(Style::Dim, fmt::format("  ({})", item.id)) + "\n";
    out += fmt::format("Phase: {} · {}\n", core::to_string(item.phase), item.category);
    out += wrap("Position: " + item.position, 0);
    auto equipment = names_of(kb, item.equipment);
    if (const auto either = names_of(kb, item.equipment_one_of); !either.empty())
        equipment.push_back(join(either, " or "));
    out += fmt::format("Equipment: {}\n", equipment.empty() ? "none" : join(equipment, ", "));
    if (item.dose) {
        const auto& d = *item.dose;
        const auto low = dose_at(d, &core::Range::low);
        const auto high = dose_at(d, &core::Range::high);
        if (d.minutes.high > 0)
            out += fmt::format("Dose: {}-{} min, {}-{} times a day\n", d.minutes.low,
                               d.minutes.high, d.times_per_day.low, d.times_per_day.high);
        else
            out += fmt::format("Dose: from {} up to {}\n", describe_dose(low), describe_dose(high));
    }
    out += section("How to do it", term);
    for (std::size_t i = 0; i < item.steps.size(); ++i)
        out += wrap(fmt::format("{}. {}", i + 1, item.steps[i]), 2);
    out += section("Breathing", term) + wrap(item.breathing, 2);
    out += section("Safety", term);
    for (const auto& note : item.safety)
        out += wrap("- " + note, 2);
    if (!item.modifications.empty()) {
        out += section("Modifications", term);
        for (const auto& modification : item.modifications)
            out += wrap(fmt::format("{}: {}", modification.id, modification.text), 2);
    }
    if (item.regression || item.progression) {
        out += section("Easier and harder", term);
        if (item.regression)
            out += fmt::format("  easier: {} ({})\n", kb.item(*item.regression).name,
                               kb.item(*item.regression).id);
        if (item.progression)
            out += fmt::format("  harder: {} ({})\n", kb.item(*item.progression).name,
                               kb.item(*item.progression).id);
    }
    out +=
        section(fmt::format("Evidence (support: {}; points to: {})",
                            words_for(item.evidence.strength), words_for(item.evidence.direction)),
                term) +
        wrap(item.evidence.summary, 2);
    out += term.paint(Style::Dim, "  references: " + join(item.evidence.references, ", ")) + "\n";
    return out;
}

std::string render_rules(const core::KnowledgeBase& kb, const Terminal& term) {
    std::string out = term.paint(Style::Bold, "Unload rule set: review sheet") + "\n";
    out +=
        wrap("Each rule: what fires it, what it does, the words a person reads, and its sources. "
             "Edit the TOML file named under each rule and run `unload content check`.",
             0);
    const auto facts = [&](const std::vector<core::FactId>& list) {
        std::vector<std::string> names;
        for (const auto fact : list)
            names.push_back(kb.facts[fact].id);
        return join(names, ", ");
    };
    std::string current_section;
    for (const auto& rule : kb.rules) {
        if (rule.section != current_section) {
            current_section = rule.section;
            out += section(fmt::format("== {} rules ==", current_section), term);
        }
        out += "\n" + term.paint(Style::Bold, rule.id) +
               term.paint(Style::Dim, fmt::format("  {}:{}", rule.file, rule.line)) + "\n";
        std::string when;
        if (!rule.when.all.empty())
            when += "all of [" + facts(rule.when.all) + "]";
        if (!rule.when.any.empty())
            when += (when.empty() ? "" : " and ") + std::string("any of [") + facts(rule.when.any) +
                    "]";
        out += wrap("fires when: " + when, 2);
        std::vector<std::string> does;
        if (rule.urgency)
            does.push_back(fmt::format("verdict {}", core::to_string(*rule.urgency)));
        const auto items = [&](const std::vector<core::ItemId>& list) {
            std::vector<std::string> names;
            for (const auto item : list)
                names.push_back(kb.item(item).id);
            return join(names, ", ");
        };
        if (!rule.exclude.empty())
            does.push_back(
                "exclude " + items(rule.exclude) +
                (rule.until_week ? fmt::format(" (before week {})", rule.until_week) : ""));
        for (const auto& change : rule.modify)
            does.push_back(fmt::format("modify {} -> {}", kb.item(change.item).id,
                                       kb.item(change.item).modifications[change.modification].id));
        for (const auto advice : rule.advice)
            does.push_back("advise " + kb.advice[advice].id);
        if (rule.bias)
            does.push_back(fmt::format("bias {}", core::to_string(*rule.bias)));
        if (!rule.add.empty())
            does.push_back("add " + items(rule.add));
        if (!rule.emphasise.empty())
            does.push_back("emphasise " + items(rule.emphasise));
        if (rule.desk_break_minutes)
            does.push_back(fmt::format("desk breaks every {} min", *rule.desk_break_minutes));
        if (rule.min_relief_weeks)
            does.push_back(fmt::format("relief phase at least {} weeks", *rule.min_relief_weeks));
        out += wrap("does: " + join(does, "; "), 2);
        out += wrap("reads: \"" + rule.text + "\"", 2);
        out += wrap("source: " + join(rule.sources, ", "), 2);
    }
    out += section("== advice ==", term);
    for (const auto& advice : kb.advice) {
        out += "\n" + term.paint(Style::Bold, advice.id) + "\n";
        out += wrap("reads: \"" + advice.text + "\"", 2);
        out += wrap("source: " + join(advice.sources, ", "), 2);
    }
    return out;
}

std::string render_learn_list(const core::KnowledgeBase& kb, const Terminal& term) {
    std::string out = term.paint(Style::Bold, "Learn: back care in plain words") + "\n";
    for (const auto& topic : kb.learn.topics) {
        out += "\n" + term.paint(Style::Bold, topic.title) +
               term.paint(Style::Dim, fmt::format("  ({})", topic.id)) + "\n";
        out += wrap(topic.summary, 2);
    }
    out += "\n" +
           term.paint(Style::Dim, fmt::format("{} topics. `unload learn TOPIC` for one in full.",
                                              kb.learn.topics.size())) +
           "\n";
    return out;
}

std::string render_learn_topic(const core::KnowledgeBase& kb, const core::LearnTopic& topic,
                               const Terminal& term) {
    std::string out = term.paint(Style::Bold, topic.title) +
                      term.paint(Style::Dim, fmt::format("  ({})", topic.id)) + "\n";
    out += wrap(topic.summary, 0);
    for (const auto& part : topic.sections) {
        out += section(part.heading, term);
        for (std::size_t i = 0; i < part.text.size(); ++i)
            out += (i > 0 ? "\n" : "") + wrap(part.text[i], 2);
        if (!part.text.empty() && !part.points.empty())
            out += "\n";
        // Bullets hang: a point's second line starts under its first word, not under the dash.
        for (const auto& point : part.points) {
            const auto lines = wrap(point, 4);
            out += "  - " + (lines.size() > 4 ? lines.substr(4) : std::string("\n"));
        }
    }
    if (!topic.rules.empty()) {
        // The warning signs come from screening.toml, with the urgency screening gives them.
        out += section("When to get help, and how soon", term);
        for (std::size_t i = 0; i < topic.rules.size(); ++i) {
            const auto& rule = kb.rules[topic.rules[i]];
            const auto urgency = rule.urgency.value_or(core::Urgency::Consult);
            const auto style = urgency == core::Urgency::Consult ? Style::Yellow : Style::Red;
            out +=
                (i > 0 ? "\n  " : "  ") + term.paint(style, upper(core::to_string(urgency))) + "\n";
            out += wrap(rule.text, 4);
        }
    }
    if (!topic.exercises.empty()) {
        out += section("Exercises this topic mentions", term);
        for (const auto id : topic.exercises)
            out += fmt::format("  {} ({})\n", kb.item(id).name, kb.item(id).id);
        out += term.paint(Style::Dim, "  `unload exercises show ID` gives the steps.") + "\n";
    }
    out += "\n" + term.paint(Style::Dim, "sources: " + join(topic.sources, ", ")) + "\n";
    return out;
}

std::string render_odi(const core::OdiScore& score) {
    return fmt::format("Oswestry Disability Index: {:.1f}% ({} disability)\n{} of 10 sections "
                       "answered, raw score {}.\n",
                       score.percent, score.band, score.answered, score.score);
}

std::string render_rmdq(const core::RmdqScore& score, const core::RmdqSpec& spec) {
    return fmt::format("Roland-Morris Disability Questionnaire: {} of {}\n(higher means more "
                       "disability; a change of {} points is clinically meaningful).\n",
                       score.score, spec.items, spec.mcid.points);
}

std::string render_startback(const core::StartBackScore& score) {
    return fmt::format("STarT Back: {} risk\ntotal {} of 9, psychosocial {} of 5.\n", score.risk,
                       score.total, score.psychosocial);
}

} // namespace unload::cli
