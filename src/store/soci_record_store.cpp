#include "store/soci_record_store.hpp"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "core/calendar.hpp"
#include "store/rows.hpp"

namespace unload::store {

namespace {

using core::ErrorCode;
using core::Result;

// ---- Reasons, the one child list program versions and reviews share ---------------------------

/// Writes `reasons` as the rows of `table`, whose owner column is `owner_column`.
void insert_reasons(soci::session& sql, std::string_view table, std::string_view owner_column,
                    Integer owner, const std::vector<core::Reason>& reasons) {
    // SOCI refuses to bind empty vectors, and there is nothing to write anyway.
    if (reasons.empty())
        return;
    std::vector<Integer> owners(reasons.size(), owner);
    std::vector<int> ordinals;
    std::vector<std::string> ids;
    std::vector<std::string> texts;
    for (std::size_t i = 0; i < reasons.size(); ++i) {
        ordinals.push_back(static_cast<int>(i));
        ids.push_back(reasons[i].id);
        texts.push_back(reasons[i].text);
    }
    sql << fmt::format("INSERT INTO {} ({}, ordinal, reason_id, reason_text) "
                       "VALUES (:owner, :ordinal, :reason_id, :reason_text)",
                       table, owner_column),
        soci::use(owners), soci::use(ordinals), soci::use(ids), soci::use(texts);
}

/// Reads the rows of `table` into the `because` of each record they belong to, in order. Rows of
/// owners not in `records` are passed over: the lists are short, so one query beats one per owner.
template <class Record>
void read_reasons(soci::session& sql, std::string_view table, std::string_view owner_column,
                  std::string_view owner_table, Integer person, std::vector<Record>& records) {
    std::unordered_map<Integer, std::size_t> owners;
    for (std::size_t i = 0; i < records.size(); ++i)
        owners.emplace(records[i].id, i);
    Integer owner = 0;
    core::Reason reason;
    soci::statement statement =
        (sql.prepare << fmt::format("SELECT r.{0}, r.reason_id, r.reason_text FROM {1} r "
                                    "JOIN {2} o ON o.id = r.{0} WHERE o.person_id = :person "
                                    "ORDER BY r.{0}, r.ordinal",
                                    owner_column, table, owner_table),
         soci::use(person), soci::into(owner), soci::into(reason.id), soci::into(reason.text));
    statement.execute();
    while (statement.fetch()) {
        if (const auto found = owners.find(owner); found != owners.end())
            records[found->second].because.push_back(reason);
    }
}

// ---- Intakes ----------------------------------------------------------------------------------

/// Reads intakes oldest first, or just the newest.
Result<std::vector<core::IntakeRecord>> read_intakes(soci::session& sql, Integer person,
                                                     bool newest_only) {
    std::vector<core::IntakeRecord> found;
    Integer id = 0;
    std::string at;
    std::string document;
    const std::string query =
        std::string("SELECT id, at, document FROM intakes WHERE person_id = :person ") +
        (newest_only ? "ORDER BY at DESC, id DESC LIMIT 1" : "ORDER BY at, id");
    soci::statement statement = (sql.prepare << query, soci::use(person), soci::into(id),
                                 soci::into(at), soci::into(document));
    statement.execute();
    while (statement.fetch())
        found.push_back(core::IntakeRecord{
            .id = id, .at = TRY(read_time(at, "intakes.at")), .document = document});
    return found;
}

// ---- Program versions -------------------------------------------------------------------------

struct ProgramVersionTexts {
    std::string created_at;
    std::string starts_on;
};

Result<ProgramVersionTexts> texts_of(const core::ProgramVersion& version) {
    return ProgramVersionTexts{
        .created_at = TRY(time_text(version.created_at, "program_version.created_at")),
        .starts_on = TRY(day_text(version.starts_on, "program_version.starts_on"))};
}

/// Inserts the exercise changes of a program version, in order.
void insert_changes(soci::session& sql, Integer version,
                    const std::vector<core::ItemChange>& changes) {
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const auto& change = changes[i];
        const int ordinal = static_cast<int>(i);
        const std::string kind(core::to_string(change.kind));
        // Times were checked by the caller (accepted_at comes from the clock, never from input).
        const std::string accepted =
            change.accepted_at ? core::iso_timestamp(*change.accepted_at) : std::string();
        soci::indicator accepted_indicator = change.accepted_at ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO program_version_changes (program_version_id, ordinal, item, "
               "use_instead, kind, reason_id, accepted_at) VALUES (:version, :ordinal, :item, "
               ":use_instead, :kind, :reason_id, :accepted_at)",
            soci::use(version), soci::use(ordinal), soci::use(change.item), soci::use(change.use),
            soci::use(kind), soci::use(change.reason), soci::use(accepted, accepted_indicator);
    }
}

/// Reads the exercise changes of each version, in order.
Result<void> read_changes(soci::session& sql, Integer person,
                          std::vector<core::ProgramVersion>& versions) {
    std::unordered_map<Integer, std::size_t> places;
    for (std::size_t i = 0; i < versions.size(); ++i)
        places.emplace(versions[i].id, i);
    Integer version = 0;
    std::string item;
    std::string use;
    std::string kind;
    std::string reason;
    std::string accepted;
    soci::indicator accepted_indicator = soci::i_null;
    soci::statement statement =
        (sql.prepare << "SELECT c.program_version_id, c.item, c.use_instead, c.kind, c.reason_id, "
                        "c.accepted_at FROM program_version_changes c "
                        "JOIN program_versions v ON v.id = c.program_version_id "
                        "WHERE v.person_id = :person ORDER BY c.program_version_id, c.ordinal",
         soci::use(person), soci::into(version), soci::into(item), soci::into(use),
         soci::into(kind), soci::into(reason), soci::into(accepted, accepted_indicator));
    statement.execute();
    while (statement.fetch()) {
        const auto found = places.find(version);
        if (found == places.end())
            continue;
        std::optional<core::Timestamp> accepted_at;
        if (accepted_indicator == soci::i_ok)
            accepted_at = TRY(read_time(accepted, "program_version_changes.accepted_at"));
        versions[found->second].changes.push_back(
            {.item = item,
             .use = use,
             .kind = TRY(read_enum(&core::parse_change_kind, kind, "program_version_changes.kind")),
             .reason = reason,
             .accepted_at = accepted_at});
    }
    return {};
}

/// Inserts a program version and its reasons; `review` links it to the review that wrote it.
Integer insert_program_version(soci::session& sql, Integer person,
                               const core::ProgramVersion& version,
                               const ProgramVersionTexts& texts, std::optional<Integer> review) {
    const Integer intake_id = version.intake_id;
    Integer id = 0;
    if (review) {
        sql << "INSERT INTO program_versions (person_id, intake_id, created_at, starts_on, week, "
               "stage, origin, document, review_id) VALUES (:person, :intake_id, :created_at, "
               ":starts_on, :week, :stage, :origin, :document, :review_id) RETURNING id",
            soci::use(person), soci::use(intake_id), soci::use(texts.created_at),
            soci::use(texts.starts_on), soci::use(version.week), soci::use(version.stage),
            soci::use(version.origin), soci::use(version.document), soci::use(*review),
            soci::into(id);
    } else {
        sql << "INSERT INTO program_versions "
               "(person_id, intake_id, created_at, starts_on, week, stage, origin, document) "
               "VALUES (:person, :intake_id, :created_at, :starts_on, :week, :stage, :origin, "
               ":document) RETURNING id",
            soci::use(person), soci::use(intake_id), soci::use(texts.created_at),
            soci::use(texts.starts_on), soci::use(version.week), soci::use(version.stage),
            soci::use(version.origin), soci::use(version.document), soci::into(id);
    }
    insert_reasons(sql, "program_version_reasons", "program_version_id", id, version.because);
    insert_changes(sql, id, version.changes);
    return id;
}

/// Reads program versions, with their reasons; `newest_only` reads just the current one.
Result<std::vector<core::ProgramVersion>> read_program_versions(soci::session& sql, Integer person,
                                                                bool newest_only) {
    std::vector<core::ProgramVersion> versions;
    Integer id = 0;
    Integer intake_id = 0;
    std::string created_at;
    std::string starts_on;
    core::ProgramVersion row;
    const std::string query =
        std::string("SELECT id, intake_id, created_at, starts_on, week, stage, origin, document "
                    "FROM program_versions WHERE person_id = :person ") +
        (newest_only ? "ORDER BY created_at DESC, id DESC LIMIT 1" : "ORDER BY created_at, id");
    soci::statement statement =
        (sql.prepare << query, soci::use(person), soci::into(id), soci::into(intake_id),
         soci::into(created_at), soci::into(starts_on), soci::into(row.week), soci::into(row.stage),
         soci::into(row.origin), soci::into(row.document));
    statement.execute();
    while (statement.fetch()) {
        auto& version = versions.emplace_back(row);
        version.id = id;
        version.intake_id = intake_id;
        version.created_at = TRY(read_time(created_at, "program_versions.created_at"));
        version.starts_on = TRY(read_day(starts_on, "program_versions.starts_on"));
    }
    if (!versions.empty()) {
        read_reasons(sql, "program_version_reasons", "program_version_id", "program_versions",
                     person, versions);
        TRY(read_changes(sql, person, versions));
    }
    return versions;
}

// ---- Sessions ---------------------------------------------------------------------------------

void insert_steps(soci::session& sql, Integer session, const std::vector<core::StepRecord>& steps) {
    if (steps.empty())
        return;
    std::vector<Integer> sessions(steps.size(), session);
    std::vector<int> ordinals;
    std::vector<int> indexes;
    std::vector<std::string> kinds;
    std::vector<std::string> items;
    std::vector<std::string> sides;
    std::vector<Integer> planned;
    std::vector<Integer> started;
    std::vector<Integer> ended;
    std::vector<std::string> results;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        ordinals.push_back(static_cast<int>(i));
        indexes.push_back(step.index);
        kinds.push_back(step.kind);
        items.push_back(step.item);
        sides.push_back(step.side);
        planned.push_back(step.planned_ms);
        started.push_back(step.started_ms);
        ended.push_back(step.ended_ms);
        results.emplace_back(core::to_string(step.result));
    }
    // One prepared statement executed once per row: the whole list in a single round trip.
    sql << "INSERT INTO session_steps (session_id, ordinal, step_index, kind, item, side, "
           "planned_ms, started_ms, ended_ms, result) VALUES (:session_id, :ordinal, :step_index, "
           ":kind, :item, :side, :planned_ms, :started_ms, :ended_ms, :result)",
        soci::use(sessions), soci::use(ordinals), soci::use(indexes), soci::use(kinds),
        soci::use(items), soci::use(sides), soci::use(planned), soci::use(started),
        soci::use(ended), soci::use(results);
}

void insert_events(soci::session& sql, Integer session,
                   const std::vector<core::SessionEvent>& events) {
    if (events.empty())
        return;
    std::vector<Integer> sessions(events.size(), session);
    std::vector<int> ordinals;
    std::vector<Integer> at;
    std::vector<std::string> kinds;
    std::vector<std::string> items;
    std::vector<std::string> reasons;
    std::vector<std::string> details;
    for (std::size_t i = 0; i < events.size(); ++i) {
        const auto& event = events[i];
        ordinals.push_back(static_cast<int>(i));
        at.push_back(event.at_ms);
        kinds.emplace_back(core::to_string(event.kind));
        items.push_back(event.item);
        reasons.push_back(event.reason);
        details.push_back(event.detail);
    }
    sql << "INSERT INTO session_events (session_id, ordinal, at_ms, kind, item, reason, detail) "
           "VALUES (:session_id, :ordinal, :at_ms, :kind, :item, :reason, :detail)",
        soci::use(sessions), soci::use(ordinals), soci::use(at), soci::use(kinds), soci::use(items),
        soci::use(reasons), soci::use(details);
}

/// Reads the steps of the sessions whose day is in the range into `sessions`, in order.
Result<void> read_steps(soci::session& sql, Integer person, const std::string& from,
                        const std::string& to, std::vector<core::SessionRecord>& sessions,
                        const std::unordered_map<Integer, std::size_t>& places) {
    Integer session = 0;
    Integer planned = 0;
    Integer started = 0;
    Integer ended = 0;
    std::string result;
    core::StepRecord step;
    soci::statement statement =
        (sql.prepare << "SELECT st.session_id, st.step_index, st.kind, st.item, st.side, "
                        "st.planned_ms, st.started_ms, st.ended_ms, st.result "
                        "FROM session_steps st JOIN sessions s ON s.id = st.session_id "
                        "WHERE s.person_id = :person AND s.day BETWEEN :from AND :to "
                        "ORDER BY st.session_id, st.ordinal",
         soci::into(session), soci::into(step.index), soci::into(step.kind), soci::into(step.item),
         soci::into(step.side), soci::into(planned), soci::into(started), soci::into(ended),
         soci::into(result), soci::use(person), soci::use(from), soci::use(to));
    statement.execute();
    while (statement.fetch()) {
        const auto place = places.find(session);
        if (place == places.end())
            continue;
        auto& stored = sessions[place->second].steps.emplace_back(step);
        stored.planned_ms = planned;
        stored.started_ms = started;
        stored.ended_ms = ended;
        stored.result = TRY(read_enum(&core::parse_step_result, result, "session_steps.result"));
    }
    return {};
}

Result<void> read_events(soci::session& sql, Integer person, const std::string& from,
                         const std::string& to, std::vector<core::SessionRecord>& sessions,
                         const std::unordered_map<Integer, std::size_t>& places) {
    Integer session = 0;
    Integer at = 0;
    std::string kind;
    core::SessionEvent event;
    soci::statement statement =
        (sql.prepare << "SELECT ev.session_id, ev.at_ms, ev.kind, ev.item, ev.reason, ev.detail "
                        "FROM session_events ev JOIN sessions s ON s.id = ev.session_id "
                        "WHERE s.person_id = :person AND s.day BETWEEN :from AND :to "
                        "ORDER BY ev.session_id, ev.ordinal",
         soci::into(session), soci::into(at), soci::into(kind), soci::into(event.item),
         soci::into(event.reason), soci::into(event.detail), soci::use(person), soci::use(from),
         soci::use(to));
    statement.execute();
    while (statement.fetch()) {
        const auto place = places.find(session);
        if (place == places.end())
            continue;
        auto& stored = sessions[place->second].events.emplace_back(event);
        stored.at_ms = at;
        stored.kind = TRY(read_enum(&core::parse_event_kind, kind, "session_events.kind"));
    }
    return {};
}

// ---- Reminder settings ------------------------------------------------------------------------

void insert_ordered_ints(soci::session& sql, Integer person, std::string_view table,
                         std::string_view column, const std::vector<int>& values) {
    if (values.empty())
        return;
    std::vector<Integer> people(values.size(), person);
    std::vector<int> ordinals;
    for (std::size_t i = 0; i < values.size(); ++i)
        ordinals.push_back(static_cast<int>(i));
    sql << fmt::format("INSERT INTO {} (person_id, ordinal, {}) VALUES (:person, :ordinal, :value)",
                       table, column),
        soci::use(people), soci::use(ordinals), soci::use(values);
}

std::vector<int> read_ordered_ints(soci::session& sql, Integer person, std::string_view table,
                                   std::string_view column) {
    std::vector<int> values;
    int value = 0;
    soci::statement statement =
        (sql.prepare << fmt::format("SELECT {} FROM {} WHERE person_id = :person ORDER BY ordinal",
                                    column, table),
         soci::use(person), soci::into(value));
    statement.execute();
    while (statement.fetch())
        values.push_back(value);
    return values;
}

/// Deletes a person's rows (`:person`), the rows below another before it, so that deleting in this
/// order never trips a foreign key.
constexpr std::string_view forget_statements[] = {
    "DELETE FROM exercise_feedback WHERE session_id IN "
    "(SELECT id FROM sessions WHERE person_id = :person)",
    "DELETE FROM session_events WHERE session_id IN "
    "(SELECT id FROM sessions WHERE person_id = :person)",
    "DELETE FROM session_steps WHERE session_id IN "
    "(SELECT id FROM sessions WHERE person_id = :person)",
    "DELETE FROM sessions WHERE person_id = :person",
    "DELETE FROM program_version_changes WHERE program_version_id IN "
    "(SELECT id FROM program_versions WHERE person_id = :person)",
    "DELETE FROM program_version_reasons WHERE program_version_id IN "
    "(SELECT id FROM program_versions WHERE person_id = :person)",
    "DELETE FROM program_versions WHERE person_id = :person",
    "DELETE FROM review_reasons WHERE review_id IN "
    "(SELECT id FROM reviews WHERE person_id = :person)",
    "DELETE FROM review_advice WHERE review_id IN "
    "(SELECT id FROM reviews WHERE person_id = :person)",
    "DELETE FROM reviews WHERE person_id = :person",
    "DELETE FROM safety_stops WHERE person_id = :person",
    "DELETE FROM follow_ups_done WHERE person_id = :person",
    "DELETE FROM intakes WHERE person_id = :person",
    "DELETE FROM pain_entries WHERE person_id = :person",
    "DELETE FROM instrument_scores WHERE person_id = :person",
    "DELETE FROM reminder_session_times WHERE person_id = :person",
    "DELETE FROM reminder_work_days WHERE person_id = :person",
    "DELETE FROM reminder_settings WHERE person_id = :person",
    "DELETE FROM kept_answers WHERE person_id = :person",
    "UPDATE people SET name = '' WHERE id = :person",
};

} // namespace

