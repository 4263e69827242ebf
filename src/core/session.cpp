#include "core/session.hpp"

namespace unload::core {} // namespace unload::core
