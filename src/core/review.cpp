#include "core/review.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>

#include "core/instruments.hpp"
#include "core/planner.hpp"
#include "core/progress.hpp"

namespace unload::core {

namespace {

// Reason ids the engine gives by name. The texts live in content/review.toml.
namespace reason {
constexpr std::string_view adherence_met = "adherence_met";
constexpr std::string_view adherence_low = "adherence_low";
constexpr std::string_view pain_not_higher = "pain_not_higher";
constexpr std::string_view pain_higher = "pain_higher";
constexpr std::string_view pain_not_recorded = "pain_not_recorded";
constexpr std::string_view no_recent_flare = "no_recent_flare";
constexpr std::string_view recent_flare = "recent_flare";
constexpr std::string_view no_blocking_stop = "no_blocking_stop";
constexpr std::string_view many_flares = "many_flares";
constexpr std::string_view pain_rose = "pain_rose";
constexpr std::string_view pain_improved = "pain_improved";
constexpr std::string_view pain_not_improved = "pain_not_improved";
constexpr std::string_view repeated_regressions = "repeated_regressions";
constexpr std::string_view leg_symptoms_persist = "leg_symptoms_persist";
constexpr std::string_view at_top_step = "at_top_step";
constexpr std::string_view at_bottom_step = "at_bottom_step";
constexpr std::string_view relief_weeks_kept = "relief_weeks_kept";
constexpr std::string_view rescore_due = "rescore_due";
constexpr std::string_view feedback_easier = "feedback_easier";
constexpr std::string_view feedback_easier_none = "feedback_easier_none";
constexpr std::string_view feedback_easier_in_routine = "feedback_easier_in_routine";
constexpr std::string_view feedback_harder_offered = "feedback_harder_offered";
constexpr std::string_view feedback_harder_none = "feedback_harder_none";
} // namespace reason

constexpr std::string_view adherence_names[] = {"done", "planned", "percent", "min_percent"};
constexpr std::string_view pain_names[] = {"pain", "last_pain"};
constexpr std::string_view days_names[] = {"days"};
constexpr std::string_view flares_names[] = {"flares", "min_flares"};
constexpr std::string_view rise_names[] = {"rise", "pain", "last_pain", "min_rise"};
constexpr std::string_view baseline_names[] = {"baseline", "pain",     "drop",
                                               "weeks",    "min_drop", "min_percent"};
constexpr std::string_view regressions_names[] = {"regressions", "weeks"};
constexpr std::string_view week_names[] = {"week"};
constexpr std::string_view weeks_names[] = {"weeks"};
constexpr std::string_view easier_names[] = {"exercise", "count", "easier"};
constexpr std::string_view harder_names[] = {"exercise", "count", "harder"};
constexpr std::string_view feedback_names[] = {"exercise", "count"};

constexpr ReviewReasonSpec catalogue[] = {
    {reason::adherence_met, adherence_names},
    {reason::adherence_low, adherence_names},
    {reason::pain_not_higher, pain_names},
    {reason::pain_higher, pain_names},
    {reason::pain_not_recorded, {}},
    {reason::no_recent_flare, days_names},
    {reason::recent_flare, days_names},
    {reason::no_blocking_stop, {}},
    {reason::many_flares, flares_names},
    {reason::pain_rose, rise_names},
    {reason::pain_improved, baseline_names},
    {reason::pain_not_improved, baseline_names},
    {reason::repeated_regressions, regressions_names},
    {reason::leg_symptoms_persist, week_names},
    {reason::at_top_step, {}},
    {reason::at_bottom_step, {}},
    {reason::relief_weeks_kept, weeks_names},
    {reason::rescore_due, weeks_names},
    {reason::feedback_easier, easier_names},
    {reason::feedback_easier_none, feedback_names},
    {reason::feedback_easier_in_routine, easier_names},
    {reason::feedback_harder_offered, harder_names},
    {reason::feedback_harder_none, feedback_names},
};

// Means are compared after floating-point division; the tolerance keeps a rise of exactly the
// threshold (6.0 - 4.0) a rise, as the rule intends, whatever the rounding of the division.
constexpr double tolerance = 1e-9;

/// A number as a person reads it: one decimal, dropped when it is zero (`4`, `4.5`).
std::string show_number(double value) {
    const long tenths = std::lround(std::abs(value) * 10);
    std::string out = (value < 0 && tenths != 0) ? "-" : "";
    out += std::to_string(tenths / 10);
    if (tenths % 10 != 0)
        out += "." + std::to_string(tenths % 10);
    return out;
}

bool contains(const std::vector<std::string>& list, std::string_view id) {
    return std::ranges::find(list, id) != list.end();
}

bool in_days(Day day, Day from, Day to) {
    return from <= day && day <= to;
}

/// Sums pain ratings, so the mean covers diary entries and pain before sessions alike.
struct PainSum {
    int total = 0;
    int count = 0;
    void add(int pain) {
        total += pain;
        ++count;
    }
    std::optional<double> mean() const {
        if (count == 0)
            return std::nullopt;
        return static_cast<double>(total) / count;
    }
};

/// What the week's records say, before any rule is applied.
struct Facts {
    WeekSummary week;
    std::optional<double> compare_pain;         ///< Last week's mean, or the baseline without one.
    std::vector<std::string> stop_reasons_seen; ///< Distinct, in the order they happened.
};

Facts gather(const ReviewInput& input, const ReviewRules& rules, int sessions_per_day) {
    Facts facts;
    auto& week = facts.week;
    const Day today = input.today;
    // The reviewed week ends the day before the review. It starts a week earlier, but never
    // before the version under review began: days before that belong to another stage, with
    // another number of sessions a day, and were judged by the review that ended them.
    week.to = today - std::chrono::days{1};
    week.from = std::max(today - std::chrono::days{7}, input.current.starts_on);
    const Day last_from = week.from - std::chrono::days{7};
    const Day last_to = week.from - std::chrono::days{1};
    // A flare on the day of the review itself is the most recent there is, so the window for
    // "no flare in the last days" runs up to and including today.
    const Day flare_from = today - std::chrono::days{rules.progress_no_flare_days};
    // Stop events are safety signals: everything since the version under review began counts,
    // today included, so a late review cannot miss one and a review on the same day as the stop
    // does not either.
    const Day events_from = input.current.starts_on;

    const int days = week.from <= week.to ? static_cast<int>((week.to - week.from).count()) + 1 : 0;
    std::array<int, 7> done_per_day{};
    PainSum this_week, last_week;
    for (const auto& session : input.sessions) {
        if (in_days(session.day, week.from, week.to)) {
            if (counts_as_done(rules, session))
                ++done_per_day[static_cast<std::size_t>((session.day - week.from).count())];
            if (session.pain_before)
                this_week.add(*session.pain_before);
            if (session.flare)
                ++week.flares;
        } else if (in_days(session.day, last_from, last_to) && session.pain_before) {
            last_week.add(*session.pain_before);
        }
        if (session.flare && in_days(session.day, flare_from, today))
            week.flare_in_last_days = true;
        if (in_days(session.day, events_from, today)) {
            for (const auto& event : session.events) {
                if (event.kind != EventKind::Stop)
                    continue;
                week.stop_reasons.push_back(event.reason);
                if (!contains(facts.stop_reasons_seen, event.reason))
                    facts.stop_reasons_seen.push_back(event.reason);
            }
        }
    }
    for (const auto& entry : input.pain) {
        if (in_days(entry.day, week.from, week.to))
            this_week.add(entry.pain);
        else if (in_days(entry.day, last_from, last_to))
            last_week.add(entry.pain);
    }

    week.planned_sessions = sessions_per_day * days;
    // Extra sessions on one day do not make up for a missed day: adherence is to the plan, so a
    // day counts at most the sessions it planned.
    for (int day = 0; day < days; ++day)
        week.done_sessions +=
            std::min(done_per_day[static_cast<std::size_t>(day)], sessions_per_day);
    week.adherence = week.planned_sessions > 0
                         ? static_cast<double>(week.done_sessions) / week.planned_sessions
                         : 0.0;
    week.mean_pain = this_week.mean();
    week.mean_pain_last_week = last_week.mean();
    // At the first review there is no week before the program; the pain the person reported when
    // it began stands in for it, so a first week that made things worse is still seen.
    facts.compare_pain = week.mean_pain_last_week
                             ? week.mean_pain_last_week
                             : std::optional<double>(static_cast<double>(input.baseline_pain));
    return facts;
}

/// Whether an earlier review found a reason to step back: it regressed, it referred one step
/// down, or it would have regressed but the person was already on the gentlest stage.
bool was_regression(const KnowledgeBase& kb, const ReviewRecord& review) {
    if (review.decision == ReviewDecision::Regress)
        return true;
    const auto from = find_stage(kb, review.from_stage);
    const auto to = find_stage(kb, review.to_stage);
    if (from && to && *to < *from)
        return true;
    return std::ranges::any_of(review.because, [](const Reason& r) {
        return r.id == reason::many_flares || r.id == reason::pain_rose;
    });
}

/// Builds reasons from content's texts; a reason without a text shows its id rather than nothing.
class Reasons {
public:
    explicit Reasons(const ReviewRules& rules) : m_rules(rules) {}

