#!/usr/bin/env bash
# Stage 3 load test for `unload serve`. `make bench` runs it after run.sh as:
#   bench/http/load_test.sh build/unload
#
# Two checks, both pass/fail (unlike run.sh's figures, these are about correctness under load):
#   1. 1,000 concurrent connections for 30 s, with `wrk -t2 -c1000 -d30s`, against
#      GET /api/v1/exercises and then GET /healthz: no socket error (connect, read, write,
#      timeout) and no non-2xx answer, the server still running afterwards, and its connection
#      gauge back to idle once wrk has gone;
#   2. silent connections are reaped: with idle and read timeouts of 2 s, 200 connections that never
#      send a byte and 50 that send half a request are counted on /metrics while open, and are all
#      closed by the server (the gauge back to at most 1, every socket at EOF) 4 s after opening.
# It exits with status 1 when any of that fails, and prints the figures it saw either way.
#
# Settings for quick trials (the documented figures use the defaults):
#   LOAD_DURATION (30s), LOAD_CONNECTIONS (1000), REAP_IDLE (200), REAP_SLOW (50).

set -Eeuo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

UNLOAD_BIN="${1:-}"
[[ -n $UNLOAD_BIN ]] || die "usage: $0 PATH/TO/unload   (e.g. bench/http/load_test.sh build/unload)"
[[ -x $UNLOAD_BIN ]] || die "$UNLOAD_BIN is not an executable; build it first (make bench does)"
UNLOAD_BIN="$(cd "$(dirname "$UNLOAD_BIN")" && pwd)/$(basename "$UNLOAD_BIN")"
command -v wrk >/dev/null || die "wrk is not installed (Debian package wrk; make deps installs it)"
command -v python3 >/dev/null || die "python3 is not installed"

DURATION="${LOAD_DURATION:-30s}"
CONNECTIONS="${LOAD_CONNECTIONS:-1000}"
REAP_IDLE="${REAP_IDLE:-200}"
REAP_SLOW="${REAP_SLOW:-50}"
REAP_TIMEOUT=2
REAP_WAIT=4
WANT_FILES=8192

# Each connection is a file descriptor in wrk and another in the server (both inherit this
# limit), and the usual default of 1,024 is too few for 1,000 connections plus everything else.
if [[ $(ulimit -n) != unlimited ]] && (($(ulimit -n) < WANT_FILES)); then
    ulimit -n "$WANT_FILES" 2>/dev/null || die "cannot raise the open-file limit to $WANT_FILES \
(soft $(ulimit -Sn), hard $(ulimit -Hn)); raise the hard limit (e.g. in /etc/security/limits.conf \
or with \`ulimit -Hn\` as root) and run again"
fi

install_cleanup_trap
new_temp_dir
FAILURES=0
fail() { log "  FAIL: $*"; FAILURES=$((FAILURES + 1)); }

log "== Unload HTTP load test (stage 3) =="
log "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores; open-file limit $(ulimit -n)"
log "wrk and the server share these $(nproc) cores. wrk counts a socket error of kind \"timeout\" for"
log "every request still unanswered after 2 s (its default --timeout), including requests written on"
log "a connection the server has not accepted yet."
report_machine_load "before starting"
log ""

# --- 1. many concurrent connections ----------------------------------------------------------------
cat >"$WORK/unload.toml" <<EOF
[server]
io_threads = 2
access_log = "off"
EOF
start_unload "$UNLOAD_BIN" "$WORK/unload.toml" "$WORK"
log "unload serve: pid $UNLOAD_PID on http://127.0.0.1:$UNLOAD_PORT/ (io_threads = 2, access_log = \"off\")"
log ""

# Sockets the server holds now: one per accepted connection plus its listener. Read from
# /proc, so it works however busy the server is.
server_sockets() {
    find "/proc/$UNLOAD_PID/fd" -lname 'socket:*' 2>/dev/null | wc -l
}

