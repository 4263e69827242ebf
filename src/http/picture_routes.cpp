// The exercises' pictures as SVG. They depend on content alone, so each is drawn once, at start,
// and served with its ETag like the other content documents. `?modification=ID` asks for the
// picture of the exercise done with one of its modifications: that change's own drawing where its
// pose file has one, the exercise's own picture where the change does not show.

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

Drawn drawn(std::string body) {
    auto shared = std::make_shared<const std::string>(std::move(body));
    auto etag = etag_of(*shared);
    return Drawn{.body = std::move(shared), .etag = std::move(etag)};
}

/// One exercise's pictures: its own, and one for each of its modifications (the same drawing
/// where the modification has no picture of its own).
struct Pictures {
    Drawn plain;
    std::map<std::string, Drawn, std::less<>> modified;
};

} // namespace

void add_picture_routes(Router& router, const core::KnowledgeBase& kb) {
    auto pictures = std::make_shared<std::map<std::string, Pictures, std::less<>>>();
    for (const auto& item : kb.items) {
        Pictures drawings{.plain = drawn(picture::svg(item)), .modified = {}};
        for (const auto& modification : item.modifications) {
            drawings.modified.emplace(modification.id,
                                      modification.picture.poses.empty()
                                          ? drawings.plain
                                          : drawn(picture::svg(item, modification.id)));
        }
        pictures->emplace(item.id, std::move(drawings));
    }
    router.add(Method::Get, "/api/v1/exercises/{id}/picture.svg", Work::Inline,
               [pictures](const Request& request, const Params& params) -> core::Result<Response> {
                   const auto found = pictures->find(params.get("id"));
                   if (found == pictures->end())
                       return core::fail(core::ErrorCode::NotFound, "id",
                                         fmt::format("no exercise '{}'; GET /api/v1/exercises "
                                                     "lists them",
                                                     params.get("id")));
                   const Drawn* picture = &found->second.plain;
                   if (const auto modification = request.query_param("modification")) {
                       const auto& modified = found->second.modified;
                       const auto variant = modified.find(*modification);
                       if (variant == modified.end()) {
                           std::string known;
                           for (const auto& [id, _] : modified)
                               known += (known.empty() ? "" : ", ") + id;
                           return core::fail(
                               core::ErrorCode::InvalidInput, "modification",
                               fmt::format("'{}' has no modification '{}'; {}", found->first,
                                           *modification,
                                           known.empty() ? "it has none" : "it has " + known));
                       }
                       picture = &variant->second;
                   }
                   auto response = cached_response(picture->body, picture->etag);
                   response.content_type = "image/svg+xml";
                   return response;
               });
}

} // namespace unload::http
