// The middleware chain over a small route table of test handlers, with no sockets: the one
// mapping from error codes to statuses, the JSON error document, 404 and 405, the access token,
// the CSRF checks, request ids, security headers, conditional GET, exceptions in handlers, and
// the metrics every answer is counted in.

#include <algorithm>
#include <cctype>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/pipeline.hpp"

namespace unload::http {
namespace {

using Json = nlohmann::json;

constexpr std::string_view things_etag = R"("things-v1")";

/// A route table shaped like api.cpp's, with handlers whose answers the tests can predict.
Router test_router() {
    Router router;
    router.add(Method::Get, "/healthz", Work::Inline,
               [](const Request&, const Params&) -> core::Result<Response> {
                   return Response{.status = 200, .body = R"({"status":"ok"})"};
               });
    router.add(Method::Get, "/metrics", Work::Inline,
               [](const Request&, const Params&) -> core::Result<Response> {
                   return Response{.status = 200, .content_type = "text/plain", .body = "metrics"};
               });
    router.add(Method::Get, "/api/v1/things", Work::Inline,
               [](const Request&, const Params&) -> core::Result<Response> {
                   Response response{.status = 200, .body = {}};
                   response.shared_body = std::make_shared<const std::string>(R"(["a","b"])");
                   response.set_header("ETag", std::string(things_etag));
                   return response;
               });
    // Echoes the body back, with an ETag, so a test can see that a write is never a 304.
    router.add(Method::Post, "/api/v1/things", Work::Database,
               [](const Request& request, const Params&) -> core::Result<Response> {
                   Response response{.status = 200, .body = request.body};
                   response.set_header("ETag", std::string(things_etag));
                   return response;
               });
    // A path that is changed with PUT and DELETE, for the CSRF checks of those methods.
    for (const auto method : {Method::Put, Method::Delete})
        router.add(method, "/api/v1/settings", Work::Database,
                   [](const Request&, const Params&) -> core::Result<Response> {
                       return Response{.status = 200, .body = R"({"saved":true})"};
                   });
    // Fails with the error code named by the segment (`/api/v1/fail/NotFound`).
    router.add(Method::Get, "/api/v1/fail/{code}", Work::Inline,
               [](const Request&, const Params& params) -> core::Result<Response> {
                   const auto name = params.get("code");
                   auto code = core::ErrorCode::Internal;
                   if (name == "InvalidInput")
                       code = core::ErrorCode::InvalidInput;
                   else if (name == "NotFound")
                       code = core::ErrorCode::NotFound;
                   else if (name == "Conflict")
                       code = core::ErrorCode::Conflict;
                   return core::fail(code, "thing.size", "a reason for " + std::string(name));
               });
    router.add(Method::Get, "/api/v1/boom", Work::Inline,
               [](const Request&, const Params&) -> core::Result<Response> {
                   throw std::runtime_error("secret detail: /home/alice/.config at 0xdeadbeef");
               });
    router.add(Method::Get, "/{file}", Work::Inline,
               [](const Request&, const Params& params) -> core::Result<Response> {
                   return Response{.status = 200,
                                   .content_type = "text/plain",
                                   .body = std::string(params.get("file"))};
               });
    return router;
}

/// Route names as api.cpp gives them to Metrics: `GET /api/v1/things`.
std::vector<std::string> route_names(const Router& router) {
    std::vector<std::string> names;
    for (const auto& route : router.routes())
        names.push_back(std::string(to_string(route.method)) + " " + route.pattern);
    return names;
}

/// A pipeline over the test routes with its own metrics and no access log.
class Harness {
public:
    explicit Harness(std::string token = {})
        : m_router(test_router()), m_metrics(route_names(m_router)),
          m_pipeline(m_router, m_metrics, nullptr, Policy{.token = std::move(token)}) {}
    Harness(const Harness&) = delete;
    Harness& operator=(const Harness&) = delete;