    void add(std::string_view id, std::span<const Placeholder> values = {}) {
        if (std::ranges::any_of(m_list, [&](const Reason& r) { return r.id == id; }))
            return;
        const auto* text = m_rules.find_reason(id);
        m_list.push_back({.id = std::string(id),
                          .text = text ? fill_placeholders(text->text, values) : std::string(id)});
    }
    void add(std::string_view id, std::initializer_list<Placeholder> values) {
        add(id, std::span<const Placeholder>(values.begin(), values.size()));
    }

    std::vector<Reason> take() { return std::move(m_list); }

private:
    const ReviewRules& m_rules;
    std::vector<Reason> m_list;
};

} // namespace

std::span<const ReviewReasonSpec> review_reason_catalogue() {
    return catalogue;
}

std::string fill_placeholders(std::string_view text, std::span<const Placeholder> values) {
    std::string out;
    out.reserve(text.size());
    std::size_t at = 0;
    while (at < text.size()) {
        const auto open = text.find('{', at);
        if (open == std::string_view::npos)
            break;
        const auto close = text.find('}', open + 1);
        if (close == std::string_view::npos)
            break;
        const auto name = text.substr(open + 1, close - open - 1);
        const auto value = std::ranges::find(values, name, &Placeholder::name);
        out.append(text.substr(at, open - at));
        if (value != values.end()) {
            out += value->value;
            at = close + 1;
        } else {
            // Not a known placeholder: keep the brace and look again just after it.
            out += '{';
            at = open + 1;
        }
    }
    out.append(text.substr(at));
    return out;
}

PlaceholderScan scan_placeholders(std::string_view text) {
    PlaceholderScan scan;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto brace = text.find_first_of("{}", at);
        if (brace == std::string_view::npos)
            break;
        if (text[brace] == '}') {
            scan.error = "a '}' closes no placeholder";
            return scan;
        }
        const auto close = text.find_first_of("{}", brace + 1);
        if (close == std::string_view::npos || text[close] == '{') {
            scan.error = "a '{' is not closed by '}'";
            return scan;
        }
        const auto name = text.substr(brace + 1, close - brace - 1);
        const bool snake = !name.empty() && std::ranges::all_of(name, [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        });
        if (!snake) {
            scan.error = "placeholder '{" + std::string(name) + "}' is not a snake_case name";
            return scan;
        }
        scan.names.emplace_back(name);
        at = close + 1;
    }
    return scan;
}

