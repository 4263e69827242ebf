#include "content/review_loader.hpp"

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <toml++/toml.h>

namespace unload::content {

namespace {

constexpr std::string_view file_name = "review.toml";
/// A generous ceiling for week counts, so a typo such as `after_weeks = 400` is caught.
constexpr int max_weeks = 52;
/// The most flares a week can hold: every session of the busiest stage, with room to spare.
constexpr int max_flares = 50;
/// Sessions in a reviewed week: a few a day at most.
constexpr int max_sessions = 21;

class ReviewReader {
public:
    ReviewReader(core::KnowledgeBase& kb, std::vector<SourceRef>& sources)
        : m_kb(kb), m_rules(kb.review), m_sources(sources) {}

    void read(TableReader& root) {
        m_rules = core::ReviewRules{};
        if (auto done = root.table("done", Required::Yes)) {
            m_rules.done_quit_min_percent = done->integer("quit_min_percent", Required::Yes, 1, 100)
                                                .value_or(m_rules.done_quit_min_percent);
            read_sources(*done);
            done->finish();
        }
        if (auto progress = root.table("progress", Required::Yes))
            read_progress(*progress);
        if (auto regress = root.table("regress", Required::Yes))
            read_regress(*regress);
        if (auto refer = root.table("refer", Required::Yes))
            read_refer(*refer);
        if (auto feedback = root.table("feedback", Required::Yes)) {
            m_rules.feedback_easier_after =
                feedback->integer("easier_after", Required::Yes, 1, max_sessions)
                    .value_or(m_rules.feedback_easier_after);
            m_rules.feedback_harder_after =
                feedback->integer("harder_after", Required::Yes, 1, max_sessions)
                    .value_or(m_rules.feedback_harder_after);
            read_sources(*feedback);
            feedback->finish();
        }
        if (auto follow_up = root.table("follow_up", Required::Yes)) {
            m_rules.follow_up_look_back_days =
                follow_up->integer("look_back_days", Required::Yes, 7, 366)
                    .value_or(m_rules.follow_up_look_back_days);
            read_sources(*follow_up);
            follow_up->finish();
        }
        if (auto rescore = root.table("rescore", Required::Yes)) {
            m_rules.rescore_every_weeks =
                rescore->integer("every_weeks", Required::Yes, 1, max_weeks)
                    .value_or(m_rules.rescore_every_weeks);
            read_sources(*rescore);
            rescore->finish();
        }
        read_reasons(root);
    }

private:
    void read_sources(TableReader& reader) {
        for (auto& source : reader.string_or_strings("source", Required::Yes)) {
            if (std::ranges::find(m_rules.sources, source.value) == m_rules.sources.end())
                m_rules.sources.push_back(source.value);
            m_sources.push_back(SourceRef{.id = std::move(source.value),
                                          .file = reader.file(),
                                          .field = reader.path_of("source"),
                                          .line = source.line});
        }
    }

    /// Stop reason ids, each checked against the session rules when those are loaded (a content
    /// tree without session.toml yet leaves the list empty, and then there is nothing to check).
    std::vector<std::string> read_stop_reasons(TableReader& reader, std::string_view key) {
        std::vector<std::string> out;
        const auto& known = m_kb.session.stop_reasons;
        for (auto& id : reader.strings(key, Required::Yes)) {
            if (!known.empty() && !m_kb.session.find_stop_reason(id.value)) {
                std::vector<std::string_view> ids;
                for (const auto& reason : known)
                    ids.push_back(reason.id);
                reader.error_at(id.line, key,
                                fmt::format("unknown stop reason '{}' (session.toml has {})",
                                            id.value, fmt::join(ids, ", ")));
                continue;
            }
            if (std::ranges::find(out, id.value) != out.end()) {
                reader.error_at(id.line, key, fmt::format("'{}' is listed twice", id.value));
                continue;
            }
            out.push_back(std::move(id.value));
        }
        return out;
    }

    void read_progress(TableReader& reader) {
        m_rules.progress_min_adherence_percent =
            reader.integer("min_adherence_percent", Required::Yes, 1, 100)
                .value_or(m_rules.progress_min_adherence_percent);
        // The reviewed week has seven days; a longer flare window would reach into last week.
        m_rules.progress_no_flare_days = reader.integer("no_flare_days", Required::Yes, 1, 7)
                                             .value_or(m_rules.progress_no_flare_days);
        m_rules.progress_block_stop_reasons = read_stop_reasons(reader, "block_stop_reasons");
        read_sources(reader);
        reader.finish();
    }

    void read_regress(TableReader& reader) {
        m_rules.regress_min_flares = reader.integer("min_flares", Required::Yes, 1, max_flares)
                                         .value_or(m_rules.regress_min_flares);
        m_rules.regress_pain_rise =
            reader.integer("pain_rise", Required::Yes, 1, m_kb.instruments.nprs.max)
                .value_or(m_rules.regress_pain_rise);
        read_sources(reader);
        reader.finish();
    }

    /// The advice a referral trigger gives: each names its own, so its words fit its reason.
    std::optional<core::AdviceId> read_advice(TableReader& reader) {
        const auto advice = reader.string("advice", Required::Yes);
        if (!advice)
            return std::nullopt;
        if (const auto found = m_kb.find_advice(*advice))
            return found;
        reader.error("advice", fmt::format("unknown advice id '{}'", *advice));
        return std::nullopt;
    }

