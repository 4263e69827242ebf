// Signing in and out, who is signed in, care links and invitations, and the audit trail
// (clinic.md; service/sign_in.hpp, service/care.hpp and service/audit.hpp). The session token goes
// to the browser in an HttpOnly, SameSite=Strict cookie and nowhere else: no page script can read
// it, and no other site can send it.

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/calendar.hpp"
#include "http/requests.hpp"
#include "http/routes.hpp"
#include "service/accounts.hpp"
#include "service/audit.hpp"
#include "service/care.hpp"
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

Json link_document(const core::CareLink& link) {
    return {{"clinician", link.clinician},
            {"clinician_name", link.clinician_name},
            {"person", link.person},
            {"person_name", link.person_name},
            {"origin", link.origin == core::CareOrigin::Registered ? "registered" : "invitation"},
            {"since", core::iso_timestamp(link.since)}};
}

Json links_document(const std::vector<core::CareLink>& links, std::string_view key) {
    auto list = Json::array();
    for (const auto& link : links)
        list.push_back(link_document(link));
    return {{key, std::move(list)}};
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
            // No account behind personal mode, nor behind the access token (a script's, or in a
            // clinic an admin's).
            if (caller.kind == core::Actor::Kind::Personal ||
                caller.kind == core::Actor::Kind::TokenHolder) {
                const bool clinic = TRY(service::clinic_mode(res));
                return json_response(
                    {{"account", nullptr}, {"mode", clinic ? "clinic" : "personal"}});
            }
            const auto account = TRY(service::signed_in_account(res, caller));
            return json_response({{"account", account_document(account)}, {"mode", "clinic"}});
        });
    router.add(Method::Get, "/api/v1/people", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   const auto people = TRY(service::people_in_care(res, caller));
                   return json_response(links_document(people, "people"));
               });
    router.add(Method::Post, "/api/v1/people", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   const auto name = TRY(decode_person_request(request.body));
                   const auto person = TRY(service::register_person(res, caller, name));
                   return json_response(
                       {{"person",
                         {{"id", person.id},
                          {"name", person.name},
                          {"created_at", core::iso_timestamp(person.created_at)}}}},
                       201);
               });
    router.add(Method::Get, "/api/v1/invitations", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   auto list = Json::array();
                   const auto pending = TRY(service::pending_invitations(res, caller));
                   for (const auto& invitation : pending)
                       list.push_back({{"id", invitation.id},
                                       {"created_at", core::iso_timestamp(invitation.created_at)},
                                       {"expires_at", core::iso_timestamp(invitation.expires_at)}});
                   return json_response({{"invitations", std::move(list)}});
               });
    router.add(Method::Post, "/api/v1/invitations", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   TRY(decode_empty_request(request.body));
                   const auto issued = TRY(service::invite(res, caller));
                   return json_response({{"code", issued.code},
                                         {"expires_at", core::iso_timestamp(issued.expires_at)}},
                                        201);
               });
    router.add(Method::Get, "/api/v1/care", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   const auto links = TRY(service::care_links(res, caller));
                   return json_response(links_document(links, "links"));
               });
    router.add(Method::Post, "/api/v1/care", Work::Database,
               [res](const Request& request, const Params&) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   const auto code = TRY(decode_join_request(request.body));
                   const auto link = TRY(service::join_care(res, caller, code));
                   return json_response({{"link", link_document(link)}}, 201);
               });
    router.add(Method::Delete, "/api/v1/care/{id}", Work::Database,
               [res](const Request& request, const Params& params) -> core::Result<Response> {
                   const auto caller = TRY(service::identify(res, request.credentials));
                   const auto other = TRY(record_id(params.get("id"), "id"));
                   TRY(service::end_care(res, caller, other));
                   return Response{.status = 204, .content_type = {}, .body = {}};
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
