#include "content/loader.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "content/instruments_loader.hpp"
#include "content/intake_loader.hpp"
#include "content/learn_loader.hpp"
#include "content/pose_loader.hpp"
#include "content/review_loader.hpp"
#include "content/session_loader.hpp"
#include "content/toml_reader.hpp"
#include "core/intake.hpp"

namespace unload::content {

namespace {

using core::Errors;

/// One parsed content file, kept alive while readers point into it.
struct File {
    std::string name;
    toml::table table;
};

struct PendingModify {
    Located<std::string> item;
    Located<std::string> use;
};

/// A rule as read, before its ids are resolved against everything else in content.
struct PendingRule {
    core::Rule rule;
    std::vector<Located<std::string>> all, any, exclude, advice, add, emphasise;
    std::vector<PendingModify> modify;
};

struct PendingItem {
    std::optional<Located<std::string>> regression;
    std::optional<Located<std::string>> progression;
};

struct PendingSlot {
    Located<std::string> exercise;
    core::RoutineSlot slot;
};

class Loader {
public:
    explicit Loader(std::filesystem::path dir) : m_dir(std::move(dir)) {}

    std::expected<core::KnowledgeBase, Errors> run();

private:
    std::optional<TableReader> open(const std::string& name);
    void error(const std::string& file, int line, std::string field, std::string message);
    std::vector<std::string> sources_of(TableReader& reader, std::string_view key = "source");

    void read_sources();
    void read_equipment();
    void read_facts(TableReader& reader, std::string_view key, core::FactKind kind);
    void read_derived(TableReader& reader);
    void read_groups(TableReader& reader);
    void read_rules(TableReader& reader);
    void read_rule_file(const std::string& name);
    void read_advice();
    void read_items();
    void read_item(const std::filesystem::path& path);
    core::Dose read_dose(TableReader& reader);
    void read_program();

    std::optional<core::FactId> resolve_fact(const std::string& file,
                                             const Located<std::string>& id, std::string field);
    std::vector<core::ItemId> resolve_items(const std::string& file,
                                            const std::vector<Located<std::string>>& ids,
                                            std::string field);
    void resolve_rules();
    void resolve_items_links();
    void resolve_program();
    void resolve_sources();
    void check_duplicates();
    void check_advice_reasons();

