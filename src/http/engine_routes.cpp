// Routes over the content alone: the exercise library, the rules, and screening and planning an
// intake. Documents that depend only on content are encoded once, at start.

#include <charconv>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "core/planner.hpp"
#include "core/screening.hpp"
#include "http/requests.hpp"
#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "json/document_text.hpp"
#include "json/documents.hpp"
#include "json/intake.hpp"

namespace unload::http {

namespace {

core::Result<core::Intake> intake_of(const core::KnowledgeBase& kb, const Request& request) {
    const auto root = TRY(parse_object(request.body));
    return json::decode_intake_document(kb, root);
}

} // namespace

Response json_response(const nlohmann::json& document, int status) {
    return Response{.status = status,
                    .content_type = "application/json",
                    .body =
                        document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace)};
}

Response json_text_response(std::string text, int status) {
    return Response{.status = status, .content_type = "application/json", .body = std::move(text)};
}

core::Result<int> int_query(const Request& request, std::string_view name, int min, int max,
                            int fallback) {
    const auto text = request.query_param(name);
    if (!text)
        return fallback;
    int value = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
    if (ec != std::errc() || end != text->data() + text->size() || value < min || value > max)
        return core::fail(core::ErrorCode::InvalidInput, std::string(name),
                          fmt::format("expected a whole number {}..{}, got '{}'", min, max, *text));
    return value;
}

core::Result<bool> bool_query(const Request& request, std::string_view name) {
    const auto text = request.query_param(name);
    if (!text || *text == "false")
        return false;
    if (*text == "true")
        return true;
    return core::fail(core::ErrorCode::InvalidInput, std::string(name),
                      fmt::format("expected true or false, got '{}'", *text));
}

Encoded encode(const nlohmann::json& document) {
    auto body = std::make_shared<const std::string>(
        document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    auto etag = etag_of(*body);
    return {.body = std::move(body), .etag = std::move(etag)};
}

Response cached_response(const std::shared_ptr<const std::string>& body, const std::string& etag) {
    Response response{.status = 200, .content_type = "application/json", .body = {}};
    response.shared_body = body;
    response.set_header("ETag", etag);
    response.set_header("Cache-Control", "no-cache");
    return response;
}

void add_engine_routes(Router& router, const core::KnowledgeBase& kb) {
    auto library = std::make_shared<const Encoded>(encode(json::exercises_document(kb)));
    auto rules = std::make_shared<const Encoded>(encode(json::rules_document(kb)));
    auto exercises = std::make_shared<std::map<std::string, Encoded, std::less<>>>();
    for (const auto& item : kb.items)
        exercises->emplace(item.id, encode(json::exercise_document(kb, item)));

    router.add(Method::Get, "/api/v1/exercises", Work::Inline,
               [library](const Request&, const Params&) -> core::Result<Response> {
                   return cached_response(library->body, library->etag);
               });
    router.add(Method::Get, "/api/v1/exercises/{id}", Work::Inline,
               [exercises](const Request&, const Params& params) -> core::Result<Response> {
                   const auto found = exercises->find(params.get("id"));
                   if (found == exercises->end())
                       return core::fail(core::ErrorCode::NotFound, "id",
                                         fmt::format("no exercise '{}'; GET /api/v1/exercises "
                                                     "lists them",
                                                     params.get("id")));
                   return cached_response(found->second.body, found->second.etag);
               });
    router.add(Method::Get, "/api/v1/rules", Work::Inline,
               [rules](const Request&, const Params&) -> core::Result<Response> {
                   return cached_response(rules->body, rules->etag);
               });
    router.add(Method::Post, "/api/v1/screen", Work::Inline,
               [&kb](const Request& request, const Params&) -> core::Result<Response> {
                   const auto intake = TRY(intake_of(kb, request));
                   // Written straight as text: the same bytes as the document dumped, without
                   // the tree, which cost more than screening itself (bench/http_bench.cpp).
                   return json_text_response(json::screen_text(kb, core::screen(kb, intake)));
               });
    router.add(Method::Post, "/api/v1/plan", Work::Inline,
               [&kb](const Request& request, const Params&) -> core::Result<Response> {
                   const int week = TRY(int_query(request, "week", 1, 520, 1));
                   const auto intake = TRY(intake_of(kb, request));
                   return json_text_response(json::plan_text(kb, core::plan(kb, intake, week)));
               });
}

} // namespace unload::http
