// The exercises' pictures as SVG. They depend on content alone, so each is drawn once, at start,
// and served with its ETag like the other content documents.

#include <map>
#include <memory>
#include <string>

#include <fmt/format.h>

#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "picture/svg.hpp"

namespace unload::http {

namespace {

struct Drawn {
    std::shared_ptr<const std::string> body;
    std::string etag;
};

} // namespace

void add_picture_routes(Router& router, const core::KnowledgeBase& kb) {
    auto pictures = std::make_shared<std::map<std::string, Drawn, std::less<>>>();
    for (const auto& item : kb.items) {
        auto body = std::make_shared<const std::string>(picture::svg(item));
        auto etag = etag_of(*body);
        pictures->emplace(item.id, Drawn{.body = std::move(body), .etag = std::move(etag)});
    }
    router.add(Method::Get, "/api/v1/exercises/{id}/picture.svg", Work::Inline,
               [pictures](const Request&, const Params& params) -> core::Result<Response> {
                   const auto found = pictures->find(params.get("id"));
                   if (found == pictures->end())
                       return core::fail(core::ErrorCode::NotFound, "id",
                                         fmt::format("no exercise '{}'; GET /api/v1/exercises "
                                                     "lists them",
                                                     params.get("id")));
                   auto response = cached_response(found->second.body, found->second.etag);
                   response.content_type = "image/svg+xml";
                   return response;
               });
}

} // namespace unload::http
