# shellcheck shell=bash
# shellcheck disable=SC2034  # Variables set here are read by the scripts that source this file.
# Shared helpers for bench/http/run.sh and bench/http/load_test.sh. Source it; do not run it.
#
# Both scripts start `unload serve` the same way, read the same machine-readable line from wrk
# (see report.lua) and must leave nothing behind, so that code lives here once.

BENCH_HTTP_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_DIR="$(cd "$BENCH_HTTP_DIR/../.." && pwd)"
INTAKE="$REPO_DIR/examples/desk-worker.json"

# Every process we start is recorded here, so that the exit trap stops exactly those (by process
# id, never by name) and nothing else on the machine.
STARTED_PIDS=()
TEMP_DIRS=()
CHILD_PID=""
# The servers whose CPU time counts as ours when judging whether anything else disturbed a run
# (see cpu_snapshot); nginx's workers are added once they exist.
WATCHED_PIDS=()
# The largest share of the machine that other processes took during any wrk run so far (percent).
MAX_OTHER_PCT=0

log() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Stops one process we started: SIGTERM first (both servers shut down gracefully on it), then
# SIGKILL if it is still there after five seconds, so that a hung server cannot hang the script.
# Returns the process's exit status (0 for a clean stop).
stop_pid() {
    local pid=$1 status=0 i
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        # A process that has exited but not been waited for still answers kill -0, so also ask
        # whether it is a zombie.
        [[ $(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) == Z ]] && break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null && [[ $(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) != Z ]]; then
        log "warning: process $pid did not stop on SIGTERM within 5 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || status=$?
    return "$status"
}

