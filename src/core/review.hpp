#pragma once

// The weekly review (clinical.md section 9): from the stored week, progress one step, hold,
// regress, refer, or stop the program when a warning sign fires on the short re-screen. Every
// decision carries its reasons in plain words, and the next program version follows from it.

#include <optional>
#include <vector>

#include "core/intake.hpp"
#include "core/planner.hpp"
#include "core/records.hpp"
#include "core/screening.hpp"

namespace unload::core {

/// Everything a review reads. The records cover at least the last four weeks (more is fine).
struct ReviewInput {
    Intake intake;          ///< The latest intake, with the warning signs as re-asked today.
    int baseline_pain = 0;  ///< NPRS when the program began (the first intake's pain_now).
    ProgramVersion current; ///< The version being reviewed: its stage, week and start day.
    /// The day of the review. The reviewed week is the 7 days before it, or the days since
    /// `current.starts_on` when that is later; "last week" is the 7 days before the reviewed week.
    Day today{};
    std::vector<SessionRecord> sessions; ///< With their events (steps are not needed).
    std::vector<PainEntry> pain;
    std::vector<ReviewRecord> reviews; ///< Earlier reviews, oldest first.
    std::vector<ScoreRecord> scores;
};

/// The numbers a review was decided on, shown to the person beside the decision.
struct WeekSummary {
    Day from{};
    Day to{}; ///< Inclusive.
    int planned_sessions = 0;
    int done_sessions = 0;
    double adherence = 0;                      ///< done / planned, 0..1.
    std::optional<double> mean_pain;           ///< Diary entries and pain before sessions, pooled.
    std::optional<double> mean_pain_last_week; ///< The same over the 7 days before `from`.
    int flares = 0;
    bool flare_in_last_days = false; ///< A flare in the rule's last days or on the review day.
    /// Every stop reason id since `current.starts_on`, the review day included, in order: stops
    /// are safety signals, so none may fall between two reviewed weeks.
    std::vector<std::string> stop_reasons;
};

struct ReviewOutcome {
    ReviewRecord record; ///< Decision, stages, reasons and advice.
    WeekSummary week;
    std::optional<std::size_t> next_stage; ///< Index into programs.toml's stages; empty on stop.
    std::optional<Screening> rescreen;     ///< The re-screen, when it withheld the program.
    bool rescore_due = false;              ///< Time to re-score function (ODI or RMDQ).
};

/// When the current program version's week ends and a review falls due: 7 days after it began.
Day review_due_on(const ProgramVersion& current);

/// Reviews the week (clinical.md section 9). In order: a re-screen that withholds the program
/// stops it; any referral trigger refers (stepping down as well when a regress trigger fired,
/// else holding the stage); a regress trigger steps down one stage (holding on the first); all
/// progress conditions met step up one stage (holding on the last); otherwise the stage holds.
/// `record.because` lists every progress condition met or not, every trigger that fired and
/// any reason the ladder could not move; `record.at` is left for the caller to set.
ReviewOutcome review_week(const KnowledgeBase& kb, const ReviewInput& input);

/// What the person's feedback decided for one exercise at a review.
struct FeedbackDecision {
    std::string item; ///< The routine's own exercise.
    ItemId rated = 0; ///< The exercise as played and rated (the item, or what stood in for it).
    ChangeKind kind = ChangeKind::Easier; ///< Easier: it felt too hard or hurt; harder: too easy.
    int count = 0;                        ///< Sessions it was rated so.
};

/// What the person's feedback does to single exercises at a review.
struct FeedbackOutcome {
    std::vector<ItemChange> changes; ///< For the next program version: carried over and new.
    std::vector<FeedbackDecision> decisions;
};

/// The exercise changes the next program version carries (clinical.md section 9, content/
/// review.toml [feedback]). For each exercise of `reviewed` (the program of the week reviewed, as
/// played), the sessions since `since` are counted by the person's rating: "too hard" or "hurt"
/// in `feedback_easier_after` sessions holds it at its easier version (its regression, or the
/// routine's own exercise when a harder version was taken), or leaves it out when it has none
/// open to the person (excluded by `allowed` or without a dose); "too easy" in
/// `feedback_harder_after` sessions offers its harder version on the same terms. Changes in force
/// that no new one replaces are kept; harder versions offered and not taken are dropped.
FeedbackOutcome feedback_changes(const KnowledgeBase& kb, const Program& reviewed,
                                 const std::vector<ItemChange>& current,
                                 const std::vector<ExerciseFeedback>& feedback, Day since,
                                 const AllowedItems& allowed);

/// The review's reasons for `outcome`, read from the next program as planned with its changes,
/// so that they say what the program really does: an easier version that plays, an exercise
/// left out (its easier version already in the routine, or none that suits), a harder version
/// offered. An offer whose harder version could not play (`Plan` of `next`, the person's
/// `intake`) is withdrawn from `outcome.changes` and said so.
std::vector<Reason> feedback_reasons(const KnowledgeBase& kb, FeedbackOutcome& outcome,
                                     const Intake& intake, const Plan& next);

} // namespace unload::core
