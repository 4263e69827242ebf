#include "core/progress.hpp"

namespace unload::core {} // namespace unload::core