SociRecordStore::SociRecordStore(Connection& connection, core::PersonId person)
    : m_connection(connection), m_person(person) {}

core::PersonId SociRecordStore::person() const {
    return m_person;
}

// ---- Intakes ----------------------------------------------------------------------------------

namespace {

Integer insert_intake(soci::session& sql, Integer person, const std::string& at,
                      const std::string& document) {
    Integer id = 0;
    sql << "INSERT INTO intakes (person_id, at, document) VALUES (:person, :at, :document) "
           "RETURNING id",
        soci::use(person), soci::use(at), soci::use(document), soci::into(id);
    return id;
}

/// Clears every open stop at `at`, by the intake `by` when there is one.
void clear_open_stops(soci::session& sql, Integer person, const std::string& at,
                      std::optional<Integer> by) {
    soci::indicator by_given = by ? soci::i_ok : soci::i_null;
    const Integer by_id = by.value_or(0);
    sql << "UPDATE safety_stops SET cleared_at = :at, cleared_by_intake = :intake "
           "WHERE person_id = :person AND cleared_at IS NULL",
        soci::use(at), soci::use(by_id, by_given), soci::use(person);
}

Integer insert_stop(soci::session& sql, Integer person, const core::SafetyStop& stop,
                    const std::string& at) {
    Integer id = 0;
    sql << "INSERT INTO safety_stops (person_id, at, origin, verdict, document) "
           "VALUES (:person, :at, :origin, :verdict, :document) RETURNING id",
        soci::use(person), soci::use(at), soci::use(stop.origin), soci::use(stop.verdict),
        soci::use(stop.document), soci::into(id);
    return id;
}

/// What an intake just stored (`intake_id`, at `at`) does to the stop: a new stop replaces the
/// open one; answers that do not stop clear it.
void apply_stop(soci::session& sql, Integer person, Integer intake_id, const std::string& at,
                const std::optional<core::SafetyStop>& stop,
                const std::optional<std::string>& stop_at) {
    clear_open_stops(sql, person, at, intake_id);
    if (stop)
        insert_stop(sql, person, *stop, *stop_at);
}

Result<std::optional<std::string>> stop_time(const std::optional<core::SafetyStop>& stop) {
    if (!stop)
        return std::nullopt;
    return TRY(time_text(stop->at, "stop.at"));
}

Result<std::vector<core::SafetyStop>> read_stops(soci::session& sql, Integer person,
                                                 bool open_only) {
    std::vector<core::SafetyStop> found;
    Integer id = 0;
    std::string at;
    core::SafetyStop row;
    std::string seen_at;
    std::string cleared_at;
    Integer cleared_by = 0;
    soci::indicator seen_given = soci::i_null;
    soci::indicator cleared_given = soci::i_null;
    soci::indicator by_given = soci::i_null;
    soci::statement statement =
        (sql.prepare << std::string(
                            "SELECT id, at, origin, verdict, document, seen_at, cleared_at, "
                            "cleared_by_intake FROM safety_stops WHERE person_id = :person ") +
                            (open_only ? "AND cleared_at IS NULL ORDER BY id DESC LIMIT 1"
                                       : "ORDER BY id"),
         soci::use(person), soci::into(id), soci::into(at), soci::into(row.origin),
         soci::into(row.verdict), soci::into(row.document), soci::into(seen_at, seen_given),
         soci::into(cleared_at, cleared_given), soci::into(cleared_by, by_given));
    statement.execute();
    while (statement.fetch()) {
        auto& stop = found.emplace_back(row);
        stop.id = id;
        stop.at = TRY(read_time(at, "safety_stops.at"));
        if (seen_given == soci::i_ok)
            stop.seen_at = TRY(read_time(seen_at, "safety_stops.seen_at"));
        if (cleared_given == soci::i_ok)
            stop.cleared_at = TRY(read_time(cleared_at, "safety_stops.cleared_at"));
        if (by_given == soci::i_ok)
            stop.cleared_by_intake = cleared_by;
    }
    return found;
}

} // namespace

