#include "content/session_loader.hpp"

#include <algorithm>
#include <array>
#include <set>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include <fmt/format.h>
#include <toml++/toml.h>

namespace unload::content {

namespace {

constexpr std::string_view file_name = "session.toml";

/// The stop reasons clinical.md section 8 defines. Other parts of Unload (the weekly review, the
/// player) name them, so a file without one of them is broken however well the rest reads.
constexpr std::array<std::string_view, 5> required_reasons = {
    "sharp_pain", "spreading_leg_symptoms", "new_numbness_or_weakness", "dizziness",
    "mild_discomfort"};

// Generous limits, so that a typo such as `get_ready_s = 1000` is caught rather than believed.
constexpr int max_countdown_s = 60;
constexpr int max_rest_position_s = 600;
constexpr int max_breath_s = 20;
constexpr int max_flare_margin = 10;
constexpr int max_suspend_after = 10;

void read_sources(TableReader& reader, std::vector<std::string>& out,
                  std::vector<SourceRef>& sources) {
    for (auto& source : reader.string_or_strings("source", Required::Yes)) {
        out.push_back(source.value);
        sources.push_back(SourceRef{.id = std::move(source.value),
                                    .file = reader.file(),
                                    .field = reader.path_of("source"),
                                    .line = source.line});
    }
}

/// A required string of `[words]` that must contain each of `placeholders`, so the player never
/// shows a title with a number missing.
std::string read_word(TableReader& reader, std::string_view key,
                      std::initializer_list<std::string_view> placeholders = {}) {
    auto text = reader.string(key, Required::Yes).value_or("");
    if (text.empty() && reader.has(key)) {
        reader.error(key, "must not be empty");
        return text;
    }
    for (const auto placeholder : placeholders) {
        if (!text.empty() && text.find(placeholder) == std::string::npos)
            reader.error(key, fmt::format("must contain the placeholder {}", placeholder));
    }
    return text;
}

core::SessionWords read_words(TableReader& root) {
    core::SessionWords words;
    auto reader = root.table("words", Required::Yes);
    if (!reader)
        return words;
    words.get_ready = read_word(*reader, "get_ready");
    words.get_ready_text = read_word(*reader, "get_ready_text", {"{name}"});
    words.get_into_position = read_word(*reader, "get_into_position");
    words.hold = read_word(*reader, "hold");
    words.repetition = read_word(*reader, "repetition", {"{n}", "{of}"});
    words.switch_sides = read_word(*reader, "switch_sides");
    words.switch_sides_text = read_word(*reader, "switch_sides_text");
    words.rest = read_word(*reader, "rest");
    words.rest_text = read_word(*reader, "rest_text");
    words.finish_hold = read_word(*reader, "finish_hold");
    words.finish_hold_text = read_word(*reader, "finish_hold_text");
    words.rest_position_title = read_word(*reader, "rest_position_title");
    words.rest_position = read_word(*reader, "rest_position");
    words.breathe_in = read_word(*reader, "breathe_in");
    words.breathe_out = read_word(*reader, "breathe_out");
    words.left = read_word(*reader, "left");
    words.right = read_word(*reader, "right");
    words.low_dose = read_word(*reader, "low_dose");
    words.smaller_range = read_word(*reader, "smaller_range");
    words.easier_hold = read_word(*reader, "easier_hold");
    words.done = read_word(*reader, "done");
    reader->finish();
    return words;
}

/// Resolves a list of ids with `find`, reporting each unknown one at its own line.
template <class Find>
auto resolve(TableReader& reader, std::string_view key, std::string_view what,
             std::string_view where, Find find) {
    std::vector<std::remove_cvref_t<decltype(*find(std::string_view{}))>> out;
    const auto ids = reader.strings(key, Required::No);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        const auto& id = ids[i];
        if (const auto found = find(id.value)) {
            out.push_back(*found);
        } else {
            reader.error_at(id.line, fmt::format("{}[{}]", key, i),
                            fmt::format("unknown {} '{}' ({})", what, id.value, where));
        }
    }
    return out;
}

core::StopReason read_stop_reason(TableReader& reader, const core::KnowledgeBase& kb,
                                  std::vector<SourceRef>& sources) {
    core::StopReason reason;
    reason.id = reader.string("id", Required::Yes).value_or("");
    reason.label = reader.string("label", Required::Yes).value_or("");
    reason.text = reader.string("text", Required::Yes).value_or("");
    reason.exercise_text = reader.string("exercise_text", Required::No).value_or("");
    bool scope_known = false;
    if (const auto scope_text = reader.string("scope", Required::Yes)) {
        if (const auto scope = core::parse_stop_scope(*scope_text)) {
            reason.scope = *scope;
            scope_known = true;
        } else {
            reader.error("scope", fmt::format("expected exercise, session or continue, got '{}'",
                                              *scope_text));
        }
    }
    reason.rest_position = reader.boolean("rest_position", Required::No).value_or(false);
    reason.skip_rest_of_session =
        reader.boolean("skip_rest_of_session", Required::No).value_or(false);
    reason.suspend_exercise = reader.boolean("suspend_exercise", Required::No).value_or(false);
    if (reader.has("suspend_after_sessions") && !reason.suspend_exercise) {
        reader.error("suspend_after_sessions",
                     "only means something with `suspend_exercise = true`");
    }
    reason.suspend_after_sessions =
        reader.integer("suspend_after_sessions", Required::No, 1, max_suspend_after).value_or(1);
    reason.suspend_items =
        resolve(reader, "suspend_items", "exercise", "exercises are the files in exercises/",
                [&](std::string_view id) { return kb.find_item(id); });
    reason.advice = resolve(reader, "advice", "advice", "advice is defined in advice.toml",
                            [&](std::string_view id) { return kb.find_advice(id); });
    reason.rescreen = reader.boolean("rescreen", Required::No).value_or(false);
    reason.smaller_range = reader.boolean("smaller_range", Required::No).value_or(false);
    reason.low_dose = reader.boolean("low_dose", Required::No).value_or(false);

    // Each effect belongs to one scope: a rest position or a skip needs a session that goes on
    // past the exercise, and a smaller range needs the exercise itself to go on. A flag that the
    // player would silently ignore is a mistake in the rule, so it is reported. With a scope that
    // did not read, the error above already says what is wrong.
    const auto only_with = [&](std::string_view key, bool set, core::StopScope scope) {
        if (scope_known && set && reason.scope != scope) {
            reader.error(key,
                         fmt::format("only applies with scope = \"{}\"", core::to_string(scope)));
        }
    };
    only_with("rest_position", reason.rest_position, core::StopScope::Exercise);
    only_with("skip_rest_of_session", reason.skip_rest_of_session, core::StopScope::Exercise);
    only_with("smaller_range", reason.smaller_range, core::StopScope::Continue);
    only_with("low_dose", reason.low_dose, core::StopScope::Continue);

    read_sources(reader, reason.sources, sources);
    reader.finish();
    return reason;
}

void read_session(TableReader& root, core::KnowledgeBase& kb, std::vector<SourceRef>& sources) {
    auto& rules = kb.session;

    read_sources(root, rules.sources, sources);
    rules.get_ready_s =
        root.integer("get_ready_s", Required::Yes, 0, max_countdown_s).value_or(rules.get_ready_s);
    rules.rest_position_s = root.integer("rest_position_s", Required::Yes, 1, max_rest_position_s)
                                .value_or(rules.rest_position_s);
    // Zero would make a hold's breathing cues fall on one instant, forever.
    rules.breath_in_s =
        root.integer("breath_in_s", Required::Yes, 1, max_breath_s).value_or(rules.breath_in_s);
    rules.breath_out_s =
        root.integer("breath_out_s", Required::Yes, 1, max_breath_s).value_or(rules.breath_out_s);

    if (auto flare = root.table("flare", Required::Yes)) {
        rules.flare_margin =
            flare->integer("margin", Required::Yes, 0, max_flare_margin).value_or(2);
        rules.flare_text = flare->string("text", Required::Yes).value_or("");
        read_sources(*flare, rules.sources, sources);
        flare->finish();
    }
    rules.words = read_words(root);

    auto readers = root.tables("stop_reason");
    std::set<std::string, std::less<>> ids;
    for (auto& reader : readers) {
        auto reason = read_stop_reason(reader, kb, sources);
        if (!reason.id.empty() && !ids.insert(reason.id).second)
            reader.error("id", fmt::format("duplicate stop reason id '{}'", reason.id));
        rules.stop_reasons.push_back(std::move(reason));
    }
    // A missing reason is reported where the reasons are listed, or at the top of the file when
    // there are none at all.
    const int line = readers.empty() ? 1 : readers.front().line();
    for (const auto id : required_reasons) {
        if (!ids.contains(id)) {
            root.error_at(line, "stop_reason",
                          fmt::format("missing stop reason '{}': clinical.md section 8 defines "
                                      "{}, and each needs its [[stop_reason]]",
                                      id, fmt::join(required_reasons, ", ")));
        }
    }
}

} // namespace

void read_session_rules(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                        core::Errors& errors, std::vector<SourceRef>& sources) {
    read_content_file(content_dir / file_name, std::string(file_name), errors,
                      [&](TableReader& root) { read_session(root, kb, sources); });
}

} // namespace unload::content
