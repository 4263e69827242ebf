#pragma once

// The API's routes, registered by area. Each handler decodes its request, calls core or the
// service layer, and encodes the answer with the documents of src/json; errors are returned as
// values for the pipeline to turn into JSON.

#include <nlohmann/json_fwd.hpp>

#include "core/knowledge.hpp"
#include "http/router.hpp"
#include "service/workspace.hpp"

namespace unload::http {

/// A JSON answer (invalid UTF-8 in stored text is replaced, never thrown).
Response json_response(const nlohmann::json& document, int status = 200);
/// A JSON answer already written as text (json::plan_text and the like), taken as it is.
Response json_text_response(std::string text, int status = 200);

/// A computed-once JSON answer with its ETag, for documents that only change with content.
Response cached_response(const std::shared_ptr<const std::string>& body, const std::string& etag);

/// A document encoded once at startup and served many times with its ETag.
struct Encoded {
    std::shared_ptr<const std::string> body;
    std::string etag;
};
Encoded encode(const nlohmann::json& document);
inline Response cached_response(const Encoded& encoded) {
    return cached_response(encoded.body, encoded.etag);
}

/// A whole-number query parameter within [min, max]; `fallback` when absent.
core::Result<int> int_query(const Request& request, std::string_view name, int min, int max,
                            int fallback);
/// `true` or `false`; false when absent.
core::Result<bool> bool_query(const Request& request, std::string_view name);

/// Exercises, rules, screen and plan: pure work over the content, run inline.
void add_engine_routes(Router& router, const core::KnowledgeBase& kb);

/// The Learn section's topics, all or one, encoded once with their ETags (learn_routes.cpp).
void add_learn_routes(Router& router, const core::KnowledgeBase& kb);

/// The intake form and the words for every reason id, encoded once with their ETags
/// (reference_routes.cpp).
void add_reference_routes(Router& router, const core::KnowledgeBase& kb);

/// Each exercise's picture as SVG, drawn once at start (picture_routes.cpp).
void add_picture_routes(Router& router, const core::KnowledgeBase& kb);

/// The person's record: intake, program, sessions, diary, progress, review, scores, reminders,
/// export and forget, run on the database pool.
void add_record_routes(Router& router, const service::Resources& res);

/// The safety stop: the open one, onboarding answers that stop, and "I have been seen"
/// (stop_routes.cpp). `emergency_number` is the number the stop page offers to call.
void add_stop_routes(Router& router, const service::Resources& res, std::string emergency_number);

/// How the session cookie is named and sent: `__Host-` prefixed and Secure over TLS.
struct SessionCookie {
    std::string name;
    bool secure = false;
};

/// Sign-in, sign-out, who is signed in, and the audit trail (account_routes.cpp).
void add_account_routes(Router& router, const service::Resources& res, SessionCookie cookie);

/// Advice that asks the person to do something, open until they say it is done
/// (follow_up_routes.cpp).
void add_follow_up_routes(Router& router, const service::Resources& res);

} // namespace unload::http