Result<core::RecordId> SociRecordStore::add_intake(const core::IntakeRecord& intake,
                                                   const std::optional<core::SafetyStop>& stop) {
    const auto at = TRY(time_text(intake.at, "intake.at"));
    const auto stop_at = TRY(stop_time(stop));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const auto id = insert_intake(sql, m_person, at, intake.document);
        apply_stop(sql, m_person, id, at, stop, stop_at);
        return id;
    });
}

Result<std::optional<core::IntakeRecord>> SociRecordStore::latest_intake() {
    auto newest = TRY(
        read(m_connection, [&](soci::session& sql) { return read_intakes(sql, m_person, true); }));
    if (newest.empty())
        return std::nullopt;
    return std::move(newest.front());
}

Result<std::vector<core::IntakeRecord>> SociRecordStore::intakes() {
    return read(m_connection,
                [&](soci::session& sql) { return read_intakes(sql, m_person, false); });
}

// ---- Program versions -------------------------------------------------------------------------

Result<core::RecordId> SociRecordStore::add_program_version(const core::ProgramVersion& version) {
    const auto texts = TRY(texts_of(version));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        return insert_program_version(sql, m_person, version, texts, std::nullopt);
    });
}

Result<core::RecordStore::StartIds>
SociRecordStore::record_start(const core::IntakeRecord& intake,
                              const std::optional<core::ProgramVersion>& first,
                              const std::optional<core::SafetyStop>& stop) {
    const auto at = TRY(time_text(intake.at, "intake.at"));
    const auto stop_at = TRY(stop_time(stop));
    std::optional<ProgramVersionTexts> texts;
    if (first)
        texts = TRY(texts_of(*first));
    return write(m_connection, [&](soci::session& sql) -> Result<StartIds> {
        StartIds ids{.intake = insert_intake(sql, m_person, at, intake.document),
                     .version = std::nullopt};
        apply_stop(sql, m_person, ids.intake, at, stop, stop_at);
        if (first) {
            auto version = *first;
            version.intake_id = ids.intake;
            ids.version = insert_program_version(sql, m_person, version, *texts, std::nullopt);
        }
        return ids;
    });
}

