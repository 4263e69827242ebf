#pragma once

// The API's routes, registered by area. Each handler decodes its request, calls core or the
// service layer, and encodes the answer with the documents of src/json; errors are returned as
// values for the pipeline to turn into JSON.

#include <nlohmann/json_fwd.hpp>

#include "core/knowledge.hpp"
#include "http/router.hpp"
#include "service/journeys.hpp"

namespace unload::http {

/// A JSON answer (invalid UTF-8 in stored text is replaced, never thrown).
Response json_response(const nlohmann::json& document, int status = 200);

/// A computed-once JSON answer with its ETag, for documents that only change with content.
Response cached_response(const std::shared_ptr<const std::string>& body, const std::string& etag);

/// A whole-number query parameter within [min, max]; `fallback` when absent.
core::Result<int> int_query(const Request& request, std::string_view name, int min, int max,
                            int fallback);
/// `true` or `false`; false when absent.
core::Result<bool> bool_query(const Request& request, std::string_view name);

/// Exercises, rules, screen and plan: pure work over the content, run inline.
void add_engine_routes(Router& router, const core::KnowledgeBase& kb);

/// The person's record: intake, program, sessions, diary, progress, review, scores, reminders,
/// export and forget, run on the database pool.
void add_record_routes(Router& router, const service::Workspace& ws);

} // namespace unload::http