    std::filesystem::path m_dir;
    std::vector<std::unique_ptr<File>> m_files;
    Errors m_errors;
    core::KnowledgeBase m_kb;
    std::vector<SourceRef> m_source_refs;
    std::map<std::string, std::vector<Located<std::string>>, std::less<>> m_groups;
    std::vector<PendingRule> m_rules;
    std::vector<PendingItem> m_item_links;
    std::map<std::string, std::vector<PendingSlot>> m_slots; ///< Routine id -> slots as read.
    std::optional<Located<std::string>> m_walking_item;
    std::string m_walking_file;
    std::vector<std::pair<std::string, int>> m_fact_lines; ///< File and line of each fact.
    std::vector<std::pair<std::string, int>> m_item_lines; ///< File and line of each item.
    std::vector<int> m_advice_lines, m_equipment_lines, m_source_lines;
    std::vector<int> m_advice_for_lines; ///< The line of each advice's `for` list.
    TopicReader m_topics; ///< Screening topics, which warning signs and conditions name.
};

std::optional<TableReader> Loader::open(const std::string& name) {
    const auto path = m_dir / name;
    if (!std::filesystem::is_regular_file(path)) {
        error(name, 0, {}, "file is missing");
        return std::nullopt;
    }
    auto file = std::make_unique<File>();
    file->name = name;
    if (!parse_file(path.string(), name, file->table, m_errors))
        return std::nullopt;
    m_files.push_back(std::move(file));
    return TableReader(m_files.back()->table, name, {}, m_errors);
}

void Loader::error(const std::string& file, int line, std::string field, std::string message) {
    m_errors.push_back(core::Error{.code = core::ErrorCode::InvalidContent,
                                   .field = std::move(field),
                                   .message = std::move(message),
                                   .file = file,
                                   .line = line});
}

std::vector<std::string> Loader::sources_of(TableReader& reader, std::string_view key) {
    std::vector<std::string> out;
    for (auto& source : reader.string_or_strings(key, Required::Yes)) {
        m_source_refs.push_back({.id = source.value,
                                 .file = reader.file(),
                                 .field = reader.path_of(key),
                                 .line = source.line});
        out.push_back(std::move(source.value));
    }
    return out;
}

void Loader::read_sources() {
    auto root = open("sources.toml");
    if (!root)
        return;
    for (auto& table : root->tables("source")) {
        core::Source source;
        source.id = table.string("id", Required::Yes).value_or("");
        source.title = table.string("title", Required::Yes).value_or("");
        source.reference = table.string("reference", Required::Yes).value_or("");
        table.finish();
        m_source_lines.push_back(table.line());
        m_kb.sources.push_back(std::move(source));
    }
    root->finish();
}

void Loader::read_equipment() {
    auto root = open("equipment.toml");
    if (!root)
        return;
    for (auto& table : root->tables("equipment")) {
        if (m_kb.equipment.size() == core::max_equipment) {
            table.error("", fmt::format("more than {} equipment ids", core::max_equipment));
            break;
        }
        m_kb.equipment.push_back({.id = table.string("id", Required::Yes).value_or(""),
                                  .name = table.string("name", Required::Yes).value_or("")});
        m_equipment_lines.push_back(table.line());
        table.finish();
    }
    for (const auto& id : root->strings("default", Required::Yes)) {
        if (const auto found = m_kb.find_equipment(id.value))
            m_kb.default_equipment.set(*found);
        else
            root->error_at(id.line, "default", fmt::format("unknown equipment id '{}'", id.value));
    }
    root->finish();
}

void Loader::read_facts(TableReader& reader, std::string_view key, core::FactKind kind) {
    for (auto& table : reader.tables(key)) {
        core::Fact fact{.id = table.string("id", Required::Yes).value_or(""),
                        .kind = kind,
                        .question = table.string("question", Required::Yes).value_or(""),
                        .text = table.string("text", Required::Yes).value_or("")};
        // Onboarding asks warning signs and conditions one topic at a time; patterns on their own.
        if (kind == core::FactKind::WarningSign || kind == core::FactKind::Condition)
            m_topics.read_fact_topic(table, static_cast<core::FactId>(m_kb.facts.size()));
        table.finish();
        m_fact_lines.emplace_back(reader.file(), table.line());
        m_kb.facts.push_back(std::move(fact));
    }
}

void Loader::read_derived(TableReader& reader) {
    static const std::map<std::string, core::IntakeNumber, std::less<>> fields{
        {"person.age", core::IntakeNumber::Age},
        {"symptoms.pain_now", core::IntakeNumber::PainNow},
        {"symptoms.weeks_since_onset", core::IntakeNumber::WeeksSinceOnset},
        {"symptoms.walking_tolerance_m", core::IntakeNumber::WalkingToleranceM},
        {"history.conservative_care_weeks", core::IntakeNumber::ConservativeCareWeeks},
    };
    for (auto& table : reader.tables("derived")) {
        core::DerivedFact derived;
        const auto id = table.string("id", Required::Yes).value_or("");
        if (const auto field = table.string("field", Required::Yes)) {
            if (const auto it = fields.find(*field); it != fields.end())
                derived.field = it->second;
            else
                table.error("field", fmt::format("unknown intake number '{}'", *field));
        }
        derived.at_least = table.integer("at_least", Required::No, 0, 100000);
        derived.at_most = table.integer("at_most", Required::No, 0, 100000);
        if (!derived.at_least && !derived.at_most)
            table.error("", "needs at_least or at_most");
        const auto text = table.string("text", Required::Yes).value_or("");
        sources_of(table);
        table.finish();
        derived.fact = static_cast<core::FactId>(m_kb.facts.size());
        m_fact_lines.emplace_back(reader.file(), table.line());
        m_kb.facts.push_back(
            {.id = id, .kind = core::FactKind::Derived, .question = {}, .text = text});
        m_kb.derived.push_back(derived);
    }
}

void Loader::read_groups(TableReader& reader) {
    auto groups = reader.table("groups", Required::No);
    if (!groups)
        return;
    for (const auto& name : groups->keys())
        m_groups[name] = groups->strings(name, Required::Yes);
    groups->finish();
}

void Loader::read_rules(TableReader& reader) {
    static constexpr std::string_view sections[] = {"warning", "condition", "pattern", "advice"};
    for (auto& table : reader.tables("rule")) {
        PendingRule pending;
        auto& rule = pending.rule;
        rule.file = reader.file();
        rule.line = table.line();
        rule.id = table.string("id", Required::Yes).value_or("");
        rule.section = table.string("section", Required::Yes).value_or("");
        if (!rule.section.empty() &&
            std::ranges::find(sections, rule.section) == std::end(sections))
            table.error("section", "expected warning, condition, pattern or advice");
        if (auto when = table.table("when", Required::Yes)) {
            pending.all = when->strings("all", Required::No);
            pending.any = when->strings("any", Required::No);
            if (pending.all.empty() && pending.any.empty())
                when->error("", "needs at least one fact in `all` or `any`");
            when->finish();
        }
        if (const auto urgency = table.string("urgency", Required::No)) {
            rule.urgency = core::parse_urgency(*urgency);
            if (!rule.urgency)
                table.error(
                    "urgency",
                    fmt::format("expected emergency, urgent or consult, got '{}'", *urgency));
        }
        pending.exclude = table.strings("exclude", Required::No);
        pending.advice = table.strings("advice", Required::No);
        pending.add = table.strings("add", Required::No);
        pending.emphasise = table.strings("emphasise", Required::No);
        for (auto& change : table.tables("modify")) {
            auto item = change.string("item", Required::Yes);
            auto use = change.string("use", Required::Yes);
            if (item && use)
                pending.modify.push_back({{*item, change.line()}, {*use, change.line()}});
            change.finish();
        }
        if (const auto bias = table.string("bias", Required::No)) {
            rule.bias = core::parse_bias(*bias);
            if (!rule.bias || *rule.bias == core::Bias::Neutral)
                table.error("bias", fmt::format("expected flexion or extension, got '{}'", *bias));
        }
        rule.desk_break_minutes = table.integer("desk_break_minutes", Required::No, 10, 120);
        rule.min_relief_weeks = table.integer("min_relief_weeks", Required::No, 1, 12);
        rule.until_week = table.integer("until_week", Required::No, 2, 52).value_or(0);
        if (rule.until_week > 0 && pending.exclude.empty())
            table.error("until_week", "only applies to exclusions, and this rule excludes nothing");
        rule.text = table.string("text", Required::Yes).value_or("");
        rule.sources = sources_of(table);
        table.finish();
        m_rules.push_back(std::move(pending));
    }
}

void Loader::read_rule_file(const std::string& name) {
    auto root = open(name);
    if (!root)
        return;
    if (auto verdict = root->table("verdict", Required::No)) {
        auto& h = m_kb.headlines;
        h.emergency = verdict->string("emergency", Required::Yes).value_or("");
        h.urgent = verdict->string("urgent", Required::Yes).value_or("");
        h.consult = verdict->string("consult", Required::Yes).value_or("");
        h.caution = verdict->string("caution", Required::Yes).value_or("");
        h.clear = verdict->string("clear", Required::Yes).value_or("");
        verdict->finish();
    } else if (name == "screening.toml") {
        root->error("verdict", "missing; expected the five verdict headlines");
    }
    if (name == "screening.toml")
        m_topics.read_topics(*root);
    read_facts(*root, "warning_sign", core::FactKind::WarningSign);
    read_facts(*root, "condition", core::FactKind::Condition);
    read_facts(*root, "pattern", core::FactKind::Pattern);
    read_derived(*root);
    read_groups(*root);
    read_rules(*root);
    root->finish();
}

void Loader::read_advice() {
    auto root = open("advice.toml");
    if (!root)
        return;
    for (auto& table : root->tables("advice")) {
        core::Advice advice{.id = table.string("id", Required::Yes).value_or(""),
                            .text = table.string("text", Required::Yes).value_or(""),
                            .sources = sources_of(table),
                            .given_for = {}};
        for (auto& reason : table.strings("for", Required::Yes)) {
            if (std::ranges::find(advice.given_for, reason.value) != advice.given_for.end())
                table.error_at(reason.line, "for",
                               fmt::format("'{}' is listed twice", reason.value));
            else
                advice.given_for.push_back(std::move(reason.value));
        }
        m_advice_for_lines.push_back(table.line_of("for"));
        table.finish();
        m_advice_lines.push_back(table.line());
        m_kb.advice.push_back(std::move(advice));
    }
    root->finish();
}

core::Dose Loader::read_dose(TableReader& reader) {
    constexpr int max_seconds = 3600;
    constexpr int max_count = 100;
    core::Dose dose;
    dose.hold_s = reader.range("hold_s", Required::No, max_seconds).value_or(core::Range{});
    dose.reps = reader.range("reps", Required::No, max_count).value_or(core::Range{1, 1});
    dose.rounds = reader.range("rounds", Required::No, max_count).value_or(core::Range{1, 1});
    dose.per_side = reader.boolean("per_side", Required::No).value_or(false);
    dose.rest_s = reader.integer("rest_s", Required::No, 0, max_seconds).value_or(0);
    dose.rep_s = reader.integer("rep_s", Required::No, 0, 120).value_or(0);
    dose.finish_hold_s =
        reader.range("finish_hold_s", Required::No, max_seconds).value_or(core::Range{});
    dose.minutes = reader.range("minutes", Required::No, 240).value_or(core::Range{});
    dose.times_per_day = reader.range("times_per_day", Required::No, 12).value_or(core::Range{});
    if (dose.reps.low == 0 || dose.rounds.low == 0)
        reader.error("", "reps and rounds must be at least 1");
    const bool timed = dose.hold_s.high > 0 || dose.rep_s > 0 || dose.minutes.high > 0;
    if (!timed)
        reader.error("", "gives no duration: set hold_s, rep_s or minutes");
    reader.finish();
    return dose;
}

void Loader::read_item(const std::filesystem::path& path) {
    const auto name = "exercises/" + path.filename().string();
    auto root = open(name);
    if (!root)
        return;
    auto& r = *root;
    core::Item item;
    item.file = name;
    item.id = r.string("id", Required::Yes).value_or("");
    if (!item.id.empty() && item.id != path.stem().string())
        r.error("id", fmt::format("'{}' does not match the file name '{}'", item.id,
                                  path.stem().string()));
    item.name = r.string("name", Required::Yes).value_or("");
    if (const auto phase = r.string("phase", Required::Yes)) {
        if (const auto parsed = core::parse_phase(*phase))
            item.phase = *parsed;
        else
            r.error("phase", fmt::format("unknown phase '{}'", *phase));
    }
    static constexpr std::string_view categories[] = {
        "position", "stretch", "movement", "activation", "strength", "activity", "traction"};
    item.category = r.string("category", Required::Yes).value_or("");
    if (!item.category.empty() &&
        std::ranges::find(categories, item.category) == std::end(categories))
        r.error("category", fmt::format("unknown category '{}'", item.category));
    item.position = r.string("position", Required::Yes).value_or("");
    for (const auto* key : {"equipment", "equipment_one_of"}) {
        auto& set = std::string_view(key) == "equipment" ? item.equipment : item.equipment_one_of;
        for (const auto& id : r.strings(key, Required::No)) {
            if (const auto found = m_kb.find_equipment(id.value))
                set.set(*found);
            else
                r.error_at(id.line, key, fmt::format("unknown equipment id '{}'", id.value));
        }
    }
    for (const auto& direction : r.strings("direction", Required::Yes)) {
        if (const auto parsed = core::parse_direction(direction.value))
            item.directions.push_back(*parsed);
        else
            r.error_at(direction.line, "direction",
                       fmt::format("unknown direction '{}'", direction.value));
    }
    item.sources = sources_of(r);
    for (auto& step : r.strings("steps", Required::Yes))
        item.steps.push_back(std::move(step.value));
    if (!item.steps.empty() && item.steps.size() < 3)
        r.error("steps", "needs at least 3 steps");
    item.breathing = r.string("breathing", Required::Yes).value_or("");
    for (auto& note : r.strings("safety", Required::Yes))
        item.safety.push_back(std::move(note.value));
    PendingItem links;
    if (const auto id = r.string("regression", Required::No))
        links.regression = Located<std::string>{*id, r.line_of("regression")};
    if (const auto id = r.string("progression", Required::No))
        links.progression = Located<std::string>{*id, r.line_of("progression")};
    if (auto dose = r.table("dose", item.is_technique() ? Required::No : Required::Yes))
        item.dose = read_dose(*dose);
    for (auto& table : r.tables("modifications")) {
        core::Modification modification{.id = table.string("id", Required::Yes).value_or(""),
                                        .text = table.string("text", Required::Yes).value_or("")};
        modification.position = table.string("position", Required::No).value_or("");
        // 1-based in content, as a person counts the steps; at least one step stays.
        const int steps = static_cast<int>(item.steps.size());
        for (const auto& step : table.integers("leaves_out_steps", Required::No, 1, steps))
            modification.leaves_out_steps.push_back(static_cast<std::size_t>(step.value - 1));
        if (!modification.leaves_out_steps.empty() &&
            modification.leaves_out_steps.size() >= item.steps.size())
            table.error("leaves_out_steps", "must leave at least one step");
        modification.leaves_out_finish_hold =
            table.boolean("leaves_out_finish_hold", Required::No).value_or(false);
        if (modification.leaves_out_finish_hold &&
            (!item.dose || item.dose->finish_hold_s.high == 0))
            table.error("leaves_out_finish_hold", "the item has no closing hold to leave out");
        if (std::ranges::find(item.modifications, modification.id, &core::Modification::id) !=
            item.modifications.end())
            table.error("id", fmt::format("duplicate modification id '{}'", modification.id));
        table.finish();
        item.modifications.push_back(std::move(modification));
    }
    if (auto evidence = r.table("evidence", Required::Yes)) {
        static constexpr std::string_view strengths[] = {"none", "very_low", "low", "moderate",
                                                         "high"};
        static constexpr std::string_view directions[] = {"helps", "no_difference", "harms",
                                                          "unclear"};
        item.evidence.strength = evidence->string("strength", Required::Yes).value_or("");
        if (!item.evidence.strength.empty() &&
            std::ranges::find(strengths, item.evidence.strength) == std::end(strengths))
            evidence->error("strength", "expected none, very_low, low, moderate or high");
        item.evidence.direction = evidence->string("direction", Required::Yes).value_or("");
        if (!item.evidence.direction.empty() &&
            std::ranges::find(directions, item.evidence.direction) == std::end(directions))
            evidence->error("direction", "expected helps, no_difference, harms or unclear");
        item.evidence.summary = evidence->string("summary", Required::Yes).value_or("");
        item.evidence.references = sources_of(*evidence, "references");
        evidence->finish();
    }
    r.finish();
    if (m_kb.items.size() == core::max_items) {
        r.error("", fmt::format("more than {} exercises", core::max_items));
        return;
    }
    m_item_lines.emplace_back(name, r.line_of("id"));
    m_kb.items.push_back(std::move(item));
    m_item_links.push_back(std::move(links));
}

void Loader::read_items() {
    const auto dir = m_dir / "exercises";
    if (!std::filesystem::is_directory(dir)) {
        error("exercises", 0, {}, "directory is missing");
        return;
    }
    std::vector<std::filesystem::path> paths;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (entry.is_regular_file() && entry.path().extension() == ".toml")
            paths.push_back(entry.path());
    }
    // Sorted, so that item indices and every listing are the same on every machine.
    std::ranges::sort(paths);
    for (const auto& path : paths)
        read_item(path);
}

void Loader::read_program() {
    const std::string name = "programs.toml";
    auto root = open(name);
    if (!root)
        return;
    auto& program = m_kb.program;
    if (auto session = root->table("session", Required::Yes)) {
        program.default_minutes =
            session->integer("default_minutes", Required::Yes, 5, 60).value_or(15);
        program.transition_s = session->integer("transition_s", Required::Yes, 0, 120).value_or(15);
        program.side_switch_s = session->integer("side_switch_s", Required::Yes, 0, 60).value_or(5);
        program.desk_break_minutes =
            session->integer("desk_break_minutes", Required::Yes, 10, 120).value_or(45);
        program.desk_break_text = session->string("desk_break_text", Required::Yes).value_or("");
        program.emphasis_priority_bonus =
            session->integer("emphasis_priority_bonus", Required::Yes, 0, 1000).value_or(100);
        program.against_bias_priority_penalty =
            session->integer("against_bias_priority_penalty", Required::Yes, 0, 1000).value_or(5);
        session->finish();
    }
    for (auto& table : root->tables("stage")) {
        core::Stage stage;
        stage.id = table.string("id", Required::Yes).value_or("");
        if (const auto phase = table.string("phase", Required::Yes)) {
            const auto parsed = core::parse_phase(*phase);
            if (parsed && (*parsed == core::Phase::Relief || *parsed == core::Phase::Mobility ||
                           *parsed == core::Phase::Strength))
                stage.phase = *parsed;
            else
                table.error("phase",
                            fmt::format("expected relief, mobility or strength, got '{}'", *phase));
        }
        stage.from_week = table.integer("from_week", Required::Yes, 1, 520).value_or(1);
        stage.sessions_per_day = table.integer("sessions_per_day", Required::Yes, 1, 4).value_or(1);
        stage.strength_days_per_week =
            table.integer("strength_days_per_week", Required::Yes, 0, 7).value_or(0);
        stage.text = table.string("text", Required::Yes).value_or("");
        stage.sources = sources_of(table);
        if (!program.stages.empty() && stage.from_week <= program.stages.back().from_week)
            table.error("from_week", "stages must start in increasing weeks");
        table.finish();
        program.stages.push_back(std::move(stage));
    }
    if (program.stages.empty() || program.stages.front().from_week != 1)
        root->error("stage", "needs a stage starting in week 1");
    for (auto& table : root->tables("routine")) {
        core::Routine routine;
        routine.id = table.string("id", Required::Yes).value_or("");
        if (const auto phase = table.string("phase", Required::Yes)) {
            if (const auto parsed = core::parse_phase(*phase))
                routine.phase = *parsed;
            else
                table.error("phase", fmt::format("unknown phase '{}'", *phase));
        }
        if (std::ranges::find(program.routines, routine.phase, &core::Routine::phase) !=
            program.routines.end())
            table.error("phase", "a routine for this phase is already defined");
        routine.text = table.string("text", Required::Yes).value_or("");
        routine.sources = sources_of(table);
        auto& slots = m_slots[routine.id];
        for (auto& entry : table.tables("items")) {
            PendingSlot slot;
            slot.exercise = {entry.string("exercise", Required::Yes).value_or(""), entry.line()};
            slot.slot.priority = entry.integer("priority", Required::Yes, 0, 1000).value_or(0);
            slot.slot.when_added = entry.boolean("when_added", Required::No).value_or(false);
            entry.finish();
            slots.push_back(std::move(slot));
        }
        if (slots.empty())
            table.error("items", "must list at least one exercise");
        table.finish();
        program.routines.push_back(std::move(routine));
    }
    for (const auto& stage : program.stages) {
        if (std::ranges::find(program.routines, stage.phase, &core::Routine::phase) ==
            program.routines.end())
            root->error("routine", fmt::format("no routine for phase '{}', which stage '{}' uses",
                                               core::to_string(stage.phase), stage.id));
    }
    if (auto walking = root->table("walking", Required::Yes)) {
        program.walking_id = walking->string("id", Required::Yes).value_or("");
        if (const auto item = walking->string("exercise", Required::Yes))
            m_walking_item = Located<std::string>{*item, walking->line_of("exercise")};
        m_walking_file = name;
        program.walking_text = walking->string("text", Required::Yes).value_or("");
        program.walking_sources = sources_of(*walking);
        for (auto& step : walking->tables("steps")) {
            core::WalkingStep parsed{
                .from_week = step.integer("from_week", Required::Yes, 1, 520).value_or(1),
                .minutes = step.integer("minutes", Required::Yes, 1, 120).value_or(5),
                .times_per_day = step.integer("times_per_day", Required::Yes, 1, 6).value_or(1)};
            if (!program.walking.empty() && parsed.from_week <= program.walking.back().from_week)
                step.error("from_week", "steps must start in increasing weeks");
            step.finish();
            program.walking.push_back(parsed);
        }
        if (program.walking.empty() || program.walking.front().from_week != 1)
            walking->error("steps", "needs a step starting in week 1");
        walking->finish();
    }
    if (auto reasons = root->table("reasons", Required::Yes)) {
        auto& words = program.reasons;
        words.not_enough_time = reasons->string("not_enough_time", Required::Yes).value_or("");
        words.missing_equipment = reasons->string("missing_equipment", Required::Yes).value_or("");
        words.start = reasons->string("start", Required::Yes).value_or("");
        words.easier_version = reasons->string("easier_version", Required::Yes).value_or("");
        words.harder_version = reasons->string("harder_version", Required::Yes).value_or("");
        words.no_easier_version = reasons->string("no_easier_version", Required::Yes).value_or("");
        if (const auto scan = core::scan_placeholders(words.missing_equipment);
            !scan.error.empty() || scan.names != std::vector<std::string>{"equipment"})
            reasons->error("missing_equipment",
                           "expected the placeholder {equipment} once, and no other");
        reasons->finish();
    }
    root->finish();
}

std::optional<core::FactId>
Loader::resolve_fact(const std::string& file, const Located<std::string>& id, std::string field) {
    if (const auto fact = m_kb.find_fact(id.value))
        return fact;
    error(file, id.line, std::move(field), fmt::format("unknown fact '{}'", id.value));
    return std::nullopt;
}

std::vector<core::ItemId> Loader::resolve_items(const std::string& file,
                                                const std::vector<Located<std::string>>& ids,
                                                std::string field) {
    std::vector<core::ItemId> out;
    const auto add = [&](const Located<std::string>& id) {
        if (const auto item = m_kb.find_item(id.value)) {
            if (std::ranges::find(out, *item) == out.end())
                out.push_back(*item);
        } else {
            error(file, id.line, field,
                  fmt::format("unknown exercise or technique '{}'", id.value));
        }
    };
    for (const auto& id : ids) {
        if (const auto group = m_groups.find(id.value); group != m_groups.end()) {
            for (const auto& member : group->second)
                add(member);
        } else {
            add(id);
        }
    }
    return out;
}

void Loader::resolve_rules() {
    for (auto& pending : m_rules) {
        auto& rule = pending.rule;
        const auto field = [&](std::string_view key) {
            return fmt::format("rule {}.{}", rule.id, key);
        };
        for (const auto& id : pending.all) {
            if (const auto fact = resolve_fact(rule.file, id, field("when.all")))
                rule.when.all.push_back(*fact);
        }
        for (const auto& id : pending.any) {
            if (const auto fact = resolve_fact(rule.file, id, field("when.any")))
                rule.when.any.push_back(*fact);
        }
        rule.exclude = resolve_items(rule.file, pending.exclude, field("exclude"));
        rule.emphasise = resolve_items(rule.file, pending.emphasise, field("emphasise"));
        rule.add = resolve_items(rule.file, pending.add, field("add"));
        for (const auto item : rule.add) {
            const bool has_slot =
                std::ranges::any_of(m_kb.program.routines, [&](const core::Routine& r) {
                    return std::ranges::any_of(r.slots, [&](const core::RoutineSlot& s) {
                        return s.item == item && s.when_added;
                    });
                });
            if (!has_slot)
                error(rule.file, rule.line, field("add"),
                      fmt::format("'{}' has no `when_added` slot in any routine",
                                  m_kb.items[item].id));
        }
        for (const auto& id : pending.advice) {
            if (const auto advice = m_kb.find_advice(id.value))
                rule.advice.push_back(*advice);
            else
                error(rule.file, id.line, field("advice"),
                      fmt::format("unknown advice '{}'", id.value));
        }
        for (const auto& change : pending.modify) {
            const auto item = m_kb.find_item(change.item.value);
            if (!item) {
                error(rule.file, change.item.line, field("modify.item"),
                      fmt::format("unknown exercise '{}'", change.item.value));
                continue;
            }
            const auto& modifications = m_kb.items[*item].modifications;
            const auto it =
                std::ranges::find(modifications, change.use.value, &core::Modification::id);
            if (it == modifications.end()) {
                error(rule.file, change.use.line, field("modify.use"),
                      fmt::format("'{}' has no modification '{}'", change.item.value,
                                  change.use.value));
                continue;
            }
            rule.modify.push_back({*item, static_cast<std::size_t>(it - modifications.begin())});
        }
        m_kb.rules.push_back(std::move(rule));
    }
}

void Loader::resolve_items_links() {
    for (std::size_t i = 0; i < m_kb.items.size(); ++i) {
        auto& item = m_kb.items[i];
        const auto link = [&](const std::optional<Located<std::string>>& id, std::string_view key,
                              std::optional<core::ItemId>& out) {
            if (!id)
                return;
            if (const auto found = m_kb.find_item(id->value); found && *found != i)
                out = *found;
            else
                error(item.file, id->line, std::string(key),
                      found ? "must name another exercise"
                            : fmt::format("unknown exercise '{}'", id->value));
        };
        link(m_item_links[i].regression, "regression", item.regression);
        link(m_item_links[i].progression, "progression", item.progression);
    }
}

void Loader::resolve_program() {
    const std::string file = "programs.toml";
    for (auto& routine : m_kb.program.routines) {
        for (const auto& pending : m_slots[routine.id]) {
            const auto item = m_kb.find_item(pending.exercise.value);
            if (!item) {
                error(file, pending.exercise.line, fmt::format("routine {}.items", routine.id),
                      fmt::format("unknown exercise '{}'", pending.exercise.value));
                continue;
            }
            if (m_kb.items[*item].is_technique() || !m_kb.items[*item].dose) {
                error(file, pending.exercise.line, fmt::format("routine {}.items", routine.id),
                      fmt::format("'{}' is a clinic technique and never part of a home routine",
                                  pending.exercise.value));
                continue;
            }
            auto slot = pending.slot;
            slot.item = *item;
            routine.slots.push_back(slot);
        }
    }
    if (m_walking_item) {
        m_kb.program.walking_item = m_kb.find_item(m_walking_item->value);
        if (!m_kb.program.walking_item)
            error(m_walking_file, m_walking_item->line, "walking.exercise",
                  fmt::format("unknown exercise '{}'", m_walking_item->value));
    }
}

void Loader::resolve_sources() {
    for (const auto& ref : m_source_refs) {
        if (std::ranges::find(m_kb.sources, ref.id, &core::Source::id) == m_kb.sources.end())
            error(ref.file, ref.line, ref.field,
                  fmt::format("unknown source '{}' (sources are defined in sources.toml)", ref.id));
    }
}

void Loader::check_duplicates() {
    const auto check = [&](const auto& list, std::string_view what, auto where) {
        std::map<std::string_view, std::size_t> seen;
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& id = list[i].id;
            if (id.empty())
                continue;
            if (const auto [it, inserted] = seen.emplace(id, i); !inserted) {
                const auto [file, line] = where(i);
                const auto [first_file, first_line] = where(it->second);
                error(file, line, "id",
                      fmt::format("duplicate {} id '{}' (first defined at {}:{})", what, id,
                                  first_file, first_line));
            }
        }
    };
    check(m_kb.facts, "fact", [&](std::size_t i) { return m_fact_lines[i]; });
    check(m_kb.items, "exercise", [&](std::size_t i) { return m_item_lines[i]; });
    check(m_kb.rules, "rule", [&](std::size_t i) {
        return std::pair{m_kb.rules[i].file, m_kb.rules[i].line};
    });
    check(m_kb.advice, "advice", [&](std::size_t i) {
        return std::pair{std::string("advice.toml"), m_advice_lines[i]};
    });
    check(m_kb.equipment, "equipment", [&](std::size_t i) {
        return std::pair{std::string("equipment.toml"), m_equipment_lines[i]};
    });
    check(m_kb.sources, "source", [&](std::size_t i) {
        return std::pair{std::string("sources.toml"), m_source_lines[i]};
    });
}