Day review_due_on(const ProgramVersion& current) {
    return current.starts_on + std::chrono::days{7};
}

ReviewOutcome review_week(const KnowledgeBase& kb, const ReviewInput& input) {
    const auto& rules = kb.review;
    const auto& stages = kb.program.stages;
    ReviewOutcome out;
    auto& record = out.record;
    record.day = input.today;
    record.week = input.current.week;
    record.from_stage = input.current.stage;

    // A stage this content does not know (content changed since the version was written) is
    // read as the gentlest one: a review must not move someone up from a place it cannot see.
    const std::size_t stage_index = find_stage(kb, input.current.stage).value_or(0);
    const int sessions_per_day = stages.empty() ? 0 : stages[stage_index].sessions_per_day;
    auto facts = gather(input, rules, sessions_per_day);
    const auto& week = facts.week;
    out.week = week;

    // The warning signs come first: if today's answers withhold the program, nothing about the
    // week matters. Screening for next week matches the plan the review would write.
    auto screening = screen(kb, input.intake, input.current.week + 1);
    if (screening.program_withheld()) {
        record.decision = ReviewDecision::Stop;
        for (const auto& warning : screening.warnings) {
            record.because.push_back({.id = warning.rule->id, .text = warning.rule->text});
            for (const auto advice : warning.rule->advice) {
                if (!contains(record.advice, kb.advice[advice].id))
                    record.advice.push_back(kb.advice[advice].id);
            }
        }
        out.rescreen = std::move(screening);
        return out;
    }

    Reasons reasons(rules);
    const std::string pain = week.mean_pain ? show_number(*week.mean_pain) : std::string();
    const std::string last_pain = facts.compare_pain ? show_number(*facts.compare_pain) : "";

    // Progress: every condition of clinical.md section 9, each listed met or not.
    const bool adherence_ok =
        week.planned_sessions > 0 &&
        week.done_sessions * 100 >= rules.progress_min_adherence_percent * week.planned_sessions;
    // Floor, so a week at 69.9 % never reads as the 70 % it did not reach.
    const int percent =
        week.planned_sessions > 0 ? week.done_sessions * 100 / week.planned_sessions : 0;
    reasons.add(adherence_ok ? reason::adherence_met : reason::adherence_low,
                {{"done", std::to_string(week.done_sessions)},
                 {"planned", std::to_string(week.planned_sessions)},
                 {"percent", std::to_string(percent)},
                 {"min_percent", std::to_string(rules.progress_min_adherence_percent)}});

    bool pain_ok = false;
    if (week.mean_pain && facts.compare_pain) {
        pain_ok = *week.mean_pain <= *facts.compare_pain + tolerance;
        reasons.add(pain_ok ? reason::pain_not_higher : reason::pain_higher,
                    {{"pain", pain}, {"last_pain", last_pain}});
    } else {
        reasons.add(reason::pain_not_recorded);
    }

    const std::string flare_days = std::to_string(rules.progress_no_flare_days);
    reasons.add(week.flare_in_last_days ? reason::recent_flare : reason::no_recent_flare,
                {{"days", flare_days}});

    bool blocked_by_stop = false;
    for (const auto& id : facts.stop_reasons_seen) {
        if (contains(rules.progress_block_stop_reasons, id)) {
            blocked_by_stop = true;
            reasons.add(id);
        }
    }
    if (!blocked_by_stop)
        reasons.add(reason::no_blocking_stop);
    const bool progress_ok =
        adherence_ok && pain_ok && !week.flare_in_last_days && !blocked_by_stop;

    // Regress: listed only when a trigger fires; the progress conditions above already say how
    // the week went.
    const bool many_flares = week.flares >= rules.regress_min_flares;
    if (many_flares)
        reasons.add(reason::many_flares,
                    {{"flares", std::to_string(week.flares)},
                     {"min_flares", std::to_string(rules.regress_min_flares)}});
    bool pain_rose = false;
    if (week.mean_pain && facts.compare_pain) {
        const double rise = *week.mean_pain - *facts.compare_pain;
        pain_rose = rise + tolerance >= rules.regress_pain_rise;
        if (pain_rose)
            reasons.add(reason::pain_rose, {{"rise", show_number(rise)},
                                            {"pain", pain},
                                            {"last_pain", last_pain},
                                            {"min_rise", std::to_string(rules.regress_pain_rise)}});
    }
    const bool regress = many_flares || pain_rose;

    // Refer: each trigger of section 9, each with the advice written for its reason.
    bool refer = false;
    std::vector<AdviceId> refer_advice;
    const auto give = [&](std::optional<AdviceId> advice) {
        if (advice && std::ranges::find(refer_advice, *advice) == refer_advice.end())
            refer_advice.push_back(*advice);
    };
    if (input.current.week >= rules.refer_after_weeks && week.mean_pain) {
        const double now = *week.mean_pain;
        const double baseline = input.baseline_pain;
        const Mcid wanted{.points = static_cast<double>(rules.refer_min_pain_drop),
                          .percent = static_cast<double>(rules.refer_min_pain_drop_percent)};
        // No pain at all this week is as far as pain can fall, whatever the baseline was.
        const bool improved = now <= 0 || is_responder(wanted, baseline, now);
        refer = refer || !improved;
        if (!improved)
            give(rules.refer_pain_advice);
        reasons.add(improved ? reason::pain_improved : reason::pain_not_improved,
                    {{"baseline", show_number(baseline)},
                     {"pain", pain},
                     {"drop", show_number(baseline - now)},
                     {"weeks", std::to_string(input.current.week)},
                     {"min_drop", std::to_string(rules.refer_min_pain_drop)},
                     {"min_percent", std::to_string(rules.refer_min_pain_drop_percent)}});
    }

    // This week counts as a regression when its regress triggers fired, even on the bottom step:
    // the rule is about how often the back flared up, not about where the ladder stood.
    const Day regressions_from =
        input.today - std::chrono::days{7 * rules.refer_regressions_within_weeks};
    int regressions = regress ? 1 : 0;
    for (const auto& review : input.reviews) {
        if (regressions_from < review.day && review.day < input.today && was_regression(kb, review))
            ++regressions;
    }
    if (regressions >= rules.refer_regressions) {
        refer = true;
        give(rules.refer_regressions_advice);
        reasons.add(reason::repeated_regressions,
                    {{"regressions", std::to_string(regressions)},
                     {"weeks", std::to_string(rules.refer_regressions_within_weeks)}});
    }

    for (const auto& id : facts.stop_reasons_seen) {
        if (contains(rules.refer_stop_reasons, id)) {
            refer = true;
            reasons.add(id);
            if (const auto* stop = kb.session.find_stop_reason(id)) {
                for (const auto advice : stop->advice)
                    give(advice);
            }
        }
    }

    const auto& symptoms = input.intake.symptoms;
    if (input.current.week >= rules.refer_leg_symptoms_week &&
        (symptoms.leg != LegExtent::None || symptoms.leg_numbness_or_tingling)) {
        refer = true;
        give(rules.refer_leg_symptoms_advice);
        reasons.add(reason::leg_symptoms_persist,
                    {{"week", std::to_string(rules.refer_leg_symptoms_week)}});
    }

    // The decision. Referral outranks the rest; when the regress triggers fire as well, the
    // referral also steps down, because the conservative reading keeps the load low until a
    // physical therapist has seen the person. Otherwise a referral holds the current stage.
    std::size_t next = stage_index;
    if (refer) {
        record.decision = ReviewDecision::Refer;
        if (regress && stage_index > 0)
            next = stage_index - 1;
        else if (regress)
            reasons.add(reason::at_bottom_step);
        for (const auto advice : refer_advice)
            record.advice.push_back(kb.advice[advice].id);
    } else if (regress) {
        if (stage_index > 0) {
            record.decision = ReviewDecision::Regress;
            next = stage_index - 1;
        } else {
            record.decision = ReviewDecision::Hold;
            reasons.add(reason::at_bottom_step);
        }
    } else if (progress_ok) {
        if (stage_index + 1 >= stages.size()) {
            record.decision = ReviewDecision::Hold;
            reasons.add(reason::at_top_step);
        } else {
            // A screening rule may keep a person in relief for its first weeks (a sudden catch,
            // clinical.md section 4). The planner would keep relief anyway; holding here makes
            // the stored decision say what the person will actually get.
            int min_relief_weeks = 0;
            for (const auto* rule : screening.fired)
                min_relief_weeks = std::max(min_relief_weeks, rule->min_relief_weeks.value_or(0));
            const auto& target = stages[stage_index + 1];
            if (target.phase != Phase::Relief && input.current.week + 1 <= min_relief_weeks) {
                record.decision = ReviewDecision::Hold;
                reasons.add(reason::relief_weeks_kept,
                            {{"weeks", std::to_string(min_relief_weeks)}});
            } else {
                record.decision = ReviewDecision::Progress;
                next = stage_index + 1;
            }
        }
    } else {
        record.decision = ReviewDecision::Hold;
    }

    if (rules.rescore_every_weeks > 0 && input.current.week > 0 &&
        input.current.week % rules.rescore_every_weeks == 0) {
        out.rescore_due = true;
        reasons.add(reason::rescore_due, {{"weeks", std::to_string(rules.rescore_every_weeks)}});
    }

    record.because = reasons.take();
    if (!stages.empty()) {
        out.next_stage = next;
        record.to_stage = stages[next].id;
    } else {
        record.to_stage = input.current.stage;
    }
    return out;
}

