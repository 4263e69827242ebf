#include "service/scores.hpp"

#include <type_traits>
#include <variant>

#include <fmt/format.h>

#include "json/answers.hpp"
#include "service/checks.hpp"

namespace unload::service {

core::Result<core::InstrumentScore> score(const core::KnowledgeBase& kb,
                                          std::string_view instrument, std::string_view answers) {
    const auto& specs = kb.instruments;
    if (instrument == "odi") {
        const auto decoded = TRY(json::decode_odi_answers(answers));
        return TRY(core::score_odi(specs.odi, decoded));
    }
    if (instrument == "rmdq") {
        const auto decoded = TRY(json::decode_rmdq_answers(answers));
        return TRY(core::score_rmdq(specs.rmdq, decoded));
    }
    if (instrument == "startback") {
        const auto decoded = TRY(json::decode_startback_answers(answers));
        return TRY(core::score_startback(specs.startback, decoded));
    }
    return core::fail(core::ErrorCode::NotFound, "instrument",
                      fmt::format("no questionnaire '{}'; odi, rmdq or startback", instrument));
}

core::Result<core::ScoreRecord> save_score(const Workspace& ws, std::string_view instrument,
                                           const core::InstrumentScore& score,
                                           std::string_view answers) {
    // Each questionnaire keeps its own number and band (the ODI band, STarT Back's risk).
    struct Kept {
        std::string_view instrument;
        double value = 0;
        std::string band;
    };
    const auto kept = std::visit(
        [](const auto& scored) -> Kept {
            using Score = std::decay_t<decltype(scored)>;
            if constexpr (std::is_same_v<Score, core::OdiScore>)
                return {.instrument = "odi", .value = scored.percent, .band = scored.band};
            else if constexpr (std::is_same_v<Score, core::RmdqScore>)
                return {
                    .instrument = "rmdq", .value = static_cast<double>(scored.score), .band = {}};
            else
                return {.instrument = "startback",
                        .value = static_cast<double>(scored.total),
                        .band = scored.risk};
        },
        score);
    if (instrument != kept.instrument)
        return invalid("instrument",
                       fmt::format("the score is for '{}', not '{}'", kept.instrument, instrument));
    const auto now = ws.clock.now();
    core::ScoreRecord record{.id = 0,
                             .at = now,
                             .day = ws.clock.day_of(now),
                             .instrument = std::string(kept.instrument),
                             .value = kept.value,
                             .band = kept.band,
                             .answers = std::string(answers)};
    record.id = TRY(ws.record->add_score(record));
    return record;
}

core::Result<std::vector<core::ScoreRecord>> scores(const Workspace& ws) {
    return ws.record->scores();
}

} // namespace unload::service
