#pragma once

// Request bodies of the API that are not already documents of interfaces.md (intakes, re-screen
// answers and questionnaire answers have their own decoders in src/json). Each decoder is
// strict: unknown fields, wrong types and out-of-range values are InvalidInput errors naming the
// field by path (`controls[2].reason`), which the pipeline answers with 400.

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/error.hpp"
#include "core/records.hpp"
#include "core/session_play.hpp"

namespace unload::http {

/// `{"controls": [...], "until_ms": 90000}` for POST /api/v1/session/replay.
struct ReplayRequest {
    std::vector<core::Control> controls;
    std::int64_t until_ms = 0;
};
core::Result<ReplayRequest> decode_replay_request(std::string_view body);

/// A played session for POST /api/v1/sessions.
core::Result<core::PlayedSession> decode_played_session(std::string_view body);

/// `{"pain": 4, "note": "after gardening"}` for POST /api/v1/pain.
struct PainRequest {
    int pain = 0;
    std::string note;
};
core::Result<PainRequest> decode_pain_request(std::string_view body);

/// `{"username": "...", "password": "..."}` for POST /api/v1/login.
struct LoginRequest {
    std::string username;
    std::string password;
};
core::Result<LoginRequest> decode_login_request(std::string_view body);

/// `{"name": "Ana Silva"}` for POST /api/v1/people; a missing name is empty, for the service to
/// refuse once it has checked who asks (the same for the code below).
core::Result<std::string> decode_person_request(std::string_view body);
/// `{"code": "ABCD-EFGH-JKMN"}` for POST /api/v1/care.
core::Result<std::string> decode_join_request(std::string_view body);
/// `{}`, for requests that carry nothing.
core::Result<void> decode_empty_request(std::string_view body);

/// `{"instrument": "odi", "answers": [...], "save": true}` for POST /api/v1/scores; `answers`
/// comes back as the instrument's answers document (`{"answers": [...]}`) for its own decoder.
struct ScoreRequest {
    std::string instrument;
    std::string answers;
    bool save = true;
};
core::Result<ScoreRequest> decode_score_request(std::string_view body);

/// `{"rating": "too_hard"}` for PUT /api/v1/sessions/{id}/feedback/{exercise}: the rating's
/// name, checked by the service.
core::Result<std::string> decode_rating_request(std::string_view body);

/// A record id from a path (`/api/v1/sessions/12/...`): digits only, at least 1; NotFound naming
/// `field` otherwise, as no record has such an id.
core::Result<core::RecordId> record_id(std::string_view text, std::string_view field);

/// The reminder settings document (as GET /api/v1/reminders gives it) for PUT.
core::Result<core::ReminderSettings> decode_reminder_settings(std::string_view body);

/// `{"confirm": "forget"}` for DELETE /api/v1/data: deleting everything takes a deliberate word.
core::Result<void> decode_forget_request(std::string_view body);

/// A body that must be a JSON object (intakes, answers), parsed once; a missing, malformed or
/// non-object body is answered the same way everywhere (field `(body)`).
core::Result<nlohmann::json> parse_object(std::string_view body);
/// A body handed to the service as text, which decodes it once (intakes, re-screen answers): a
/// decoder's error about the document as a whole names the request body, as the API documents
/// it, and any other result passes through.
template <class T>
core::Result<T> from_body(core::Result<T> result) {
    if (!result && result.error().field == "(document)")
        result.error().field = "(body)";
    return result;
}

} // namespace unload::http
