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
# src/picture (exercise pictures as SVG) is pure in the same way and draws from core alone.
while IFS= read -r hit; do
    echo "layer violation (src/picture is pure): $hit"
    status=1
done < <(grep -rnE "$forbidden" src/picture || true)
if grep -nE 'unload_(content|json|cli|store|http|service|traction)' src/picture/CMakeLists.txt; then
    echo "layer violation: src/picture links a library other than core"
    status=1
fi
# Boost.Beast and Asio stay in the server's few translation units, so the rest of src/http (and
# everything else) builds quickly and reads without them.
while IFS= read -r hit; do
    echo "layer violation (Beast/Asio outside src/http/server.cpp and wire.*): $hit"
    status=1
done < <(grep -rnE '#\s*include\s*<boost/(beast|asio)' src | grep -vE '^src/http/(server\.cpp|wire\.cpp|wire\.hpp):' || true)
# The service layer is shared by the front ends, so it knows none of them nor the storage adapter.
while IFS= read -r hit; do
    echo "layer violation (service includes a front end or adapter): $hit"
    status=1
done < <(grep -rnE '#\s*include\s*"(cli|http|store|content)/' src/service || true)
# Every look at or change to the record goes through the service, where the permission checks and
# the audit trail live: no front end calls the storage ports (a record, the directory) itself.
while IFS= read -r hit; do
    echo "layer violation (a front end reaches the storage without the service): $hit"
    status=1
done < <(grep -rnE '\b(repo|record|storage|directory)(\(\))?\s*(\.|->)\s*[a-z_]+\s*\(' src/http src/cli apps |
         grep -vE '\b(repo|storage)\.get\(\)' || true)
# The service returns values: its headers include core (and each other) alone, never a JSON type.
while IFS= read -r hit; do
    echo "layer violation (a service header includes more than core): $hit"
    status=1
done < <(grep -nE '#\s*include\s*[<"](nlohmann/|json/|fmt/)' src/service/*.hpp | grep -v '^src/service/checks\.hpp:' || true)
# The command line is one front end and the HTTP API another: src/cli knows no HTTP. The composition
# root, apps/unload, wires `unload serve` to the server.
while IFS= read -r hit; do
    echo "layer violation (src/cli includes src/http): $hit"
    status=1
done < <(grep -rnE '#\s*include\s*"http/' src/cli || true)
if grep -nE 'unload_http' src/cli/CMakeLists.txt; then
    echo "layer violation: src/cli links unload_http"
    status=1
fi
[ $status -eq 0 ] && echo "layers: src/core and src/picture are pure; Beast stays in src/http/server.cpp and wire.*; the service knows no front end and returns values; front ends reach the record only through it; the CLI knows no HTTP"
exit $status
