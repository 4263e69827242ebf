#pragma once

// Advice that asks the person to do something (issue 14): a stop in a session for pain spreading
// down a leg says "book a physical therapist", a weekly review that refers says who to see. Such
// advice stays on Today until the person says it is done; the same advice given again later asks
// again. Nothing new is stored when advice is given: it is read back from the sessions' stop
// events and the reviews, and only "done" is stored.

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/knowledge.hpp"
#include "core/records.hpp"
#include "service/workspace.hpp"

namespace unload::service {

/// Where open advice was given.
enum class FollowUpSource { SessionStop, Review };

struct FollowUp {
    const core::Advice* advice = nullptr; ///< Points into the content.
    /// The latest time it was given: a review's time, or the start of the session that stopped
    /// (never later than now, as a stop's time, from the player's clock, could be).
    core::Timestamp given_at{};
    core::Day day{}; ///< That time's day, for "on Monday".
    FollowUpSource source = FollowUpSource::SessionStop;
    std::string because; ///< The stop reason's label, or the review's week ("week 3").
};

/// Advice given for a stop in a session or a review's referral, not yet marked done since,
/// newest first; each advice once, with the latest time it was given.
core::Result<std::vector<FollowUp>> open_follow_ups(const Workspace& ws);

/// Records that the person did what `advice` asked, and answers what is still open. NotFound
/// (field `advice`) when that advice is not open.
core::Result<std::vector<FollowUp>> mark_follow_up_done(const Workspace& ws,
                                                        std::string_view advice);

} // namespace unload::service
