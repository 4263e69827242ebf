# Shared by the end-to-end scripts: run a command, check its exit status and what it printed.
# Sourcing scripts set $tmp; every check adds to $ok or $failed.
ok=0; failed=0

check() { # name expected_status command...
    local name=$1 want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"; local got=$?
    if [ "$got" -eq "$want" ]; then ok=$((ok+1)); else
        failed=$((failed+1)); echo "FAIL $name: exit $got, expected $want"; cat "$tmp/err"; fi
}
expect_in() { # name file text
    if grep -qF -- "$3" "$2"; then ok=$((ok+1)); else failed=$((failed+1)); echo "FAIL $1: '$3' not in $2:"; cat "$2"; fi
}
expect_py() { # name python-expression-over-d file: d is the file's JSON document
    if python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert ($2), d" "$3" 2>"$tmp/py"; then
        ok=$((ok+1)); else failed=$((failed+1)); echo "FAIL $1: $2"; tail -3 "$tmp/py"; fi
}
finish() {
    echo "$ok passed, $failed failed"
    [ "$failed" -eq 0 ]
}