Result<std::optional<core::ProgramVersion>> SociRecordStore::current_program() {
    auto newest = TRY(read(m_connection, [&](soci::session& sql) {
        return read_program_versions(sql, m_person, true);
    }));
    if (newest.empty())
        return std::nullopt;
    return std::move(newest.front());
}

Result<std::vector<core::ProgramVersion>> SociRecordStore::program_versions() {
    return read(m_connection,
                [&](soci::session& sql) { return read_program_versions(sql, m_person, false); });
}

Result<void> SociRecordStore::accept_change(core::RecordId version, std::string_view item,
                                            core::Timestamp at) {
    const auto when = TRY(time_text(at, "change.accepted_at"));
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        const Integer id = version;
        const std::string exercise(item);
        int ordinal = 0;
        soci::indicator found = soci::i_null;
        const Integer person = m_person;
        sql << "SELECT max(c.ordinal) FROM program_version_changes c "
               "JOIN program_versions v ON v.id = c.program_version_id "
               "WHERE c.program_version_id = :version AND v.person_id = :person "
               "AND c.item = :item AND c.kind = 'harder' AND c.accepted_at IS NULL",
            soci::use(id), soci::use(person), soci::use(exercise), soci::into(ordinal, found);
        if (found != soci::i_ok)
            return core::fail(core::ErrorCode::NotFound, "exercise",
                              fmt::format("the program offers no harder version of '{}'", item));
        sql << "UPDATE program_version_changes SET accepted_at = :at "
               "WHERE program_version_id = :version AND ordinal = :ordinal",
            soci::use(when), soci::use(id), soci::use(ordinal);
        return {};
    });
}

