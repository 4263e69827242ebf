// The strict decoders of API request bodies: each one's happy path, and every rejection an
// InvalidInput error that names the offending field by path (`controls[1].at_ms`), which the
// pipeline answers with 400.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "http/requests.hpp"

namespace unload::http {
namespace {

/// Runs one decoder and keeps only its error (or none), so one table can cover all of them.
using Decoder = std::function<std::optional<core::Error>(std::string_view)>;

template <class T>
std::optional<core::Error> error_of(const core::Result<T>& result) {
    if (result)
        return std::nullopt;
    return result.error();
}

const Decoder replay = [](std::string_view body) { return error_of(decode_replay_request(body)); };
const Decoder played = [](std::string_view body) { return error_of(decode_played_session(body)); };
const Decoder pain = [](std::string_view body) { return error_of(decode_pain_request(body)); };
const Decoder score = [](std::string_view body) { return error_of(decode_score_request(body)); };
const Decoder reminders = [](std::string_view body) {
    return error_of(decode_reminder_settings(body));
};
const Decoder forget = [](std::string_view body) { return error_of(decode_forget_request(body)); };
const Decoder object = [](std::string_view body) { return error_of(parse_object(body)); };

struct ErrorCase {
    std::string_view name;
    const Decoder* decoder;
    std::string_view body;
    std::string_view field;
    std::string_view message; ///< A substring of the error message.
};

constexpr std::string_view valid_reminders_prefix =
    R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00", )";

const ErrorCase error_cases[] = {
    // The replay request.
    {.name = "replay_empty_body",
     .decoder = &replay,
     .body = "",
     .field = "(body)",
     .message = "empty body"},
    {.name = "replay_body_an_array",
     .decoder = &replay,
     .body = "[]",
     .field = "(body)",
     .message = "got an array"},
    {.name = "replay_body_a_string",
     .decoder = &replay,
     .body = R"("controls")",
     .field = "(body)",
     .message = "got a string"},
    {.name = "replay_malformed_json",
     .decoder = &replay,
     .body = R"({"until_ms": )",
     .field = "(body)",
     .message = "malformed JSON"},
    {.name = "replay_unknown_key",
     .decoder = &replay,
     .body = R"({"until_ms": 10, "speed": 2})",
     .field = "speed",
     .message = "unknown field"},
    {.name = "replay_missing_until",
     .decoder = &replay,
     .body = R"({"controls": []})",
     .field = "until_ms",
     .message = "missing"},
    {.name = "replay_until_not_an_integer",
     .decoder = &replay,
     .body = R"({"until_ms": 1.5})",
     .field = "until_ms",
     .message = "a number with a fraction"},
    {.name = "replay_controls_not_an_array",
     .decoder = &replay,
     .body = R"({"controls": {}, "until_ms": 10})",
     .field = "controls",
     .message = "expected an array"},
    {.name = "replay_control_not_an_object",
     .decoder = &replay,
     .body = R"({"controls": ["pause"], "until_ms": 10})",
     .field = "controls[0]",
     .message = "expected an object"},
    {.name = "replay_control_unknown_key",
     .decoder = &replay,
     .body = R"({"controls": [{"at_ms": 1, "control": "pause", "why": "x"}], "until_ms": 10})",
     .field = "controls[0].why",
     .message = "unknown field"},
    {.name = "replay_control_unknown",
     .decoder = &replay,
     .body = R"({"controls": [{"at_ms": 1, "control": "rewind"}], "until_ms": 10})",
     .field = "controls[0].control",
     .message = "got 'rewind'"},
    {.name = "replay_control_missing",
     .decoder = &replay,
     .body = R"({"controls": [{"at_ms": 1}], "until_ms": 10})",
     .field = "controls[0].control",
     .message = "missing"},
    {.name = "replay_at_missing",
     .decoder = &replay,
     .body = R"({"controls": [{"control": "pause"}], "until_ms": 10})",
     .field = "controls[0].at_ms",
     .message = "missing"},
    {.name = "replay_reason_not_a_string",
     .decoder = &replay,
     .body = R"({"controls": [{"at_ms": 1, "control": "stop", "reason": 3}], "until_ms": 10})",
     .field = "controls[0].reason",
     .message = "expected a string"},
    // The played session.
    {.name = "played_started_at_not_iso",
     .decoder = &played,
     .body = R"({"started_at": "yesterday morning", "pain_before": 3, "ended_ms": 1000})",
     .field = "started_at",
     .message = "got 'yesterday morning'"},
    {.name = "played_started_at_missing",
     .decoder = &played,
     .body = R"({"pain_before": 3, "ended_ms": 1000})",
     .field = "started_at",
     .message = "missing"},
    {.name = "played_pain_before_11",
     .decoder = &played,
     .body = R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 11, "ended_ms": 1000})",
     .field = "pain_before",
     .message = "expected 0..10, got 11"},
    {.name = "played_pain_before_null",
     .decoder = &played,
     .body = R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": null, "ended_ms": 1000})",
     .field = "pain_before",
     .message = "got null"},
    {.name = "played_pain_after_11",
     .decoder = &played,
     .body = R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 1, "pain_after": 11,
                 "ended_ms": 1000})",
     .field = "pain_after",
     .message = "expected 0..10, got 11"},
    {.name = "played_ended_missing",
     .decoder = &played,
     .body = R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 1})",
     .field = "ended_ms",
     .message = "missing"},
    {.name = "played_control_error_named_by_path",
     .decoder = &played,
     .body = R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 1,
                 "controls": [{"at_ms": 1, "control": "pause"}, {"at_ms": 2, "control": "rest"}],
                 "ended_ms": 1000})",
     .field = "controls[1].control",
     .message = "got 'rest'"},
    {.name = "replay_at_beyond_64_bits",
     .decoder = &replay,
     .body = R"({"controls": [{"at_ms": 18446744073709551615, "control": "pause"}],
                 "until_ms": 10})",
     .field = "controls[0].at_ms",
     .message = "too large"},
    {.name = "played_unknown_key",
     .decoder = &played,
     .body = R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 1, "ended_ms": 1,
                 "mood": "good"})",
     .field = "mood",
     .message = "unknown field"},
    // Pain.
    {.name = "pain_missing",
     .decoder = &pain,
     .body = R"({"note": "after gardening"})",
     .field = "pain",
     .message = "missing"},
    {.name = "pain_11",
     .decoder = &pain,
     .body = R"({"pain": 11})",
     .field = "pain",
     .message = "expected 0..10, got 11"},
    {.name = "pain_a_string",
     .decoder = &pain,
     .body = R"({"pain": "4"})",
     .field = "pain",
     .message = "got a string"},
    {.name = "pain_note_a_number",
     .decoder = &pain,
     .body = R"({"pain": 4, "note": 4})",
     .field = "note",
     .message = "expected a string"},
    {.name = "pain_unknown_key",
     .decoder = &pain,
     .body = R"({"pain": 4, "where": "low back"})",
     .field = "where",
     .message = "unknown field"},
    {.name = "pain_empty_body",
     .decoder = &pain,
     .body = "",
     .field = "(body)",
     .message = "empty body"},
    // Scores.
    {.name = "score_answers_not_an_array",
     .decoder = &score,
     .body = R"({"instrument": "odi", "answers": {"1": 2}})",
     .field = "answers",
     .message = "array"},
    {.name = "score_answers_missing",
     .decoder = &score,
     .body = R"({"instrument": "odi"})",
     .field = "answers",
     .message = "array"},
    {.name = "score_instrument_missing",
     .decoder = &score,
     .body = R"({"answers": []})",
     .field = "instrument",
     .message = "missing"},
    {.name = "score_save_not_a_bool",
     .decoder = &score,
     .body = R"({"instrument": "odi", "answers": [], "save": "yes"})",
     .field = "save",
     .message = "expected true or false"},
    {.name = "score_unknown_key",
     .decoder = &score,
     .body = R"({"instrument": "odi", "answers": [], "when": "now"})",
     .field = "when",
     .message = "unknown field"},
    // Reminder settings.
    {.name = "reminders_work_end_before_start",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "17:00", "work_end": "09:00",
                 "session_times": ["08:00"], "work_days": [1]})",
     .field = "work_end",
     .message = "after work_start"},
    {.name = "reminders_work_end_equal_to_start",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "09:00",
                 "session_times": ["08:00"], "work_days": [1]})",
     .field = "work_end",
     .message = "after work_start"},
    {.name = "reminders_work_start_not_a_time",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "9am", "work_end": "17:00",
                 "session_times": ["08:00"], "work_days": [1]})",
     .field = "work_start",
     .message = "got '9am'"},
    {.name = "reminders_sessions_missing",
     .decoder = &reminders,
     .body = R"({"desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["08:00"], "work_days": [1]})",
     .field = "sessions",
     .message = "missing"},
    {.name = "reminders_session_time_bad",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["08:00", "25:00"], "work_days": [1]})",
     .field = "session_times[1]",
     .message = "08:00"},
    {.name = "reminders_session_time_a_number",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": [800], "work_days": [1]})",
     .field = "session_times[0]",
     .message = "08:00"},
    {.name = "reminders_no_session_times",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": [], "work_days": [1]})",
     .field = "session_times",
     .message = "1 to 6"},
    {.name = "reminders_seven_session_times",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["01:00", "02:00", "03:00", "04:00", "05:00", "06:00", "07:00"],
                 "work_days": [1]})",
     .field = "session_times",
     .message = "1 to 6"},
    {.name = "reminders_work_day_8",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["08:00"], "work_days": [1, 8]})",
     .field = "work_days",
     .message = "1 (Monday) to 7"},
    {.name = "reminders_work_day_0",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["08:00"], "work_days": [0]})",
     .field = "work_days",
     .message = "1 (Monday) to 7"},
    {.name = "reminders_work_day_a_string",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["08:00"], "work_days": ["monday"]})",
     .field = "work_days",
     .message = "1 (Monday) to 7"},
    {.name = "reminders_unknown_key",
     .decoder = &reminders,
     .body = R"({"sessions": true, "desk_breaks": true, "work_start": "09:00", "work_end": "17:00",
                 "session_times": ["08:00"], "work_days": [1], "snooze": 5})",
     .field = "snooze",
     .message = "unknown field"},
    // Forgetting everything.
    {.name = "forget_confirm_missing",
     .decoder = &forget,
     .body = "{}",
     .field = "confirm",
     .message = "forget"},
    {.name = "forget_confirm_wrong",
     .decoder = &forget,
     .body = R"({"confirm": "yes"})",
     .field = "confirm",
     .message = "forget"},
    {.name = "forget_confirm_upper_case",
     .decoder = &forget,
     .body = R"({"confirm": "FORGET"})",
     .field = "confirm",
     .message = "forget"},
    {.name = "forget_confirm_true",
     .decoder = &forget,
     .body = R"({"confirm": true})",
     .field = "confirm",
     .message = "expected a string"},
    {.name = "forget_unknown_key",
     .decoder = &forget,
     .body = R"({"confirm": "forget", "all": true})",
     .field = "all",
     .message = "unknown field"},
    {.name = "forget_empty_body",
     .decoder = &forget,
     .body = "",
     .field = "(body)",
     .message = "empty body"},
    // Bodies that must be objects.
    {.name = "object_empty",
     .decoder = &object,
     .body = "",
     .field = "(body)",
     .message = "empty body"},
    {.name = "object_null",
     .decoder = &object,
     .body = "null",
     .field = "(body)",
     .message = "got null"},
    {.name = "object_number",
     .decoder = &object,
     .body = "42",
     .field = "(body)",
     .message = "got an integer"},
};