    void read_refer(TableReader& reader) {
        read_sources(reader);
        if (auto pain = reader.table("pain", Required::Yes)) {
            m_rules.refer_pain_advice = read_advice(*pain);
            m_rules.refer_after_weeks = pain->integer("after_weeks", Required::Yes, 1, max_weeks)
                                            .value_or(m_rules.refer_after_weeks);
            m_rules.refer_min_pain_drop =
                pain->integer("min_drop", Required::Yes, 1, m_kb.instruments.nprs.max)
                    .value_or(m_rules.refer_min_pain_drop);
            m_rules.refer_min_pain_drop_percent =
                pain->integer("min_drop_percent", Required::Yes, 1, 100)
                    .value_or(m_rules.refer_min_pain_drop_percent);
            read_sources(*pain);
            pain->finish();
        }
        if (auto regressions = reader.table("regressions", Required::Yes)) {
            m_rules.refer_regressions_advice = read_advice(*regressions);
            // One regression alone cannot be "repeated".
            m_rules.refer_regressions = regressions->integer("count", Required::Yes, 2, max_weeks)
                                            .value_or(m_rules.refer_regressions);
            m_rules.refer_regressions_within_weeks =
                regressions->integer("within_weeks", Required::Yes, 1, max_weeks)
                    .value_or(m_rules.refer_regressions_within_weeks);
            read_sources(*regressions);
            regressions->finish();
        }
        if (auto stops = reader.table("stops", Required::Yes)) {
            m_rules.refer_stop_reasons = read_stop_reasons(*stops, "reasons");
            read_sources(*stops);
            stops->finish();
        }
        if (auto leg = reader.table("leg_symptoms", Required::Yes)) {
            m_rules.refer_leg_symptoms_advice = read_advice(*leg);
            m_rules.refer_leg_symptoms_week = leg->integer("at_week", Required::Yes, 1, max_weeks)
                                                  .value_or(m_rules.refer_leg_symptoms_week);
            read_sources(*leg);
            leg->finish();
        }
        reader.finish();
    }

    /// The placeholders a reason's text may use, or nullopt when the id is no reason at all.
    std::optional<std::vector<std::string_view>> placeholders_for(std::string_view id) const {
        for (const auto& spec : core::review_reason_catalogue()) {
            if (spec.id == id)
                return std::vector<std::string_view>(spec.placeholders.begin(),
                                                     spec.placeholders.end());
        }
        const auto listed = [&](const std::vector<std::string>& list) {
            return std::ranges::find(list, id) != list.end();
        };
        // A stop reason's own id names the reason given when a session stopped for it. Any stop
        // reason session.toml knows is accepted, so that dropping one from a list above does not
        // turn its text into a second, confusing error.
        if (listed(m_rules.progress_block_stop_reasons) || listed(m_rules.refer_stop_reasons) ||
            m_kb.session.find_stop_reason(id))
            return std::vector<std::string_view>{};
        return std::nullopt;
    }

    void read_reasons(TableReader& root) {
        std::set<std::string, std::less<>> seen;
        for (auto& reader : root.tables("reason")) {
            auto id = reader.string("id", Required::Yes);
            auto text = reader.string("text", Required::Yes);
            reader.finish();
            if (!id)
                continue;
            if (!seen.insert(*id).second) {
                reader.error("id", fmt::format("duplicate reason id '{}'", *id));
                continue;
            }
            const auto allowed = placeholders_for(*id);
            if (!allowed) {
                reader.error("id", fmt::format("unknown reason id '{}': the review gives no such "
                                               "reason (see docs/content-format.md)",
                                               *id));
                continue;
            }
            if (text) {
                const auto scan = core::scan_placeholders(*text);
                if (!scan.error.empty()) {
                    reader.error("text", scan.error);
                } else {
                    for (const auto& name : scan.names) {
                        if (std::ranges::find(*allowed, name) == allowed->end())
                            reader.error(
                                "text",
                                fmt::format("unknown placeholder '{{{}}}' for reason '{}' "
                                            "(it may use: {})",
                                            name, *id,
                                            allowed->empty()
                                                ? std::string("none")
                                                : fmt::format("{}", fmt::join(*allowed, ", "))));
                    }
                }
            }
            m_rules.reasons.push_back({.id = std::move(*id), .text = text.value_or("")});
        }
        // Every reason the engine can give needs words, or a person would read a bare id.
        std::vector<std::string_view> required;
        for (const auto& spec : core::review_reason_catalogue())
            required.push_back(spec.id);
        for (const auto* list : {&m_rules.progress_block_stop_reasons, &m_rules.refer_stop_reasons})
            for (const auto& id : *list)
                required.push_back(id);
        std::set<std::string_view> missing_reported;
        for (const auto id : required) {
            if (seen.contains(id) || !missing_reported.insert(id).second)
                continue;
            root.error("reason", fmt::format("no [[reason]] gives the text for '{}'", id));
        }
    }

    core::KnowledgeBase& m_kb;
    core::ReviewRules& m_rules;
    std::vector<SourceRef>& m_sources;
};

} // namespace

void read_review_rules(const std::filesystem::path& content_dir, core::KnowledgeBase& kb,
                       core::Errors& errors, std::vector<SourceRef>& sources) {
    read_content_file(content_dir / file_name, std::string(file_name), errors,
                      [&](TableReader& root) { ReviewReader(kb, sources).read(root); });
}

} // namespace unload::content
