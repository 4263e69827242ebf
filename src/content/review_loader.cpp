#include "content/review_loader.hpp"

namespace unload::content {

void read_review_rules(const std::filesystem::path& /*content_dir*/, core::KnowledgeBase& /*kb*/,
                       core::Errors& /*errors*/, std::vector<SourceRef>& /*sources*/) {}

} // namespace unload::content
