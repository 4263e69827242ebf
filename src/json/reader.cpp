#include "json/reader.hpp"

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <vector>

#include <fmt/format.h>

namespace unload::json {

namespace {

/// Builds the document as nlohmann's own DOM parser does, and refuses two things it would let
/// through: nesting deeper than max_depth (a deep document would make every later copy, dump and
/// destructor recurse that deep, and 100,000 levels overflow the stack), and a key given twice in
/// one object (nlohmann keeps the last one silently, so a client could hide a value from a check).
/// Nothing here recurses: the depth is counted on an explicit stack.
class GuardedDom {
public:
    using Json = nlohmann::json;
    using Dom = nlohmann::detail::json_sax_dom_parser<Json>;

    explicit GuardedDom(Json& root) : m_dom(root, false) {}

    bool null() { return element() && m_dom.null(); }
    bool boolean(bool value) { return element() && m_dom.boolean(value); }
    bool number_integer(Json::number_integer_t value) {
        return element() && m_dom.number_integer(value);
    }
    bool number_unsigned(Json::number_unsigned_t value) {
        return element() && m_dom.number_unsigned(value);
    }
    bool number_float(Json::number_float_t value, const Json::string_t& text) {
        return element() && m_dom.number_float(value, text);
    }
    bool string(Json::string_t& value) { return element() && m_dom.string(value); }
    bool binary(Json::binary_t& value) { return element() && m_dom.binary(value); }

    bool start_object(std::size_t size) {
        return element() && open(true) && m_dom.start_object(size);
    }
    bool key(Json::string_t& value) {
        auto& level = m_levels.back();
        const bool seen = level.keys.size() < small_object
                              ? std::ranges::find(level.keys, value) != level.keys.end()
                              : level.key_set.contains(value);
        if (seen) {
            m_error =
                invalid(path_to(value), "appears twice in the same object; give each field once");
            return false;
        }
        if (level.keys.size() + 1 == small_object)
            level.key_set.insert(level.keys.begin(), level.keys.end());
        if (level.keys.size() + 1 >= small_object)
            level.key_set.insert(value);
        level.keys.push_back(value);
        return m_dom.key(value);
    }
    bool end_object() {
        m_levels.pop_back();
        return m_dom.end_object();
    }
    bool start_array(std::size_t size) {
        return element() && open(false) && m_dom.start_array(size);
    }
    bool end_array() {
        m_levels.pop_back();
        return m_dom.end_array();
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) {
        // A syntax error, but also a number too large for a double (out_of_range 406), which the
        // fuzzer found: both are the sender's mistake, not ours. nlohmann's message starts with
        // an id in brackets; keep only what a person can use.
        std::string what = e.what();
        if (const auto at = what.find("parse error"); at != std::string::npos)
            what = what.substr(at);
        else if (const auto end = what.find("] "); what.starts_with('[') && end != what.npos)
            what = what.substr(end + 2);
        m_error = invalid("(document)", fmt::format("malformed JSON: {}", what));
        return false;
    }

    /// Set when the parse was refused.
    std::optional<core::Error> error() && {
        if (!m_error)
            return std::nullopt;
        return std::move(m_error->error());
    }

private:
    static constexpr std::size_t small_object = 16; ///< Past this, keys are looked up in a set.

    struct Level {
        bool object = false;
        std::size_t elements = 0;      ///< Arrays: how many elements began so far.
        std::vector<std::string> keys; ///< Objects: keys in order (the last is the current one).
        std::unordered_set<std::string> key_set;
    };

    /// Called as each value begins: counts array elements, so that errors can name `[i]`.
    bool element() {
        if (!m_levels.empty() && !m_levels.back().object)
            ++m_levels.back().elements;
        return true;
    }
    bool open(bool object) {
        if (m_levels.size() >= max_depth) {
            m_error = invalid(path_to({}), fmt::format("the document is nested more than {} "
                                                       "levels deep; no Unload document is",
                                                       max_depth));
            return false;
        }
        m_levels.push_back(Level{.object = object, .elements = 0, .keys = {}, .key_set = {}});
        return true;
    }
    /// The path of the value being read, with `last` as the key in the innermost object.
    std::string path_to(std::string_view last) const {
        std::string path;
        for (std::size_t i = 0; i < m_levels.size(); ++i) {
            const auto& level = m_levels[i];
            const bool innermost = i + 1 == m_levels.size();
            if (level.object) {
                if (innermost && !last.empty())
                    path = join(path, last);
                else if (!level.keys.empty())
                    path = join(path, level.keys.back());
            } else if (level.elements > 0) {
                path += fmt::format("[{}]", level.elements - 1);
            }
        }
        return path.empty() ? "(document)" : path;
    }

    Dom m_dom;
    std::vector<Level> m_levels;
    std::optional<std::unexpected<core::Error>> m_error;
};

} // namespace

core::Result<nlohmann::json> parse(std::string_view text) {
    nlohmann::json document;
    GuardedDom guard(document);
    if (!nlohmann::json::sax_parse(text, &guard, nlohmann::json::input_format_t::json, true) ||
        document.is_discarded()) {
        if (auto error = std::move(guard).error())
            return std::unexpected(std::move(*error));
        return invalid("(document)", "malformed JSON");
    }
    return document;
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

core::Result<std::optional<std::int64_t>> int64_at(const nlohmann::json& parent,
                                                   std::string_view path, std::string_view key) {
    const auto it = parent.find(key);
    if (it == parent.end() || it->is_null())
        return std::optional<std::int64_t>{};
    if (!it->is_number_integer())
        return invalid(join(path, key), fmt::format("expected an integer, got {}", type_name(*it)));
    if (it->is_number_unsigned() &&
        it->get<std::uint64_t>() > static_cast<std::uint64_t>(INT64_MAX))
        return invalid(join(path, key), fmt::format("{} is too large", it->get<std::uint64_t>()));
    return std::optional<std::int64_t>{it->get<std::int64_t>()};
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
