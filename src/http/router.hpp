#pragma once

// The route table: a method and a path template (`/api/v1/exercises/{id}`) to a handler. A path
// that matches no template is 404; one that matches with another method is 405 with an Allow
// header listing the methods it has.

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "http/message.hpp"

namespace unload::http {

/// Values of a template's `{name}` segments, in order.
class Params {
public:
    void add(std::string name, std::string value);
    /// The value of `{name}`; empty when the template has no such segment.
    std::string_view get(std::string_view name) const;

private:
    std::vector<std::pair<std::string, std::string>> m_values;
};

/// Where a handler runs: inline on an I/O thread (pure, fast work over immutable content), or
/// on the database pool (anything that touches the person's record), so that a slow disk never
/// stalls the threads that read and write sockets.
enum class Work { Inline, Database };

using Handler = std::function<core::Result<Response>(const Request&, const Params&)>;

struct Route {
    Method method = Method::Get;
    std::string pattern;
    Work work = Work::Inline;
    Handler handler;
    std::size_t index = 0; ///< Position in the table, for per-route metrics.
};

struct Match {
    enum class Kind { Found, NotFound, MethodNotAllowed } kind = Kind::NotFound;
    const Route* route = nullptr;
    Params params;
    std::string allow; ///< For MethodNotAllowed: `GET, HEAD`.
};

class Router {
public:
    /// Adds a route. Templates are literal segments and `{name}` segments that match one
    /// non-empty segment each.
    void add(Method method, std::string pattern, Work work, Handler handler);
    /// GET routes also answer HEAD, with the same headers and no body.
    Match match(Method method, std::string_view path) const;
    const std::vector<Route>& routes() const { return m_routes; }

private:
    std::vector<Route> m_routes;
};

} // namespace unload::http
