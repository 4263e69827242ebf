#!/usr/bin/env bash
# Lints docs/openapi.yaml with Redocly CLI (the `recommended` rules, see redocly.yaml beside this
# script) and, given a path, bundles it into one JSON file there so that a test can compare the
# router's routes with the documented ones.
#
#   npm ci --prefix scripts/openapi             # once: installs the pinned Redocly CLI
#   scripts/openapi/check.sh [BUNDLE.json]      # from anywhere; exits non-zero on a lint error
#
# Runs offline from scripts/openapi/node_modules; it never downloads anything.

set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
redocly="$here/node_modules/.bin/redocly"
config="$here/redocly.yaml"
document="docs/openapi.yaml"

bundle=""
if [[ $# -gt 1 ]]; then
    echo "usage: $0 [BUNDLE.json]" >&2
    exit 2
elif [[ $# -eq 1 ]]; then
    # The bundle path is taken relative to where the script was called from.
    mkdir -p "$(dirname "$1")"
    bundle="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
fi

if [[ ! -x "$redocly" ]]; then
    echo "openapi: Redocly CLI is not installed; run: npm ci --prefix scripts/openapi" >&2
    exit 1
fi

# No usage reports and no check for newer versions: both would reach for the network.
export REDOCLY_TELEMETRY=off
export REDOCLY_SUPPRESS_UPDATE_NOTICE=true

# Redocly prints a boxed notice on every run under Node.js 20 ("Node.js 20 support is ending";
# Debian 12 machines here have Node.js 20). It says nothing about the document, so it is dropped;
# every other line of Redocly's output is passed through unchanged.
drop_node20_notice() {
    awk '
        function flush_blank() { while (blank > 0) { print ""; blank-- } }
        in_box {
            box = box $0 "\n"
            if (index($0, "\342\225\232")) {          # the box ends
                in_box = 0
                if (index(box, "Node.js 20 support is ending")) { drop_blank = 1; blank = 0 }
                else { flush_blank(); printf "%s", box }
                box = ""
            }
            next
        }
        index($0, "\342\225\224") { in_box = 1; box = $0 "\n"; next }  # a box begins
        /^[[:space:]]*$/ { if (drop_blank) { drop_blank = 0; next } blank++; next }
        { drop_blank = 0; flush_blank(); print }
        END { flush_blank(); if (in_box) printf "%s", box }
    '
}

run() {
    local status=0
    "$redocly" "$@" 2> >(drop_node20_notice >&2) || status=$?
    wait # for the filter to finish writing
    return "$status"
}

cd "$root"
# Exits non-zero when the document has an error; warnings are printed.
run lint "$document" --config "$config"
if [[ -n "$bundle" ]]; then
    run bundle "$document" --config "$config" --ext json -o "$bundle"
fi