# The exit trap: stop every process we started, newest first, and remove the temp directories.
# It runs on normal exit, on errors (set -e) and, through the INT/TERM traps below, on Ctrl-C.
cleanup() {
    local status=$?
    trap - EXIT INT TERM
    local i
    if [[ -n $CHILD_PID ]]; then stop_pid "$CHILD_PID" || true; fi
    for ((i = ${#STARTED_PIDS[@]} - 1; i >= 0; i--)); do
        stop_pid "${STARTED_PIDS[i]}" || true
    done
    for i in "${TEMP_DIRS[@]}"; do
        rm -rf -- "$i"
    done
    exit "$status"
}
install_cleanup_trap() {
    trap cleanup EXIT
    # `set -e` stops the script at the first failing command but says nothing; name it. (The
    # scripts also use `set -E`, so that this holds inside functions too.)
    trap 'log "error: ${BASH_SOURCE[0]}:$LINENO: \"$BASH_COMMAND\" failed with status $?" >&2' ERR
    # Exiting from the signal traps runs the EXIT trap, so cleanup happens exactly once.
    trap 'log "interrupted"; exit 130' INT
    trap 'log "terminated"; exit 143' TERM
}

# Creates a temp directory, removed on exit, and puts its path in WORK. (Not `WORK=$(...)`: a
# command substitution runs in a subshell, which could not record the directory for cleanup.)
new_temp_dir() {
    WORK="$(mktemp -d "${TMPDIR:-/tmp}/unload-bench.XXXXXX")"
    TEMP_DIRS+=("$WORK")
}

# A TCP port that is free right now, chosen by the kernel. Another program could take it before
# nginx binds it; nginx then fails loudly at start-up rather than measuring the wrong thing.
free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_unload BINARY CONFIG_FILE WORK_DIR
# Starts `unload serve` on a port the kernel picks (--listen 127.0.0.1:0) with a fresh SQLite
# database in WORK_DIR, waits for its "Unload is serving http://127.0.0.1:PORT/" line and sets
# UNLOAD_PID and UNLOAD_PORT. Its stdout and stderr go to files in WORK_DIR.
start_unload() {
    local binary=$1 config=$2 dir=$3
    UNLOAD_DB="sqlite:$dir/unload.db" "$binary" serve --listen 127.0.0.1:0 --config "$config" \
        >"$dir/unload.out" 2>"$dir/unload.err" &
    UNLOAD_PID=$!
    STARTED_PIDS+=("$UNLOAD_PID")
    WATCHED_PIDS+=("$UNLOAD_PID")
    UNLOAD_PORT=""
    local i line
    for i in $(seq 300); do
        line="$(grep -m1 -o 'serving http://127\.0\.0\.1:[0-9]*/' "$dir/unload.out" 2>/dev/null || true)"
        if [[ -n $line ]]; then
            UNLOAD_PORT="${line##*:}"
            UNLOAD_PORT="${UNLOAD_PORT%/}"
            break
        fi
        if ! kill -0 "$UNLOAD_PID" 2>/dev/null; then
            cat "$dir/unload.out" "$dir/unload.err" >&2 || true
            die "unload serve exited before it was listening (output above)"
        fi
        sleep 0.1
    done
    [[ -n $UNLOAD_PORT ]] || die "unload serve did not print its URL within 30 s"
}

# Removes a process that has been waited for from STARTED_PIDS, so that the exit trap never
# signals its id (which the system may by then have given to another process).
forget_pid() {
    local kept=() pid
    for pid in "${STARTED_PIDS[@]}"; do
        [[ $pid == "$1" ]] || kept+=("$pid")
    done
    STARTED_PIDS=("${kept[@]}")
}

# stop_unload PID: stops unload serve with SIGTERM and sets STOP_STATUS to its exit status. A
# crash on SIGTERM is a failure of a run like a socket error, so the scripts stop the server
# themselves rather than leave it to the exit trap.
stop_unload() {
    STOP_STATUS=0
    stop_pid "$1" || STOP_STATUS=$?
    forget_pid "$1"
}

# Fails the script when a server we rely on has died (a crash during a run must not pass
# unnoticed as a merely slow run).
require_alive() {
    local pid=$1 name=$2 dir=$3
    if ! kill -0 "$pid" 2>/dev/null; then
        local status=0
        wait "$pid" 2>/dev/null || status=$?
        forget_pid "$pid"
        log "---- $name stderr (last 20 lines) ----"
        tail -n 20 "$dir/unload.err" 2>/dev/null || true
        die "$name (pid $pid) is no longer running (exit status $status)"
    fi
}

# Resident memory of a process in kibibytes, from the kernel's own accounting.
vmrss_kb() {
    awk '/^VmRSS:/ { print $2 }' "/proc/$1/status"
}

# /proc's "kB" are kibibytes (1,024 bytes); this gives megabytes of 1,000,000 bytes, the smaller
# unit, so that a figure near the 30 MB target is not flattered.
# Like the other formatting helpers below, it cuts extra decimals instead of rounding, so that a
# printed figure never appears to meet a target that the exact one misses (29.96 shows as 29.9).
kib_to_mb() {
    awk -v kib="$1" 'BEGIN { printf "%.1f", int(kib * 1024 / 1e5) / 10 }'
}

# The value of one Prometheus sample from a server's /metrics; empty when the server does not
# answer within 10 s (the callers say so rather than stop the script half-way).
metric() {
    local port=$1 name=$2
    { curl -fsS -m 10 "http://127.0.0.1:$port/metrics" || true; } |
        awk -v name="$name" '$1 == name { print $2 }'
}

# run_child OUTPUT_FILE COMMAND...
# Runs a command with its output (stdout and stderr) in OUTPUT_FILE and sets CHILD_STATUS.
# It runs in the background and the script waits for it with the `wait` builtin, because bash
# runs a signal trap during `wait` at once, whereas for a foreground command it waits for the
# command to end first, and wrk catches Ctrl-C and exits normally, after which bash would carry on
# with the next step instead of cleaning up.
run_child() {
    local out=$1
    shift
    "$@" >"$out" 2>&1 &
    CHILD_PID=$!
    CHILD_STATUS=0
    wait "$CHILD_PID" || CHILD_STATUS=$?
    CHILD_PID=""
}

# One line of CPU clock ticks since boot: the machine's user + system time, its steal time (taken
# by the hypervisor for other virtual machines), its total, and the user + system time of our own
# processes: the watched servers (all their threads) plus every child this shell has already
# waited for (wrk, curl), which the kernel adds to the shell's cutime and cstime.
cpu_snapshot() {
    local ours=0 pid ticks
    for pid in "${WATCHED_PIDS[@]}"; do
        ticks="$(awk '{ print $14 + $15 }' "/proc/$pid/stat" 2>/dev/null || echo 0)"
        ours=$((ours + ticks))
    done
    ticks="$(awk '{ print $16 + $17 }' "/proc/$$/stat")"
    ours=$((ours + ticks))
    awk -v ours="$ours" '/^cpu / { print $2 + $3 + $4, $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9, ours }' /proc/stat
}

# other_load BEFORE AFTER: sets OTHER_PCT, the share of the whole machine that processes other
# than ours used between two snapshots (a compiler, another benchmark), and STEAL_PCT, the share
# the hypervisor gave to other virtual machines. Either one above a few percent means the run
# measured a busy machine, not the server. (Interrupt time, which loopback networking causes, is
# left out of both.)
other_load() {
    local m0 s0 t0 o0 m1 s1 t1 o1
    read -r m0 s0 t0 o0 <<<"$1"
    read -r m1 s1 t1 o1 <<<"$2"
    OTHER_PCT="$(awk -v m=$((m1 - m0)) -v o=$((o1 - o0)) -v t=$((t1 - t0)) \
        'BEGIN { v = t > 0 ? 100 * (m - o) / t : 0; printf "%.0f", (v < 0 ? 0 : v) }')"
    STEAL_PCT="$(awk -v s=$((s1 - s0)) -v t=$((t1 - t0)) 'BEGIN { printf "%.0f", (t > 0 ? 100 * s / t : 0) }')"
}

# run_wrk OUTPUT_FILE WRK_ARGUMENTS...
# Runs wrk with the given arguments, shows its usual output, keeps a copy in OUTPUT_FILE and sets
# the WRK_* variables from its `wrk-result` line (see report.lua and post_plan.lua):
# WRK_RPS, WRK_P50_US, WRK_P99_US, WRK_REQUESTS, WRK_SOCKET_ERRORS (connect + read + write +
# timeout; WRK_SOCKET_DETAIL has them one by one), WRK_STATUS_ERRORS (wrk's count of 4xx and 5xx)
# and WRK_NON2XX (WRK_STATUS_ERRORS, with wrk's text checked for any non-2xx answer; a plain GET
# sends no If-None-Match and so can get no 304).
run_wrk() {
    local out=$1 before
    shift
    before="$(cpu_snapshot)"
    run_child "$out" wrk "$@"
    other_load "$before" "$(cpu_snapshot)"
    sed 's/^/    /' "$out"
    ((CHILD_STATUS == 0)) || die "wrk failed with exit status $CHILD_STATUS (its output is above)"
    log "    other processes used $OTHER_PCT % of the machine during this run (steal: $STEAL_PCT %)"
    if ((OTHER_PCT + STEAL_PCT > MAX_OTHER_PCT)); then
        MAX_OTHER_PCT=$((OTHER_PCT + STEAL_PCT))
    fi
    local line
    line="$(grep -m1 '^wrk-result ' "$out")" || die "wrk printed no wrk-result line (see above)"
    field() { sed -n "s/.* $1=\\([0-9.]*\\).*/\\1/p" <<<"$line"; }
    WRK_REQUESTS="$(field requests)"
    WRK_RPS="$(field rps)"
    WRK_P50_US="$(field p50_us)"
    WRK_P99_US="$(field p99_us)"
    WRK_SOCKET_ERRORS=$(($(field connect) + $(field read) + $(field write) + $(field timeout)))
    WRK_SOCKET_DETAIL="connect $(field connect), read $(field read), write $(field write), timeout $(field timeout)"
    WRK_STATUS_ERRORS="$(field status)"
    WRK_NON2XX="$(field non2xx)"
    WRK_NON2XX="${WRK_NON2XX:-$WRK_STATUS_ERRORS}"
    # wrk's own text says the same thing in words; check it too, in case the two ever disagree.
    if grep -q -e '^  Socket errors:' -e '^  Non-2xx or 3xx responses:' "$out"; then
        if ((WRK_SOCKET_ERRORS == 0 && WRK_NON2XX == 0)); then
            WRK_SOCKET_ERRORS=1
            log "    (wrk's text reports errors the result line did not; counting them as errors)"
        fi
    fi
}

# The median of the numbers given as arguments (the middle one of an odd count, the mean of the
# middle two of an even count).
median() {
    printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 }
        END { if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# How busy the whole machine is over SECONDS (default 1), in percent of all its cores, from
# /proc/stat. Run while nothing of ours is working, it tells whether something else on the machine
# (a build, another benchmark) is taking CPU that the measurements would otherwise have had.
machine_busy_percent() {
    local before after
    before="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
    sleep "${1:-1}"
    after="$(awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9 }' /proc/stat)"
    awk -v b="$before" -v a="$after" 'BEGIN { split(b, x); split(a, y);
        printf "%.0f", ((y[2] > x[2]) ? 100 * (y[1] - x[1]) / (y[2] - x[2]) : 0) }'
}

# Prints how busy the machine is and warns when it is not idle enough for fair figures.
report_machine_load() {
    local when=$1 busy
    busy="$(machine_busy_percent 1)"
    log "machine load $when: $busy % of all cores busy over 1 s (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    if ((busy > 10)); then
        log "  warning: something else is using the machine; the figures below will be low and noisy"
    fi
}

# Microseconds to milliseconds with two decimals (cut, not rounded).
us_to_ms() {
    awk -v us="$1" 'BEGIN { printf "%.2f", int(us / 10) / 100 }'
}

# Requests per second, whole (cut, not rounded), with thousands separators for reading (12,345).
fmt_rps() {
    LC_ALL=C awk -v r="$1" 'BEGIN { n = sprintf("%d", int(r)); s = "";
        while (length(n) > 3) { s = "," substr(n, length(n) - 2) s; n = substr(n, 1, length(n) - 3) }
        print n s }'
}
