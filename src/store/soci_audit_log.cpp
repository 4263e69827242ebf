#include "store/soci_audit_log.hpp"

#include <array>

#include <fmt/format.h>
#include <sodium.h>

#include "store/rows.hpp"

namespace unload::store {

using core::Result;

std::string audit_digest(const core::AuditEvent& event, std::string_view previous) {
    std::string text;
    const auto field = [&](std::string_view value) {
        text += fmt::format("{}:", value.size());
        text += value;
        text += ';';
    };
    const auto optional_number = [&](const std::optional<core::RecordId>& value) {
        field(value ? std::to_string(*value) : std::string("-"));
    };
    field(std::to_string(event.id));
    field(core::iso_timestamp(event.at));
    field(event.actor);
    optional_number(event.account);
    field(event.role);
    field(event.action);
    optional_number(event.person);
    field(event.resource);
    field(event.outcome);
    field(event.request_id);
    field(event.address);
    field(previous);
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256(digest.data(), reinterpret_cast<const unsigned char*>(text.data()),
                       text.size());
    std::string hex(digest.size() * 2 + 1, '\0');
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    hex.pop_back();
    return hex;
}

namespace {

/// One audit row, bound for reading.
struct EventRow {
    Integer id = 0;
    std::string at;
    std::string actor;
    Integer account = 0;
    soci::indicator account_given = soci::i_null;
    std::string role;
    std::string action;
    Integer person = 0;
    soci::indicator person_given = soci::i_null;
    std::string resource;
    std::string outcome;
    std::string request_id;
    std::string address;
    std::string previous_digest;
    std::string digest;

    Result<core::AuditEvent> value() const {
        return core::AuditEvent{
            .id = id,
            .at = TRY(read_time(at, "audit_events.at")),
            .actor = actor,
            .account =
                account_given == soci::i_ok ? std::optional<core::RecordId>(account) : std::nullopt,
            .role = role,
            .action = action,
            .person =
                person_given == soci::i_ok ? std::optional<core::PersonId>(person) : std::nullopt,
            .resource = resource,
            .outcome = outcome,
            .request_id = request_id,
            .address = address,
            .previous_digest = previous_digest,
            .digest = digest};
    }
};

constexpr std::string_view event_columns =
    "SELECT id, at, actor, account_id, role, action, person_id, resource, outcome, request_id, "
    "address, previous_digest, digest FROM audit_events ";

/// Prepares `sql` (which selects event_columns) into `row`.
soci::statement prepare_events(soci::session& sql, const std::string& query, EventRow& row) {
    soci::statement statement = (sql.prepare << query);
    statement.exchange(soci::into(row.id));
    statement.exchange(soci::into(row.at));
    statement.exchange(soci::into(row.actor));
    statement.exchange(soci::into(row.account, row.account_given));
    statement.exchange(soci::into(row.role));
    statement.exchange(soci::into(row.action));
    statement.exchange(soci::into(row.person, row.person_given));
    statement.exchange(soci::into(row.resource));
    statement.exchange(soci::into(row.outcome));
    statement.exchange(soci::into(row.request_id));
    statement.exchange(soci::into(row.address));
    statement.exchange(soci::into(row.previous_digest));
    statement.exchange(soci::into(row.digest));
    return statement;
}

} // namespace

Result<core::RecordId> SociAuditLog::append(const core::AuditEvent& event) {
    [[maybe_unused]] static const int sodium = sodium_init();
    const auto at = TRY(time_text(event.at, "audit.at"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        Integer last_id = 0;
        std::string previous = no_previous_digest;
        sql << "SELECT id, digest FROM audit_events ORDER BY id DESC LIMIT 1", soci::into(last_id),
            soci::into(previous);
        if (!sql.got_data()) {
            last_id = 0;
            previous = no_previous_digest;
        }
        core::AuditEvent chained = event;
        chained.id = last_id + 1;
        chained.previous_digest = previous;
        chained.digest = audit_digest(chained, previous);
        const Integer id = chained.id;
        const Integer account = chained.account.value_or(0);
        soci::indicator account_given = chained.account ? soci::i_ok : soci::i_null;
        const Integer person = chained.person.value_or(0);
        soci::indicator person_given = chained.person ? soci::i_ok : soci::i_null;
        sql << "INSERT INTO audit_events (id, at, actor, account_id, role, action, person_id, "
               "resource, outcome, request_id, address, previous_digest, digest) VALUES (:id, "
               ":at, :actor, :account, :role, :action, :person, :resource, :outcome, "
               ":request_id, :address, :previous, :digest)",
            soci::use(id), soci::use(at), soci::use(chained.actor),
            soci::use(account, account_given), soci::use(chained.role), soci::use(chained.action),
            soci::use(person, person_given), soci::use(chained.resource),
            soci::use(chained.outcome), soci::use(chained.request_id), soci::use(chained.address),
            soci::use(chained.previous_digest), soci::use(chained.digest);
        return core::RecordId{id};
    });
}

Result<std::vector<core::AuditEvent>> SociAuditLog::events(const core::AuditFilter& filter) {
    std::string where = "WHERE 1 = 1";
    if (filter.person)
        where += fmt::format(" AND person_id = {}", *filter.person);
    if (filter.account)
        where += fmt::format(" AND account_id = {}", *filter.account);
    if (filter.since)
        where += fmt::format(" AND at >= '{}'", TRY(time_text(*filter.since, "since")));
    const auto query =
        fmt::format("{}{} ORDER BY id DESC LIMIT {}", event_columns, where, filter.limit);
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::AuditEvent>> {
        std::vector<core::AuditEvent> found;
        EventRow row;
        auto statement = prepare_events(sql, query, row);
        statement.define_and_bind();
        statement.execute();
        while (statement.fetch())
            found.push_back(TRY(row.value()));
        return found;
    });
}

Result<std::optional<core::AuditBreak>> SociAuditLog::verify() {
    [[maybe_unused]] static const int sodium = sodium_init();
    const auto query = fmt::format("{}ORDER BY id", event_columns);
    return read(m_connection, [&](soci::session& sql) -> Result<std::optional<core::AuditBreak>> {
        EventRow row;
        auto statement = prepare_events(sql, query, row);
        statement.define_and_bind();
        statement.execute();
        std::string previous = no_previous_digest;
        Integer expected_id = 1;
        while (statement.fetch()) {
            const auto event = TRY(row.value());
            if (event.id != expected_id)
                return core::AuditBreak{.id = event.id,
                                        .reason = fmt::format("event {} is missing", expected_id)};
            if (event.previous_digest != previous)
                return core::AuditBreak{.id = event.id,
                                        .reason = "it does not link to the event before it"};
            if (audit_digest(event, previous) != event.digest)
                return core::AuditBreak{.id = event.id,
                                        .reason = "its contents do not match its digest"};
            previous = event.digest;
            ++expected_id;
        }
        return std::nullopt;
    });
}

Result<std::size_t> SociAuditLog::count() {
    return read(m_connection, [&](soci::session& sql) -> Result<std::size_t> {
        Integer rows = 0;
        sql << "SELECT count(*) FROM audit_events", soci::into(rows);
        return static_cast<std::size_t>(rows);
    });
}

} // namespace unload::store
