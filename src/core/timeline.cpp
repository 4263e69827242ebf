#include "core/timeline.hpp"

namespace unload::core {} // namespace unload::core