// ---- Sessions ---------------------------------------------------------------------------------

Result<core::RecordId> SociRecordStore::add_session(const core::SessionRecord& session) {
    const auto started_at = TRY(time_text(session.started_at, "session.started_at"));
    const auto day = TRY(day_text(session.day, "session.day"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const Integer program_version_id = session.program_version_id;
        const Integer planned = session.planned_ms;
        const Integer active = session.active_ms;
        const std::string outcome(core::to_string(session.outcome));
        const int pain_before = session.pain_before.value_or(0);
        const int pain_after = session.pain_after.value_or(0);
        soci::indicator before_indicator = session.pain_before ? soci::i_ok : soci::i_null;
        soci::indicator after_indicator = session.pain_after ? soci::i_ok : soci::i_null;
        const int flare = session.flare ? 1 : 0;
        const Integer person = m_person;
        Integer id = 0;
        sql << "INSERT INTO sessions (person_id, program_version_id, started_at, day, planned_ms, "
               "active_ms, outcome, pain_before, pain_after, flare) VALUES (:person, "
               ":program_version_id, :started_at, :day, :planned_ms, :active_ms, :outcome, "
               ":pain_before, :pain_after, :flare) RETURNING id",
            soci::use(person), soci::use(program_version_id), soci::use(started_at), soci::use(day),
            soci::use(planned), soci::use(active), soci::use(outcome),
            soci::use(pain_before, before_indicator), soci::use(pain_after, after_indicator),
            soci::use(flare), soci::into(id);
        insert_steps(sql, id, session.steps);
        insert_events(sql, id, session.events);
        return id;
    });
}

Result<std::vector<core::SessionRecord>> SociRecordStore::sessions(core::Day from, core::Day to,
                                                                   core::SessionDetail detail) {
    const auto first = TRY(day_text(from, "from"));
    const auto last = TRY(day_text(to, "to"));
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::SessionRecord>> {
        std::vector<core::SessionRecord> found;
        std::unordered_map<Integer, std::size_t> places;
        const Integer person = m_person;
        Integer id = 0;
        Integer program_version_id = 0;
        std::string started_at;
        std::string day;
        Integer planned = 0;
        Integer active = 0;
        std::string outcome;
        int pain_before = 0;
        int pain_after = 0;
        soci::indicator before_indicator = soci::i_null;
        soci::indicator after_indicator = soci::i_null;
        int flare = 0;
        // The summary is the sessions table alone; steps are most of the data and progress over
        // years of history never needs them.
        soci::statement statement =
            (sql.prepare << "SELECT id, program_version_id, started_at, day, planned_ms, "
                            "active_ms, outcome, pain_before, pain_after, flare FROM sessions "
                            "WHERE person_id = :person AND day BETWEEN :from AND :to "
                            "ORDER BY day, started_at, id",
             soci::into(id), soci::into(program_version_id), soci::into(started_at),
             soci::into(day), soci::into(planned), soci::into(active), soci::into(outcome),
             soci::into(pain_before, before_indicator), soci::into(pain_after, after_indicator),
             soci::into(flare), soci::use(person), soci::use(first), soci::use(last));
        statement.execute();
        while (statement.fetch()) {
            places.emplace(id, found.size());
            found.push_back(core::SessionRecord{
                .id = id,
                .program_version_id = program_version_id,
                .started_at = TRY(read_time(started_at, "sessions.started_at")),
                .day = TRY(read_day(day, "sessions.day")),
                .planned_ms = planned,
                .active_ms = active,
                .outcome =
                    TRY(read_enum(&core::parse_session_outcome, outcome, "sessions.outcome")),
                .pain_before =
                    before_indicator == soci::i_ok ? std::optional(pain_before) : std::nullopt,
                .pain_after =
                    after_indicator == soci::i_ok ? std::optional(pain_after) : std::nullopt,
                .flare = flare != 0,
                .steps = {},
                .events = {}});
        }
        if (detail == core::SessionDetail::Full && !found.empty()) {
            TRY(read_steps(sql, person, first, last, found, places));
            TRY(read_events(sql, person, first, last, found, places));
        }
        return found;
    });
}

// ---- Feedback on exercises --------------------------------------------------------------------

Result<std::optional<std::vector<std::string>>>
SociRecordStore::session_exercises(core::RecordId session) {
    return read(m_connection,
                [&](soci::session& sql) -> Result<std::optional<std::vector<std::string>>> {
                    const Integer id = session;
                    const Integer person = m_person;
                    int count = 0;
                    sql << "SELECT count(*) FROM sessions WHERE id = :id AND person_id = :person",
                        soci::use(id), soci::use(person), soci::into(count);
                    if (count == 0)
                        return std::nullopt;
                    std::vector<std::string> items;
                    std::string item;
                    soci::statement statement =
                        (sql.prepare << "SELECT item FROM session_steps WHERE session_id = :id "
                                        "AND item <> '' ORDER BY ordinal",
                         soci::use(id), soci::into(item));
                    statement.execute();
                    while (statement.fetch()) {
                        if (std::ranges::find(items, item) == items.end())
                            items.push_back(item);
                    }
                    return items;
                });
}

