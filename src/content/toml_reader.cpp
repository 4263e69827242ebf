#include "content/toml_reader.hpp"

#include <fmt/format.h>
#include <toml++/toml.h>

namespace unload::content {

namespace {

std::string_view type_name(const toml::node& node) {
    switch (node.type()) {
    case toml::node_type::string:
        return "a string";
    case toml::node_type::integer:
        return "an integer";
    case toml::node_type::floating_point:
        return "a number";
    case toml::node_type::boolean:
        return "true or false";
    case toml::node_type::array:
        return "an array";
    case toml::node_type::table:
        return "a table";
    default:
        return "a date or time";
    }
}

int line_of_node(const toml::node& node) {
    return static_cast<int>(node.source().begin.line);
}

} // namespace

TableReader::TableReader(const toml::table& table, std::string file, std::string path,
                         core::Errors& errors)
    : m_table(&table), m_file(std::move(file)), m_path(std::move(path)), m_errors(&errors) {}

std::string TableReader::path_of(std::string_view key) const {
    if (m_path.empty())
        return std::string(key);
    if (key.empty())
        return m_path;
    return m_path + "." + std::string(key);
}

int TableReader::line() const {
    return line_of_node(*m_table);
}

int TableReader::line_of(std::string_view key) const {
    if (const auto* node = m_table->get(key))
        return line_of_node(*node);
    return line();
}

bool TableReader::has(std::string_view key) const {
    return m_table->contains(key);
}

std::vector<std::string> TableReader::keys() const {
    std::vector<std::string> out;
    for (const auto& [key, node] : *m_table)
        out.emplace_back(key.str());
    return out;
}

void TableReader::error_at(int line, std::string_view key, std::string message) {
    m_errors->push_back(core::Error{.code = core::ErrorCode::InvalidContent,
                                    .field = path_of(key),
                                    .message = std::move(message),
                                    .file = m_file,
                                    .line = line});
}

void TableReader::error(std::string_view key, std::string message) {
    error_at(line_of(key), key, std::move(message));
}

const toml::node* TableReader::get(std::string_view key, Required required,
                                   std::string_view expected) {
    m_known.emplace(key);
    const auto* node = m_table->get(key);
    if (!node && required == Required::Yes)
        error_at(line(), key, fmt::format("missing; expected {}", expected));
    return node;
}

std::optional<std::string> TableReader::string(std::string_view key, Required required) {
    const auto* node = get(key, required, "a string");
    if (!node)
        return std::nullopt;
    if (const auto* value = node->as_string()) {
        if (value->get().empty() && required == Required::Yes) {
            error(key, "must not be empty");
            return std::nullopt;
        }
        return value->get();
    }
    error(key, fmt::format("expected a string, got {}", type_name(*node)));
    return std::nullopt;
}

std::optional<int> TableReader::integer(std::string_view key, Required required, int min, int max) {
    const auto* node = get(key, required, "an integer");
    if (!node)
        return std::nullopt;
    const auto* value = node->as_integer();
    if (!value) {
        error(key, fmt::format("expected an integer, got {}", type_name(*node)));
        return std::nullopt;
    }
    const auto number = value->get();
    if (number < min || number > max) {
        error(key, fmt::format("expected {}..{}, got {}", min, max, number));
        return std::nullopt;
    }
    return static_cast<int>(number);
}

std::optional<double> TableReader::number(std::string_view key, Required required) {
    const auto* node = get(key, required, "a number");
    if (!node)
        return std::nullopt;
    if (const auto* value = node->as_floating_point())
        return value->get();
    if (const auto* value = node->as_integer())
        return static_cast<double>(value->get());
    error(key, fmt::format("expected a number, got {}", type_name(*node)));
    return std::nullopt;
}

std::optional<bool> TableReader::boolean(std::string_view key, Required required) {
    const auto* node = get(key, required, "true or false");
    if (!node)
        return std::nullopt;
    if (const auto* value = node->as_boolean())
        return value->get();
    error(key, fmt::format("expected true or false, got {}", type_name(*node)));
    return std::nullopt;
}

std::vector<Located<std::string>> TableReader::strings(std::string_view key, Required required) {
    std::vector<Located<std::string>> out;
    const auto* node = get(key, required, "an array of strings");
    if (!node)
        return out;
    const auto* array = node->as_array();
    if (!array) {
        error(key, fmt::format("expected an array of strings, got {}", type_name(*node)));
        return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = *array->get(i);
        const auto* value = element.as_string();
        if (!value || value->get().empty()) {
            error_at(line_of_node(element), fmt::format("{}[{}]", key, i),
                     fmt::format("expected a non-empty string, got {}",
                                 value ? "an empty string" : type_name(element)));
            continue;
        }
        out.push_back({value->get(), line_of_node(element)});
    }
    if (out.empty() && required == Required::Yes && array->empty())
        error(key, "must not be empty");
    return out;
}

std::vector<Located<int>> TableReader::integers(std::string_view key, Required required, int min,
                                                int max) {
    std::vector<Located<int>> out;
    const auto* node = get(key, required, "an array of integers");
    if (!node)
        return out;
    const auto* array = node->as_array();
    if (!array) {
        error(key, fmt::format("expected an array of integers, got {}", type_name(*node)));
        return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = *array->get(i);
        const auto* value = element.as_integer();
        if (!value || value->get() < min || value->get() > max) {
            error_at(line_of_node(element), fmt::format("{}[{}]", key, i),
                     value ? fmt::format("expected {}..{}, got {}", min, max, value->get())
                           : fmt::format("expected an integer, got {}", type_name(element)));
            continue;
        }
        out.push_back({static_cast<int>(value->get()), line_of_node(element)});
    }
    if (out.empty() && required == Required::Yes && array->empty())
        error(key, "must not be empty");
    return out;
}

std::vector<Located<std::string>> TableReader::string_or_strings(std::string_view key,
                                                                 Required required) {
    const auto* node = m_table->get(key);
    if (node && node->is_string()) {
        auto value = string(key, required);
        if (!value)
            return {};
        return {{*value, line_of_node(*node)}};
    }
    return strings(key, required);
}

std::optional<core::Range> TableReader::range(std::string_view key, Required required, int max) {
    const auto* node = get(key, required, "a range [low, high]");
    if (!node)
        return std::nullopt;
    const auto* array = node->as_array();
    if (!array || array->size() != 2 || !array->get(0)->is_integer() ||
        !array->get(1)->is_integer()) {
        error(key, "expected a range of two integers [low, high]");
        return std::nullopt;
    }
    const auto low = array->get(0)->as_integer()->get();
    const auto high = array->get(1)->as_integer()->get();
    if (low < 0 || high > max) {
        error(key, fmt::format("expected values within 0..{}, got [{}, {}]", max, low, high));
        return std::nullopt;
    }
    if (low > high) {
        error(key, fmt::format("range is inverted: low {} is above high {}", low, high));
        return std::nullopt;
    }
    return core::Range{static_cast<int>(low), static_cast<int>(high)};
}

std::optional<TableReader> TableReader::table(std::string_view key, Required required) {
    const auto* node = get(key, required, "a table");
    if (!node)
        return std::nullopt;
    if (const auto* value = node->as_table())
        return TableReader(*value, m_file, path_of(key), *m_errors);
    error(key, fmt::format("expected a table, got {}", type_name(*node)));
    return std::nullopt;
}

std::vector<TableReader> TableReader::tables(std::string_view key) {
    std::vector<TableReader> out;
    const auto* node = get(key, Required::No, "an array of tables");
    if (!node)
        return out;
    const auto* array = node->as_array();
    if (!array) {
        error(key, fmt::format("expected an array of tables, got {}", type_name(*node)));
        return out;
    }
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& element = *array->get(i);
        if (const auto* value = element.as_table()) {
            out.emplace_back(*value, m_file, fmt::format("{}[{}]", path_of(key), i), *m_errors);
        } else {
            error_at(line_of_node(element), fmt::format("{}[{}]", key, i),
                     fmt::format("expected a table, got {}", type_name(element)));
        }
    }
    return out;
}

void TableReader::finish() {
    for (const auto& [key, node] : *m_table) {
        if (!m_known.contains(key.str()))
            error_at(line_of_node(node), key.str(), "unknown key");
    }
}

bool parse_file(const std::string& path, const std::string& display_name, toml::table& out,
                core::Errors& errors) {
    try {
        out = toml::parse_file(path);
        return true;
    } catch (const toml::parse_error& e) {
        errors.push_back(core::Error{.code = core::ErrorCode::InvalidContent,
                                     .field = {},
                                     .message = std::string(e.description()),
                                     .file = display_name,
                                     .line = static_cast<int>(e.source().begin.line)});
        return false;
    }
}

void read_content_file(const std::filesystem::path& path, const std::string& display_name,
                       core::Errors& errors, const std::function<void(TableReader&)>& read) {
    if (!std::filesystem::is_regular_file(path)) {
        errors.push_back(core::Error{.code = core::ErrorCode::InvalidContent,
                                     .field = {},
                                     .message = "file is missing",
                                     .file = display_name,
                                     .line = 0});
        return;
    }
    toml::table table;
    if (!parse_file(path.string(), display_name, table, errors))
        return;
    TableReader root(table, display_name, "", errors);
    read(root);
    root.finish();
}

} // namespace unload::content
