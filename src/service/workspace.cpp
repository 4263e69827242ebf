#include "service/workspace.hpp"

namespace unload::service {

core::Result<Workspace> open_record(const Resources& resources, const core::Actor& actor) {
    // Until care links exist no clinician has anyone in their care.
    TRY(core::check_record_access(actor, core::personal_mode_person, false));
    return Workspace{.kb = resources.kb,
                     .repo = resources.repo,
                     .clock = resources.clock,
                     .actor = actor,
                     .person = core::personal_mode_person};
}

} // namespace unload::service
