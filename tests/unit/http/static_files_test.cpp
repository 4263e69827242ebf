// The web app's files from a web root in a temp dir: index.html and hashed assets with their
// caching headers and media types; 404 for `..`, hidden names, directories, symbolic links
// leading out and missing files; a changed file served fresh; and the page `/` shows when the web
// app has not been built.

#include <filesystem>
#include <string>
#include <string_view>

#include <gtest/gtest.h>

#include "http/static_files.hpp"
#include "support/temp_dir.hpp"

namespace unload::http {
namespace {

namespace fs = std::filesystem;
using unload::test::TempDir;

constexpr std::string_view index_html = "<!doctype html><title>Unload</title><div id=app></div>\n";
constexpr std::string_view asset_js = "console.log('unload');\n";
constexpr std::string_view outside_secret = "SECRET=do-not-serve\n";

Request get(std::string path) {
    return Request{.method = Method::Get, .method_name = "GET", .target = path, .path = path};
}

std::string header_of(const Response& response, std::string_view name) {
    const auto* value = response.header(name);
    return value ? *value : std::string("(absent)");
}

/// A built web app in `<temp>/web`, with a secret file beside it (outside the root) and the
/// kinds of entries a web root must not give away.
class HttpStaticFiles : public testing::Test {
protected:
    HttpStaticFiles() {
        m_temp.write("web/index.html", index_html);
        m_temp.write("web/assets/index-3f2a.js", asset_js);
        m_temp.write("web/assets/index-3f2a.css", "body{}\n");
        m_temp.write("web/sw.js", "self.addEventListener('fetch', () => {});\n");
        m_temp.write("web/manifest.webmanifest", "{}");
        m_temp.write("web/empty.txt", "");
        m_temp.write("web/.env", "TOKEN=hidden\n");
        m_temp.write("web/assets/.hidden.js", "hidden\n");
        m_temp.write("web/docs/readme.txt", "inside a folder\n");
        m_temp.write("secret.txt", outside_secret);
        m_temp.write("web-evil/x.txt", "a sibling whose name starts like the root\n");
        fs::create_symlink(m_temp.path() / "secret.txt", root() / "leak.txt");
        fs::create_symlink(m_temp.path(), root() / "up");
        fs::create_symlink("index.html", root() / "alias.html");
        // Leads to `<temp>/web-evil`, whose path starts with the root's as a string.
        fs::create_symlink("../web-evil/x.txt", root() / "evil.txt");
    }

    fs::path root() const { return m_temp.path() / "web"; }

