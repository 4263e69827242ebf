#pragma once

// A strict reader over one TOML table: every key it is asked for is marked as known, a wrong type
// or range is reported with file, line and key path, and `finish()` reports every key nobody asked
// for, so a typo in content is an error rather than a silently ignored rule.

#include <filesystem>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/knowledge.hpp"

namespace toml {
inline namespace v3 {
class table;
class node;
} // namespace v3
} // namespace toml

namespace unload::content {

enum class Required { Yes, No };

/// A source id named somewhere in content, kept until every source is known and it can be checked.
struct SourceRef {
    std::string id;
    std::string file;
    std::string field;
    int line = 0;
};

/// A value read from content with the line it stands on, for errors found after reading.
template <class T>
struct Located {
    T value;
    int line = 0;
};

class TableReader {
public:
    TableReader(const toml::table& table, std::string file, std::string path, core::Errors& errors);

    std::optional<std::string> string(std::string_view key, Required required);
    std::optional<int> integer(std::string_view key, Required required, int min, int max);
    std::optional<double> number(std::string_view key, Required required);
    std::optional<bool> boolean(std::string_view key, Required required);
    /// An array of strings; with `Required::No` a missing key is an empty list.
    std::vector<Located<std::string>> strings(std::string_view key, Required required);
    /// An array of integers, each within min..max; with `Required::No` a missing key is empty.
    std::vector<Located<int>> integers(std::string_view key, Required required, int min, int max);
    /// A string or an array of strings (`source = "a"` or `source = ["a", "b"]`).
    std::vector<Located<std::string>> string_or_strings(std::string_view key, Required required);
    /// `[low, high]` with 0 <= low <= high <= max.
    std::optional<core::Range> range(std::string_view key, Required required, int max);
    std::optional<TableReader> table(std::string_view key, Required required);
    /// An array of tables (`[[rule]]` or `items = [{...}, {...}]`); missing is an empty list.
    std::vector<TableReader> tables(std::string_view key);

    /// Reports every key of this table that no getter asked for. Call once, after reading.
    void finish();

    /// Records an error about `key` of this table (or the table itself when `key` is empty).
    void error(std::string_view key, std::string message);
    void error_at(int line, std::string_view key, std::string message);

    int line() const;
    int line_of(std::string_view key) const;
    const std::string& file() const { return m_file; }
    std::string path_of(std::string_view key) const;
    bool has(std::string_view key) const;
    /// The keys of this table, in document order.
    std::vector<std::string> keys() const;

private:
    const toml::node* get(std::string_view key, Required required, std::string_view expected);

    const toml::table* m_table;
    std::string m_file;
    std::string m_path;
    core::Errors* m_errors;
    std::set<std::string, std::less<>> m_known;
};

/// Parses a TOML file. A syntax error becomes one error with the file and line; the parsed table
/// is returned through `out`.
bool parse_file(const std::string& path, const std::string& display_name, toml::table& out,
                core::Errors& errors);

/// Reads one content file whole: a missing file or a syntax error is one error; otherwise `read`
/// gets a reader over the top-level table, and every key it did not ask for is then reported.
/// `display_name` is the path errors show, relative to the content directory.
void read_content_file(const std::filesystem::path& path, const std::string& display_name,
                       core::Errors& errors, const std::function<void(TableReader&)>& read);

} // namespace unload::content
