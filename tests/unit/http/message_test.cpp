// Plain requests and responses: how a request target splits into a decoded path and a raw query,
// which targets are refused before any routing (a bad escape, an encoded slash or NUL), how query
// parameters decode, and the method names.

#include <optional>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "http/message.hpp"

namespace unload::http {
namespace {

// ---- split_target ---------------------------------------------------------------------------

struct SplitCase {
    std::string_view name;
    std::string_view target;
    std::string_view path;
    std::string_view query;
};

const SplitCase split_cases[] = {
    {.name = "root", .target = "/", .path = "/", .query = ""},
    {.name = "plain_path", .target = "/api/v1/exercises", .path = "/api/v1/exercises", .query = ""},
    {.name = "escaped_space", .target = "/a%20b", .path = "/a b", .query = ""},
    {.name = "escaped_upper_and_lower_hex", .target = "/%41%6a", .path = "/Aj", .query = ""},
    {.name = "plus_stays_plus_in_path", .target = "/a+b", .path = "/a+b", .query = ""},
    {.name = "query_kept_raw",
     .target = "/api/v1/log?from=2026-01-01&note=a%20b+c",
     .path = "/api/v1/log",
     .query = "from=2026-01-01&note=a%20b+c"},
    {.name = "empty_query", .target = "/x?", .path = "/x", .query = ""},
    {.name = "bad_escape_in_query_is_not_checked",
     .target = "/x?q=%zz",
     .path = "/x",
     .query = "q=%zz"},
    {.name = "encoded_slash_in_query_is_allowed",
     .target = "/x?next=%2Fhome",
     .path = "/x",
     .query = "next=%2Fhome"},
    {.name = "escape_at_the_very_end", .target = "/file%41", .path = "/fileA", .query = ""},
};

class HttpSplitTarget : public testing::TestWithParam<SplitCase> {};

TEST_P(HttpSplitTarget, DecodesThePathAndKeepsTheQueryRaw) {
    const auto& c = GetParam();
    const auto split = split_target(c.target);
    ASSERT_TRUE(split.has_value()) << c.target;
    EXPECT_EQ(split->path, c.path);
    EXPECT_EQ(split->query, c.query);
}

INSTANTIATE_TEST_SUITE_P(Http, HttpSplitTarget, testing::ValuesIn(split_cases),
                         [](const testing::TestParamInfo<SplitCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

struct RefusedTargetCase {
    std::string_view name;
    std::string_view target;
};

const RefusedTargetCase refused_targets[] = {
    {.name = "empty", .target = ""},
    {.name = "no_leading_slash", .target = "api/v1/exercises"},
    {.name = "absolute_form", .target = "http://localhost/healthz"},
    {.name = "asterisk_form", .target = "*"},
    {.name = "bad_hex", .target = "/a%zz"},
    {.name = "one_bad_hex_digit", .target = "/a%4g"},
    {.name = "truncated_escape", .target = "/a%4"},
    {.name = "lone_percent", .target = "/a%"},
    {.name = "truncated_escape_before_query", .target = "/a%4?x=1"},
    {.name = "encoded_slash_upper", .target = "/assets%2F..%2Fsecret"},
    {.name = "encoded_slash_lower", .target = "/assets%2f..%2fsecret"},
    {.name = "encoded_nul", .target = "/index.html%00.js"},
};

class HttpSplitTargetRefuses : public testing::TestWithParam<RefusedTargetCase> {};

TEST_P(HttpSplitTargetRefuses, ATargetThatCannotBeRoutedSafely) {
    const auto& c = GetParam();
    const auto split = split_target(c.target);
    EXPECT_FALSE(split.has_value())
        << "accepted '" << c.target << "' as path '" << split->path << "'";
}

INSTANTIATE_TEST_SUITE_P(Http, HttpSplitTargetRefuses, testing::ValuesIn(refused_targets),
                         [](const testing::TestParamInfo<RefusedTargetCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

// ---- percent_decode -------------------------------------------------------------------------

TEST(HttpPercentDecode, PlusIsASpaceOnlyWhenAsked) {
    EXPECT_EQ(percent_decode("a+b%2Bc", true), std::optional<std::string>("a b+c"));
    EXPECT_EQ(percent_decode("a+b%2Bc", false), std::optional<std::string>("a+b+c"));
}

TEST(HttpPercentDecode, DecodesMultiByteUtf8Escapes) {
    EXPECT_EQ(percent_decode("caf%C3%A9", false), std::optional<std::string>("caf\xC3\xA9"));
}

TEST(HttpPercentDecode, RefusesABadEscapeAnywhere) {
    EXPECT_EQ(percent_decode("%zz", false), std::nullopt);
    EXPECT_EQ(percent_decode("ok%4", false), std::nullopt);
    EXPECT_EQ(percent_decode("%", true), std::nullopt);
}

// ---- Request::query_param -------------------------------------------------------------------

struct QueryCase {
    std::string_view name;
    std::string_view query;
    std::string_view key;
    std::optional<std::string> value;
};

const QueryCase query_cases[] = {
    {.name = "present",
     .query = "from=2026-01-01&to=2026-02-01",
     .key = "to",
     .value = "2026-02-01"},
    {.name = "first_of_several", .query = "a=1&b=2&c=3", .key = "a", .value = "1"},
    {.name = "absent", .query = "a=1&b=2", .key = "c", .value = std::nullopt},
    {.name = "empty_query", .query = "", .key = "a", .value = std::nullopt},
    {.name = "prefix_of_a_key_is_not_the_key", .query = "ab=1", .key = "a", .value = std::nullopt},
    {.name = "empty_value", .query = "a=&b=2", .key = "a", .value = ""},
    {.name = "key_without_equals", .query = "verbose&b=2", .key = "verbose", .value = ""},
    {.name = "plus_is_space",
     .query = "note=after+gardening",
     .key = "note",
     .value = "after gardening"},
    {.name = "percent_decoded", .query = "note=a%26b%3Dc", .key = "note", .value = "a&b=c"},
    {.name = "first_of_repeated", .query = "k=first&k=second", .key = "k", .value = "first"},
    {.name = "empty_pairs_skipped", .query = "&&k=v", .key = "k", .value = "v"},
};

class HttpQueryParam : public testing::TestWithParam<QueryCase> {};

TEST_P(HttpQueryParam, FindsAndDecodesTheValue) {
    const auto& c = GetParam();
    const Request request{.query = std::string(c.query)};
    EXPECT_EQ(request.query_param(c.key), c.value) << "query: " << c.query;
}

INSTANTIATE_TEST_SUITE_P(Http, HttpQueryParam, testing::ValuesIn(query_cases),
                         [](const testing::TestParamInfo<QueryCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

// ---- Methods --------------------------------------------------------------------------------

struct MethodCase {
    Method method;
    std::string_view name;
    bool changes_state;
};

const MethodCase method_cases[] = {
    {.method = Method::Get, .name = "GET", .changes_state = false},
    {.method = Method::Head, .name = "HEAD", .changes_state = false},
    {.method = Method::Post, .name = "POST", .changes_state = true},
    {.method = Method::Put, .name = "PUT", .changes_state = true},
    {.method = Method::Delete, .name = "DELETE", .changes_state = true},
    {.method = Method::Patch, .name = "PATCH", .changes_state = true},
    {.method = Method::Options, .name = "OPTIONS", .changes_state = false},
};

TEST(HttpMessageMethod, NameRoundTrips) {
    for (const auto& c : method_cases) {
        SCOPED_TRACE(std::string(c.name));
        EXPECT_EQ(to_string(c.method), c.name);
        EXPECT_EQ(parse_method(c.name), c.method);
    }
}

TEST(HttpMessageMethod, OnlyWritingMethodsChangeState) {
    for (const auto& c : method_cases) {
        SCOPED_TRACE(std::string(c.name));
        EXPECT_EQ(changes_state(c.method), c.changes_state);
    }
    EXPECT_FALSE(changes_state(Method::Other));
}

TEST(HttpMessageMethod, UnknownAndLowerCaseNamesAreOther) {
    // Method names are case-sensitive (RFC 9110 section 9.1).
    EXPECT_EQ(parse_method("BREW"), Method::Other);
    EXPECT_EQ(parse_method("get"), Method::Other);
    EXPECT_EQ(parse_method(""), Method::Other);
    EXPECT_EQ(to_string(Method::Other), "OTHER");
}

// ---- Response headers -----------------------------------------------------------------------

TEST(HttpMessageResponse, SetHeaderReplacesAnExistingValue) {
    Response response;
    response.set_header("ETag", "\"one\"");
    response.set_header("Cache-Control", "no-cache");
    response.set_header("ETag", "\"two\"");
    ASSERT_EQ(response.headers.size(), 2U);
    ASSERT_NE(response.header("ETag"), nullptr);
    EXPECT_EQ(*response.header("ETag"), "\"two\"");
    EXPECT_EQ(response.header("Allow"), nullptr);
}

TEST(HttpMessageResponse, PayloadPrefersTheSharedBody) {
    Response response{.body = "own"};
    EXPECT_EQ(response.payload(), "own");
    response.shared_body = std::make_shared<const std::string>("shared");
    EXPECT_EQ(response.payload(), "shared");
}

} // namespace
} // namespace unload::http
