// The route table: literal and `{name}` templates, 404 for a path no template matches, 405 with
// an Allow header for a path that exists under other methods, HEAD served by GET routes, and the
// first registered route winning when two match.

#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "http/router.hpp"

namespace unload::http {
namespace {

/// A handler that answers with its own name in the body, so a test can see which route ran.
Handler answering(std::string name) {
    return [name = std::move(name)](const Request&, const Params&) -> core::Result<Response> {
        return Response{.status = 200, .content_type = "text/plain", .body = name};
    };
}

/// The body the matched route's handler gives, or a note of what kind of miss it was.
std::string ran(const Match& match) {
    if (match.kind == Match::Kind::NotFound)
        return "(not found)";
    if (match.kind == Match::Kind::MethodNotAllowed)
        return "(method not allowed: " + match.allow + ")";
    const auto response = match.route->handler(Request{}, match.params);
    return response ? response->body : "(handler failed)";
}

/// A table shaped like the real one: API routes first, the web app's catch-all templates last.
Router api_like_router() {
    Router router;
    router.add(Method::Get, "/healthz", Work::Inline, answering("healthz"));
    router.add(Method::Get, "/api/v1/exercises", Work::Inline, answering("exercises"));
    router.add(Method::Get, "/api/v1/exercises/{id}", Work::Inline, answering("exercise"));
    router.add(Method::Post, "/api/v1/screen", Work::Inline, answering("screen"));
    router.add(Method::Put, "/api/v1/reminders", Work::Database, answering("put reminders"));
    router.add(Method::Get, "/api/v1/reminders", Work::Database, answering("get reminders"));
    router.add(Method::Delete, "/api/v1/data", Work::Database, answering("forget"));
    router.add(Method::Get, "/api/v1/sessions/{id}/steps/{step}", Work::Database,
               answering("step"));
    router.add(Method::Get, "/", Work::Inline, answering("index"));
    router.add(Method::Get, "/{file}", Work::Inline, answering("file"));
    return router;
}

struct RouteCase {
    std::string_view name;
    Method method;
    std::string_view path;
    std::string_view ran; ///< The handler's name, or what kind of miss.
};

const RouteCase route_cases[] = {
    {.name = "literal", .method = Method::Get, .path = "/api/v1/exercises", .ran = "exercises"},
    {.name = "template",
     .method = Method::Get,
     .path = "/api/v1/exercises/cat_cow",
     .ran = "exercise"},
    {.name = "root", .method = Method::Get, .path = "/", .ran = "index"},
    {.name = "one_segment_file", .method = Method::Get, .path = "/sw.js", .ran = "file"},
    {.name = "head_on_a_get_route", .method = Method::Head, .path = "/healthz", .ran = "healthz"},
    {.name = "head_on_a_template",
     .method = Method::Head,
     .path = "/api/v1/exercises/x",
     .ran = "exercise"},
    {.name = "same_path_two_methods_put",
     .method = Method::Put,
     .path = "/api/v1/reminders",
     .ran = "put reminders"},
    {.name = "same_path_two_methods_get",
     .method = Method::Get,
     .path = "/api/v1/reminders",
     .ran = "get reminders"},
    {.name = "first_registered_wins", .method = Method::Get, .path = "/healthz", .ran = "healthz"},
    {.name = "unknown_prefix",
     .method = Method::Get,
     .path = "/api/v2/exercises",
     .ran = "(not found)"},
    {.name = "empty_template_segment",
     .method = Method::Get,
     .path = "/api/v1/exercises/",
     .ran = "(not found)"},
    {.name = "too_many_segments",
     .method = Method::Get,
     .path = "/api/v1/exercises/a/b",
     .ran = "(not found)"},
    {.name = "trailing_slash_on_literal",
     .method = Method::Get,
     .path = "/healthz/",
     .ran = "(not found)"},
    {.name = "two_segments_under_root",
     .method = Method::Get,
     .path = "/a/b.js",
     .ran = "(not found)"},
    {.name = "double_slash", .method = Method::Get, .path = "//", .ran = "(not found)"},
    {.name = "empty_path", .method = Method::Get, .path = "", .ran = "(not found)"},
    {.name = "post_on_get_routes",
     .method = Method::Post,
     .path = "/api/v1/exercises",
     .ran = "(method not allowed: GET, HEAD)"},
    {.name = "get_on_a_post_route",
     .method = Method::Get,
     .path = "/api/v1/screen",
     .ran = "(method not allowed: POST)"},
    {.name = "head_on_a_post_route",
     .method = Method::Head,
     .path = "/api/v1/screen",
     .ran = "(method not allowed: POST)"},
    {.name = "delete_on_two_method_path",
     .method = Method::Delete,
     .path = "/api/v1/reminders",
     .ran = "(method not allowed: GET, HEAD, PUT)"},
    {.name = "get_on_delete_route",
     .method = Method::Get,
     .path = "/api/v1/data",
     .ran = "(method not allowed: DELETE)"},
    // `/healthz` also matches `/{file}`: both are GET routes, so GET and HEAD appear once each.
    {.name = "allow_without_duplicates",
     .method = Method::Post,
     .path = "/healthz",
     .ran = "(method not allowed: GET, HEAD)"},
    {.name = "unknown_method",
     .method = Method::Other,
     .path = "/",
     .ran = "(method not allowed: GET, HEAD)"},
};

class HttpRouterMatch : public testing::TestWithParam<RouteCase> {};

TEST_P(HttpRouterMatch, RunsTheRightHandlerOrSaysWhyNot) {
    const auto& c = GetParam();
    const auto router = api_like_router();
    EXPECT_EQ(ran(router.match(c.method, c.path)), c.ran) << to_string(c.method) << " " << c.path;
}

INSTANTIATE_TEST_SUITE_P(Http, HttpRouterMatch, testing::ValuesIn(route_cases),
                         [](const testing::TestParamInfo<RouteCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

TEST(HttpRouter, TemplateParamsCarryTheSegmentValues) {
    const auto router = api_like_router();
    const auto match = router.match(Method::Get, "/api/v1/sessions/42/steps/7");
    ASSERT_EQ(match.kind, Match::Kind::Found);
    EXPECT_EQ(match.route->pattern, "/api/v1/sessions/{id}/steps/{step}");
    EXPECT_EQ(match.params.get("id"), "42");
    EXPECT_EQ(match.params.get("step"), "7");
    EXPECT_EQ(match.params.get("missing"), "");
}

TEST(HttpRouter, TemplateValueIsTheDecodedSegmentAsGiven) {
    const auto router = api_like_router();
    const auto match = router.match(Method::Get, "/api/v1/exercises/cat cow");
    ASSERT_EQ(match.kind, Match::Kind::Found);
    EXPECT_EQ(match.params.get("id"), "cat cow");
}

TEST(HttpRouter, ALiteralAfterATemplateSegmentMatchesOnlyThatLiteral) {
    Router router;
    router.add(Method::Get, "/api/v1/exercises/{id}", Work::Inline, answering("exercise"));
    router.add(Method::Get, "/api/v1/exercises/{id}/picture.svg", Work::Inline,
               answering("picture"));
    const auto match = router.match(Method::Get, "/api/v1/exercises/cat_cow/picture.svg");
    ASSERT_EQ(match.kind, Match::Kind::Found);
    EXPECT_EQ(ran(match), "picture");
    EXPECT_EQ(match.params.get("id"), "cat_cow");
    EXPECT_EQ(ran(router.match(Method::Head, "/api/v1/exercises/cat_cow/picture.svg")), "picture");
    EXPECT_EQ(ran(router.match(Method::Get, "/api/v1/exercises/cat_cow")), "exercise");
    for (const auto* path :
         {"/api/v1/exercises/cat_cow/picture.png", "/api/v1/exercises//picture.svg",
          "/api/v1/exercises/cat_cow/picture.svg/", "/api/v1/exercises/cat_cow/picture.svg/x",
          "/api/v1/exercises/picture.svg/cat_cow"})
        EXPECT_EQ(ran(router.match(Method::Get, path)), "(not found)") << path;
    EXPECT_EQ(ran(router.match(Method::Post, "/api/v1/exercises/cat_cow/picture.svg")),
              "(method not allowed: GET, HEAD)");
}

TEST(HttpRouter, LiteralRouteRegisteredFirstWinsOverATemplate) {
    Router router;
    router.add(Method::Get, "/healthz", Work::Inline, answering("healthz"));
    router.add(Method::Get, "/{file}", Work::Inline, answering("file"));
    const auto match = router.match(Method::Get, "/healthz");
    ASSERT_EQ(match.kind, Match::Kind::Found);
    EXPECT_EQ(match.route->pattern, "/healthz");
    EXPECT_EQ(match.route->index, 0U);
    EXPECT_TRUE(match.params.get("file").empty());
}

TEST(HttpRouter, TemplateRegisteredFirstWinsOverALiteral) {
    Router router;
    router.add(Method::Get, "/{file}", Work::Inline, answering("file"));
    router.add(Method::Get, "/healthz", Work::Inline, answering("healthz"));
    const auto match = router.match(Method::Get, "/healthz");
    ASSERT_EQ(match.kind, Match::Kind::Found);
    EXPECT_EQ(match.route->pattern, "/{file}");
    EXPECT_EQ(match.params.get("file"), "healthz");
}

TEST(HttpRouter, RouteIndexIsItsPositionInTheTable) {
    const auto router = api_like_router();
    ASSERT_EQ(router.routes().size(), 10U);
    for (std::size_t i = 0; i < router.routes().size(); ++i)
        EXPECT_EQ(router.routes()[i].index, i) << router.routes()[i].pattern;
    const auto match = router.match(Method::Get, "/sw.js");
    ASSERT_EQ(match.kind, Match::Kind::Found);
    EXPECT_EQ(match.route->index, 9U);
    EXPECT_EQ(match.route->work, Work::Inline);
}

TEST(HttpRouter, NotFoundHasNoAllowAndNoRoute) {
    const auto router = api_like_router();
    const auto match = router.match(Method::Post, "/api/v1/nothing");
    EXPECT_EQ(match.kind, Match::Kind::NotFound);
    EXPECT_EQ(match.route, nullptr);
    EXPECT_EQ(match.allow, "");
}

TEST(HttpRouter, EmptyTableFindsNothing) {
    const Router router;
    EXPECT_EQ(router.match(Method::Get, "/").kind, Match::Kind::NotFound);
}

} // namespace
} // namespace unload::http
