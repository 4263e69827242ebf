#include "store/soci_directory.hpp"

#include "store/rows.hpp"

namespace unload::store {

using core::Result;

// ---- People -----------------------------------------------------------------------------------

namespace {

Integer insert_person(soci::session& sql, const std::string& name, const std::string& at) {
    Integer id = 0;
    sql << "INSERT INTO people (name, created_at) VALUES (:name, :at) RETURNING id",
        soci::use(name), soci::use(at), soci::into(id);
    return id;
}

} // namespace

Result<core::PersonId> SociDirectory::add_person(std::string_view name, core::Timestamp at) {
    const auto created = TRY(time_text(at, "person.created_at"));
    const std::string text(name);
    return write(m_connection, [&](soci::session& sql) -> Result<core::PersonId> {
        return insert_person(sql, text, created);
    });
}

Result<std::optional<core::PersonEntry>> SociDirectory::person(core::PersonId id) {
    const Integer wanted = id;
    return read(m_connection, [&](soci::session& sql) -> Result<std::optional<core::PersonEntry>> {
        std::string name;
        std::string created;
        sql << "SELECT name, created_at FROM people WHERE id = :id", soci::use(wanted),
            soci::into(name), soci::into(created);
        if (!sql.got_data())
            return std::nullopt;
        return core::PersonEntry{
            .id = id, .name = name, .created_at = TRY(read_time(created, "people.created_at"))};
    });
}

Result<std::vector<core::PersonEntry>> SociDirectory::people() {
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::PersonEntry>> {
        std::vector<core::PersonEntry> found;
        Integer id = 0;
        std::string name;
        std::string created;
        soci::statement statement =
            (sql.prepare << "SELECT id, name, created_at FROM people ORDER BY id", soci::into(id),
             soci::into(name), soci::into(created));
        statement.execute();
        while (statement.fetch())
            found.push_back({.id = id,
                             .name = name,
                             .created_at = TRY(read_time(created, "people.created_at"))});
        return found;
    });
}

Result<std::optional<core::PersonId>> SociDirectory::sole_person(core::Timestamp at) {
    const auto created = TRY(time_text(at, "person.created_at"));
    // At most two people tell whether there is one.
    const auto find = [](soci::session& sql) -> Result<std::vector<Integer>> {
        std::vector<Integer> ids(2);
        sql << "SELECT id FROM people ORDER BY id LIMIT 2", soci::into(ids);
        return ids;
    };
    // Under the write lock, so that two processes opening a new database add one person.
    const auto add_first = [&](soci::session& sql) -> Result<std::vector<Integer>> {
        auto again = find(sql);
        if (again && again->empty())
            again->push_back(insert_person(sql, "", created));
        return again;
    };
    auto found = TRY(read(m_connection, find));
    if (found.empty())
        found = TRY(write(m_connection, add_first));
    if (found.size() > 1)
        return std::nullopt;
    return core::PersonId{found.front()};
}

// ---- Accounts ---------------------------------------------------------------------------------

namespace {

constexpr const char* account_columns =
    "SELECT id, username, role, person_id, password_hash, disabled, created_at FROM accounts ";

/// One account row, bound for reading.
struct AccountRow {
    Integer id = 0;
    std::string username;
    std::string role;
    Integer person = 0;
    soci::indicator person_given = soci::i_null;
    std::string password_hash;
    int disabled = 0;
    std::string created_at;

    Result<core::Account> value() const {
        return core::Account{.id = id,
                             .username = username,
                             .role = TRY(read_enum(&core::parse_role, role, "accounts.role")),
                             .person = person_given == soci::i_ok
                                           ? std::optional<core::PersonId>(person)
                                           : std::nullopt,
                             .password_hash = password_hash,
                             .disabled = disabled != 0,
                             .created_at = TRY(read_time(created_at, "accounts.created_at"))};
    }
};

/// The account `where` (with one parameter, `key`) finds, if any.
template <class Key>
Result<std::optional<core::Account>> one_account(soci::session& sql, std::string_view where,
                                                 const Key& key) {
    AccountRow row;
    sql << (std::string(account_columns) + std::string(where)), soci::use(key), soci::into(row.id),
        soci::into(row.username), soci::into(row.role), soci::into(row.person, row.person_given),
        soci::into(row.password_hash), soci::into(row.disabled), soci::into(row.created_at);
    if (!sql.got_data())
        return std::nullopt;
    return TRY(row.value());
}

} // namespace

