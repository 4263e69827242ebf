#pragma once

// The weekly review's thresholds and words (clinical.md section 9), as content/review.toml gives
// them, and the small text helper that fills a reason's `{placeholders}` (core may not use fmt).

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/ids.hpp"

namespace unload::core {

/// The text a review reason shows. `{name}` placeholders are filled with the week's numbers.
struct ReviewReasonText {
    std::string id;
    std::string text;
};

/// A reason the review engine can give, and the placeholders its text may use. The loader
/// requires a text for each of these and checks that the text uses no other placeholder.
struct ReviewReasonSpec {
    std::string_view id;
    std::span<const std::string_view> placeholders;
};

/// Every reason id the engine gives by name. Stop reasons named in `progress_block_stop_reasons`
/// or `refer_stop_reasons` are reasons too (their id is the stop reason's id, with no
/// placeholders), and a withheld program gives the warning rules' own ids and texts.
std::span<const ReviewReasonSpec> review_reason_catalogue();

struct ReviewRules {
    /// A session quit early counts toward adherence once its active time reached this percent of
    /// the planned time; completed and stopped sessions always count (content/review.toml [done]).
    int done_quit_min_percent = 50;
    int progress_min_adherence_percent = 70; ///< Done sessions, in percent of planned ones.
    int progress_no_flare_days = 3;          ///< No flare in this many days before the review.
    std::vector<std::string> progress_block_stop_reasons; ///< A stop for one of these this week
                                                          ///< blocks progress.
    int regress_min_flares = 2;
    int regress_pain_rise = 2;              ///< Points of mean pain above last week's.
    int refer_after_weeks = 4;              ///< From this program week on, pain must have fallen...
    int refer_min_pain_drop = 2;            ///< ...by at least this many points from baseline...
    int refer_min_pain_drop_percent = 30;   ///< ...or by at least this percent of it.
    int refer_regressions = 2;              ///< This many regressions...
    int refer_regressions_within_weeks = 4; ///< ...within this many weeks refer.
    std::vector<std::string> refer_stop_reasons; ///< Stop reason ids that refer at once.
    int refer_leg_symptoms_week = 4;             ///< Leg symptoms still there from this week on.
    /// The advice each referral trigger gives, written for its reason (clinical.md section 9).
    /// A stop in `refer_stop_reasons` gives that stop reason's own advice (session.toml).
    std::optional<AdviceId> refer_pain_advice;
    std::optional<AdviceId> refer_regressions_advice;
    std::optional<AdviceId> refer_leg_symptoms_advice;
    /// The person's word after each session (content/review.toml [feedback]): an exercise rated
    /// "too hard" or "hurt" in this many sessions of the reviewed week is held at its easier
    /// version...
    int feedback_easier_after = 2;
    /// ...and one rated "too easy" in this many is offered its harder version.
    int feedback_harder_after = 3;
    /// Advice that asks the person to act (a stop's, a referral's) stays on Today until they say
    /// it is done, when it was given within this many days (content/review.toml [follow_up]).
    int follow_up_look_back_days = 90;
    int rescore_every_weeks = 4;
    std::vector<ReviewReasonText> reasons;
    std::vector<std::string> sources; ///< Every source the review's rules name, once each.

    /// The text of a reason id, or nullptr when content gives none.
    const ReviewReasonText* find_reason(std::string_view id) const {
        for (const auto& reason : reasons) {
            if (reason.id == id)
                return &reason;
        }
        return nullptr;
    }
};

/// One value for a `{name}` placeholder.
struct Placeholder {
    std::string_view name;
    std::string value;
};

/// `text` with every `{name}` in `values` replaced by its value. A placeholder with no value, or
/// a brace that opens no placeholder, is left as written, so a mistake shows rather than vanishes.
std::string fill_placeholders(std::string_view text, std::span<const Placeholder> values);

/// The names of the `{name}` placeholders in `text`, in order, or an error message when a brace
/// is unmatched or a name is empty or not `snake_case`.
struct PlaceholderScan {
    std::vector<std::string> names;
    std::string error; ///< Empty when the text is well formed.
};
PlaceholderScan scan_placeholders(std::string_view text);

} // namespace unload::core