Result<void> SociRecordStore::set_feedback(const core::ExerciseFeedback& feedback) {
    const auto at = TRY(time_text(feedback.at, "feedback.at"));
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        const Integer session = feedback.session_id;
        const std::string rating(core::to_string(feedback.rating));
        const Integer person = m_person;
        // Only a session of this person's takes the rating.
        soci::statement insert =
            (sql.prepare << "INSERT INTO exercise_feedback (session_id, item, rating, at) "
                            "SELECT id, :item, :rating, :at FROM sessions "
                            "WHERE id = :session_id AND person_id = :person "
                            "ON CONFLICT (session_id, item) "
                            "DO UPDATE SET rating = excluded.rating, at = excluded.at",
             soci::use(feedback.item), soci::use(rating), soci::use(at), soci::use(session),
             soci::use(person));
        insert.execute(true);
        if (insert.get_affected_rows() != 1)
            return core::fail(ErrorCode::NotFound, "session",
                              fmt::format("no session {} is stored", feedback.session_id));
        return {};
    });
}

Result<std::vector<core::ExerciseFeedback>> SociRecordStore::feedback(core::Day from,
                                                                      core::Day to) {
    const auto first = TRY(day_text(from, "from"));
    const auto last = TRY(day_text(to, "to"));
    return read(
        m_connection, [&](soci::session& sql) -> Result<std::vector<core::ExerciseFeedback>> {
            std::vector<core::ExerciseFeedback> found;
            Integer session = 0;
            std::string item;
            std::string rating;
            std::string at;
            std::string day;
            const Integer person = m_person;
            soci::statement statement =
                (sql.prepare << "SELECT f.session_id, f.item, f.rating, f.at, s.day "
                                "FROM exercise_feedback f JOIN sessions s ON s.id = f.session_id "
                                "WHERE s.person_id = :person AND s.day BETWEEN :from AND :to "
                                "ORDER BY s.day, s.started_at, f.session_id, f.item",
                 soci::into(session), soci::into(item), soci::into(rating), soci::into(at),
                 soci::into(day), soci::use(person), soci::use(first), soci::use(last));
            statement.execute();
            while (statement.fetch())
                found.push_back({.session_id = session,
                                 .item = item,
                                 .rating = TRY(read_enum(&core::parse_rating, rating,
                                                         "exercise_feedback.rating")),
                                 .at = TRY(read_time(at, "exercise_feedback.at")),
                                 .day = TRY(read_day(day, "sessions.day"))});
            return found;
        });
}

// ---- Pain diary -------------------------------------------------------------------------------

Result<core::RecordId> SociRecordStore::add_pain(const core::PainEntry& entry) {
    const auto at = TRY(time_text(entry.at, "pain.at"));
    const auto day = TRY(day_text(entry.day, "pain.day"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const Integer person = m_person;
        Integer id = 0;
        sql << "INSERT INTO pain_entries (person_id, at, day, pain, note) "
               "VALUES (:person, :at, :day, :pain, :note) RETURNING id",
            soci::use(person), soci::use(at), soci::use(day), soci::use(entry.pain),
            soci::use(entry.note), soci::into(id);
        return id;
    });
}

Result<std::vector<core::PainEntry>> SociRecordStore::pain_entries(core::Day from, core::Day to) {
    const auto first = TRY(day_text(from, "from"));
    const auto last = TRY(day_text(to, "to"));
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::PainEntry>> {
        std::vector<core::PainEntry> found;
        Integer id = 0;
        std::string at;
        std::string day;
        int pain = 0;
        std::string note;
        const Integer person = m_person;
        soci::statement statement =
            (sql.prepare << "SELECT id, at, day, pain, note FROM pain_entries "
                            "WHERE person_id = :person AND day BETWEEN :from AND :to "
                            "ORDER BY day, at, id",
             soci::into(id), soci::into(at), soci::into(day), soci::into(pain), soci::into(note),
             soci::use(person), soci::use(first), soci::use(last));
        statement.execute();
        while (statement.fetch())
            found.push_back(core::PainEntry{.id = id,
                                            .at = TRY(read_time(at, "pain_entries.at")),
                                            .day = TRY(read_day(day, "pain_entries.day")),
                                            .pain = pain,
                                            .note = note});
        return found;
    });
}

// ---- Instrument scores ------------------------------------------------------------------------

Result<core::RecordId> SociRecordStore::add_score(const core::ScoreRecord& score) {
    const auto at = TRY(time_text(score.at, "score.at"));
    const auto day = TRY(day_text(score.day, "score.day"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const Integer person = m_person;
        Integer id = 0;
        sql << "INSERT INTO instrument_scores (person_id, at, day, instrument, value, band, "
               "answers) VALUES (:person, :at, :day, :instrument, :value, :band, :answers) "
               "RETURNING id",
            soci::use(person), soci::use(at), soci::use(day), soci::use(score.instrument),
            soci::use(score.value), soci::use(score.band), soci::use(score.answers), soci::into(id);
        return id;
    });
}

Result<std::vector<core::ScoreRecord>> SociRecordStore::scores() {
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::ScoreRecord>> {
        std::vector<core::ScoreRecord> found;
        Integer id = 0;
        std::string at;
        std::string day;
        core::ScoreRecord row;
        const Integer person = m_person;
        soci::statement statement =
            (sql.prepare << "SELECT id, at, day, instrument, value, band, answers "
                            "FROM instrument_scores WHERE person_id = :person ORDER BY at, id",
             soci::use(person), soci::into(id), soci::into(at), soci::into(day),
             soci::into(row.instrument), soci::into(row.value), soci::into(row.band),
             soci::into(row.answers));
        statement.execute();
        while (statement.fetch()) {
            auto& score = found.emplace_back(row);
            score.id = id;
            score.at = TRY(read_time(at, "instrument_scores.at"));
            score.day = TRY(read_day(day, "instrument_scores.day"));
        }
        return found;
    });
}

// ---- Weekly reviews ---------------------------------------------------------------------------

