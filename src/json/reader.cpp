#include "json/reader.hpp"

#include <fmt/format.h>

namespace unload::json {

core::Result<nlohmann::json> parse(std::string_view text) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        // A syntax error, but also a number too large for a double (out_of_range 406), which the
        // fuzzer found: both are the sender's mistake, not ours.
        // nlohmann's message starts with an id in brackets; keep only what a person can use.
        std::string what = e.what();
        if (const auto at = what.find("parse error"); at != std::string::npos)
            what = what.substr(at);
        else if (const auto end = what.find("] "); what.starts_with('[') && end != what.npos)
            what = what.substr(end + 2);
        return invalid("(document)", fmt::format("malformed JSON: {}", what));
    }
}

std::string join(std::string_view parent, std::string_view key) {
    // An empty key (`{"": 1}`) still needs a visible name, or the message would point at nothing.
    if (key.empty())
        key = "\"\"";
    if (parent.empty())
        return std::string(key);
    return fmt::format("{}.{}", parent, key);
}

std::unexpected<core::Error> invalid(std::string field, std::string message) {
    return core::fail(core::ErrorCode::InvalidInput, std::move(field), std::move(message));
}

std::string_view type_name(const nlohmann::json& value) {
    switch (value.type()) {
    case nlohmann::json::value_t::null:
        return "null";
    case nlohmann::json::value_t::boolean:
        return "true or false";
    case nlohmann::json::value_t::string:
        return "a string";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
        return "an integer";
    case nlohmann::json::value_t::number_float:
        return "a number with a fraction";
    case nlohmann::json::value_t::array:
        return "an array";
    case nlohmann::json::value_t::object:
        return "an object";
    default:
        return "an unsupported value";
    }
}

core::Result<void> only_known_keys(const nlohmann::json& object, std::string_view path,
                                   std::initializer_list<std::string_view> known) {
    for (const auto& [key, value] : object.items()) {
        if (std::find(known.begin(), known.end(), key) == known.end())
            return invalid(join(path, key), "unknown field");
    }
    return {};
}

core::Result<const nlohmann::json*> object_at(const nlohmann::json& parent, std::string_view path,
                                              std::string_view key, bool required) {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null()) {
        if (required)
            return invalid(join(path, key), "missing; expected an object");
        return nullptr;
    }
    if (!it->is_object())
        return invalid(join(path, key), fmt::format("expected an object, got {}", type_name(*it)));
    return &*it;
}

core::Result<std::optional<int>> int_at(const nlohmann::json& parent, std::string_view path,
                                        std::string_view key, int min, int max, bool nullable) {
    const auto it = parent.find(key);
    if (it == parent.end() || (it->is_null() && nullable))
        return std::optional<int>{};
    if (!it->is_number_integer())
        return invalid(join(path, key),
                       fmt::format("expected an integer {}..{}, got {}", min, max, type_name(*it)));
    // Compare as 64-bit so a huge value is reported, not wrapped.
    const auto value = it->get<std::int64_t>();
    if (value < min || value > max)
        return invalid(join(path, key), fmt::format("expected {}..{}, got {}", min, max, value));
    return std::optional<int>{static_cast<int>(value)};
}

core::Result<std::optional<double>> number_at(const nlohmann::json& parent, std::string_view path,
                                              std::string_view key, double min, double max) {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return std::optional<double>{};
    if (!it->is_number())
        return invalid(join(path, key),
                       fmt::format("expected a number {}..{}, got {}", min, max, type_name(*it)));
    const auto value = it->get<double>();
    if (!(value >= min && value <= max))
        return invalid(join(path, key), fmt::format("expected {}..{}, got {}", min, max, value));
    return std::optional<double>{value};
}

core::Result<std::optional<bool>> bool_at(const nlohmann::json& parent, std::string_view path,
                                          std::string_view key) {
    const auto it = parent.find(key);
    if (it == parent.end())
        return std::optional<bool>{};
    if (!it->is_boolean())
        return invalid(join(path, key),
                       fmt::format("expected true or false, got {}", type_name(*it)));
    return std::optional<bool>{it->get<bool>()};
}

core::Result<std::optional<std::string>> string_at(const nlohmann::json& parent,
                                                   std::string_view path, std::string_view key) {
    const auto it = parent.find(key);
    if (it == parent.end())
        return std::optional<std::string>{};
    if (!it->is_string())
        return invalid(join(path, key), fmt::format("expected a string, got {}", type_name(*it)));
    return std::optional<std::string>{it->get<std::string>()};
}

} // namespace unload::json
