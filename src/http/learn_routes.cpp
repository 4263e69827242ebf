// The Learn section: every topic, or one. Both depend only on content, so they are encoded once,
// at start, and served with an ETag like the exercise library.

#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "json/learn.hpp"

namespace unload::http {

void add_learn_routes(Router& router, const core::KnowledgeBase& kb) {
    auto all = std::make_shared<const Encoded>(encode(json::learn_document(kb)));
    auto topics = std::make_shared<std::map<std::string, Encoded, std::less<>>>();
    for (const auto& topic : kb.learn.topics)
        topics->emplace(topic.id, encode(json::learn_topic_document(kb, topic)));

    router.add(Method::Get, "/api/v1/learn", Work::Inline,
               [all](const Request&, const Params&) -> core::Result<Response> {
                   return cached_response(all->body, all->etag);
               });
    router.add(Method::Get, "/api/v1/learn/{id}", Work::Inline,
               [topics](const Request&, const Params& params) -> core::Result<Response> {
                   const auto found = topics->find(params.get("id"));
                   if (found == topics->end())
                       return core::fail(core::ErrorCode::NotFound, "id",
                                         fmt::format("no topic '{}'; GET /api/v1/learn lists them",
                                                     params.get("id")));
                   return cached_response(found->second.body, found->second.etag);
               });
}

} // namespace unload::http
