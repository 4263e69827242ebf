// What a front end needs to ask and to explain without knowing any clinical fact itself: the
// intake form and the words for every reason id. Both depend only on content, so they are encoded
// once, at start, and served with an ETag like the exercise library.

#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "http/routes.hpp"
#include "http/static_files.hpp"
#include "json/intake_form.hpp"
#include "json/reasons.hpp"

namespace unload::http {

namespace {

void add_cached(Router& router, std::string_view path, Encoded encoded) {
    router.add(
        Method::Get, std::string(path), Work::Inline,
        [encoded = std::move(encoded)](const Request&, const Params&) -> core::Result<Response> {
            return cached_response(encoded);
        });
}

} // namespace

void add_reference_routes(Router& router, const core::KnowledgeBase& kb) {
    add_cached(router, "/api/v1/intake/form", encode(json::intake_form_document(kb)));
    add_cached(router, "/api/v1/reasons", encode(json::reasons_document(kb)));
}

} // namespace unload::http