class HttpRequestsErrors : public testing::TestWithParam<ErrorCase> {};

TEST_P(HttpRequestsErrors, NameTheField) {
    const auto& c = GetParam();
    const auto error = (*c.decoder)(c.body);
    ASSERT_TRUE(error.has_value()) << "accepted: " << c.body;
    EXPECT_EQ(error->code, core::ErrorCode::InvalidInput);
    EXPECT_EQ(error->field, c.field) << error->to_string();
    EXPECT_NE(error->message.find(c.message), std::string::npos)
        << "message: " << error->message << "\nexpected to contain: " << c.message;
}

INSTANTIATE_TEST_SUITE_P(Http, HttpRequestsErrors, testing::ValuesIn(error_cases),
                         [](const testing::TestParamInfo<ErrorCase>& case_info) {
                             return std::string(case_info.param.name);
                         });

// ---- Happy paths ----------------------------------------------------------------------------

TEST(HttpRequestsReplay, DecodesControlsInOrder) {
    const auto decoded = decode_replay_request(R"({"controls": [
        {"at_ms": 1000, "control": "pause"},
        {"at_ms": 1000, "control": "resume"},
        {"at_ms": 5000, "control": "skip"},
        {"at_ms": 6000, "control": "swap"},
        {"at_ms": 9000, "control": "stop", "reason": "sharp_pain"}
    ], "until_ms": 9000})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_EQ(decoded->until_ms, 9000);
    ASSERT_EQ(decoded->controls.size(), 5U);
    using Kind = core::ControlKind;
    const Kind kinds[] = {Kind::Pause, Kind::Resume, Kind::Skip, Kind::Swap, Kind::Stop};
    const std::int64_t times[] = {1000, 1000, 5000, 6000, 9000};
    for (std::size_t i = 0; i < 5; ++i) {
        EXPECT_EQ(decoded->controls[i].kind, kinds[i]) << i;
        EXPECT_EQ(decoded->controls[i].at_ms, times[i]) << i;
    }
    EXPECT_EQ(decoded->controls[4].reason, "sharp_pain");
    EXPECT_EQ(decoded->controls[0].reason, "");
}

