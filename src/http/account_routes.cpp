// Signing in and out, who is signed in, and the audit trail (clinic.md; service/sign_in.hpp and
// service/audit.hpp). The session token goes to the browser in an HttpOnly, SameSite=Strict
// cookie and nowhere else: no page script can read it, and no other site can send it.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "http/requests.hpp"
#include "http/routes.hpp"
#include "service/audit.hpp"
#include "service/sign_in.hpp"

namespace unload::http {

namespace {

using Json = nlohmann::json;

Json account_document(const core::Account& account) {
    return {{"username", account.username},
            {"role", core::to_string(account.role)},
            {"person", account.person ? Json(*account.person) : Json(nullptr)}};
}

std::string session_cookie(const SessionCookie& cookie, std::string_view value,
                           std::chrono::seconds max_age) {
    return fmt::format("{}={}; Path=/; Max-Age={}; HttpOnly; SameSite=Strict{}", cookie.name, value,
                       max_age.count(), cookie.secure ? "; Secure" : "");
}

Json event_document(const core::AuditEvent& event) {
    const auto optional_id = [](const std::optional<core::RecordId>& id) {
        return id ? Json(*id) : Json(nullptr);
    };
    return {{"id", event.id},
            {"at", core::iso_timestamp(event.at)},
            {"actor", event.actor},
            {"account", optional_id(event.account)},
            {"role", event.role},
            {"action", event.action},
            {"person", optional_id(event.person)},
            {"resource", event.resource},
            {"outcome", event.outcome},
            {"request_id", event.request_id}};
}

} // namespace

void add_account_routes(Router& router, const service::Resources& res, SessionCookie cookie) {
    router.add(
        Method::Post, "/api/v1/login", Work::Database,
        [res, cookie](const Request& request, const Params&) -> core::Result<Response> {
            const auto login = TRY(decode_login_request(request.body));
            const auto signed_in =
                TRY(service::sign_in(res, request.credentials, login.username, login.password));
            auto response = json_response({{"account", account_document(signed_in.account)}});
            response.set_header(
                "Set-Cookie", session_cookie(cookie, signed_in.token, signed_in.lifetime.absolute));
            return response;
        });
    router.add(Method::Post, "/api/v1/logout", Work::Database,
               [res, cookie](const Request& request, const Params&) -> core::Result<Response> {
                   TRY(service::sign_out(res, request.credentials));
                   Response response{.status = 204, .content_type = {}, .body = {}};
                   response.set_header("Set-Cookie",
                                       session_cookie(cookie, "", std::chrono::seconds(0)));
                   return response;
               });
    router.add(
        Method::Get, "/api/v1/me", Work::Database,
        [res](const Request& request, const Params&) -> core::Result<Response> {
            const auto caller = TRY(service::identify(res, request.credentials));
            if (caller.kind == core::Actor::Kind::Personal)
                return json_response({{"account", nullptr}, {"mode", "personal"}});
            const auto account = TRY(service::signed_in_account(res, caller));
            return json_response({{"account", account_document(account)}, {"mode", "clinic"}});
        });
    router.add(Method::Get, "/api/v1/audit", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   const auto limit = TRY(int_query(request, "limit", 1, 1000, 100));
                   core::AuditFilter filter{.limit = static_cast<std::size_t>(limit)};
                   const auto events = TRY(service::audit_events(res, caller, filter));
                   auto list = Json::array();
                   for (const auto& event : events)
                       list.push_back(event_document(event));
                   return json_response({{"events", std::move(list)}});
               });
}

} // namespace unload::http
