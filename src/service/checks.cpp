#include "service/checks.hpp"

#include <nlohmann/json.hpp>

namespace unload::service {

core::Result<void> check_utf8(std::string_view text, std::string field) {
    try {
        (void)nlohmann::json(text).dump();
    } catch (const nlohmann::json::exception&) {
        return invalid(std::move(field), "not valid UTF-8 text");
    }
    return {};
}

} // namespace unload::service