# While each run goes on, a helper in the background:
#   - counts every 0.5 s for the first 6 s (at most half the run) how many connections the server has accepted, which
#     shows how quickly it takes on 1,000 connections that all arrive at once (a connection the
#     kernel has completed but the server has not accepted yet gets no answer);
#   - halfway through, opens a new connection that asks /metrics for the server's gauge of open
#     connections: it shows that the connections really were open at once, and how long the answer
#     takes shows whether a newcomer is served while the server is busy with the others.
declare -A PEAK_OPEN PROBE_TIME RPS P99 REQUESTS SOCKET_ERRORS NON2XX ACCEPTED
for path in /api/v1/exercises /healthz; do
    log "wrk -t2 -c$CONNECTIONS -d$DURATION --latency http://127.0.0.1:$UNLOAD_PORT$path"
    baseline="$(server_sockets)"
    # Twelve samples (6 s), or fewer in a short trial run so that the probe still comes halfway.
    samples="$(awk -v d="${DURATION%s}" 'BEGIN { n = int(d); print (n < 12 ? n : 12) }')"
    (
        for i in $(seq "$samples"); do
            sleep 0.5
            printf '%s s: %s\n' "$(awk -v i="$i" 'BEGIN { printf "%.1f", i / 2 }')" \
                "$(($(server_sockets) - baseline))"
        done >"$WORK/accepted"
        sleep "$(awk -v d="${DURATION%s}" -v n="$samples" 'BEGIN { r = d / 2 - n / 2; print (r > 0 ? r : 0) }')"
        curl -sS -m 10 -o "$WORK/mid_run_metrics" -w '%{time_total}' \
            "http://127.0.0.1:$UNLOAD_PORT/metrics" >"$WORK/mid_run_time" 2>/dev/null ||
            echo "no answer within 10 s" >"$WORK/mid_run_time"
    ) &
    SAMPLER_PID=$!
    STARTED_PIDS+=("$SAMPLER_PID")
    run_wrk "$WORK/load$(tr / _ <<<"$path").txt" -t2 -c"$CONNECTIONS" -d"$DURATION" --latency \
        -s "$BENCH_HTTP_DIR/report.lua" "http://127.0.0.1:$UNLOAD_PORT$path"
    wait "$SAMPLER_PID" || true
    forget_pid "$SAMPLER_PID"
    peak="$(awk '$1 == "unload_http_open_connections" { print $2 }' "$WORK/mid_run_metrics" 2>/dev/null || true)"
    PEAK_OPEN[$path]="${peak:-?}"
    PROBE_TIME[$path]="$(awk '/^[0-9.]+$/ { printf "%.2f s", $1; next } { print }' "$WORK/mid_run_time")"
    # The samples up to the first that counts every connection (or all of them, if none does).
    ACCEPTED[$path]="$(awk -v n="$CONNECTIONS" '{ out = out (out ? ", " : "") $0 } $3 >= n { exit }
        END { print out }' "$WORK/accepted")"
    rm -f "$WORK/mid_run_metrics" "$WORK/mid_run_time" "$WORK/accepted"
    RPS[$path]="$WRK_RPS" P99[$path]="$WRK_P99_US" REQUESTS[$path]="$WRK_REQUESTS"
    SOCKET_ERRORS[$path]="$WRK_SOCKET_ERRORS" NON2XX[$path]="$WRK_NON2XX"
    log "  connections accepted by the server after ${ACCEPTED[$path]}"
    log "  halfway through, a new connection's GET /metrics took ${PROBE_TIME[$path]}: unload_http_open_connections ${PEAK_OPEN[$path]}"
    if ((WRK_SOCKET_ERRORS > 0 || WRK_NON2XX > 0)); then
        fail "$path: $WRK_SOCKET_ERRORS socket errors ($WRK_SOCKET_DETAIL), $WRK_NON2XX non-2xx answers"
    else
        log "  ok: $path: 0 socket errors, 0 non-2xx answers in $(fmt_rps "$WRK_REQUESTS") requests"
    fi
    if ! [[ $peak =~ ^[0-9]+$ ]] || ((peak < CONNECTIONS)); then
        fail "$path: expected at least $CONNECTIONS open connections halfway, saw ${peak:-nothing}"
    fi
    require_alive "$UNLOAD_PID" "unload serve" "$WORK"
    log ""
