#include "http/router.hpp"

#include <algorithm>

namespace unload::http {

namespace {

/// The next segment of a path after position `at` (which points at a `/`).
std::string_view next_segment(std::string_view path, std::size_t& at) {
    const auto start = at + 1;
    const auto end = path.find('/', start);
    at = end == std::string_view::npos ? path.size() : end;
    return path.substr(start, at - start);
}

bool matches(std::string_view pattern, std::string_view path, Params& params) {
    std::size_t p = 0;
    std::size_t q = 0;
    while (p < pattern.size() && q < path.size()) {
        const auto want = next_segment(pattern, p);
        const auto have = next_segment(path, q);
        if (want.size() > 2 && want.front() == '{' && want.back() == '}') {
            if (have.empty())
                return false;
            params.add(std::string(want.substr(1, want.size() - 2)), std::string(have));
        } else if (want != have) {
            return false;
        }
    }
    return p == pattern.size() && q == path.size();
}

} // namespace

void Params::add(std::string name, std::string value) {
    m_values.emplace_back(std::move(name), std::move(value));
}

std::string_view Params::get(std::string_view name) const {
    for (const auto& [key, value] : m_values)
        if (key == name)
            return value;
    return {};
}

void Router::add(Method method, std::string pattern, Work work, Handler handler) {
    m_routes.push_back({.method = method,
                        .pattern = std::move(pattern),
                        .work = work,
                        .handler = std::move(handler),
                        .index = m_routes.size()});
}

Match Router::match(Method method, std::string_view path) const {
    Match result;
    std::vector<std::string_view> allowed;
    for (const auto& route : m_routes) {
        Params params;
        if (!matches(route.pattern, path, params))
            continue;
        if (route.method == method || (method == Method::Head && route.method == Method::Get)) {
            result.kind = Match::Kind::Found;
            result.route = &route;
            result.params = std::move(params);
            return result;
        }
        allowed.push_back(to_string(route.method));
        if (route.method == Method::Get)
            allowed.push_back("HEAD");
    }
    if (allowed.empty())
        return result;
    std::ranges::sort(allowed);
    const auto [first, last] = std::ranges::unique(allowed);
    allowed.erase(first, last);
    result.kind = Match::Kind::MethodNotAllowed;
    for (const auto method_name : allowed)
        result.allow += (result.allow.empty() ? "" : ", ") + std::string(method_name);
    return result;
}

} // namespace unload::http
