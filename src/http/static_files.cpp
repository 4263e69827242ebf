#include "http/static_files.hpp"

#include <array>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace unload::http {

namespace fs = std::filesystem;

namespace {

constexpr std::string_view not_built_page = R"(<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Unload</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body><main><h1>Unload is running</h1>
<p>The web app is not installed on this machine, so only the API answers here.
Try <a href="/api/v1/exercises">the exercise library</a>; docs/openapi.yaml lists every route,
and <a href="/healthz">/healthz</a> says whether the server is up.</p>
</main></body></html>
)";

Response not_found() {
    Response response{.status = 404, .content_type = "application/json", .body = {}};
    response.body = R"({"error":{"code":"not_found","field":"path","message":"no such file"}})";
    return response;
}

/// A relative path made of plain names only: no `..`, no `.`, no hidden files, no backslashes.
bool safe_relative(std::string_view path) {
    std::size_t at = 0;
    while (at < path.size()) {
        const auto end = path.find('/', at);
        const auto segment = path.substr(at, end == std::string_view::npos ? path.npos : end - at);
        if (segment.empty() || segment.front() == '.' ||
            segment.find('\\') != std::string_view::npos ||
            segment.find('\0') != std::string_view::npos)
            return false;
        if (end == std::string_view::npos)
            break;
        at = end + 1;
    }
    return !path.empty();
}

} // namespace

std::string_view media_type(std::string_view file_name) {
    struct Type {
        std::string_view extension;
        std::string_view media;
    };
    static constexpr std::array<Type, 14> types{{
        {".html", "text/html; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".ico", "image/x-icon"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
        {".wasm", "application/wasm"},
        {".webp", "image/webp"},
    }};
    for (const auto& type : types)
        if (file_name.ends_with(type.extension))
            return type.media;
    return "application/octet-stream";
}

std::string etag_of(std::string_view bytes) {
    // FNV-1a, 64 bits: not for security, only to tell versions of a file apart.
    std::uint64_t hash = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 0x100000001b3ULL;
    }
    return fmt::format("\"{:016x}-{:x}\"", hash, bytes.size());
}

StaticFiles::StaticFiles(fs::path root) : m_root(std::move(root)) {
    std::error_code ec;
    m_canonical_root = fs::canonical(m_root, ec);
    if (ec)
        m_canonical_root.clear();
}

Response StaticFiles::serve(const Request& request) const {
    if (request.path.empty() || request.path.front() != '/')
        return not_found();
    std::string relative = request.path == "/" ? "index.html" : request.path.substr(1);
    if (m_canonical_root.empty()) {
        if (relative != "index.html")
            return not_found();
        return Response{.status = 200,
                        .content_type = "text/html; charset=utf-8",
                        .body = std::string(not_built_page)};
    }
    if (!safe_relative(relative))
        return not_found();
    std::error_code ec;
    // The canonical path resolves symbolic links: one that leads outside the root is refused.
    const auto file = fs::canonical(m_canonical_root / relative, ec);
    if (ec)
        return not_found();
    const auto [root_end, file_at] =
        std::mismatch(m_canonical_root.begin(), m_canonical_root.end(), file.begin(), file.end());
    if (root_end != m_canonical_root.end() || !fs::is_regular_file(file, ec))
        return not_found();
    const auto size = fs::file_size(file, ec);
    const auto mtime = fs::last_write_time(file, ec);
    if (ec)
        return not_found();

    Cached cached;
    {
        std::lock_guard lock(m_mutex);
        const auto found = m_cache.find(relative);
        if (found != m_cache.end() && found->second.size == size && found->second.mtime == mtime)
            cached = found->second;
    }
    if (!cached.body) {
        std::ifstream in(file, std::ios::binary);
        std::ostringstream bytes;
        bytes << in.rdbuf();
        if (!in)
            return not_found();
        auto body = std::make_shared<const std::string>(std::move(bytes).str());
        cached = {.body = body, .etag = etag_of(*body), .size = size, .mtime = mtime};
        std::lock_guard lock(m_mutex);
        m_cache[relative] = cached;
    }

    Response response{.status = 200, .content_type = std::string(media_type(relative)), .body = {}};
    response.set_header("ETag", cached.etag);
    // Vite names built assets by their content hash, so they never change; everything else
    // (index.html, the service worker) is checked with the ETag on every use.
    response.set_header("Cache-Control", relative.starts_with("assets/")
                                             ? "public, max-age=31536000, immutable"
                                             : "no-cache");
    response.shared_body = cached.body;
    return response;
}

} // namespace unload::http
