#pragma once

// The small integer ids the loader gives to content's string ids.

#include <cstdint>

namespace unload::core {

using FactId = std::uint16_t;
using ItemId = std::uint16_t;
using AdviceId = std::uint16_t;
using EquipmentId = std::uint8_t;

} // namespace unload::core
