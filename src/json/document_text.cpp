#include "json/document_text.hpp"

#include "json/text_writer.hpp"

namespace unload::json {

namespace {

// Every object below writes its keys in byte order, the order nlohmann's std::map keeps them in,
// so that the text equals documents.cpp's tree dumped. The comments name that order's source.

void write_ids(TextWriter& out, const core::Because& because) {
    out.begin_array();
    for (const auto id : because)
        out.string(id);
    out.end_array();
}

/// advice_list() in documents.cpp: because, id, text.
void write_advice(TextWriter& out, const core::Screening& screening) {
    out.begin_array();
    for (const auto& given : screening.advice) {
        out.begin_object();
        out.key("because");
        write_ids(out, given.because);
        out.key("id");
        out.string(given.advice->id);
        out.key("text");
        out.string(given.advice->text);
        out.end_object();
    }
    out.end_array();
}

/// screen_document(): advice, bias, excluded, headline, modified, verdict, warnings.
void write_screen(TextWriter& out, const core::KnowledgeBase& kb,
                  const core::Screening& screening) {
    out.begin_object();
    out.key("advice");
    write_advice(out, screening);
    out.key("bias");
    out.string(core::to_string(screening.bias));

    out.key("excluded");
    out.begin_array();
    for (const auto& exclusion : screening.excluded) {
        out.begin_object();
        out.key("because");
        write_ids(out, exclusion.because);
        out.key("item");
        out.string(kb.item(exclusion.item).id);
        out.key("rule");
        out.string(exclusion.rule->id);
        out.key("text");
        out.string(exclusion.rule->text);
        out.end_object();
    }
    out.end_array();

    out.key("headline");
    out.string(kb.headlines.of(screening.verdict));

    out.key("modified");
    out.begin_array();
    for (const auto& change : screening.modified) {
        out.begin_object();
        out.key("because");
        write_ids(out, change.because);
        out.key("item");
        out.string(kb.item(change.item).id);
        out.key("modification");
        out.string(change.modification->id);
        out.key("rule");
        out.string(change.rule->id);
        out.key("text");
        out.string(change.modification->text);
        out.end_object();
    }
    out.end_array();

    out.key("verdict");
    out.string(core::to_string(screening.verdict));

    out.key("warnings");
    out.begin_array();
    for (const auto& warning : screening.warnings) {
        out.begin_object();
        out.key("because");
        write_ids(out, warning.because);
        out.key("rule");
        out.string(warning.rule->id);
        out.key("text");
        out.string(warning.rule->text);
        out.key("urgency");
        out.string(core::to_string(warning.urgency));
        out.end_object();
    }
    out.end_array();
    out.end_object();
}

/// A routine entry: because, exercise, finish_hold_s, hold_s, modifications, name, per_side,
/// replaces, replaces_name, reps, rest_s, rounds, seconds.
void write_routine_item(TextWriter& out, const core::KnowledgeBase& kb,
                        const core::RoutineItem& entry) {
    const auto& item = kb.item(entry.item);
    out.begin_object();
    out.key("because");
    write_ids(out, entry.because);
    out.key("exercise");
    out.string(item.id);
    out.key("finish_hold_s");
    out.number(entry.finish_hold_s);
    out.key("hold_s");
    out.number(entry.hold_s);
    out.key("modifications");
    out.begin_array();
    for (const auto* modification : entry.modifications)
        out.string(modification->id);
    out.end_array();
    out.key("name");
    out.string(item.name);
    out.key("per_side");
    out.boolean(entry.per_side);
    out.key("replaces");
    if (entry.replaces)
        out.string(kb.item(*entry.replaces).id);
    else
        out.null();
    out.key("replaces_name");
    if (entry.replaces)
        out.string(kb.item(*entry.replaces).name);
    else
        out.null();
    out.key("reps");
    out.number(entry.reps);
    out.key("rest_s");
    out.number(entry.rest_s);
    out.key("rounds");
    out.number(entry.rounds);
    out.key("seconds");
    out.number(entry.seconds);
    out.end_object();
}

/// program_document(): bias, desk_break_because, desk_break_minutes, left_out, minutes, phase,
/// routine, sessions_per_day, stage, strength_days_per_week, walking, week.
void write_program(TextWriter& out, const core::KnowledgeBase& kb, const core::Program& program) {
    out.begin_object();
    out.key("bias");
    out.string(core::to_string(program.bias));
    out.key("desk_break_because");
    write_ids(out, program.desk_break_because);
    out.key("desk_break_minutes");
    out.number(program.desk_break_minutes);

    out.key("left_out");
    out.begin_array();
    for (const auto& entry : program.left_out) {
        out.begin_object();
        out.key("because");
        out.begin_array();
        for (const auto& reason : entry.because)
            out.string(reason);
        out.end_array();
        out.key("exercise");
        out.string(kb.item(entry.item).id);
        out.end_object();
    }
    out.end_array();

    out.key("minutes");
    out.number(program.minutes);
    out.key("phase");
    out.string(core::to_string(program.phase));
    out.key("routine");
    out.begin_array();
    for (const auto& entry : program.routine)
        write_routine_item(out, kb, entry);
    out.end_array();
    out.key("sessions_per_day");
    out.number(program.sessions_per_day);
    out.key("stage");
    out.string(program.stage->id);
    out.key("strength_days_per_week");
    out.number(program.strength_days_per_week);

    out.key("walking");
    out.begin_object();
    out.key("because");
    write_ids(out, program.walking.because);
    out.key("minutes");
    out.number(program.walking.minutes);
    out.key("times_per_day");
    out.number(program.walking.times_per_day);
    out.end_object();

    out.key("week");
    out.number(program.week);
    out.end_object();
}

/// Room for a typical document in one allocation (a week-1 plan is about 2 kB).
constexpr std::size_t typical_plan_bytes = 4096;
constexpr std::size_t typical_screen_bytes = 1024;

} // namespace

std::string screen_text(const core::KnowledgeBase& kb, const core::Screening& screening) {
    std::string text;
    text.reserve(typical_screen_bytes);
    TextWriter out(text);
    write_screen(out, kb, screening);
    return text;
}

/// plan_document(): advice, program, screening, verdict.
std::string plan_text(const core::KnowledgeBase& kb, const core::Plan& plan) {
    std::string text;
    text.reserve(typical_plan_bytes);
    TextWriter out(text);
    out.begin_object();
    out.key("advice");
    write_advice(out, plan.screening);
    out.key("program");
    if (plan.program)
        write_program(out, kb, *plan.program);
    else
        out.null();
    out.key("screening");
    write_screen(out, kb, plan.screening);
    out.key("verdict");
    out.string(core::to_string(plan.screening.verdict));
    out.end_object();
    return text;
}

} // namespace unload::json
