#include "http/requests.hpp"

#include <cctype>
#include <charconv>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "json/reader.hpp"
#include "json/records.hpp"

namespace unload::http {

namespace {

using Json = nlohmann::json;

} // namespace

core::Result<Json> parse_object(std::string_view body) {
    if (body.empty())
        return json::invalid("(body)", "expected a JSON object, got an empty body");
    // A syntax error names the body as a whole, as the API documents it; a refusal at one place
    // (nesting too deep, a key given twice) keeps the path of that place.
    auto document = TRY(from_body(json::parse(body)));
    if (!document.is_object())
        return json::invalid(
            "(body)", fmt::format("expected a JSON object, got {}", json::type_name(document)));
    return document;
}

namespace {

template <class T>
core::Result<T> required(core::Result<std::optional<T>> value, std::string field) {
    auto present = TRY(std::move(value));
    if (!present)
        return json::invalid(std::move(field), "missing");
    return *present;
}

core::Result<std::vector<core::Control>> controls_at(const Json& document) {
    std::vector<core::Control> controls;
    const auto it = document.find("controls");
    if (it == document.end())
        return controls;
    if (!it->is_array())
        return json::invalid("controls",
                             fmt::format("expected an array, got {}", json::type_name(*it)));
    for (std::size_t i = 0; i < it->size(); ++i) {
        const auto path = fmt::format("controls[{}]", i);
        const auto& entry = (*it)[i];
        if (!entry.is_object())
            return json::invalid(path,
                                 fmt::format("expected an object, got {}", json::type_name(entry)));
        TRY(json::only_known_keys(entry, path, {"at_ms", "control", "reason"}));
        core::Control control;
        // The times' range and order, and the stop reasons, are the engine's to check
        // (core::play_controls): here they are only read.
        control.at_ms =
            TRY(required(json::int64_at(entry, path, "at_ms"), json::join(path, "at_ms")));
        const auto name =
            TRY(required(json::string_at(entry, path, "control"), json::join(path, "control")));
        const auto kind = core::parse_control_kind(name);
        if (!kind)
            return json::invalid(json::join(path, "control"),
                                 fmt::format("expected pause, resume, skip, swap, stop or quit; "
                                             "got '{}'",
                                             name));
        control.kind = *kind;
        control.reason = TRY(json::string_at(entry, path, "reason")).value_or("");
        controls.push_back(std::move(control));
    }
    return controls;
}

std::vector<int> int_list(const Json& array) {
    std::vector<int> values;
    for (const auto& value : array)
        values.push_back(value.get<int>());
    return values;
}

} // namespace

core::Result<ReplayRequest> decode_replay_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"controls", "until_ms"}));
    ReplayRequest request;
    request.controls = TRY(controls_at(document));
    request.until_ms = TRY(required(json::int64_at(document, "", "until_ms"), "until_ms"));
    return request;
}

core::Result<core::PlayedSession> decode_played_session(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "",
                              {"started_at", "pain_before", "pain_after", "controls", "ended_ms"}));
    core::PlayedSession played;
    const auto started_text =
        TRY(required(json::string_at(document, "", "started_at"), "started_at"));
    const auto started = core::parse_iso_timestamp(started_text, core::Zone::Required);
    if (!started)
        return json::invalid("started_at",
                             fmt::format("expected an ISO 8601 time with its zone, such as "
                                         "2026-11-22T08:30:00Z or 2026-11-22T09:30:00+01:00, "
                                         "got '{}'",
                                         started_text.size() > 40 ? started_text.substr(0, 40) + "…"
                                                                  : started_text));
    played.started_at = *started;
    played.pain_before =
        TRY(required(json::int_at(document, "", "pain_before", 0, 10, false), "pain_before"));
    played.pain_after = TRY(json::int_at(document, "", "pain_after", 0, 10, true));
    played.controls = TRY(controls_at(document));
    played.ended_ms = TRY(required(json::int64_at(document, "", "ended_ms"), "ended_ms"));
    return played;
}

core::Result<PainRequest> decode_pain_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"pain", "note"}));
    PainRequest request;
    request.pain = TRY(required(json::int_at(document, "", "pain", 0, 10, false), "pain"));
    request.note = TRY(json::string_at(document, "", "note")).value_or("");
    if (request.note.size() > 2000)
        return json::invalid("note", "at most 2000 bytes of UTF-8 text");
    return request;
}

core::Result<LoginRequest> decode_login_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"username", "password"}));
    // One at a time: a TRY that returns inside an aggregate's braces would leave the members
    // already made undestroyed (a leak ASan reports).
    LoginRequest login;
    login.username = TRY(required(json::string_at(document, "", "username"), "username"));
    login.password = TRY(required(json::string_at(document, "", "password"), "password"));
    return login;
}

