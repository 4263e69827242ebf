#include "service/follow_ups.hpp"

#include <algorithm>
#include <chrono>
#include <map>

#include <fmt/format.h>

namespace unload::service {

namespace {

/// Only advice written for a stop or a referral asks the person to do something; the advice of
/// the program's rules (`rule:…`) is part of the program page.
bool asks_to_act(const core::Advice& advice) {
    return std::ranges::any_of(advice.given_for, [](const std::string& reason) {
        return reason.starts_with("stop:") || reason.starts_with("review:");
    });
}

using Latest = std::map<std::string, FollowUp, std::less<>>;

void give(Latest& latest, const FollowUp& follow_up) {
    const auto [at, added] = latest.try_emplace(follow_up.advice->id, follow_up);
    if (!added && follow_up.given_at > at->second.given_at)
        at->second = follow_up;
}

core::Result<Latest> given(const Workspace& ws) {
    const auto& kb = ws.kb;
    const auto to = today(ws);
    // How far back advice is looked for (content/review.toml [follow_up]).
    const std::chrono::days look_back{kb.review.follow_up_look_back_days};
    Latest latest;
    for (const auto& session :
         TRY(ws.record->sessions(to - look_back, to, core::SessionDetail::Full))) {
        for (const auto& event : session.events) {
            const auto* reason = event.kind == core::EventKind::Stop
                                     ? kb.session.find_stop_reason(event.reason)
                                     : nullptr;
            if (reason == nullptr)
                continue;
            for (const auto id : reason->advice)
                give(latest, FollowUp{.advice = &kb.advice[id],
                                      .given_at = session.started_at,
                                      .day = session.day,
                                      .source = FollowUpSource::SessionStop,
                                      .because = reason->label});
        }
    }
    for (const auto& review : TRY(ws.record->reviews())) {
        if (review.day < to - look_back)
            continue;
        for (const auto& id : review.advice) {
            const auto found = kb.find_advice(id);
            if (!found || !asks_to_act(kb.advice[*found]))
                continue;
            give(latest, FollowUp{.advice = &kb.advice[*found],
                                  .given_at = review.at,
                                  .day = review.day,
                                  .source = FollowUpSource::Review,
                                  .because = fmt::format("week {}", review.week)});
        }
    }
    for (const auto& done : TRY(ws.record->follow_ups_done())) {
        const auto open = latest.find(done.advice);
        if (open != latest.end() && open->second.given_at <= done.at)
            latest.erase(open);
    }
    return latest;
}

std::vector<FollowUp> newest_first(Latest latest) {
    std::vector<FollowUp> out;
    for (auto& [id, follow_up] : latest)
        out.push_back(std::move(follow_up));
    std::ranges::stable_sort(out, std::ranges::greater{}, &FollowUp::given_at);
    return out;
}

} // namespace

core::Result<std::vector<FollowUp>> open_follow_ups(const Workspace& ws) {
    return newest_first(TRY(given(ws)));
}

core::Result<std::vector<FollowUp>> mark_follow_up_done(const Workspace& ws,
                                                        std::string_view advice) {
    auto open = TRY(given(ws));
    const auto found = open.find(advice);
    if (found == open.end())
        return core::fail(core::ErrorCode::NotFound, "advice",
                          fmt::format("no open advice '{}' to mark done", advice));
    TRY(ws.record->add_follow_up_done(
        {.id = 0, .advice = std::string(advice), .at = ws.clock.now()}));
    open.erase(found);
    return newest_first(std::move(open));
}

} // namespace unload::service