done

# Once wrk has gone, the server must have let go of every connection.
for i in $(seq 50); do
    open_after="$(metric "$UNLOAD_PORT" unload_http_open_connections)"
    [[ $open_after =~ ^[0-9]+$ ]] && ((open_after <= 1)) && break
    sleep 0.1
done
if [[ $open_after =~ ^[0-9]+$ ]] && ((open_after <= 1)); then
    log "ok: after the load, unload_http_open_connections = $open_after (this request)"
else
    fail "after the load, unload_http_open_connections = ${open_after:-(no answer)}, expected <= 1"
fi
RSS_AFTER_LOAD_KB="$(vmrss_kb "$UNLOAD_PID")"
log "unload serve VmRSS after the $CONNECTIONS-connection runs: $RSS_AFTER_LOAD_KB kB"

# A clean stop on SIGTERM is part of running well under load.
stop_unload "$UNLOAD_PID"
if ((STOP_STATUS == 0)); then
    log "ok: unload serve stopped on SIGTERM with exit status 0"
else
    fail "unload serve exited with status $STOP_STATUS on SIGTERM"
fi
log ""

# --- 2. silent connections are reaped ----------------------------------------------------------
mkdir -p "$WORK/reap"
cat >"$WORK/reap/unload.toml" <<EOF
[server]
io_threads = 2
access_log = "off"
idle_timeout_seconds = $REAP_TIMEOUT
read_timeout_seconds = $REAP_TIMEOUT
EOF
start_unload "$UNLOAD_BIN" "$WORK/reap/unload.toml" "$WORK/reap"
log "unload serve: pid $UNLOAD_PID on http://127.0.0.1:$UNLOAD_PORT/ (idle_timeout_seconds = $REAP_TIMEOUT, read_timeout_seconds = $REAP_TIMEOUT)"
run_child "$WORK/reap/result.txt" python3 "$BENCH_HTTP_DIR/idle_reap.py" "$UNLOAD_PORT" \
    --idle "$REAP_IDLE" --slow "$REAP_SLOW" --timeout "$REAP_TIMEOUT" --wait "$REAP_WAIT"
sed 's/^/  /' "$WORK/reap/result.txt"
((CHILD_STATUS == 0)) || fail "silent connections were not all reaped (above)"
require_alive "$UNLOAD_PID" "unload serve" "$WORK/reap"
log ""

# --- summary -----------------------------------------------------------------------------------
log "== Summary =="
printf '%-30s %11s %9s %10s %8s %7s %8s %s\n' "wrk -t2 -c$CONNECTIONS -d$DURATION" "requests/s" \
    "p99 (ms)" "requests" "socket" "non-2xx" "open" "new connection"
printf '%-30s %11s %9s %10s %8s %7s %8s %s\n' "" "" "" "" "errors" "" "halfway" "served in"
for path in /api/v1/exercises /healthz; do
    printf '%-30s %11s %9s %10s %8s %7s %8s %s\n' "GET $path" "$(fmt_rps "${RPS[$path]}")" \
        "$(us_to_ms "${P99[$path]}")" "$(fmt_rps "${REQUESTS[$path]}")" "${SOCKET_ERRORS[$path]}" \
        "${NON2XX[$path]}" "${PEAK_OPEN[$path]}" "${PROBE_TIME[$path]}"
done
for path in /api/v1/exercises /healthz; do
    log "GET $path: connections accepted after ${ACCEPTED[$path]}"
done
log "idle reaping ($REAP_IDLE idle + $REAP_SLOW slow, timeouts $REAP_TIMEOUT s, checked at $REAP_WAIT s): $(
    tail -n 1 "$WORK/reap/result.txt" | sed 's/.*: //')"
log "Other processes and steal took at most $MAX_OTHER_PCT % of the machine during a wrk run."
log ""
if ((FAILURES > 0)); then
    log "RESULT: FAILED ($FAILURES check(s) above)"
    exit 1
fi
log "RESULT: PASS: $CONNECTIONS concurrent connections with 0 errors, and silent connections reaped"
