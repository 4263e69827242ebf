#pragma once

// `Idempotency-Key` on the routes that change the record. A client that resends a request after
// losing the answer (a dropped connection, a phone going to sleep) sends the same key again:
// the same key with the same request gets the first answer again, marked
// `Idempotent-Replayed: true`, and nothing is stored twice; the same key with a different
// request is a 409. Keys are 1 to 255 printable ASCII characters (a UUID is typical) and are
// kept for a day (service::kept_answer_lifetime). Only successful answers are kept: a refused
// request changed nothing, so trying it again is safe.

#include <functional>
#include <string>
#include <string_view>

#include "http/router.hpp"
#include "service/kept_answers.hpp"
#include "service/workspace.hpp"

namespace unload::http {

/// What identifies a request under its key: method, target and a BLAKE2b digest of the body.
std::string request_fingerprint(const Request& request);

/// A handler over the caller's record, given it opened.
using RecordHandler = std::function<core::Result<Response>(
    const service::Workspace& ws, const Request& request, const Params& params)>;

/// Whether a record route changes the record, and so honours `Idempotency-Key`.
enum class Writes { No, Yes };

/// Wraps a handler over the record: opens the record once for the request's caller
/// (service::open_record, which checks whose record it may reach) and, for a route that writes,
/// honours `Idempotency-Key` after that check, so a kept answer goes back only to a caller who may
/// open the record. Runs on the database thread with the handler, so a lookup, the handler's write
/// and the keeping follow one another with no other request in between.
/// Whose record: the caller's own, or for `/api/v1/people/{person}/...` that person's (a clinician
/// and the people in their care), as service::open_record() allows.
Handler on_record(const service::Resources& res, Writes writes, RecordHandler handler);

/// Adds a route over the record twice: at `pattern` (under `/api/v1/`) for the caller's own
/// record, and at `/api/v1/people/{person}/...` for person `person`'s.
void add_record_route(Router& router, const service::Resources& res, Method method,
                      std::string_view pattern, Writes writes, RecordHandler handler);

} // namespace unload::http