void Loader::check_advice_reasons() {
    // A reason listed in `for` that nothing gives is only reported on otherwise valid content:
    // after an error elsewhere (a broken or missing session.toml) the giver may simply not have
    // been read, and the report would point away from the real mistake.
    const bool complete = m_errors.empty();
    // Every place content gives an advice, named as advice.toml's `for` lists name it.
    std::vector<std::pair<core::AdviceId, std::string>> given;
    for (const auto& rule : m_kb.rules) {
        for (const auto advice : rule.advice)
            given.emplace_back(advice, "rule:" + rule.id);
    }
    for (const auto& stop : m_kb.session.stop_reasons) {
        for (const auto advice : stop.advice)
            given.emplace_back(advice, "stop:" + stop.id);
    }
    const auto& review = m_kb.review;
    for (const auto& [advice, trigger] :
         {std::pair{review.refer_pain_advice, "review:refer.pain"},
          std::pair{review.refer_regressions_advice, "review:refer.regressions"},
          std::pair{review.refer_leg_symptoms_advice, "review:refer.leg_symptoms"}}) {
        if (advice)
            given.emplace_back(*advice, trigger);
    }
    for (std::size_t i = 0; i < m_kb.advice.size(); ++i) {
        const auto& advice = m_kb.advice[i];
        const auto line = i < m_advice_for_lines.size() ? m_advice_for_lines[i] : 0;
        for (const auto& [id, reason] : given) {
            if (id == i && std::ranges::find(advice.given_for, reason) == advice.given_for.end())
                error("advice.toml", line, "for",
                      fmt::format("advice '{}' is given for '{}', but its words are not written "
                                  "for that reason: write an advice that fits, or check this "
                                  "text fits and add '{}' to its `for`",
                                  advice.id, reason, reason));
        }
        for (const auto& reason : advice.given_for) {
            if (!complete)
                break;
            const auto used = std::ranges::any_of(
                given, [&](const auto& use) { return use.first == i && use.second == reason; });
            if (!used)
                error("advice.toml", line, "for",
                      fmt::format("advice '{}' lists '{}' in `for`, but nothing gives it for "
                                  "that reason",
                                  advice.id, reason));
        }
    }
}

