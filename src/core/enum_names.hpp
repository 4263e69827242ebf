#pragma once

// One table per enum maps values to their content and JSON names, in both directions.

#include <array>
#include <optional>
#include <string_view>
#include <utility>

namespace unload::core {

template <class Enum, std::size_t N>
using EnumNames = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
std::optional<Enum> enum_from_name(const EnumNames<Enum, N>& names, std::string_view text) {
    for (const auto& [value, name] : names) {
        if (name == text)
            return value;
    }
    return std::nullopt;
}

template <class Enum, std::size_t N>
std::string_view name_of(const EnumNames<Enum, N>& names, Enum value) {
    for (const auto& [candidate, name] : names) {
        if (candidate == value)
            return name;
    }
    return "unknown";
}

} // namespace unload::core
