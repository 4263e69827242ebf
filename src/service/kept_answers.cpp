#include "service/kept_answers.hpp"

namespace unload::service {

core::Result<std::optional<core::KeptAnswer>> kept_answer(const Workspace& ws,
                                                          std::string_view key) {
    auto kept = TRY(ws.record->kept_answer(key));
    if (kept && kept->at + kept_answer_lifetime < ws.clock.now())
        return std::nullopt; // Expired: the next keep_answer() deletes it.
    return kept;
}

core::Result<void> keep_answer(const Workspace& ws, core::KeptAnswer answer) {
    answer.at = ws.clock.now();
    return ws.record->keep_answer(answer, answer.at - kept_answer_lifetime);
}

} // namespace unload::service
