#include "core/records.hpp"

#include "core/enum_names.hpp"

namespace unload::core {

namespace {

constexpr EnumNames<StepResult, 5> step_result_names{{{StepResult::Done, "done"},
                                                      {StepResult::Skipped, "skipped"},
                                                      {StepResult::Swapped, "swapped"},
                                                      {StepResult::Stopped, "stopped"},
                                                      {StepResult::Unfinished, "unfinished"}}};

constexpr EnumNames<EventKind, 7> event_kind_names{{{EventKind::Pause, "pause"},
                                                    {EventKind::Resume, "resume"},
                                                    {EventKind::Skip, "skip"},
                                                    {EventKind::Swap, "swap"},
                                                    {EventKind::Stop, "stop"},
                                                    {EventKind::Quit, "quit"},
                                                    {EventKind::Suspend, "suspend"}}};

constexpr EnumNames<SessionOutcome, 3> session_outcome_names{
    {{SessionOutcome::Completed, "completed"},
     {SessionOutcome::Quit, "quit"},
     {SessionOutcome::Stopped, "stopped"}}};

constexpr EnumNames<ReviewDecision, 5> review_decision_names{
    {{ReviewDecision::Progress, "progress"},
     {ReviewDecision::Hold, "hold"},
     {ReviewDecision::Regress, "regress"},
     {ReviewDecision::Refer, "refer"},
     {ReviewDecision::Stop, "stop"}}};

constexpr EnumNames<Rating, 4> rating_names{{{Rating::TooEasy, "too_easy"},
                                             {Rating::Right, "right"},
                                             {Rating::TooHard, "too_hard"},
                                             {Rating::Hurt, "hurt"}}};

constexpr EnumNames<ChangeKind, 2> change_kind_names{
    {{ChangeKind::Easier, "easier"}, {ChangeKind::Harder, "harder"}}};

} // namespace

std::string_view to_string(EventKind kind) {
    return name_of(event_kind_names, kind);
}
std::optional<EventKind> parse_event_kind(std::string_view text) {
    return enum_from_name(event_kind_names, text);
}

std::string_view to_string(Rating rating) {
    return name_of(rating_names, rating);
}
std::string_view to_string(ChangeKind kind) {
    return name_of(change_kind_names, kind);
}
std::optional<Rating> parse_rating(std::string_view text) {
    return enum_from_name(rating_names, text);
}
std::optional<ChangeKind> parse_change_kind(std::string_view text) {
    return enum_from_name(change_kind_names, text);
}
std::string_view to_string(StepResult result) {
    return name_of(step_result_names, result);
}
std::string_view to_string(SessionOutcome outcome) {
    return name_of(session_outcome_names, outcome);
}
std::string_view to_string(ReviewDecision decision) {
    return name_of(review_decision_names, decision);
}
std::optional<StepResult> parse_step_result(std::string_view text) {
    return enum_from_name(step_result_names, text);
}
std::optional<SessionOutcome> parse_session_outcome(std::string_view text) {
    return enum_from_name(session_outcome_names, text);
}
std::optional<ReviewDecision> parse_review_decision(std::string_view text) {
    return enum_from_name(review_decision_names, text);
}

} // namespace unload::core