TEST(HttpRequestsReplay, ControlsMayBeLeftOut) {
    const auto decoded = decode_replay_request(R"({"until_ms": 90000})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_TRUE(decoded->controls.empty());
    EXPECT_EQ(decoded->until_ms, 90000);
}

TEST(HttpRequestsReplay, QuitNeedsNoReason) {
    const auto decoded =
        decode_replay_request(R"({"controls": [{"at_ms": 5, "control": "quit"}], "until_ms": 5})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_EQ(decoded->controls.at(0).kind, core::ControlKind::Quit);
}

TEST(HttpRequestsPlayedSession, DecodesEveryField) {
    const auto decoded = decode_played_session(R"({
        "started_at": "2026-11-22T08:30:00Z", "pain_before": 4, "pain_after": 2,
        "controls": [{"at_ms": 30000, "control": "pause"}], "ended_ms": 600000})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    // 2026-11-22T08:30:00Z is 20779 days and 8.5 hours after the epoch.
    EXPECT_EQ(decoded->started_at.time_since_epoch(),
              std::chrono::seconds{20779LL * 86400 + 8 * 3600 + 30 * 60});
    EXPECT_EQ(decoded->pain_before, 4);
    EXPECT_EQ(decoded->pain_after, std::optional<int>(2));
    ASSERT_EQ(decoded->controls.size(), 1U);
    EXPECT_EQ(decoded->controls[0].at_ms, 30000);
    EXPECT_EQ(decoded->ended_ms, 600000);
}

TEST(HttpRequestsPlayedSession, PainAfterMayBeNullOrMissing) {
    for (const std::string_view body :
         {R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 4, "pain_after": null,
              "ended_ms": 1})",
          R"({"started_at": "2026-11-22T08:30:00Z", "pain_before": 4, "ended_ms": 1})"}) {
        SCOPED_TRACE(std::string(body));
        const auto decoded = decode_played_session(body);
        ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
        EXPECT_EQ(decoded->pain_after, std::nullopt);
        EXPECT_TRUE(decoded->controls.empty());
    }
}