namespace {

Integer insert_review(soci::session& sql, Integer person, const core::ReviewRecord& review,
                      const std::string& at, const std::string& day) {
    const std::string decision(core::to_string(review.decision));
    Integer id = 0;
    sql << "INSERT INTO reviews (person_id, at, day, week, decision, from_stage, to_stage) "
           "VALUES (:person, :at, :day, :week, :decision, :from_stage, :to_stage) RETURNING id",
        soci::use(person), soci::use(at), soci::use(day), soci::use(review.week),
        soci::use(decision), soci::use(review.from_stage), soci::use(review.to_stage),
        soci::into(id);
    insert_reasons(sql, "review_reasons", "review_id", id, review.because);
    if (!review.advice.empty()) {
        std::vector<Integer> owners(review.advice.size(), id);
        std::vector<int> ordinals;
        for (std::size_t i = 0; i < review.advice.size(); ++i)
            ordinals.push_back(static_cast<int>(i));
        sql << "INSERT INTO review_advice (review_id, ordinal, advice_id) "
               "VALUES (:review_id, :ordinal, :advice_id)",
            soci::use(owners), soci::use(ordinals), soci::use(review.advice);
    }
    return id;
}

} // namespace

Result<core::RecordId>
SociRecordStore::add_review(const core::ReviewRecord& review,
                            const std::optional<core::ProgramVersion>& next) {
    const auto at = TRY(time_text(review.at, "review.at"));
    const auto day = TRY(day_text(review.day, "review.day"));
    std::optional<ProgramVersionTexts> next_texts;
    if (next)
        next_texts = TRY(texts_of(*next));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const auto id = insert_review(sql, m_person, review, at, day);
        if (next)
            insert_program_version(sql, m_person, *next, *next_texts, id);
        return id;
    });
}

Result<core::RecordId>
SociRecordStore::record_review(const core::IntakeRecord& intake, const core::ReviewRecord& review,
                               const std::optional<core::ProgramVersion>& next,
                               const std::optional<core::SafetyStop>& stop) {
    const auto intake_at = TRY(time_text(intake.at, "intake.at"));
    const auto stop_at = TRY(stop_time(stop));
    const auto at = TRY(time_text(review.at, "review.at"));
    const auto day = TRY(day_text(review.day, "review.day"));
    std::optional<ProgramVersionTexts> next_texts;
    if (next)
        next_texts = TRY(texts_of(*next));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const auto intake_id = insert_intake(sql, m_person, intake_at, intake.document);
        apply_stop(sql, m_person, intake_id, intake_at, stop, stop_at);
        const auto id = insert_review(sql, m_person, review, at, day);
        if (next) {
            auto version = *next;
            version.intake_id = intake_id;
            insert_program_version(sql, m_person, version, *next_texts, id);
        }
        return id;
    });
}

Result<std::vector<core::ReviewRecord>> SociRecordStore::reviews() {
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::ReviewRecord>> {
        std::vector<core::ReviewRecord> found;
        Integer id = 0;
        std::string at;
        std::string day;
        std::string decision;
        core::ReviewRecord row;
        const Integer person = m_person;
        soci::statement statement =
            (sql.prepare << "SELECT id, at, day, week, decision, from_stage, to_stage "
                            "FROM reviews WHERE person_id = :person ORDER BY at, id",
             soci::use(person), soci::into(id), soci::into(at), soci::into(day),
             soci::into(row.week), soci::into(decision), soci::into(row.from_stage),
             soci::into(row.to_stage));
        statement.execute();
        while (statement.fetch()) {
            auto& review = found.emplace_back(row);
            review.id = id;
            review.at = TRY(read_time(at, "reviews.at"));
            review.day = TRY(read_day(day, "reviews.day"));
            review.decision =
                TRY(read_enum(&core::parse_review_decision, decision, "reviews.decision"));
        }
        if (found.empty())
            return found;
        read_reasons(sql, "review_reasons", "review_id", "reviews", person, found);
        std::unordered_map<Integer, std::size_t> places;
        for (std::size_t i = 0; i < found.size(); ++i)
            places.emplace(found[i].id, i);
        Integer owner = 0;
        std::string advice;
        soci::statement advice_statement =
            (sql.prepare << "SELECT a.review_id, a.advice_id FROM review_advice a "
                            "JOIN reviews r ON r.id = a.review_id WHERE r.person_id = :person "
                            "ORDER BY a.review_id, a.ordinal",
             soci::use(person), soci::into(owner), soci::into(advice));
        advice_statement.execute();
        while (advice_statement.fetch()) {
            if (const auto place = places.find(owner); place != places.end())
                found[place->second].advice.push_back(advice);
        }
        return found;
    });
}

// ---- Safety stops -----------------------------------------------------------------------------

Result<core::RecordId> SociRecordStore::add_stop(const core::SafetyStop& stop) {
    const auto at = TRY(time_text(stop.at, "stop.at"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        clear_open_stops(sql, m_person, at, std::nullopt);
        return insert_stop(sql, m_person, stop, at);
    });
}

Result<std::optional<core::SafetyStop>> SociRecordStore::open_stop() {
    auto open = TRY(
        read(m_connection, [&](soci::session& sql) { return read_stops(sql, m_person, true); }));
    if (open.empty())
        return std::nullopt;
    return std::move(open.front());
}

Result<std::vector<core::SafetyStop>> SociRecordStore::stops() {
    return read(m_connection, [&](soci::session& sql) { return read_stops(sql, m_person, false); });
}

Result<void> SociRecordStore::mark_stop_seen(core::RecordId id, core::Timestamp at) {
    const auto seen = TRY(time_text(at, "seen_at"));
    const Integer stop_id = id;
    const Integer person = m_person;
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        soci::statement update =
            (sql.prepare << "UPDATE safety_stops SET seen_at = :at "
                            "WHERE id = :id AND person_id = :person AND cleared_at IS NULL",
             soci::use(seen), soci::use(stop_id), soci::use(person));
        update.execute(true);
        if (update.get_affected_rows() != 1)
            return core::fail(ErrorCode::NotFound, "stop", fmt::format("no open stop {}", id));
        return {};
    });
}

// ---- Advice followed up -----------------------------------------------------------------------

