#include "store/store.hpp"

#include <filesystem>
#include <system_error>

#include <fmt/format.h>

#include "store/connection.hpp"
#include "store/migrations.hpp"
#include "store/soci_storage.hpp"

namespace unload::store {

namespace {

/// Reads a database URL: `sqlite:PATH` or a bare path. Other schemes are refused by name, so a
/// typo does not quietly become a file called `postgresql:/...`.
core::Result<std::filesystem::path> sqlite_path(std::string_view url) {
    if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
        return core::fail(core::ErrorCode::InvalidInput, "db",
                          "PostgreSQL support comes in a later stage; use sqlite:PATH for now");
    constexpr std::string_view sqlite_scheme = "sqlite:";
    if (url.starts_with(sqlite_scheme))
        url.remove_prefix(sqlite_scheme.size());
    else if (const auto scheme = url.find("://"); scheme != std::string_view::npos)
        return core::fail(core::ErrorCode::InvalidInput, "db",
                          fmt::format("unknown database scheme '{}'; expected sqlite:PATH",
                                      url.substr(0, scheme)));
    if (url.empty())
        return core::fail(core::ErrorCode::InvalidInput, "db",
                          "expected sqlite:PATH or a path, got nothing");
    return std::filesystem::path(url);
}

/// Creates the directory that will hold the database. A directory made here is private to its
/// owner, since everything in it is health data.
core::Result<void> create_parent(const std::filesystem::path& path) {
    const auto parent = path.parent_path();
    if (parent.empty())
        return {};
    std::error_code error;
    if (std::filesystem::create_directories(parent, error))
        std::filesystem::permissions(parent, std::filesystem::perms::owner_all,
                                     std::filesystem::perm_options::replace, error);
    // A folder that cannot be made (a file in the way, no permission, a read-only disk) is the
    // path's fault: the person chose it.
    if (error)
        return core::fail(
            error == std::errc::no_space_on_device ? core::ErrorCode::Io
                                                   : core::ErrorCode::InvalidInput,
            "db", fmt::format("cannot create directory {}: {}", parent.string(), error.message()));
    return {};
}

} // namespace

int latest_schema_version() {
    const auto migrations = embedded_migrations();
    return migrations.empty() ? 0 : migrations.back().version;
}

core::Result<std::unique_ptr<core::Storage>> open(std::string_view url,
                                                  const OpenOptions& options) {
    const auto path = TRY(sqlite_path(url));
    const int target = options.migrate_to.value_or(latest_schema_version());
    if (target < 0 || target > latest_schema_version())
        return core::fail(core::ErrorCode::InvalidInput, "db",
                          fmt::format("cannot migrate to schema version {}; this Unload knows "
                                      "0..{}",
                                      target, latest_schema_version()));
    TRY(create_parent(path));
    auto connection = TRY(connect_sqlite(path, Create::IfMissing));
    TRY(migrate(connection, target));
    return std::make_unique<SociStorage>(std::move(connection));
}

core::Result<std::vector<AppliedMigration>> applied_migrations(std::string_view url) {
    const auto path = TRY(sqlite_path(url));
    std::error_code error;
    if (!std::filesystem::exists(path, error))
        return std::vector<AppliedMigration>{};
    auto connection = TRY(connect_sqlite(path, Create::Never));
    return read_applied(connection);
}

core::Result<int> schema_version(std::string_view url) {
    const auto applied = TRY(applied_migrations(url));
    return applied.empty() ? 0 : applied.back().version;
}

} // namespace unload::store
