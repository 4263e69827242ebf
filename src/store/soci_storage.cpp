#include "store/soci_storage.hpp"

#include <fmt/format.h>

#include "store/rows.hpp"
#include "store/soci_record_store.hpp"

namespace unload::store {

using core::Result;

SociStorage::SociStorage(Connection connection)
    : m_connection(std::move(connection)), m_directory(m_connection) {}

std::unique_ptr<core::RecordStore> SociStorage::record(core::PersonId person) {
    return std::make_unique<SociRecordStore>(m_connection, person);
}

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

} // namespace unload::store