Result<core::RecordId> SociRecordStore::add_follow_up_done(const core::FollowUpDone& done) {
    const auto at = TRY(time_text(done.at, "follow_up.at"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        const Integer person = m_person;
        Integer id = 0;
        sql << "INSERT INTO follow_ups_done (person_id, advice, at) "
               "VALUES (:person, :advice, :at) RETURNING id",
            soci::use(person), soci::use(done.advice), soci::use(at), soci::into(id);
        return id;
    });
}

Result<std::vector<core::FollowUpDone>> SociRecordStore::follow_ups_done() {
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::FollowUpDone>> {
        std::vector<core::FollowUpDone> found;
        Integer id = 0;
        std::string advice;
        std::string at;
        const Integer person = m_person;
        soci::statement statement =
            (sql.prepare << "SELECT id, advice, at FROM follow_ups_done WHERE person_id = :person "
                            "ORDER BY at, id",
             soci::use(person), soci::into(id), soci::into(advice), soci::into(at));
        statement.execute();
        while (statement.fetch())
            found.push_back(
                {.id = id, .advice = advice, .at = TRY(read_time(at, "follow_ups_done.at"))});
        return found;
    });
}

// ---- Reminder settings ------------------------------------------------------------------------

Result<core::ReminderSettings> SociRecordStore::reminder_settings() {
    return read(m_connection, [&](soci::session& sql) -> Result<core::ReminderSettings> {
        int work_start = 0;
        int work_end = 0;
        int desk_breaks = 0;
        int sessions = 0;
        const Integer person = m_person;
        sql << "SELECT work_start_minutes, work_end_minutes, desk_breaks, sessions "
               "FROM reminder_settings WHERE person_id = :person",
            soci::use(person), soci::into(work_start), soci::into(work_end),
            soci::into(desk_breaks), soci::into(sessions);
        if (!sql.got_data())
            return core::ReminderSettings{};
        return core::ReminderSettings{
            .session_minutes = read_ordered_ints(sql, person, "reminder_session_times", "minutes"),
            .work_start_minutes = work_start,
            .work_end_minutes = work_end,
            .work_days = read_ordered_ints(sql, person, "reminder_work_days", "weekday"),
            .desk_breaks = desk_breaks != 0,
            .sessions = sessions != 0};
    });
}

Result<void> SociRecordStore::save_reminder_settings(const core::ReminderSettings& settings) {
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        const Integer person = m_person;
        sql << "DELETE FROM reminder_session_times WHERE person_id = :person", soci::use(person);
        sql << "DELETE FROM reminder_work_days WHERE person_id = :person", soci::use(person);
        sql << "DELETE FROM reminder_settings WHERE person_id = :person", soci::use(person);
        const int desk_breaks = settings.desk_breaks ? 1 : 0;
        const int sessions = settings.sessions ? 1 : 0;
        sql << "INSERT INTO reminder_settings (person_id, work_start_minutes, work_end_minutes, "
               "desk_breaks, sessions) VALUES (:person, :work_start, :work_end, :desk_breaks, "
               ":sessions)",
            soci::use(person), soci::use(settings.work_start_minutes),
            soci::use(settings.work_end_minutes), soci::use(desk_breaks), soci::use(sessions);
        insert_ordered_ints(sql, person, "reminder_session_times", "minutes",
                            settings.session_minutes);
        insert_ordered_ints(sql, person, "reminder_work_days", "weekday", settings.work_days);
        return {};
    });
}

// ---- Answers kept for retried requests ---------------------------------------------------------

Result<std::optional<core::KeptAnswer>> SociRecordStore::kept_answer(std::string_view key) {
    const std::string wanted(key);
    return read(m_connection, [&](soci::session& sql) -> Result<std::optional<core::KeptAnswer>> {
        core::KeptAnswer answer;
        std::string at;
        const Integer person = m_person;
        sql << "SELECT request, status, body, at FROM kept_answers "
               "WHERE person_id = :person AND key = :key",
            soci::use(person), soci::use(wanted), soci::into(answer.request),
            soci::into(answer.status), soci::into(answer.body), soci::into(at);
        if (!sql.got_data())
            return std::nullopt;
        answer.key = wanted;
        answer.at = TRY(read_time(at, "kept_answers.at"));
        return answer;
    });
}

Result<void> SociRecordStore::keep_answer(const core::KeptAnswer& answer,
                                          core::Timestamp forget_before) {
    const auto at = TRY(time_text(answer.at, "kept_answer.at"));
    const auto before = TRY(time_text(forget_before, "forget_before"));
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM kept_answers WHERE at < :before", soci::use(before);
        const Integer person = m_person;
        sql << "INSERT INTO kept_answers (person_id, key, request, status, body, at) "
               "VALUES (:person, :key, :request, :status, :body, :at)",
            soci::use(person), soci::use(answer.key), soci::use(answer.request),
            soci::use(answer.status), soci::use(answer.body), soci::use(at);
        return {};
    });
}

// ---- Forgetting -------------------------------------------------------------------------------

Result<void> SociRecordStore::forget() {
    const Integer person = m_person;
    TRY(write(m_connection, [&](soci::session& sql) -> Result<void> {
        for (const auto statement : forget_statements)
            sql << statement, soci::use(person);
        return {};
    }));
    // Deleted rows stay in free pages of the file, and their pages in the write-ahead log, until
    // something overwrites them. Rewriting the file and emptying the log removes them now.
    return guarded([&]() -> Result<void> {
        auto& sql = *m_connection.sql;
        sql << m_connection.dialect->vacuum;
        if (m_connection.dialect->checkpoint.empty())
            return {};
        int busy = 0;
        int log_frames = 0;
        int checkpointed = 0;
        sql << m_connection.dialect->checkpoint, soci::into(busy), soci::into(log_frames),
            soci::into(checkpointed);
        if (busy != 0)
            return core::fail(ErrorCode::Io, "db",
                              "the record is deleted, but another process has the database open, "
                              "so old pages stay in its write-ahead log until that process "
                              "closes it; run this again once no other Unload is running");
        return {};
    });
}

} // namespace unload::store