std::expected<core::KnowledgeBase, Errors> Loader::run() {
    // The facts the intake format defines come first; content can only add to them.
    std::vector<std::string_view> format_facts(std::begin(core::intake_facts::all),
                                               std::end(core::intake_facts::all));
    format_facts.insert(format_facts.end(), std::begin(core::intake_facts::from_startback),
                        std::end(core::intake_facts::from_startback));
    for (const auto id : format_facts) {
        m_fact_lines.emplace_back("(intake format)", 0);
        m_kb.facts.push_back({.id = std::string(id),
                              .kind = core::FactKind::IntakeField,
                              .question = {},
                              .text = {}});
    }
    auto& ids = m_kb.intake_facts;
    ids.pregnant = *m_kb.find_fact(core::intake_facts::pregnant);
    ids.leg_buttock = *m_kb.find_fact(core::intake_facts::leg_buttock);
    ids.leg_thigh = *m_kb.find_fact(core::intake_facts::leg_thigh);
    ids.leg_below_knee = *m_kb.find_fact(core::intake_facts::leg_below_knee);
    ids.leg_numbness_or_tingling = *m_kb.find_fact(core::intake_facts::leg_numbness_or_tingling);
    ids.pain_when_decompressing = *m_kb.find_fact(core::intake_facts::pain_when_decompressing);
    ids.startback_medium = *m_kb.find_fact(core::intake_facts::startback_medium);
    ids.startback_high = *m_kb.find_fact(core::intake_facts::startback_high);

    read_sources();
    read_equipment();
    read_rule_file("screening.toml");
    read_rule_file("patterns.toml");
    read_advice();
    read_items();
    read_program();
    read_instruments(m_dir, m_kb.instruments, m_errors, m_source_refs);
    // The STarT Back groups are facts no form field asks; the instrument words them.
    for (const auto& [fact, text] :
         {std::pair{core::intake_facts::startback_medium, &m_kb.instruments.startback.medium_text},
          std::pair{core::intake_facts::startback_high, &m_kb.instruments.startback.high_text}})
        if (const auto id = m_kb.find_fact(fact))
            m_kb.facts[*id].text = *text;
    if (m_kb.facts.size() > core::max_facts)
        error("screening.toml", 0, {}, fmt::format("more than {} facts", core::max_facts));

    resolve_program(); // before rules: `add` checks for the routine slots it switches on
    resolve_rules();
    m_topics.resolve(m_kb, m_errors);
    read_intake_form(m_dir, m_kb, m_errors); // after the intake format's facts are registered
    resolve_items_links();
    read_pictures(m_dir, m_kb, m_errors); // after the items, which each picture belongs to
    check_duplicates(); // after rules are resolved: m_kb.rules is only filled then
    // Session and review rules name items and advice, which are all read by now.
    read_session_rules(m_dir, m_kb, m_errors, m_source_refs);
    read_review_rules(m_dir, m_kb, m_errors, m_source_refs);
    check_advice_reasons(); // after everything that gives advice has been read
    // Learn topics link warning rules and exercises, which are all resolved by now.
    read_learn(m_dir, m_kb, m_errors, m_source_refs);
    resolve_sources();
    if (!m_errors.empty())
        return std::unexpected(std::move(m_errors));
    return std::move(m_kb);
}

} // namespace

std::expected<core::KnowledgeBase, Errors> load(const std::filesystem::path& dir) {
    if (!std::filesystem::is_directory(dir))
        return std::unexpected(Errors{core::Error{.code = core::ErrorCode::NotFound,
                                                  .field = {},
                                                  .message = "content directory not found",
                                                  .file = dir.string(),
                                                  .line = 0}});
    return Loader(dir).run();
}

} // namespace unload::content