namespace {

/// The change in force for a routine's own exercise, if any: the newest one.
const ItemChange* in_force_for(const std::vector<ItemChange>& changes, std::string_view item) {
    const ItemChange* found = nullptr;
    for (const auto& change : changes) {
        if (change.item == item && change.in_force())
            found = &change;
    }
    return found;
}

/// An easier or harder version the person may be given: not excluded, and with a dose to play.
std::optional<ItemId> open_version(const KnowledgeBase& kb, std::optional<ItemId> candidate,
                                   const AllowedItems& allowed) {
    if (!candidate || !allowed.contains(*candidate) || !kb.item(*candidate).dose)
        return std::nullopt;
    return candidate;
}

} // namespace

FeedbackOutcome feedback_changes(const KnowledgeBase& kb, const Program& reviewed,
                                 const std::vector<ItemChange>& current,
                                 const std::vector<ExerciseFeedback>& feedback, Day since,
                                 const AllowedItems& allowed) {
    const auto& rules = kb.review;
    FeedbackOutcome out;
    std::vector<std::string> replaced; // Exercises whose change in force a new one replaces.
    for (const auto& played : reviewed.routine) {
        const Item& item = kb.item(played.item);
        const std::string own = played.replaces ? kb.item(*played.replaces).id : item.id;
        int hard = 0;
        int easy = 0;
        for (const auto& given : feedback) {
            if (given.item != item.id || given.day < since)
                continue;
            hard += given.rating == Rating::TooHard || given.rating == Rating::Hurt ? 1 : 0;
            easy += given.rating == Rating::TooEasy ? 1 : 0;
        }
        const auto* change = in_force_for(current, own);
        const bool on_harder = change && change->kind == ChangeKind::Harder && change->use != own;
        const bool on_easier = change && change->kind == ChangeKind::Easier && change->use != own;
        if (hard >= rules.feedback_easier_after) {
            // From a harder version taken, the easier one is the routine's own exercise.
            const auto easier =
                open_version(kb, on_harder ? kb.find_item(own) : item.regression, allowed);
            replaced.push_back(own);
            out.changes.push_back({.item = own,
                                   .use = easier ? kb.item(*easier).id : std::string(),
                                   .kind = ChangeKind::Easier,
                                   .reason = std::string(easier ? reason::feedback_easier
                                                                : reason::feedback_easier_none),
                                   .accepted_at = std::nullopt});
            out.decisions.push_back(
                {.item = own, .rated = played.item, .kind = ChangeKind::Easier, .count = hard});
        } else if (easy >= rules.feedback_harder_after) {
            // From an easier version, the harder one is the routine's own exercise again.
            const auto harder =
                open_version(kb, on_easier ? kb.find_item(own) : item.progression, allowed);
            if (harder)
                out.changes.push_back({.item = own,
                                       .use = kb.item(*harder).id,
                                       .kind = ChangeKind::Harder,
                                       .reason = std::string(reason::feedback_harder_offered),
                                       .accepted_at = std::nullopt});
            out.decisions.push_back(
                {.item = own, .rated = played.item, .kind = ChangeKind::Harder, .count = easy});
        }
    }
    // What stays in force: the newest change of each exercise that no new one replaces, unless
    // it only led back to the routine's own exercise. A harder version offered now leaves the
    // change in force for the same exercise until it is taken; one offered before and not
    // taken is dropped.
    std::vector<ItemChange> kept;
    for (const auto& change : current) {
        if (!change.in_force() || change.use == change.item ||
            std::ranges::find(replaced, change.item) != replaced.end() ||
            in_force_for(current, change.item) != &change)
            continue;
        kept.push_back(change);
    }
    kept.insert(kept.end(), out.changes.begin(), out.changes.end());
    out.changes = std::move(kept);
    return out;
}

