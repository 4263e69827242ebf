#pragma once

// Outcome instruments (clinical.md section 10): ODI, RMDQ, STarT Back and NPRS. Their numbers
// (bands, thresholds, minimum answers, MCIDs) come from content/instruments/*.toml; this file
// holds the scoring arithmetic that interprets them.

#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "core/error.hpp"

namespace unload::core {

/// A named band: a score belongs to the first band whose `at_most` it does not exceed.
struct Band {
    std::string id;
    double at_most = 0;
};

struct Question {
    std::string id;
    std::string text;
    std::vector<std::string> options; ///< Answer labels in score order (empty for yes/no items).
};

/// How a form presents a questionnaire: its name, the line before the questions and, for
/// questionnaires answered yes or no, the two answers' labels.
struct FormWords {
    std::string title;
    std::string instructions;
    std::string yes; ///< Empty when the questions have their own options.
    std::string no;
};

/// Minimal clinically important difference: a change of at least `points`, or of at least
/// `percent` of the baseline when `percent` > 0.
struct Mcid {
    double points = 0;
    double percent = 0;
};

struct OdiSpec {
    int sections = 10;
    int section_max = 5;
    int min_answered = 8;
    std::vector<Band> bands; ///< Over the percent score.
    Mcid mcid;
    std::vector<Question> questions;
    FormWords form;
};

struct RmdqSpec {
    int items = 24;
    Mcid mcid;
    std::vector<Question> questions;
    FormWords form;
};

struct StartBackOption {
    std::string id;
    int points = 0;
};

struct StartBackSpec {
    int agree_items = 8;                        ///< Items 1..agree_items score 1 when agreed.
    std::vector<StartBackOption> final_options; ///< The bothersomeness item's answers and points.
    std::vector<int> psychosocial_items;        ///< 1-based item numbers of the subscale.
    int low_total_at_most = 3;                  ///< Total at most this: `low`.
    int medium_psychosocial_at_most = 3; ///< Else psychosocial at most this: `medium`, else `high`.
    /// How reasons name the medium and high groups (the `startback_medium` and `startback_high`
    /// facts that advice rules test).
    std::string medium_text;
    std::string high_text;
    std::vector<Question> questions;
    FormWords form; ///< `yes` and `no` label the agree/disagree items.
};

struct NprsSpec {
    int min = 0;
    int max = 10;
    Mcid mcid;
};

struct Instruments {
    OdiSpec odi;
    RmdqSpec rmdq;
    StartBackSpec startback;
    NprsSpec nprs;
};

struct OdiScore {
    int answered = 0;
    int score = 0;
    double percent = 0; ///< Rounded to one decimal.
    std::string band;
};

struct RmdqScore {
    int score = 0;
};

struct StartBackScore {
    int total = 0;
    int psychosocial = 0;
    std::string risk; ///< `low`, `medium` or `high`.
};

/// An answer to the STarT Back questionnaire: items 1..8 agree/disagree, then the option id of the
/// bothersomeness item.
struct StartBackAnswers {
    std::vector<bool> agree;
    std::string bothersome;
};

/// Scores the ODI. Each answer is 0..section_max or missing; fewer than `min_answered` answers is
/// an InvalidInput error naming `answers`.
Result<OdiScore> score_odi(const OdiSpec& spec, std::span<const std::optional<int>> answers);
/// Scores the RMDQ: the number of `yes` answers. Exactly `spec.items` answers are required.
Result<RmdqScore> score_rmdq(const RmdqSpec& spec, std::span<const bool> answers);
/// The same, for callers holding a `std::vector<bool>`, which is packed and so cannot be a span.
Result<RmdqScore> score_rmdq(const RmdqSpec& spec, const std::vector<bool>& answers);
/// Scores STarT Back: exactly `spec.agree_items` agree answers and a known bothersomeness option.
Result<StartBackScore> score_startback(const StartBackSpec& spec, const StartBackAnswers& answers);

/// A questionnaire's score, whichever it is.
using InstrumentScore = std::variant<OdiScore, RmdqScore, StartBackScore>;

/// Whether a change from `baseline` to `now` is at least the MCID. Lower is better on every
/// instrument here, so the improvement is `baseline - now`.
bool is_responder(const Mcid& mcid, double baseline, double now);

} // namespace unload::core