    /// Handles the request; it keeps the id the pipeline gave it.
    Response handle(Request& request) const { return m_pipeline.handle(request); }
    Response handle(Request&& request) const { return m_pipeline.handle(request); }
    const Metrics& metrics() const { return m_metrics; }

private:
    Router m_router;
    Metrics m_metrics;
    Pipeline m_pipeline;
};

/// A request as the server would hand it over: the target split, the Host set, and for methods
/// that change state a JSON body with its content type.
Request make_request(Method method, std::string_view target) {
    const auto split = split_target(target);
    EXPECT_TRUE(split.has_value()) << target;
    Request request{.method = method,
                    .method_name = std::string(to_string(method)),
                    .target = std::string(target),
                    .path = split ? split->path : std::string(),
                    .query = split ? split->query : std::string(),
                    .host = "localhost:8080"};
    if (changes_state(method)) {
        request.content_type = "application/json";
        request.body = R"({"name":"x"})";
    }
    return request;
}

std::string header_of(const Response& response, std::string_view name) {
    const auto* value = response.header(name);
    return value ? *value : std::string("(absent)");
}

Json document_of(const Response& response) {
    return Json::parse(response.payload(), nullptr, false);
}

/// The error document's `error.code`, or a note of why there is none.
std::string error_code_of(const Response& response) {
    const auto document = document_of(response);
    if (document.is_discarded())
        return "(not JSON: " + std::string(response.payload()) + ")";
    if (!document.contains("error") || !document["error"].contains("code"))
        return "(no error.code)";
    return document["error"]["code"].get<std::string>();
}

// ---- Credentials: what a request carries to say who sends it ---------------------------------

/// Admits `request` through a pipeline with `policy` over the test routes.
Pipeline::Admitted admit_with(Policy policy, Request& request) {
    static const Router router = test_router();
    static Metrics metrics(route_names(router));
    const Pipeline pipeline(router, metrics, nullptr, std::move(policy));
    return pipeline.admit(request);
}

TEST(HttpPipelineCredentials, TheSessionCookieIsFoundAmongOthers) {
    EXPECT_EQ(cookie_value("a=1; unload_session=abc; b=2", "unload_session"), "abc");
    EXPECT_EQ(cookie_value("unload_session=\"abc\"", "unload_session"), "abc");
    EXPECT_EQ(cookie_value("xunload_session=abc", "unload_session"), "");
    EXPECT_EQ(cookie_value("", "unload_session"), "");
    EXPECT_EQ(cookie_value("unload_session", "unload_session"), "");
}

TEST(HttpPipelineCredentials, WithoutATokenTheLoopbackChannelCarriesTheCookie) {
    auto request = make_request(Method::Get, "/api/v1/things");
    request.cookie = "theme=dark; unload_session=tok3n";
    request.remote = "127.0.0.1";
    const auto admitted = admit_with({}, request);
    EXPECT_FALSE(admitted.answer);
    EXPECT_EQ(request.credentials.channel, service::Credentials::Channel::Loopback);
    EXPECT_EQ(request.credentials.session_token, "tok3n");
    EXPECT_EQ(request.credentials.address, "127.0.0.1");
    EXPECT_EQ(request.credentials.request_id, request.request_id);
}

TEST(HttpPipelineCredentials, OverTlsOnlyTheHostPrefixedCookieCountsAndHstsIsSent) {
    auto request = make_request(Method::Get, "/api/v1/things");
    request.cookie = "unload_session=planted";
    admit_with({.tls = true}, request);
    EXPECT_EQ(request.credentials.session_token, "") << "a cookie set over plain HTTP is ignored";
    request.cookie = "__Host-unload_session=real";
    admit_with({.tls = true}, request);
    EXPECT_EQ(request.credentials.session_token, "real");

    const Router router = test_router();
    Metrics metrics(route_names(router));
    const Pipeline secure(router, metrics, nullptr, Policy{.tls = true});
    auto plain = make_request(Method::Get, "/api/v1/things");
    EXPECT_EQ(header_of(secure.handle(plain), "Strict-Transport-Security"), "max-age=31536000");
    const Pipeline insecure(router, metrics, nullptr, Policy{});
    auto other = make_request(Method::Get, "/api/v1/things");
    EXPECT_EQ(header_of(insecure.handle(other), "Strict-Transport-Security"), "(absent)");
}

TEST(HttpPipelineCredentials, WithATokenASessionOrTheSignInItselfMayComeWithoutIt) {
    const Policy policy{.token = std::string(40, 'k')};
    auto bare = make_request(Method::Get, "/api/v1/things");
    EXPECT_EQ(admit_with(policy, bare).answer.value_or(Response{}).status, 401);

    auto with_session = make_request(Method::Get, "/api/v1/things");
    with_session.cookie = "unload_session=abc";
    EXPECT_FALSE(admit_with(policy, with_session).answer);
    EXPECT_EQ(with_session.credentials.channel, service::Credentials::Channel::None);

    auto signing_in = make_request(Method::Post, "/api/v1/login");
    const auto admitted = admit_with(policy, signing_in);
    ASSERT_TRUE(admitted.answer);
    EXPECT_EQ(admitted.answer->status, 404) << "past the token check, to routing";

    auto bearer = make_request(Method::Get, "/api/v1/things");
    bearer.authorization = "Bearer " + std::string(40, 'k');
    EXPECT_FALSE(admit_with(policy, bearer).answer);
    EXPECT_EQ(bearer.credentials.channel, service::Credentials::Channel::Token);
}

TEST(HttpPipelineCredentials, BehindATrustedProxyTheClientIsTheLastForwardedAddress) {
    auto proxied = make_request(Method::Get, "/api/v1/things");
    proxied.remote = "127.0.0.1";
    proxied.forwarded_for = "203.0.113.9, 198.51.100.7";
    admit_with({.trust_proxy = true}, proxied);
    EXPECT_EQ(proxied.credentials.address, "198.51.100.7");

    auto untrusted = make_request(Method::Get, "/api/v1/things");
    untrusted.remote = "127.0.0.1";
    untrusted.forwarded_for = "198.51.100.7";
    admit_with({}, untrusted);
    EXPECT_EQ(untrusted.credentials.address, "127.0.0.1") << "no proxy is trusted by default";

    auto direct = make_request(Method::Get, "/api/v1/things");
    direct.remote = "192.0.2.4";
    direct.forwarded_for = "198.51.100.7";
    admit_with({.trust_proxy = true}, direct);
    EXPECT_EQ(direct.credentials.address, "192.0.2.4") << "only the proxy on loopback forwards";
}

// ---- status_for and the error document ------------------------------------------------------

struct StatusCase {
    core::ErrorCode code;
    int status;
    std::string_view name; ///< The document's `error.code`.
};

const StatusCase status_cases[] = {
    {.code = core::ErrorCode::InvalidInput, .status = 400, .name = "invalid_input"},
    {.code = core::ErrorCode::InvalidContent, .status = 500, .name = "invalid_content"},
    {.code = core::ErrorCode::NotFound, .status = 404, .name = "not_found"},
    {.code = core::ErrorCode::Io, .status = 500, .name = "io_error"},
    {.code = core::ErrorCode::Internal, .status = 500, .name = "internal_error"},
    {.code = core::ErrorCode::Conflict, .status = 409, .name = "conflict"},
    {.code = core::ErrorCode::TooLarge, .status = 413, .name = "too_large"},
    {.code = core::ErrorCode::Unauthenticated, .status = 401, .name = "unauthorized"},
    {.code = core::ErrorCode::Forbidden, .status = 403, .name = "forbidden"},
    {.code = core::ErrorCode::Throttled, .status = 429, .name = "too_many_requests"},
};

TEST(HttpPipelineErrors, StatusForEveryErrorCode) {
    for (const auto& c : status_cases) {
        SCOPED_TRACE(std::string(c.name));
        EXPECT_EQ(status_for(c.code), c.status);
    }
}

TEST(HttpPipelineErrors, ErrorDocumentHasCodeFieldAndMessageOnly) {
    for (const auto& c : status_cases) {
        SCOPED_TRACE(std::string(c.name));
        const auto response = error_response(core::Error{
            .code = c.code, .field = "controls[2].reason", .message = "missing", .file = {}});
        EXPECT_EQ(response.status, c.status);
        EXPECT_EQ(response.content_type, "application/json");
        EXPECT_EQ(document_of(response), Json({{"error",
                                                {{"code", std::string(c.name)},
                                                 {"field", "controls[2].reason"},
                                                 {"message", "missing"}}}}));
    }
}

TEST(HttpPipelineErrors, HttpLevelErrorDocumentHasTheSameShape) {
    const auto response = error_response(418, "teapot", "Accept", "short and stout");
    EXPECT_EQ(response.status, 418);
    EXPECT_EQ(document_of(response),
              Json({{"error",
                     {{"code", "teapot"}, {"field", "Accept"}, {"message", "short and stout"}}}}));
}

TEST(HttpPipelineErrors, InvalidUtf8InAMessageStillGivesValidJson) {
    const auto response = error_response(
        core::Error{.code = core::ErrorCode::InvalidInput, .field = "note", .message = "bad \xff"});
    const auto document = document_of(response);
    ASSERT_FALSE(document.is_discarded()) << response.payload();
    EXPECT_EQ(document["error"]["field"], "note");
}

struct HandlerErrorCase {
    std::string_view target;
    int status;
    std::string_view code;
};

TEST(HttpPipelineErrors, HandlerErrorsBecomeTheirStatusAndDocument) {
    const Harness harness;
    const HandlerErrorCase cases[] = {
        {.target = "/api/v1/fail/InvalidInput", .status = 400, .code = "invalid_input"},
        {.target = "/api/v1/fail/NotFound", .status = 404, .code = "not_found"},
        {.target = "/api/v1/fail/Conflict", .status = 409, .code = "conflict"},
        {.target = "/api/v1/fail/Other", .status = 500, .code = "internal_error"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(std::string(c.target));
        const auto response = harness.handle(make_request(Method::Get, c.target));
        EXPECT_EQ(response.status, c.status);
        const auto document = document_of(response);
        EXPECT_EQ(document["error"]["code"], std::string(c.code));
        EXPECT_EQ(document["error"]["field"], "thing.size");
    }
}

TEST(HttpPipelineErrors, UnknownPathIsA404Document) {
    const Harness harness;
    const auto response = harness.handle(make_request(Method::Get, "/api/v1/nothing/here"));
    EXPECT_EQ(response.status, 404);
    const auto document = document_of(response);
    EXPECT_EQ(document["error"]["code"], "not_found");
    EXPECT_EQ(document["error"]["field"], "path");
    EXPECT_NE(document["error"]["message"].get<std::string>().find("/api/v1/nothing/here"),
              std::string::npos)
        << document.dump();
}

TEST(HttpPipelineErrors, WrongMethodIsA405WithAllow) {
    const Harness harness;
    const auto response = harness.handle(make_request(Method::Delete, "/api/v1/things"));
    EXPECT_EQ(response.status, 405);
    EXPECT_EQ(header_of(response, "Allow"), "GET, HEAD, POST");
    const auto document = document_of(response);
    EXPECT_EQ(document["error"]["code"], "method_not_allowed");
    EXPECT_EQ(document["error"]["field"], "method");
}

TEST(HttpPipelineErrors, ExceptionInAHandlerIsA500ThatLeaksNothing) {
    const Harness harness;
    const auto response = harness.handle(make_request(Method::Get, "/api/v1/boom"));
    EXPECT_EQ(response.status, 500);
    EXPECT_EQ(error_code_of(response), "internal_error");
    EXPECT_EQ(response.payload().find("secret"), std::string_view::npos) << response.payload();
    EXPECT_EQ(response.payload().find("alice"), std::string_view::npos) << response.payload();
}

TEST(HttpPipelineErrors, HeadOnAGetRouteRunsItsHandler) {
    const Harness harness;
    const auto response = harness.handle(make_request(Method::Head, "/healthz"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.payload(), R"({"status":"ok"})");
}

// ---- The access token -----------------------------------------------------------------------

constexpr std::string_view token = "s3cret-token";

struct TokenCase {
    std::string_view name;
    std::string_view target;
    std::string_view authorization;
    int status;
};

const TokenCase token_cases[] = {
    {.name = "api_without", .target = "/api/v1/things", .authorization = "", .status = 401},
    {.name = "api_wrong",
     .target = "/api/v1/things",
     .authorization = "Bearer nope",
     .status = 401},
    {.name = "api_prefix_of_token",
     .target = "/api/v1/things",
     .authorization = "Bearer s3cret",
     .status = 401},
    {.name = "api_token_plus_more",
     .target = "/api/v1/things",
     .authorization = "Bearer s3cret-token2",
     .status = 401},
    {.name = "api_empty_bearer",
     .target = "/api/v1/things",
     .authorization = "Bearer ",
     .status = 401},
    {.name = "api_token_without_scheme",
     .target = "/api/v1/things",
     .authorization = "s3cret-token",
     .status = 401},
    {.name = "api_basic_scheme",
     .target = "/api/v1/things",
     .authorization = "Basic s3cret-token",
     .status = 401},
    {.name = "api_right",
     .target = "/api/v1/things",
     .authorization = "Bearer s3cret-token",
     .status = 200},
    // The auth-scheme is case-insensitive (RFC 9110 section 11.1); some OAuth clients send the
    // `token_type` they were given, `bearer`, as it is.
    {.name = "api_right_lower_case_scheme",
     .target = "/api/v1/things",
     .authorization = "bearer s3cret-token",
     .status = 200},
    {.name = "unknown_api_path_without",
     .target = "/api/v1/nothing",
     .authorization = "",
     .status = 401},
    {.name = "unknown_api_path_right",
     .target = "/api/v1/nothing",
     .authorization = "Bearer s3cret-token",
     .status = 404},
    {.name = "metrics_without", .target = "/metrics", .authorization = "", .status = 401},
    {.name = "metrics_wrong", .target = "/metrics", .authorization = "Bearer nope", .status = 401},
    {.name = "metrics_right",
     .target = "/metrics",
     .authorization = "Bearer s3cret-token",
     .status = 200},
    {.name = "healthz_is_open", .target = "/healthz", .authorization = "", .status = 200},
    {.name = "web_app_is_open", .target = "/index.html", .authorization = "", .status = 200},
    {.name = "encoded_api_path_needs_it",
     .target = "/%61pi/v1/things",
     .authorization = "",
     .status = 401},
};

class HttpPipelineToken : public testing::TestWithParam<TokenCase> {};

TEST_P(HttpPipelineToken, GuardsApiAndMetricsOnly) {
    const auto& c = GetParam();
    const Harness harness{std::string(token)};
    auto request = make_request(Method::Get, c.target);
    request.authorization = c.authorization;
    const auto response = harness.handle(request);
    EXPECT_EQ(response.status, c.status) << response.payload();
}

INSTANTIATE_TEST_SUITE_P(Http, HttpPipelineToken, testing::ValuesIn(token_cases),
                         [](const testing::TestParamInfo<TokenCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

TEST(HttpPipelineTokenAnswer, UnauthorizedSaysBearerAndNamesTheHeader) {
    const Harness harness{std::string(token)};
    const auto response = harness.handle(make_request(Method::Get, "/api/v1/things"));
    ASSERT_EQ(response.status, 401);
    EXPECT_EQ(header_of(response, "WWW-Authenticate"), "Bearer");
    const auto document = document_of(response);
    EXPECT_EQ(document["error"]["code"], "unauthorized");
    EXPECT_EQ(document["error"]["field"], "Authorization");
    EXPECT_EQ(response.payload().find(token), std::string_view::npos);
}

TEST(HttpPipelineTokenAnswer, TokenIsCheckedBeforeTheCsrfRules) {
    const Harness harness{std::string(token)};
    auto request = make_request(Method::Post, "/api/v1/things");
    request.content_type = "text/plain";
    EXPECT_EQ(harness.handle(request).status, 401);
}

TEST(HttpPipelineTokenAnswer, NoTokenConfiguredLeavesTheApiOpen) {
    const Harness harness;
    EXPECT_EQ(harness.handle(make_request(Method::Get, "/api/v1/things")).status, 200);
    EXPECT_EQ(harness.handle(make_request(Method::Get, "/metrics")).status, 200);
}

// ---- CSRF -----------------------------------------------------------------------------------

struct CsrfCase {
    std::string_view name;
    Method method = Method::Post;
    std::string_view content_type = "application/json";
    std::string_view origin;
    std::string_view sec_fetch_site;
    int status;
};

const CsrfCase csrf_cases[] = {
    {.name = "json_passes", .status = 200},
    {.name = "json_with_charset_passes",
     .content_type = "application/json; charset=utf-8",
     .status = 200},
    {.name = "json_with_charset_no_space_passes",
     .content_type = "application/json;charset=UTF-8",
     .status = 200},
    {.name = "json_mixed_case_passes", .content_type = "Application/JSON", .status = 200},
    {.name = "no_content_type", .content_type = "", .status = 415},
    {.name = "text_plain", .content_type = "text/plain", .status = 415},
    {.name = "form", .content_type = "application/x-www-form-urlencoded", .status = 415},
    {.name = "multipart", .content_type = "multipart/form-data; boundary=x", .status = 415},
    {.name = "json_lookalike_suffix", .content_type = "application/jsonp", .status = 415},
    {.name = "json_patch", .content_type = "application/json-patch+json", .status = 415},
    {.name = "json_inside_other_type",
     .content_type = "text/plain; application/json",
     .status = 415},
    {.name = "put_without_json",
     .method = Method::Put,
     .content_type = "text/plain",
     .status = 415},
    {.name = "delete_without_json", .method = Method::Delete, .content_type = "", .status = 415},
    {.name = "put_with_json", .method = Method::Put, .status = 200},
    {.name = "delete_with_json", .method = Method::Delete, .status = 200},
    {.name = "put_from_another_origin",
     .method = Method::Put,
     .origin = "http://evil.example",
     .status = 403},
    {.name = "foreign_origin", .origin = "http://evil.example", .status = 403},
    {.name = "foreign_port", .origin = "http://localhost:9999", .status = 403},
    {.name = "null_origin", .origin = "null", .status = 403},
    {.name = "same_origin_http", .origin = "http://localhost:8080", .status = 200},
    {.name = "same_origin_https", .origin = "https://localhost:8080", .status = 200},
    {.name = "cross_site_fetch", .sec_fetch_site = "cross-site", .status = 403},
    {.name = "same_site_fetch", .sec_fetch_site = "same-site", .status = 403},
    {.name = "same_origin_fetch", .sec_fetch_site = "same-origin", .status = 200},
    {.name = "user_initiated_fetch", .sec_fetch_site = "none", .status = 200},
    {.name = "same_origin_but_cross_site_fetch",
     .origin = "http://localhost:8080",
     .sec_fetch_site = "cross-site",
     .status = 403},
    {.name = "get_is_not_checked",
     .method = Method::Get,
     .content_type = "",
     .origin = "http://evil.example",
     .sec_fetch_site = "cross-site",
     .status = 200},
};

class HttpPipelineCsrf : public testing::TestWithParam<CsrfCase> {};

TEST_P(HttpPipelineCsrf, WritesNeedJsonFromThisOrigin) {
    const auto& c = GetParam();
    const Harness harness;
    // Routing comes first (a wrong method is a 405 whatever its body), so PUT and DELETE go to a
    // path that offers them.
    const bool put_or_delete = c.method == Method::Put || c.method == Method::Delete;
    auto request = make_request(c.method, put_or_delete ? "/api/v1/settings" : "/api/v1/things");
    request.content_type = c.content_type;
    request.origin = c.origin;
    request.sec_fetch_site = c.sec_fetch_site;
    const auto response = harness.handle(request);
    EXPECT_EQ(response.status, c.status) << response.payload();
}

INSTANTIATE_TEST_SUITE_P(Http, HttpPipelineCsrf, testing::ValuesIn(csrf_cases),
                         [](const testing::TestParamInfo<CsrfCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

TEST(HttpPipelineCsrfAnswer, UnsupportedMediaTypeNamesContentType) {
    const Harness harness;
    auto request = make_request(Method::Post, "/api/v1/things");
    request.content_type = "text/plain";
    const auto response = harness.handle(request);
    ASSERT_EQ(response.status, 415);
    const auto document = document_of(response);
    EXPECT_EQ(document["error"]["code"], "unsupported_media_type");
    EXPECT_EQ(document["error"]["field"], "Content-Type");
}

TEST(HttpPipelineCsrfAnswer, ForbiddenNamesOrigin) {
    const Harness harness;
    auto request = make_request(Method::Post, "/api/v1/things");
    request.origin = "http://evil.example";
    const auto response = harness.handle(request);
    ASSERT_EQ(response.status, 403);
    const auto document = document_of(response);
    EXPECT_EQ(document["error"]["code"], "forbidden");
    EXPECT_EQ(document["error"]["field"], "Origin");
}

TEST(HttpPipelineCsrfAnswer, AcceptedWriteReachesTheHandlerWithItsBody) {
    const Harness harness;
    auto request = make_request(Method::Post, "/api/v1/things");
    request.body = R"({"name":"cat_cow"})";
    const auto response = harness.handle(request);
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.payload(), R"({"name":"cat_cow"})");
}

// ---- Request ids ----------------------------------------------------------------------------

bool plain_id(std::string_view id) {
    return !id.empty() && id.size() <= 64 && std::ranges::all_of(id, [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
    });
}

TEST(HttpPipelineRequestId, SaneClientIdIsKeptAndEchoed) {
    const Harness harness;
    for (const std::string& id :
         {std::string("abc-123_X.y"), std::string("7"), std::string(64, 'a')}) {
        SCOPED_TRACE(id);
        auto request = make_request(Method::Get, "/healthz");
        request.request_id = id;
        const auto response = harness.handle(request);
        EXPECT_EQ(request.request_id, id);
        EXPECT_EQ(header_of(response, "X-Request-Id"), id);
    }
}

TEST(HttpPipelineRequestId, UnsafeClientIdIsReplaced) {
    const Harness harness;
    const std::string unsafe[] = {"has space", std::string(65, 'a'), "line\nbreak", "quote\"d",
                                  "tab\tbed",  "caf\xC3\xA9",        "semi;colon"};
    for (const auto& id : unsafe) {
        SCOPED_TRACE(id);
        auto request = make_request(Method::Get, "/healthz");
        request.request_id = id;
        const auto response = harness.handle(request);
        EXPECT_NE(request.request_id, id);
        EXPECT_TRUE(plain_id(request.request_id)) << request.request_id;
        EXPECT_EQ(header_of(response, "X-Request-Id"), request.request_id);
    }
}

TEST(HttpPipelineRequestId, AssignedIdsDifferPerRequest) {
    const Harness harness;
    auto first = make_request(Method::Get, "/healthz");
    auto second = make_request(Method::Get, "/healthz");
    const auto first_response = harness.handle(first);
    const auto second_response = harness.handle(second);
    EXPECT_TRUE(plain_id(first.request_id)) << first.request_id;
    EXPECT_NE(first.request_id, second.request_id);
    EXPECT_EQ(header_of(first_response, "X-Request-Id"), first.request_id);
    EXPECT_EQ(header_of(second_response, "X-Request-Id"), second.request_id);
}

TEST(HttpPipelineRequestId, ErrorAnswersCarryTheIdToo) {
    const Harness harness{std::string(token)};
    auto request = make_request(Method::Get, "/api/v1/things");
    request.request_id = "trace-401";
    EXPECT_EQ(header_of(harness.handle(request), "X-Request-Id"), "trace-401");
}

// ---- Security headers -----------------------------------------------------------------------

TEST(HttpPipelineSecurityHeaders, OnEveryAnswer) {
    const Harness open;
    const Harness guarded{std::string(token)};
    struct Answer {
        std::string_view name;
        Response response;
    };
    auto things = make_request(Method::Get, "/api/v1/things");
    things.if_none_match = std::string(things_etag);
    const Answer answers[] = {
        {"ok", open.handle(make_request(Method::Get, "/healthz"))},
        {"not_found", open.handle(make_request(Method::Get, "/a/b/c"))},
        {"method_not_allowed", open.handle(make_request(Method::Put, "/healthz"))},
        {"unauthorized", guarded.handle(make_request(Method::Get, "/api/v1/things"))},
        {"handler_error", open.handle(make_request(Method::Get, "/api/v1/fail/InvalidInput"))},
        {"exception", open.handle(make_request(Method::Get, "/api/v1/boom"))},
        {"not_modified", open.handle(things)},
    };
    const int statuses[] = {200, 404, 405, 401, 400, 500, 304};
    for (std::size_t i = 0; i < std::size(answers); ++i) {
        const auto& [name, response] = answers[i];
        SCOPED_TRACE(std::string(name));
        EXPECT_EQ(response.status, statuses[i]);
        const auto csp = header_of(response, "Content-Security-Policy");
        EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
        EXPECT_NE(csp.find("default-src 'self'"), std::string::npos) << csp;
        EXPECT_EQ(header_of(response, "X-Content-Type-Options"), "nosniff");
        EXPECT_EQ(header_of(response, "Referrer-Policy"), "no-referrer");
        EXPECT_EQ(header_of(response, "X-Frame-Options"), "DENY");
    }
}

TEST(HttpPipelineSecurityHeaders, SetOnceEvenIfAddedTwice) {
    Response response;
    add_security_headers(response);
    add_security_headers(response);
    const auto count = std::ranges::count_if(response.headers, [](const auto& header) {
        return header.first == "X-Content-Type-Options";
    });
    EXPECT_EQ(count, 1);
}

// ---- Conditional GET ------------------------------------------------------------------------

struct ConditionalCase {
    std::string_view name;
    Method method = Method::Get;
    std::string_view target = "/api/v1/things";
    std::string_view if_none_match;
    int status;
};

const ConditionalCase conditional_cases[] = {
    {.name = "exact", .if_none_match = R"("things-v1")", .status = 304},
    {.name = "in_a_list", .if_none_match = R"("old", "things-v1", "older")", .status = 304},
    {.name = "in_a_list_without_spaces", .if_none_match = R"("old","things-v1")", .status = 304},
    {.name = "weak_form", .if_none_match = R"(W/"things-v1")", .status = 304},
    {.name = "weak_form_in_a_list", .if_none_match = R"("old", W/"things-v1")", .status = 304},
    {.name = "star", .if_none_match = "*", .status = 304},
    {.name = "head_matching",
     .method = Method::Head,
     .if_none_match = R"("things-v1")",
     .status = 304},
    {.name = "other_tag", .if_none_match = R"("things-v2")", .status = 200},
    {.name = "unquoted_tag", .if_none_match = "things-v1", .status = 200},
    {.name = "tag_prefix", .if_none_match = R"("things-v)", .status = 200},
    {.name = "no_header", .if_none_match = "", .status = 200},
    {.name = "star_without_etag", .target = "/healthz", .if_none_match = "*", .status = 200},
    {.name = "post_never_304",
     .method = Method::Post,
     .if_none_match = R"("things-v1")",
     .status = 200},
    {.name = "error_never_304",
     .target = "/api/v1/fail/NotFound",
     .if_none_match = "*",
     .status = 404},
};

class HttpPipelineConditional : public testing::TestWithParam<ConditionalCase> {};

TEST_P(HttpPipelineConditional, NotModifiedOnlyForAMatchingTag) {
    const auto& c = GetParam();
    const Harness harness;
    auto request = make_request(c.method, c.target);
    request.if_none_match = c.if_none_match;
    const auto response = harness.handle(request);
    EXPECT_EQ(response.status, c.status);
    if (c.status == 304)
        EXPECT_EQ(response.payload(), "");
    else
        EXPECT_NE(response.payload(), "");
}

INSTANTIATE_TEST_SUITE_P(Http, HttpPipelineConditional, testing::ValuesIn(conditional_cases),
                         [](const testing::TestParamInfo<ConditionalCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

TEST(HttpPipelineConditionalAnswer, NotModifiedKeepsTheETag) {
    const Harness harness;
    auto request = make_request(Method::Get, "/api/v1/things");
    request.if_none_match = std::string(things_etag);
    const auto response = harness.handle(request);
    ASSERT_EQ(response.status, 304);
    EXPECT_EQ(header_of(response, "ETag"), things_etag);
    EXPECT_EQ(response.body, "");
    EXPECT_EQ(response.shared_body, nullptr);
}

TEST(HttpPipelineConditionalAnswer, FullAnswerCarriesTheSharedBody) {
    const Harness harness;
    const auto response = harness.handle(make_request(Method::Get, "/api/v1/things"));
    ASSERT_EQ(response.status, 200);
    EXPECT_EQ(response.payload(), R"(["a","b"])");
    EXPECT_EQ(header_of(response, "ETag"), things_etag);
}

// ---- Metrics --------------------------------------------------------------------------------

bool has_line(const std::string& text, std::string_view line) {
    return ("\n" + text).find("\n" + std::string(line) + "\n") != std::string::npos;
}

TEST(HttpPipelineMetrics, EachAnswerIsCountedUnderItsRouteAndStatus) {
    const Harness harness;
    harness.handle(make_request(Method::Get, "/healthz"));
    harness.handle(make_request(Method::Get, "/healthz"));
    const auto text = harness.metrics().prometheus();
    EXPECT_TRUE(
        has_line(text, R"(unload_http_requests_total{route="GET /healthz",status="200"} 2)"))
        << text;
    EXPECT_TRUE(
        has_line(text, R"(unload_http_request_duration_seconds_count{route="GET /healthz"} 2)"))
        << text;
}

TEST(HttpPipelineMetrics, TemplateRoutesAreCountedByTemplateNotByPath) {
    const Harness harness;
    harness.handle(make_request(Method::Get, "/api/v1/fail/NotFound"));
    harness.handle(make_request(Method::Get, "/api/v1/fail/Conflict"));
    const auto text = harness.metrics().prometheus();
    EXPECT_TRUE(has_line(
        text, R"(unload_http_requests_total{route="GET /api/v1/fail/{code}",status="404"} 1)"))
        << text;
    EXPECT_TRUE(has_line(
        text, R"(unload_http_requests_total{route="GET /api/v1/fail/{code}",status="409"} 1)"))
        << text;
}

TEST(HttpPipelineMetrics, UnroutedAnswersCountAsUnmatched) {
    const Harness harness{std::string(token)};
    harness.handle(make_request(Method::Get, "/a/b/c"));
    harness.handle(make_request(Method::Get, "/api/v1/things")); // 401 before routing.
    const auto text = harness.metrics().prometheus();
    EXPECT_TRUE(has_line(text, R"(unload_http_requests_total{route="unmatched",status="404"} 1)"))
        << text;
    EXPECT_TRUE(has_line(text, R"(unload_http_requests_total{route="unmatched",status="401"} 1)"))
        << text;
    EXPECT_EQ(text.find(R"(route="GET /api/v1/things")"), std::string::npos) << text;
}

TEST(HttpPipelineMetrics, NotModifiedIsCountedAs304) {
    const Harness harness;
    auto request = make_request(Method::Get, "/api/v1/things");
    request.if_none_match = "*";
    harness.handle(request);
    const auto text = harness.metrics().prometheus();
    EXPECT_TRUE(
        has_line(text, R"(unload_http_requests_total{route="GET /api/v1/things",status="304"} 1)"))
        << text;
}

TEST(HttpPipelineMetrics, DatabaseRoutesAreTimedInTheDatabaseHistogram) {
    const Harness harness;
    harness.handle(make_request(Method::Get, "/api/v1/things")); // Inline: not counted.
    harness.handle(make_request(Method::Post, "/api/v1/things"));
    const auto text = harness.metrics().prometheus();
    EXPECT_TRUE(has_line(text, "unload_database_duration_seconds_count 1")) << text;
}

} // namespace
} // namespace unload::http