Result<bool> SociDirectory::has_accounts() {
    return read(m_connection, [&](soci::session& sql) -> Result<bool> {
        Integer found = 0;
        soci::indicator given = soci::i_null;
        sql << "SELECT id FROM accounts LIMIT 1", soci::into(found, given);
        return sql.got_data();
    });
}

Result<core::RecordId> SociDirectory::add_account(const core::Account& account) {
    const auto created = TRY(time_text(account.created_at, "account.created_at"));
    const std::string role(core::to_string(account.role));
    const Integer person = account.person.value_or(0);
    soci::indicator person_given = account.person ? soci::i_ok : soci::i_null;
    const int disabled = account.disabled ? 1 : 0;
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        Integer taken = 0;
        sql << "SELECT id FROM accounts WHERE username = :name", soci::use(account.username),
            soci::into(taken);
        if (sql.got_data())
            return core::fail(core::ErrorCode::Conflict, "username",
                              "an account with that name exists");
        Integer id = 0;
        sql << "INSERT INTO accounts (username, role, person_id, password_hash, disabled, "
               "created_at) VALUES (:name, :role, :person, :hash, :disabled, :at) RETURNING id",
            soci::use(account.username), soci::use(role), soci::use(person, person_given),
            soci::use(account.password_hash), soci::use(disabled), soci::use(created),
            soci::into(id);
        return core::RecordId{id};
    });
}

Result<std::optional<core::Account>> SociDirectory::account(core::RecordId id) {
    const Integer key = id;
    return read(m_connection,
                [&](soci::session& sql) { return one_account(sql, "WHERE id = :id", key); });
}

Result<std::optional<core::Account>> SociDirectory::account_named(std::string_view username) {
    const std::string name(username);
    return read(m_connection, [&](soci::session& sql) {
        return one_account(sql, "WHERE username = :name", name);
    });
}

Result<std::vector<core::Account>> SociDirectory::accounts() {
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::Account>> {
        std::vector<core::Account> found;
        AccountRow row;
        soci::statement statement =
            (sql.prepare << (std::string(account_columns) + "ORDER BY username"),
             soci::into(row.id), soci::into(row.username), soci::into(row.role),
             soci::into(row.person, row.person_given), soci::into(row.password_hash),
             soci::into(row.disabled), soci::into(row.created_at));
        statement.execute();
        while (statement.fetch())
            found.push_back(TRY(row.value()));
        return found;
    });
}

Result<void> SociDirectory::set_disabled(core::RecordId account, bool disabled) {
    const Integer id = account;
    const int flag = disabled ? 1 : 0;
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "UPDATE accounts SET disabled = :flag WHERE id = :id", soci::use(flag),
            soci::use(id);
        if (disabled)
            sql << "DELETE FROM sign_in_sessions WHERE account_id = :id", soci::use(id);
        return {};
    });
}

Result<void> SociDirectory::set_password_hash(core::RecordId account, std::string_view hash,
                                              bool end_sessions) {
    const Integer id = account;
    const std::string text(hash);
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "UPDATE accounts SET password_hash = :hash WHERE id = :id", soci::use(text),
            soci::use(id);
        if (end_sessions)
            sql << "DELETE FROM sign_in_sessions WHERE account_id = :id", soci::use(id);
        return {};
    });
}

// ---- Sign-in sessions -------------------------------------------------------------------------

Result<void> SociDirectory::add_session(const core::SignInSession& session) {
    const auto created = TRY(time_text(session.created_at, "session.created_at"));
    const auto seen = TRY(time_text(session.last_seen_at, "session.last_seen_at"));
    const Integer account = session.account;
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "INSERT INTO sign_in_sessions (token_digest, account_id, created_at, last_seen_at) "
               "VALUES (:digest, :account, :created, :seen)",
            soci::use(session.token_digest), soci::use(account), soci::use(created),
            soci::use(seen);
        return {};
    });
}

Result<std::optional<core::SignInSession>> SociDirectory::session(std::string_view token_digest) {
    const std::string digest(token_digest);
    return read(
        m_connection, [&](soci::session& sql) -> Result<std::optional<core::SignInSession>> {
            Integer account = 0;
            std::string created;
            std::string seen;
            sql << "SELECT account_id, created_at, last_seen_at FROM sign_in_sessions "
                   "WHERE token_digest = :digest",
                soci::use(digest), soci::into(account), soci::into(created), soci::into(seen);
            if (!sql.got_data())
                return std::nullopt;
            return core::SignInSession{
                .token_digest = digest,
                .account = account,
                .created_at = TRY(read_time(created, "sign_in_sessions.created_at")),
                .last_seen_at = TRY(read_time(seen, "sign_in_sessions.last_seen_at"))};
        });
}

