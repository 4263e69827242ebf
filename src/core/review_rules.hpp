#pragma once

// The weekly review's thresholds and words (clinical.md section 9), as content/review.toml gives
// them.

#include <cstdint>
#include <string>
#include <vector>

#include "core/ids.hpp"

namespace unload::core {

/// The text a review reason shows. `{name}` placeholders are filled with the week's numbers.
struct ReviewReasonText {
    std::string id;
    std::string text;
};

struct ReviewRules {
    double progress_min_adherence = 0.70;
    int progress_no_flare_days = 3;
    int regress_min_flares = 2;
    int regress_pain_rise = 2;
    int refer_after_weeks = 4;
    int refer_min_pain_drop = 2;
    double refer_min_pain_drop_fraction = 0.30;
    int refer_regressions = 2;
    int refer_regressions_within_weeks = 4;
    std::vector<std::string> refer_stop_reasons; ///< Stop reason ids that refer at once.
    int refer_leg_symptoms_week = 4;
    AdviceId refer_advice = 0; ///< given with a referral.
    int rescore_every_weeks = 4;
    std::vector<ReviewReasonText> reasons;
    std::vector<std::string> sources;
};

} // namespace unload::core