    TempDir m_temp;
};

TEST_F(HttpStaticFiles, RootServesIndexHtmlRevalidatedByETag) {
    const StaticFiles files(root());
    const auto response = files.serve(get("/"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
    EXPECT_EQ(response.payload(), index_html);
    EXPECT_EQ(header_of(response, "ETag"), etag_of(index_html));
    EXPECT_EQ(header_of(response, "Cache-Control"), "no-cache");
}

TEST_F(HttpStaticFiles, IndexHtmlByNameIsTheSameFile) {
    const StaticFiles files(root());
    const auto response = files.serve(get("/index.html"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.payload(), index_html);
}

TEST_F(HttpStaticFiles, HashedAssetsAreCachedForever) {
    const StaticFiles files(root());
    const auto response = files.serve(get("/assets/index-3f2a.js"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.content_type, "text/javascript; charset=utf-8");
    EXPECT_EQ(response.payload(), asset_js);
    EXPECT_EQ(header_of(response, "Cache-Control"), "public, max-age=31536000, immutable");
    EXPECT_EQ(header_of(response, "ETag"), etag_of(asset_js));
}

TEST_F(HttpStaticFiles, FilesOutsideAssetsAreRevalidated) {
    const StaticFiles files(root());
    const auto response = files.serve(get("/sw.js"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(header_of(response, "Cache-Control"), "no-cache");
}

TEST_F(HttpStaticFiles, EmptyFileIsServedEmpty) {
    const StaticFiles files(root());
    const auto response = files.serve(get("/empty.txt"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.payload(), "");
    EXPECT_EQ(header_of(response, "ETag"), etag_of(""));
}

TEST_F(HttpStaticFiles, SymlinkInsideTheRootIsFollowed) {
    const StaticFiles files(root());
    const auto response = files.serve(get("/alias.html"));
    EXPECT_EQ(response.status, 200);
    EXPECT_EQ(response.payload(), index_html);
}

struct RefusedCase {
    std::string_view name;
    std::string_view path;
};

const RefusedCase refused_cases[] = {
    {.name = "dot_dot_out", .path = "/../secret.txt"},
    {.name = "dot_dot_that_stays_inside", .path = "/assets/../index.html"},
    {.name = "dot_segment", .path = "/./index.html"},
    {.name = "hidden_file", .path = "/.env"},
    {.name = "hidden_file_in_a_folder", .path = "/assets/.hidden.js"},
    {.name = "directory", .path = "/assets"},
    {.name = "directory_with_slash", .path = "/docs/"},
    {.name = "empty_segment", .path = "//index.html"},
    {.name = "backslash", .path = "/assets\\index-3f2a.js"},
    {.name = "symlink_to_a_file_outside", .path = "/leak.txt"},
    {.name = "symlinked_folder_leading_out", .path = "/up/secret.txt"},
    {.name = "symlink_to_a_sibling_with_the_root_as_prefix", .path = "/evil.txt"},
    {.name = "missing_file", .path = "/missing.js"},
    {.name = "missing_asset", .path = "/assets/index-0000.js"},
};

class HttpStaticFilesRefuses : public HttpStaticFiles,
                               public testing::WithParamInterface<RefusedCase> {};

TEST_P(HttpStaticFilesRefuses, AsNotFound) {
    const auto& c = GetParam();
    const StaticFiles files(root());
    const auto response = files.serve(get(std::string(c.path)));
    EXPECT_EQ(response.status, 404) << c.path << " gave " << response.payload();
    EXPECT_EQ(response.payload().find("SECRET"), std::string_view::npos);
    EXPECT_EQ(response.payload(),
              R"({"error":{"code":"not_found","field":"path","message":"no such file"}})");
}

INSTANTIATE_TEST_SUITE_P(Http, HttpStaticFilesRefuses, testing::ValuesIn(refused_cases),
                         [](const testing::TestParamInfo<RefusedCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

TEST_F(HttpStaticFiles, UnchangedFileIsReadOnce) {
    const StaticFiles files(root());
    const auto first = files.serve(get("/sw.js"));
    const auto second = files.serve(get("/sw.js"));
    ASSERT_NE(first.shared_body, nullptr);
    EXPECT_EQ(first.shared_body.get(), second.shared_body.get());
}

TEST_F(HttpStaticFiles, ChangedFileIsServedFreshWithANewETag) {
    const StaticFiles files(root());
    const auto before = files.serve(get("/sw.js"));
    ASSERT_EQ(before.status, 200);
    const std::string rewritten = "self.addEventListener('install', () => self.skipWaiting());\n";
    m_temp.write("web/sw.js", rewritten);
    const auto after = files.serve(get("/sw.js"));
    EXPECT_EQ(after.status, 200);
    EXPECT_EQ(after.payload(), rewritten);
    EXPECT_NE(header_of(after, "ETag"), header_of(before, "ETag"));
    EXPECT_EQ(header_of(after, "ETag"), etag_of(rewritten));
}

TEST_F(HttpStaticFiles, DeletedFileIsNoLongerServed) {
    const StaticFiles files(root());
    ASSERT_EQ(files.serve(get("/sw.js")).status, 200);
    fs::remove(root() / "sw.js");
    EXPECT_EQ(files.serve(get("/sw.js")).status, 404);
}

TEST_F(HttpStaticFiles, RootReachedThroughASymlinkStillServes) {
    fs::create_symlink(root(), m_temp.path() / "web-link");
    const StaticFiles files(m_temp.path() / "web-link");
    EXPECT_EQ(files.serve(get("/")).payload(), index_html);
    EXPECT_EQ(files.serve(get("/leak.txt")).status, 404);
}

TEST(HttpStaticFilesNotBuilt, RootExplainsAndEverythingElseIsNotFound) {
    const TempDir temp;
    const StaticFiles files(temp.path() / "not-built");
    const auto page = files.serve(get("/"));
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.content_type, "text/html; charset=utf-8");
    EXPECT_NE(page.payload().find("<!doctype html>"), std::string_view::npos) << page.payload();
    EXPECT_NE(page.payload().find("/api/v1/exercises"), std::string_view::npos) << page.payload();
    EXPECT_EQ(files.serve(get("/app.js")).status, 404);
    EXPECT_EQ(files.serve(get("/assets/index-3f2a.js")).status, 404);
}

// ---- media_type and etag_of -----------------------------------------------------------------

struct MediaCase {
    std::string_view file;
    std::string_view media;
};

const MediaCase media_cases[] = {
    {.file = "index.html", .media = "text/html; charset=utf-8"},
    {.file = "assets/index-3f2a.js", .media = "text/javascript; charset=utf-8"},
    {.file = "worker.mjs", .media = "text/javascript; charset=utf-8"},
    {.file = "assets/index-3f2a.css", .media = "text/css; charset=utf-8"},
    {.file = "data.json", .media = "application/json"},
    {.file = "manifest.webmanifest", .media = "application/manifest+json"},
    {.file = "icon.svg", .media = "image/svg+xml"},
    {.file = "icon-192.png", .media = "image/png"},
    {.file = "favicon.ico", .media = "image/x-icon"},
    {.file = "inter.woff2", .media = "font/woff2"},
    {.file = "robots.txt", .media = "text/plain; charset=utf-8"},
    {.file = "index-3f2a.js.map", .media = "application/json"},
    {.file = "engine.wasm", .media = "application/wasm"},
    {.file = "photo.webp", .media = "image/webp"},
    {.file = "archive.tar.gz", .media = "application/octet-stream"},
    {.file = "Makefile", .media = "application/octet-stream"},
    {.file = "js", .media = "application/octet-stream"},
    {.file = "script.js.bak", .media = "application/octet-stream"},
};

TEST(HttpStaticFilesMediaType, ByExtension) {
    for (const auto& c : media_cases) {
        SCOPED_TRACE(std::string(c.file));
        EXPECT_EQ(media_type(c.file), c.media);
    }
}

TEST(HttpStaticFilesMediaType, ServedFilesCarryTheirMediaType) {
    const TempDir temp;
    temp.write("manifest.webmanifest", "{}");
    temp.write("notes.unknown", "?");
    const StaticFiles files(temp.path());
    EXPECT_EQ(files.serve(get("/manifest.webmanifest")).content_type, "application/manifest+json");
    EXPECT_EQ(files.serve(get("/notes.unknown")).content_type, "application/octet-stream");
}

TEST(HttpStaticFilesETag, IsQuotedAndDiffersWithTheBytes) {
    const auto one = etag_of("console.log(1);");
    const auto two = etag_of("console.log(2);");
    EXPECT_TRUE(one.size() > 2 && one.front() == '"' && one.back() == '"') << one;
    EXPECT_FALSE(one.starts_with("W/")) << one;
    EXPECT_NE(one, two);
    EXPECT_EQ(one, etag_of("console.log(1);"));
    EXPECT_NE(etag_of(""), etag_of(std::string_view("\0", 1)));
}

} // namespace
} // namespace unload::http
