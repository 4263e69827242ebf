// Fuzzes the three questionnaire answer decoders and their scoring.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/loader.hpp"
#include "json/answers.hpp"

namespace {

const unload::core::Instruments& instruments() {
    static const auto specs = [] {
        auto loaded = unload::content::load(UNLOAD_CONTENT_DIR);
        if (!loaded)
            std::abort();
        return loaded->instruments;
    }();
    return specs;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& specs = instruments();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    if (const auto odi = unload::json::decode_odi_answers(text))
        (void)unload::core::score_odi(specs.odi, *odi);
    if (const auto rmdq = unload::json::decode_rmdq_answers(text))
        (void)unload::core::score_rmdq(specs.rmdq, *rmdq);
    if (const auto startback = unload::json::decode_startback_answers(text))
        (void)unload::core::score_startback(specs.startback, *startback);
    return 0;
}
