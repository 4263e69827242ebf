#pragma once

// The web app's files, served from one directory (the build output of web/, or where `make
// install` put it). Only regular files under that directory: a path with `..`, a hidden name, a
// symbolic link leading out, a directory or a device is refused as not found. Files are read
// once and kept while their size and modification time stay the same; each carries a strong ETag
// so a browser revalidates (the pipeline answers 304) instead of downloading again.

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "http/message.hpp"

namespace unload::http {

class StaticFiles {
public:
    /// `root` may not exist (the web app not built yet): then `/` explains that and every other
    /// file is 404.
    explicit StaticFiles(std::filesystem::path root);

    /// Answers GET or HEAD for `path` (`/`, `/sw.js`, `/assets/index-3f2a.js`).
    Response serve(const Request& request) const;
    const std::filesystem::path& root() const { return m_root; }

private:
    struct Cached {
        std::shared_ptr<const std::string> body;
        std::string etag;
        std::uintmax_t size = 0;
        std::filesystem::file_time_type mtime;
    };
    std::filesystem::path m_root;
    std::filesystem::path m_canonical_root;
    mutable std::mutex m_mutex;
    mutable std::unordered_map<std::string, Cached> m_cache;
};

/// The media type for a file name's extension; `application/octet-stream` when unknown.
std::string_view media_type(std::string_view file_name);

/// A strong ETag over some bytes (a quoted hex digest).
std::string etag_of(std::string_view bytes);

} // namespace unload::http
