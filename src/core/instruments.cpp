#include "core/instruments.hpp"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>

namespace unload::core {

namespace {

std::string index_field(std::size_t index) {
    return "answers[" + std::to_string(index) + "]";
}

/// `numerator / denominator` rounded to the nearest integer, halves away from zero, for
/// numerator >= 0 and denominator > 0. Integer arithmetic keeps 32.5 from becoming 32.4999….
std::int64_t divide_rounded(std::int64_t numerator, std::int64_t denominator) {
    return (2 * numerator + denominator) / (2 * denominator);
}

/// The band a value falls in: the first whose `at_most` it does not exceed, else the last, so a
/// band list always names every score (ODI's `bed_bound` is "above 80").
std::string band_of(const std::vector<Band>& bands, double value) {
    for (const auto& band : bands) {
        if (value <= band.at_most)
            return band.id;
    }
    return bands.empty() ? std::string() : bands.back().id;
}

} // namespace

Result<OdiScore> score_odi(const OdiSpec& spec, std::span<const std::optional<int>> answers) {
    if (std::cmp_not_equal(answers.size(), spec.sections)) {
        return fail(ErrorCode::InvalidInput, "answers",
                    "expected " + std::to_string(spec.sections) + " answers (0.." +
                        std::to_string(spec.section_max) + " or null), got " +
                        std::to_string(answers.size()));
    }
    OdiScore out;
    for (std::size_t i = 0; i < answers.size(); ++i) {
        if (!answers[i])
            continue;
        const int value = *answers[i];
        if (value < 0 || value > spec.section_max) {
            return fail(ErrorCode::InvalidInput, index_field(i),
                        "expected 0.." + std::to_string(spec.section_max) + " or null, got " +
                            std::to_string(value));
        }
        ++out.answered;
        out.score += value;
    }
    // Each unanswered section drops out of the denominator (v2.1a), but with too few answers the
    // percent would rest on too little to mean anything, so the form is invalid instead.
    if (out.answered < spec.min_answered || out.answered == 0) {
        return fail(ErrorCode::InvalidInput, "answers",
                    "only " + std::to_string(out.answered) + " of " +
                        std::to_string(spec.sections) + " sections answered; at least " +
                        std::to_string(spec.min_answered) + " are needed");
    }
    const std::int64_t tenths = divide_rounded(std::int64_t{out.score} * 1000,
                                               std::int64_t{spec.section_max} * out.answered);
    out.percent = static_cast<double>(tenths) / 10.0;
    out.band = band_of(spec.bands, out.percent);
    return out;
}

Result<RmdqScore> score_rmdq(const RmdqSpec& spec, std::span<const bool> answers) {
    if (std::cmp_not_equal(answers.size(), spec.items)) {
        return fail(ErrorCode::InvalidInput, "answers",
                    "expected " + std::to_string(spec.items) + " yes/no answers, got " +
                        std::to_string(answers.size()));
    }
    return RmdqScore{.score = static_cast<int>(std::ranges::count(answers, true))};
}

Result<RmdqScore> score_rmdq(const RmdqSpec& spec, const std::vector<bool>& answers) {
    // A span cannot view a packed vector<bool>, so copy into plain bools; 24 of them cost nothing.
    const auto copy = std::make_unique<bool[]>(answers.size());
    std::ranges::copy(answers, copy.get());
    return score_rmdq(spec, std::span<const bool>(copy.get(), answers.size()));
}

Result<StartBackScore> score_startback(const StartBackSpec& spec, const StartBackAnswers& answers) {
    if (std::cmp_not_equal(answers.agree.size(), spec.agree_items)) {
        return fail(ErrorCode::InvalidInput, "answers",
                    "expected " + std::to_string(spec.agree_items) +
                        " agree/disagree answers and then the bothersomeness answer, got " +
                        std::to_string(answers.agree.size()) + " agree/disagree answers");
    }
    const auto option =
        std::ranges::find(spec.final_options, answers.bothersome, &StartBackOption::id);
    if (option == spec.final_options.end()) {
        std::string valid;
        for (const auto& known : spec.final_options)
            valid += (valid.empty() ? "" : ", ") + known.id;
        return fail(ErrorCode::InvalidInput, index_field(answers.agree.size()),
                    "unknown option \"" + answers.bothersome + "\"; expected one of " + valid);
    }

    // Item points by 1-based item number, so the psychosocial list can name any item.
    std::vector<int> points(answers.agree.size() + 2, 0);
    for (std::size_t i = 0; i < answers.agree.size(); ++i)
        points[i + 1] = answers.agree[i] ? 1 : 0;
    const std::size_t last_item = answers.agree.size() + 1;
    points[last_item] = option->points;

    StartBackScore out;
    for (std::size_t item = 1; item <= last_item; ++item)
        out.total += points[item];
    for (const int item : spec.psychosocial_items) {
        // The loader rejects such content, so reaching this is a bug rather than bad input.
        if (item < 1 || std::cmp_greater(item, last_item)) {
            return fail(ErrorCode::Internal, "psychosocial_items",
                        "item " + std::to_string(item) + " is outside 1.." +
                            std::to_string(last_item));
        }
        out.psychosocial += points[static_cast<std::size_t>(item)];
    }
    if (out.total <= spec.low_total_at_most)
        out.risk = "low";
    else if (out.psychosocial <= spec.medium_psychosocial_at_most)
        out.risk = "medium";
    else
        out.risk = "high";
    return out;
}

bool is_responder(const Mcid& mcid, double baseline, double now) {
    // Scores carry at most one decimal, so `30.3 - 20.3` may land a hair under 10 in binary
    // floating point; the tolerance keeps a change of exactly the MCID a response, as the rule
    // intends.
    constexpr double tolerance = 1e-9;
    const double improvement = baseline - now;
    if (improvement + tolerance >= mcid.points)
        return true;
    // Multiplying rather than dividing keeps whole-number cases (3 of 10 is 30 %) exact.
    return mcid.percent > 0 && baseline > 0 &&
           improvement * 100 + tolerance >= mcid.percent * baseline;
}

} // namespace unload::core
