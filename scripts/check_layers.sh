#!/usr/bin/env bash
# The layer rule (architecture.md): src/core is pure. It may include only the standard library and
# other core headers: no I/O, no clocks or randomness of its own, no third-party headers.
set -u
cd "$(dirname "$0")/.."
status=0
forbidden='^\s*#\s*include\s*[<"](boost/|soci/|nlohmann/|toml\+\+/|fmt/|spdlog/|CLI/|sodium|sqlite3|gtest/|benchmark/|fstream|iostream|filesystem|cstdio|stdio\.h|random|thread|unistd\.h|sys/|content/|json/|cli/|store/|http/|traction/)'
while IFS= read -r hit; do
    echo "layer violation: $hit"
    status=1
done < <(grep -rnE "$forbidden" src/core || true)
# <chrono> is allowed for its types (timestamps, days); reading a clock is not: time comes
# through the Clock port.
while IFS= read -r hit; do
    echo "layer violation (core reads a clock): $hit"
    status=1
done < <(grep -rnE '(system_clock|steady_clock|high_resolution_clock|utc_clock|file_clock)\s*::\s*now' src/core || true)
# Every library links only inward: core links nothing of ours.
if grep -nE 'unload_(content|json|cli|store|http|traction)' src/core/CMakeLists.txt; then
    echo "layer violation: src/core links an outer library"
    status=1
fi
[ $status -eq 0 ] && echo "layers: src/core includes no I/O or third-party headers"
exit $status
