#pragma once

// The people of the server (clinic.md): who has a record. The host operator lists and adds them
// today; with accounts, clinicians register the people in their care and admins see everyone.

#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/ports/directory.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// The longest name a person may have, in bytes of UTF-8.
inline constexpr std::size_t max_person_name = 200;

/// Everyone with a record, by id. Forbidden for anyone but the host operator.
core::Result<std::vector<core::PersonEntry>> people(const Resources& res, const core::Actor& actor);

/// Adds a person with an empty record. `name` (field `name`) is 1 to max_person_name bytes of
/// UTF-8 text with no control characters, surrounding spaces left out.
core::Result<core::PersonEntry> add_person(const Resources& res, const core::Actor& actor,
                                           std::string_view name);

} // namespace unload::service