Result<void> SociDirectory::touch_session(std::string_view token_digest, core::Timestamp at) {
    const std::string digest(token_digest);
    const auto seen = TRY(time_text(at, "session.last_seen_at"));
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "UPDATE sign_in_sessions SET last_seen_at = :seen WHERE token_digest = :digest",
            soci::use(seen), soci::use(digest);
        return {};
    });
}

Result<void> SociDirectory::end_session(std::string_view token_digest) {
    const std::string digest(token_digest);
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM sign_in_sessions WHERE token_digest = :digest", soci::use(digest);
        return {};
    });
}

// ---- Failed sign-ins --------------------------------------------------------------------------

Result<void> SociDirectory::add_failure(std::string_view subject, core::Timestamp at,
                                        core::Timestamp forget_before) {
    const std::string text(subject);
    const auto when = TRY(time_text(at, "failure.at"));
    const auto before = TRY(time_text(forget_before, "forget_before"));
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM sign_in_failures WHERE at < :before", soci::use(before);
        sql << "INSERT INTO sign_in_failures (subject, at) VALUES (:subject, :at)", soci::use(text),
            soci::use(when);
        return {};
    });
}

Result<std::vector<core::Timestamp>> SociDirectory::failures(std::string_view subject,
                                                             core::Timestamp since) {
    const std::string text(subject);
    const auto from = TRY(time_text(since, "since"));
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::Timestamp>> {
        std::vector<core::Timestamp> found;
        std::string at;
        soci::statement statement =
            (sql.prepare << "SELECT at FROM sign_in_failures WHERE subject = :subject AND at >= "
                            ":since ORDER BY at",
             soci::use(text), soci::use(from), soci::into(at));
        statement.execute();
        while (statement.fetch())
            found.push_back(TRY(read_time(at, "sign_in_failures.at")));
        return found;
    });
}

Result<void> SociDirectory::clear_failures(std::string_view subject) {
    const std::string text(subject);
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        sql << "DELETE FROM sign_in_failures WHERE subject = :subject", soci::use(text);
        return {};
    });
}

// ---- Care links and invitations ---------------------------------------------------------------

namespace {

std::string_view origin_name(core::CareOrigin origin) {
    return origin == core::CareOrigin::Registered ? "registered" : "invitation";
}

std::optional<core::CareOrigin> parse_origin(std::string_view text) {
    if (text == "registered")
        return core::CareOrigin::Registered;
    if (text == "invitation")
        return core::CareOrigin::Invitation;
    return std::nullopt;
}

Result<std::vector<core::CareLink>> care_links(soci::session& sql, const char* where, Integer key) {
    std::vector<core::CareLink> found;
    Integer clinician = 0;
    std::string clinician_name;
    Integer person = 0;
    std::string person_name;
    std::string origin;
    std::string since;
    soci::statement statement =
        (sql.prepare << std::string("SELECT c.clinician_id, a.username, c.person_id, p.name, "
                                    "c.origin, c.since FROM care_links c "
                                    "JOIN accounts a ON a.id = c.clinician_id "
                                    "JOIN people p ON p.id = c.person_id ") +
                            where,
         soci::use(key), soci::into(clinician), soci::into(clinician_name), soci::into(person),
         soci::into(person_name), soci::into(origin), soci::into(since));
    statement.execute();
    while (statement.fetch())
        found.push_back({.clinician = clinician,
                         .clinician_name = clinician_name,
                         .person = person,
                         .person_name = person_name,
                         .origin = TRY(read_enum(&parse_origin, origin, "care_links.origin")),
                         .since = TRY(read_time(since, "care_links.since"))});
    return found;
}

} // namespace

Result<void> SociDirectory::add_care_link(core::RecordId clinician, core::PersonId person,
                                          core::CareOrigin origin, core::Timestamp at) {
    const Integer clinician_id = clinician;
    const Integer person_id = person;
    const std::string how(origin_name(origin));
    const auto since = TRY(time_text(at, "care_link.since"));
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        Integer found = 0;
        sql << "SELECT person_id FROM care_links WHERE clinician_id = :clinician AND person_id = "
               ":person",
            soci::use(clinician_id), soci::use(person_id), soci::into(found);
        if (sql.got_data())
            return {};
        sql << "INSERT INTO care_links (clinician_id, person_id, origin, since) VALUES "
               "(:clinician, :person, :origin, :since)",
            soci::use(clinician_id), soci::use(person_id), soci::use(how), soci::use(since);
        return {};
    });
}

