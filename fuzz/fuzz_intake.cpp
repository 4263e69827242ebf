// Fuzzes the intake decoder and, for every intake it accepts, the whole engine behind it: any
// accepted intake must screen and plan without crashing, and a plan must never hold an item that
// screening excluded.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "content/loader.hpp"
#include "core/planner.hpp"
#include "json/intake.hpp"

namespace {

const unload::core::KnowledgeBase& knowledge() {
    static const auto kb = [] {
        auto loaded = unload::content::load(UNLOAD_CONTENT_DIR);
        if (!loaded)
            std::abort();
        return std::move(*loaded);
    }();
    return kb;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto& kb = knowledge();
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto intake = unload::json::decode_intake(kb, text);
    if (!intake) {
        // Every rejection names a field: an empty one would leave the user guessing.
        if (intake.error().field.empty() || intake.error().message.empty())
            std::abort();
        return 0;
    }
    for (const int week : {1, 3, 5}) {
        const auto plan = unload::core::plan(kb, *intake, week);
        if (!plan.program)
            continue;
        for (const auto& item : plan.program->routine) {
            if (!plan.screening.allowed.contains(item.item))
                std::abort();
        }
    }
    return 0;
}
