#include "service/kept_answers.hpp"

namespace unload::service {

core::Result<std::optional<core::KeptAnswer>> kept_answer(const Resources& res,
                                                          std::string_view key) {
    auto kept = TRY(res.repo.kept_answer(key));
    if (kept && kept->at + kept_answer_lifetime < res.clock.now())
        return std::nullopt; // Expired: the next keep_answer() deletes it.
    return kept;
}

core::Result<void> keep_answer(const Resources& res, core::KeptAnswer answer) {
    answer.at = res.clock.now();
    return res.repo.keep_answer(answer, answer.at - kept_answer_lifetime);
}

} // namespace unload::service
