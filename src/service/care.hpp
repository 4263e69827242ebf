#pragma once

// Care links (clinic.md): which clinician looks after which person. A link is made when a
// clinician registers a person, or when a person enters a clinician's one-time invitation code;
// either side ends it, and a person can always see who has access to their record. No link, no
// access: a clinician's look at anyone else's record is NotFound (service/workspace.hpp).

#include <chrono>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/error.hpp"
#include "core/ports/directory.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// How long an invitation code may be used.
inline constexpr std::chrono::days invitation_lifetime{7};

/// A clinician registers a new person, who is then in their care. `name` as add_person() takes it.
core::Result<core::PersonEntry> register_person(const Resources& res, const core::Actor& actor,
                                                std::string_view name);

struct IssuedInvitation {
    std::string code; ///< `ABCD-EFGH-JKMN`: shown once, only its digest is stored.
    core::Timestamp expires_at{};
};
/// A one-time code for a person to join the clinician's care.
core::Result<IssuedInvitation> invite(const Resources& res, const core::Actor& actor);
/// A clinician's codes not yet used nor expired.
core::Result<std::vector<core::Invitation>> pending_invitations(const Resources& res,
                                                                const core::Actor& actor);

/// A signed-in person enters a code (field `code`; capitals, dashes and spaces do not matter):
/// the clinician who issued it now looks after them. NotFound for a code unknown, used or
/// expired, in the same words.
core::Result<core::CareLink> join_care(const Resources& res, const core::Actor& actor,
                                       std::string_view code);

/// The people in a clinician's care, by name; Forbidden for anyone else.
core::Result<std::vector<core::CareLink>> people_in_care(const Resources& res,
                                                         const core::Actor& actor);

/// The links `actor` is on: a clinician's people, or the clinicians of a person.
core::Result<std::vector<core::CareLink>> care_links(const Resources& res,
                                                     const core::Actor& actor);

/// Ends a link from either side: a clinician names the person, a person names the clinician's
/// account id.
core::Result<void> end_care(const Resources& res, const core::Actor& actor, core::RecordId other);

} // namespace unload::service
