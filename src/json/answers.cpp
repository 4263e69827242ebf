#include "json/answers.hpp"

#include <fmt/format.h>

#include "json/reader.hpp"

namespace unload::json {

namespace {

/// The `answers` array of `root`, which may hold nothing else; errors are named under `parent`
/// (empty for an answers file, `startback` inside an intake).
core::Result<const nlohmann::json*> answers_array(const nlohmann::json& root,
                                                  std::string_view parent = {}) {
    if (!root.is_object())
        return invalid(parent.empty() ? std::string("(document)") : std::string(parent),
                       fmt::format("expected an object with \"answers\", got {}", type_name(root)));
    TRY(only_known_keys(root, parent, {"answers"}));
    const auto field = join(parent, "answers");
    const auto it = root.find("answers");
    if (it == root.end())
        return invalid(field, "missing; expected an array");
    if (!it->is_array())
        return invalid(field, fmt::format("expected an array, got {}", type_name(*it)));
    return &*it;
}

} // namespace

core::Result<std::vector<std::optional<int>>> decode_odi_answers(std::string_view text) {
    const auto root = TRY(parse(text));
    const auto* answers = TRY(answers_array(root));
    std::vector<std::optional<int>> out;
    for (std::size_t i = 0; i < answers->size(); ++i) {
        const auto& value = (*answers)[i];
        if (value.is_null()) {
            out.emplace_back();
        } else if (value.is_number_integer() && value.get<std::int64_t>() >= 0 &&
                   value.get<std::int64_t>() <= 5) {
            out.emplace_back(value.get<int>());
        } else {
            return invalid(fmt::format("answers[{}]", i),
                           fmt::format("expected 0..5 or null, got {}",
                                       value.is_number_integer() ? value.dump()
                                                                 : std::string(type_name(value))));
        }
    }
    return out;
}

core::Result<std::vector<bool>> decode_rmdq_answers(std::string_view text) {
    const auto root = TRY(parse(text));
    const auto* answers = TRY(answers_array(root));
    std::vector<bool> out;
    for (std::size_t i = 0; i < answers->size(); ++i) {
        const auto& value = (*answers)[i];
        if (!value.is_boolean())
            return invalid(fmt::format("answers[{}]", i),
                           fmt::format("expected true or false, got {}", type_name(value)));
        out.push_back(value.get<bool>());
    }
    return out;
}

core::Result<core::StartBackAnswers> startback_answers_in(const nlohmann::json& root,
                                                          std::string_view parent) {
    const auto* answers = TRY(answers_array(root, parent));
    const auto field = join(parent, "answers");
    core::StartBackAnswers out;
    if (answers->empty())
        return invalid(field, "expected 9 answers, got 0");
    for (std::size_t i = 0; i + 1 < answers->size(); ++i) {
        const auto& value = (*answers)[i];
        if (!value.is_boolean())
            return invalid(fmt::format("{}[{}]", field, i),
                           fmt::format("expected true or false, got {}", type_name(value)));
        out.agree.push_back(value.get<bool>());
    }
    const auto& last = answers->back();
    if (!last.is_string())
        return invalid(
            fmt::format("{}[{}]", field, answers->size() - 1),
            fmt::format("expected the bothersomeness answer as a string, got {}", type_name(last)));
    out.bothersome = last.get<std::string>();
    return out;
}

core::Result<core::StartBackAnswers> decode_startback_answers(std::string_view text) {
    return startback_answers_in(TRY(parse(text)), {});
}

} // namespace unload::json
