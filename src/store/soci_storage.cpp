#include "store/soci_storage.hpp"

#include "store/soci_record_store.hpp"

namespace unload::store {

using core::Result;

SociStorage::SociStorage(Connection connection)
    : m_connection(std::move(connection)), m_directory(m_connection), m_audit_log(m_connection) {}

std::unique_ptr<core::RecordStore> SociStorage::record(core::PersonId person) {
    return std::make_unique<SociRecordStore>(m_connection, person);
}

} // namespace unload::store
