#include "http/message.hpp"

#include <array>

namespace unload::http {

namespace {

struct MethodName {
    Method method;
    std::string_view name;
};
constexpr std::array<MethodName, 7> method_names{{{Method::Get, "GET"},
                                                  {Method::Head, "HEAD"},
                                                  {Method::Post, "POST"},
                                                  {Method::Put, "PUT"},
                                                  {Method::Delete, "DELETE"},
                                                  {Method::Patch, "PATCH"},
                                                  {Method::Options, "OPTIONS"}}};

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

} // namespace

std::string_view to_string(Method method) {
    for (const auto& entry : method_names)
        if (entry.method == method)
            return entry.name;
    return "OTHER";
}

Method parse_method(std::string_view name) {
    for (const auto& entry : method_names)
        if (entry.name == name)
            return entry.method;
    return Method::Other;
}

bool changes_state(Method method) {
    return method == Method::Post || method == Method::Put || method == Method::Delete ||
           method == Method::Patch;
}

std::optional<std::string> percent_decode(std::string_view text, bool plus_is_space) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            if (i + 2 >= text.size())
                return std::nullopt;
            const int high = hex_value(text[i + 1]);
            const int low = hex_value(text[i + 2]);
            if (high < 0 || low < 0)
                return std::nullopt;
            out.push_back(static_cast<char>(high * 16 + low));
            i += 2;
        } else if (c == '+' && plus_is_space) {
            out.push_back(' ');
        } else {
            out.push_back(c);
        }
    }
    return out;
}

std::optional<Target> split_target(std::string_view target) {
    if (target.empty() || target.front() != '/')
        return std::nullopt;
    const auto question = target.find('?');
    const auto raw_path = target.substr(0, question);
    // An encoded slash or NUL would let one path segment pose as two, or cut a file name short.
    for (std::size_t i = 0; i + 2 < raw_path.size(); ++i) {
        if (raw_path[i] == '%' && raw_path[i + 1] == '2' &&
            (raw_path[i + 2] == 'f' || raw_path[i + 2] == 'F'))
            return std::nullopt;
        if (raw_path[i] == '%' && raw_path[i + 1] == '0' && raw_path[i + 2] == '0')
            return std::nullopt;
    }
    auto path = percent_decode(raw_path, false);
    if (!path)
        return std::nullopt;
    return Target{.path = std::move(*path),
                  .query = question == std::string_view::npos
                               ? std::string()
                               : std::string(target.substr(question + 1))};
}

std::optional<std::string> Request::query_param(std::string_view name) const {
    std::string_view rest = query;
    while (!rest.empty()) {
        const auto amp = rest.find('&');
        const auto pair = rest.substr(0, amp);
        rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
        const auto equals = pair.find('=');
        if (percent_decode(pair.substr(0, equals), true) != name)
            continue;
        if (equals == std::string_view::npos)
            return std::string();
        return percent_decode(pair.substr(equals + 1), true);
    }
    return std::nullopt;
}

void Response::set_header(std::string name, std::string value) {
    for (auto& [key, existing] : headers)
        if (key == name) {
            existing = std::move(value);
            return;
        }
    headers.emplace_back(std::move(name), std::move(value));
}

const std::string* Response::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (key == name)
            return &value;
    return nullptr;
}

} // namespace unload::http