core::Result<std::string> decode_person_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"name"}));
    // A missing name is the service's to refuse, after it has checked who asks.
    return TRY(json::string_at(document, "", "name")).value_or("");
}

core::Result<std::string> decode_join_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"code"}));
    return TRY(json::string_at(document, "", "code")).value_or("");
}

core::Result<void> decode_empty_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {}));
    return {};
}

core::Result<std::string> decode_rating_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"rating"}));
    return TRY(required(json::string_at(document, "", "rating"), "rating"));
}

core::Result<core::RecordId> record_id(std::string_view text, std::string_view field) {
    core::RecordId id = 0;
    const auto* end = text.data() + text.size();
    const auto [stop, error] = std::from_chars(text.data(), end, id);
    if (text.empty() || error != std::errc{} || stop != end || id < 1 ||
        !std::isdigit(static_cast<unsigned char>(text.front())))
        return core::fail(core::ErrorCode::NotFound, std::string(field),
                          fmt::format("no {} has the id '{}'", field, text));
    return id;
}

core::Result<ScoreRequest> decode_score_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"instrument", "answers", "save"}));
    ScoreRequest request;
    request.instrument = TRY(required(json::string_at(document, "", "instrument"), "instrument"));
    // The answers array is handed on as the answers document `unload score` reads, so that one
    // decoder checks it and its errors name the same fields (`answers[3]`).
    const auto answers = document.find("answers");
    if (answers == document.end() || !answers->is_array())
        return json::invalid("answers", "expected the array of answers");
    request.answers = Json{{"answers", *answers}}.dump();
    request.save = TRY(json::bool_at(document, "", "save")).value_or(true);
    return request;
}

core::Result<core::ReminderSettings> decode_reminder_settings(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(
        document, "",
        {"sessions", "session_times", "desk_breaks", "work_start", "work_end", "work_days"}));
    core::ReminderSettings settings;
    settings.sessions = TRY(required(json::bool_at(document, "", "sessions"), "sessions"));
    settings.desk_breaks = TRY(required(json::bool_at(document, "", "desk_breaks"), "desk_breaks"));
    const auto clock = [&](std::string_view key) -> core::Result<int> {
        const auto text = TRY(required(json::string_at(document, "", key), std::string(key)));
        const auto minutes = json::parse_clock_time(text);
        if (!minutes)
            return json::invalid(std::string(key),
                                 fmt::format("expected a time like 09:00, got '{}'", text));
        return *minutes;
    };
    settings.work_start_minutes = TRY(clock("work_start"));
    settings.work_end_minutes = TRY(clock("work_end"));
    if (settings.work_end_minutes <= settings.work_start_minutes)
        return json::invalid("work_end", "must be after work_start");

    const auto times = document.find("session_times");
    if (times == document.end() || !times->is_array() || times->empty() || times->size() > 6)
        return json::invalid("session_times", "expected an array of 1 to 6 times like \"08:00\"");
    settings.session_minutes.clear();
    for (std::size_t i = 0; i < times->size(); ++i) {
        const auto& value = (*times)[i];
        const auto minutes =
            value.is_string() ? json::parse_clock_time(value.get<std::string>()) : std::nullopt;
        if (!minutes)
            return json::invalid(fmt::format("session_times[{}]", i),
                                 "expected a time like \"08:00\"");
        settings.session_minutes.push_back(*minutes);
    }
    const auto days = document.find("work_days");
    if (days == document.end() || !days->is_array() || days->size() > 7 ||
        !std::ranges::all_of(*days, [](const Json& day) {
            return day.is_number_integer() && day.get<std::int64_t>() >= 1 &&
                   day.get<std::int64_t>() <= 7;
        }))
        return json::invalid("work_days", "expected an array of ISO weekdays, 1 (Monday) to 7");
    settings.work_days = int_list(*days);
    std::ranges::sort(settings.work_days);
    const auto [first, last] = std::ranges::unique(settings.work_days);
    settings.work_days.erase(first, last);
    return settings;
}

core::Result<void> decode_forget_request(std::string_view body) {
    const auto document = TRY(parse_object(body));
    TRY(json::only_known_keys(document, "", {"confirm"}));
    const auto confirm = TRY(json::string_at(document, "", "confirm"));
    if (confirm != "forget")
        return json::invalid("confirm", "deleting everything needs {\"confirm\": \"forget\"}");
    return {};
}

} // namespace unload::http
