#include "core/review.hpp"

namespace unload::core {} // namespace unload::core
