#pragma once

// Typed, path-aware access to a parsed JSON document, so every decoding error names its field.

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/error.hpp"

namespace unload::json {

/// How deeply arrays and objects may nest. No Unload document goes past 6 levels; the cap keeps
/// everything that walks a document (copies, dumps, destructors) far from the end of the stack.
inline constexpr std::size_t max_depth = 32;

/// Parses JSON text, the one place client JSON is read. A syntax error, nesting deeper than
/// max_depth, or a key given twice in one object is an InvalidInput error naming where it is.
core::Result<nlohmann::json> parse(std::string_view text);

/// Joins a parent path and a key: `join("symptoms", "pain_now")` is `symptoms.pain_now`.
std::string join(std::string_view parent, std::string_view key);

std::unexpected<core::Error> invalid(std::string field, std::string message);

/// A readable name of a JSON value's type for error messages ("a string", "null", ...).
std::string_view type_name(const nlohmann::json& value);

/// Fails for any key of `object` not in `known`, naming the first such key.
core::Result<void> only_known_keys(const nlohmann::json& object, std::string_view path,
                                   std::initializer_list<std::string_view> known);

core::Result<const nlohmann::json*> object_at(const nlohmann::json& parent, std::string_view path,
                                              std::string_view key, bool required);
/// An integer within [min, max]; a missing or null value gives `fallback` (nullopt: required).
core::Result<std::optional<int>> int_at(const nlohmann::json& parent, std::string_view path,
                                        std::string_view key, int min, int max, bool nullable);
/// Any integer a 64-bit signed number holds, for values whose range the engine checks by itself
/// (session times, core/session_play.hpp); missing or null gives nullopt.
core::Result<std::optional<std::int64_t>> int64_at(const nlohmann::json& parent,
                                                   std::string_view path, std::string_view key);
core::Result<std::optional<double>> number_at(const nlohmann::json& parent, std::string_view path,
                                              std::string_view key, double min, double max);
core::Result<std::optional<bool>> bool_at(const nlohmann::json& parent, std::string_view path,
                                          std::string_view key);
core::Result<std::optional<std::string>> string_at(const nlohmann::json& parent,
                                                   std::string_view path, std::string_view key);

} // namespace unload::json
