#pragma once

// The real content/ loaded once per test binary, for tests that need a knowledge base.

#include <expected>

#include <gtest/gtest.h>

#include "content/loader.hpp"
#include "core/error.hpp"
#include "core/knowledge.hpp"
#include "support/content_files.hpp"

namespace unload::test {

/// The result of loading content/, computed on first use and shared by every test after.
inline const std::expected<core::KnowledgeBase, core::Errors>& loaded_content() {
    static const auto loaded = content::load(content_dir);
    return loaded;
}

/// The knowledge base from content/. When content/ does not load, the first test that asks fails
/// with the loader's errors and every caller gets an empty knowledge base.
inline const core::KnowledgeBase& knowledge_base() {
    static const core::KnowledgeBase empty;
    static const bool loaded = [] {
        const auto& result = loaded_content();
        if (!result)
            ADD_FAILURE() << describe(result.error());
        return result.has_value();
    }();
    return loaded ? *loaded_content() : empty;
}

} // namespace unload::test