TEST(HttpRequestsPain, DecodesPainAndNote) {
    const auto decoded = decode_pain_request(R"({"pain": 4, "note": "after gardening"})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_EQ(decoded->pain, 4);
    EXPECT_EQ(decoded->note, "after gardening");
}

TEST(HttpRequestsPain, NoteIsOptional) {
    const auto decoded = decode_pain_request(R"({"pain": 0})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_EQ(decoded->pain, 0);
    EXPECT_EQ(decoded->note, "");
}

TEST(HttpRequestsPain, NoteOf2000IsAcceptedAndOf2001Refused) {
    const auto body = [](std::size_t length) {
        return nlohmann::json{{"pain", 3}, {"note", std::string(length, 'x')}}.dump();
    };
    const auto at_limit = decode_pain_request(body(2000));
    ASSERT_TRUE(at_limit.has_value()) << at_limit.error().to_string();
    EXPECT_EQ(at_limit->note.size(), 2000U);
    const auto over = decode_pain_request(body(2001));
    ASSERT_FALSE(over.has_value());
    EXPECT_EQ(over.error().field, "note");
    EXPECT_EQ(over.error().code, core::ErrorCode::InvalidInput);
}

TEST(HttpRequestsScore, HandsTheAnswersOnAsAnAnswersDocument) {
    const auto decoded = decode_score_request(
        R"({"instrument": "odi", "answers": [{"item": 1, "value": 2}, 3, "x"], "save": false})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_EQ(decoded->instrument, "odi");
    EXPECT_FALSE(decoded->save);
    EXPECT_EQ(nlohmann::json::parse(decoded->answers),
              nlohmann::json::parse(R"({"answers": [{"item": 1, "value": 2}, 3, "x"]})"));
}

TEST(HttpRequestsScore, SaveDefaultsToTrue) {
    const auto decoded = decode_score_request(R"({"instrument": "rmdq", "answers": []})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_TRUE(decoded->save);
    EXPECT_EQ(decoded->answers, R"({"answers":[]})");
}

TEST(HttpRequestsReminders, DecodesTheSettingsDocument) {
    const auto decoded = decode_reminder_settings(R"({
        "sessions": false, "desk_breaks": true, "work_start": "08:30", "work_end": "16:45",
        "session_times": ["07:15", "19:00"], "work_days": [1, 2, 3]})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_FALSE(decoded->sessions);
    EXPECT_TRUE(decoded->desk_breaks);
    EXPECT_EQ(decoded->work_start_minutes, 8 * 60 + 30);
    EXPECT_EQ(decoded->work_end_minutes, 16 * 60 + 45);
    EXPECT_EQ(decoded->session_minutes, (std::vector<int>{7 * 60 + 15, 19 * 60}));
    EXPECT_EQ(decoded->work_days, (std::vector<int>{1, 2, 3}));
}

TEST(HttpRequestsReminders, WorkDaysAreSortedWithoutDuplicates) {
    const auto decoded = decode_reminder_settings(std::string(valid_reminders_prefix) +
                                                  R"("session_times": ["08:00"],
                                                     "work_days": [5, 1, 3, 1, 5, 7]})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_EQ(decoded->work_days, (std::vector<int>{1, 3, 5, 7}));
}

TEST(HttpRequestsReminders, NoWorkDaysIsAllowed) {
    const auto decoded = decode_reminder_settings(
        std::string(valid_reminders_prefix) + R"("session_times": ["08:00"], "work_days": []})");
    ASSERT_TRUE(decoded.has_value()) << decoded.error().to_string();
    EXPECT_TRUE(decoded->work_days.empty());
}

TEST(HttpRequestsForget, TakesTheDeliberateWord) {
    const auto decoded = decode_forget_request(R"({"confirm": "forget"})");
    EXPECT_TRUE(decoded.has_value()) << decoded.error().to_string();
}

TEST(HttpRequestsObject, AcceptsAnyObject) {
    EXPECT_TRUE(parse_object("{}").has_value());
    EXPECT_TRUE(parse_object(R"({"format": "unload-intake/1"})").has_value());
}

// Intakes and answers reach the service as text and are decoded there once; what the decoder
// says about the document as a whole names the body, and any other field passes unchanged.
TEST(HttpRequestsObject, ADecodersWholeDocumentErrorNamesTheBody) {
    const auto whole = from_body(core::Result<int>(
        core::fail(core::ErrorCode::InvalidInput, "(document)", "malformed JSON")));
    ASSERT_FALSE(whole);
    EXPECT_EQ(whole.error().field, "(body)");
    const auto field = from_body(core::Result<int>(
        core::fail(core::ErrorCode::InvalidInput, "symptoms.leg", "expected none, ...")));
    ASSERT_FALSE(field);
    EXPECT_EQ(field.error().field, "symptoms.leg");
    EXPECT_EQ(from_body(core::Result<int>(7)).value_or(0), 7);
}

} // namespace
} // namespace unload::http
