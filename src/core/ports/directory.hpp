#pragma once

// The directory, the second storage port (storage.hpp): who is known to the server. Today the
// people with a record; the clinic's accounts, care links and sign-in sessions join it (clinic.md).
// It holds no health data: a person here is a name and an id, and their record is behind
// RecordStore. Every method is one transaction.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/records.hpp"

namespace unload::core {

/// Someone with a record, as the directory knows them.
struct PersonEntry {
    PersonId id = 0;
    /// How the clinic knows them. Empty for the person of a personal-mode database, and after
    /// their record was forgotten.
    std::string name;
    Timestamp created_at{};
};

class Directory {
public:
    virtual ~Directory() = default;

    /// Adds a person with an empty record; returns their id.
    virtual Result<PersonId> add_person(std::string_view name, Timestamp at) = 0;
    virtual Result<std::optional<PersonEntry>> person(PersonId id) = 0;
    /// Everyone, by id.
    virtual Result<std::vector<PersonEntry>> people() = 0;
    /// The one person of a personal-mode database: added, with no name, when the database has
    /// nobody yet; nullopt when it holds several people, so that no one is picked by guessing.
    virtual Result<std::optional<PersonId>> sole_person(Timestamp at) = 0;
};

} // namespace unload::core
