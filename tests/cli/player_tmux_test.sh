#!/usr/bin/env bash
# The terminal player as a person meets it: `unload session` runs full-screen in a real terminal
# (tmux), keys are typed with send-keys and the screen is read back with capture-pane. The
# session clock runs 5 times faster; each check waits for the screen to show what it expects.
# It stops at the first failure: every later screen depends on the earlier ones, so waiting out
# each of them would only turn one broken step (or broken content) into minutes of timeouts.
set -u
unload="$1"; root="$2"
tmp=$(mktemp -d)
socket="unload-test-$$"
trap 'tmux -L "$socket" kill-server 2>/dev/null; rm -rf "$tmp"' EXIT
source "$(dirname "$0")/lib.sh"
export UNLOAD_DB="sqlite:$tmp/unload.db" TZ=UTC UNLOAD_NOW=2026-11-02T08:00:00Z

screen() { tmux -L "$socket" capture-pane -t player -p; }
keys() { tmux -L "$socket" send-keys -t player "$@"; }
wait_for() { # name text [absent]: until the screen shows (or, with "absent", stops showing) text
    local name=$1 text=$2 mode=${3:-present}
    for _ in $(seq 100); do
        if screen | grep -qF -- "$text"; then [ "$mode" = present ] && { ok=$((ok+1)); return; }
        else [ "$mode" = absent ] && { ok=$((ok+1)); return; }; fi
        sleep 0.1
    done
    failed=$((failed+1)); echo "FAIL $name: '$text' $mode? The screen:"; screen
    stop_here
}
stop_here() { finish; exit 1; }

# The content the player will load must be valid, and the program must start, before any screen
# is waited for.
check content-valid 0 "$unload" content check
[ "$failed" -eq 0 ] || stop_here
check start 0 "$unload" start --intake "$root/examples/desk-worker.json"
[ "$failed" -eq 0 ] || stop_here
tmux -L "$socket" new-session -d -s player -x 100 -y 40 \
    "'$unload' session --speed 5; echo \"exit \$?\" >'$tmp/status'; sleep 60"
wait_for pain-before "your pain now, 0-10?"
keys 4 Enter
wait_for get-ready "Get ready"
wait_for step-bar "Step    "
wait_for session-bar "Session "
wait_for next-step "Next: Get into position"
wait_for big-countdown "███"
keys Space
wait_for paused "Paused"
keys Space
wait_for resumed "Paused" absent
keys s
wait_for skipped-to-first-exercise "90-90 rest"
keys x
wait_for reason-menu "Stop - what is happening?"
wait_for reason-listed "5  Mild discomfort"
keys 5
wait_for reason-menu-gone "Stop - what is happening?" absent
wait_for mild-advice "smaller"
keys q
wait_for pain-after "after the session, 0-10?"
keys 3 Enter
wait_for saved "Saved as session #1"
for _ in $(seq 50); do [ -s "$tmp/status" ] && break; sleep 0.1; done
expect_in exit-status "$tmp/status" "exit 0"

check log 0 "$unload" --format json log
expect_py log-session 'len(d["sessions"]) == 1 and d["sessions"][0]["outcome"] == "quit" and d["sessions"][0]["pain_before"] == 4 and d["sessions"][0]["pain_after"] == 3' "$tmp/out"
expect_py log-events '[e["kind"] for e in d["sessions"][0]["events"]][:3] == ["pause", "resume", "skip"] and any(e["reason"] == "mild_discomfort" for e in d["sessions"][0]["events"])' "$tmp/out"
finish