Result<void> SociDirectory::end_care_link(core::RecordId clinician, core::PersonId person) {
    const Integer clinician_id = clinician;
    const Integer person_id = person;
    return write(m_connection, [&](soci::session& sql) -> Result<void> {
        soci::statement statement =
            (sql.prepare << "DELETE FROM care_links WHERE clinician_id = :clinician AND "
                            "person_id = :person",
             soci::use(clinician_id), soci::use(person_id));
        statement.execute(true);
        if (statement.get_affected_rows() == 0)
            return core::fail(core::ErrorCode::NotFound, "person",
                              "no such person in this clinician's care");
        return {};
    });
}

Result<bool> SociDirectory::in_care(core::RecordId clinician, core::PersonId person) {
    const Integer clinician_id = clinician;
    const Integer person_id = person;
    return read(m_connection, [&](soci::session& sql) -> Result<bool> {
        Integer found = 0;
        sql << "SELECT person_id FROM care_links WHERE clinician_id = :clinician AND person_id = "
               ":person",
            soci::use(clinician_id), soci::use(person_id), soci::into(found);
        return sql.got_data();
    });
}

Result<std::vector<core::CareLink>>
SociDirectory::care_links_of_clinician(core::RecordId clinician) {
    return read(m_connection, [&](soci::session& sql) {
        return care_links(sql, "WHERE c.clinician_id = :key ORDER BY p.name, c.person_id",
                          clinician);
    });
}

Result<std::vector<core::CareLink>> SociDirectory::care_links_of_person(core::PersonId person) {
    return read(m_connection, [&](soci::session& sql) {
        return care_links(sql, "WHERE c.person_id = :key ORDER BY a.username", person);
    });
}

Result<core::RecordId> SociDirectory::add_invitation(std::string_view code_digest,
                                                     core::RecordId clinician, core::Timestamp at,
                                                     core::Timestamp expires_at) {
    const std::string digest(code_digest);
    const Integer clinician_id = clinician;
    const auto created = TRY(time_text(at, "invitation.created_at"));
    const auto expires = TRY(time_text(expires_at, "invitation.expires_at"));
    return write(m_connection, [&](soci::session& sql) -> Result<core::RecordId> {
        Integer id = 0;
        sql << "INSERT INTO invitations (code_digest, clinician_id, created_at, expires_at) "
               "VALUES (:digest, :clinician, :created, :expires) RETURNING id",
            soci::use(digest), soci::use(clinician_id), soci::use(created), soci::use(expires),
            soci::into(id);
        return core::RecordId{id};
    });
}

Result<std::optional<core::RecordId>> SociDirectory::use_invitation(std::string_view code_digest,
                                                                    core::Timestamp at) {
    const std::string digest(code_digest);
    const auto now = TRY(time_text(at, "invitation.used_at"));
    return write(m_connection, [&](soci::session& sql) -> Result<std::optional<core::RecordId>> {
        Integer id = 0;
        Integer clinician = 0;
        sql << "SELECT id, clinician_id FROM invitations WHERE code_digest = :digest AND used_at "
               "IS NULL AND expires_at > :now",
            soci::use(digest), soci::use(now), soci::into(id), soci::into(clinician);
        if (!sql.got_data())
            return std::nullopt;
        sql << "UPDATE invitations SET used_at = :now WHERE id = :id", soci::use(now),
            soci::use(id);
        return core::RecordId{clinician};
    });
}

Result<std::vector<core::Invitation>> SociDirectory::pending_invitations(core::RecordId clinician,
                                                                         core::Timestamp at) {
    const Integer clinician_id = clinician;
    const auto now = TRY(time_text(at, "now"));
    return read(m_connection, [&](soci::session& sql) -> Result<std::vector<core::Invitation>> {
        std::vector<core::Invitation> found;
        Integer id = 0;
        std::string created;
        std::string expires;
        soci::statement statement =
            (sql.prepare << "SELECT id, created_at, expires_at FROM invitations WHERE "
                            "clinician_id = :clinician AND used_at IS NULL AND expires_at > :now "
                            "ORDER BY id",
             soci::use(clinician_id), soci::use(now), soci::into(id), soci::into(created),
             soci::into(expires));
        statement.execute();
        while (statement.fetch())
            found.push_back({.id = id,
                             .clinician = clinician,
                             .created_at = TRY(read_time(created, "invitations.created_at")),
                             .expires_at = TRY(read_time(expires, "invitations.expires_at")),
                             .used_at = std::nullopt});
        return found;
    });
}

} // namespace unload::store