std::vector<Reason> feedback_reasons(const KnowledgeBase& kb, FeedbackOutcome& outcome,
                                     const Intake& intake, const Plan& next) {
    const auto& rules = kb.review;
    std::vector<Reason> out;
    const auto add = [&](std::string_view id, std::initializer_list<Placeholder> values) {
        const auto* text = rules.find_reason(id);
        out.push_back(
            {.id = std::string(id),
             .text = text ? fill_placeholders(text->text, std::span(values.begin(), values.size()))
                          : std::string(id)});
    };
    if (!next.program)
        return out;
    const auto& routine = next.program->routine;
    const auto plays = [&](std::string_view id) {
        return std::ranges::find_if(routine,
                                    [&](const RoutineItem& r) { return kb.item(r.item).id == id; });
    };
    for (const auto& decision : outcome.decisions) {
        const auto& rated = kb.item(decision.rated).name;
        const auto count = std::to_string(decision.count);
        const auto change = std::ranges::find_if(outcome.changes, [&](const ItemChange& c) {
            return c.item == decision.item && c.kind == decision.kind && !c.accepted_at;
        });
        if (decision.kind == ChangeKind::Easier) {
            const auto instead = std::ranges::find_if(routine, [&](const RoutineItem& r) {
                return r.replaces && kb.item(*r.replaces).id == decision.item;
            });
            // Played in its place, or planned there and then left out for time.
            const auto dropped =
                change == outcome.changes.end() || change->use.empty()
                    ? next.program->left_out.end()
                    : std::ranges::find_if(next.program->left_out, [&](const LeftOut& l) {
                          return kb.item(l.item).id == change->use;
                      });
            if (instead != routine.end()) {
                add(reason::feedback_easier, {{"exercise", rated},
                                              {"count", count},
                                              {"easier", kb.item(instead->item).name}});
            } else if (dropped != next.program->left_out.end()) {
                add(reason::feedback_easier, {{"exercise", rated},
                                              {"count", count},
                                              {"easier", kb.item(dropped->item).name}});
            } else if (change != outcome.changes.end() && !change->use.empty() &&
                       plays(change->use) != routine.end()) {
                add(reason::feedback_easier_in_routine,
                    {{"exercise", rated},
                     {"count", count},
                     {"easier", kb.item(plays(change->use)->item).name}});
            } else if (plays(decision.item) == routine.end()) {
                add(reason::feedback_easier_none, {{"exercise", rated}, {"count", count}});
            }
            continue;
        }
        // A harder version is offered only when it could play: open to the person, with their
        // equipment, and not already in the routine.
        const bool offered = change != outcome.changes.end();
        const auto harder = offered ? kb.find_item(change->use) : std::nullopt;
        if (harder && (kb.item(*harder).id == decision.item ||
                       (plays(change->use) == routine.end() &&
                        fits_equipment(kb, kb.item(*harder), intake.equipment)))) {
            add(reason::feedback_harder_offered,
                {{"exercise", rated}, {"count", count}, {"harder", kb.item(*harder).name}});
            continue;
        }
        if (offered)
            outcome.changes.erase(change);
        add(reason::feedback_harder_none, {{"exercise", rated}, {"count", count}});
    }
    return out;
}

} // namespace unload::core
