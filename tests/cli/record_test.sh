#!/usr/bin/env bash
# End-to-end checks of the stage-2 commands over a person's record: start, scripted sessions on a
# virtual clock, the diary, progress, weekly reviews, scores, reminders, export and forget. Time is
# pinned with UNLOAD_NOW so the weeks pass in milliseconds; the database lives in a temp dir.
set -u
unload="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/lib.sh"
export UNLOAD_DB="sqlite:$tmp/data/unload.db" TZ=UTC
intake="$root/examples/desk-worker.json"
at() { UNLOAD_NOW="$1" "${@:2}"; }

check no-program-yet 2 "$unload" session --dry-run
expect_in no-program-yet-msg "$tmp/err" "program: no program yet"
check start 0 at 2026-11-02T07:00:00Z "$unload" start --intake "$intake"
expect_in start-saved "$tmp/out" "Saved as your program from 2026-11-02"
check start-twice 2 at 2026-11-02T07:05:00Z "$unload" start --intake "$intake"
expect_in start-twice-msg "$tmp/err" "--restart"
check program-json 0 "$unload" --format json program
expect_py program-stage 'd["stage"] == "relief_once" and d["week"] == 1 and d["review_due_on"] == "2026-11-09"' "$tmp/out"

check dry-run-json 0 "$unload" --format json session --dry-run
expect_py dry-run-steps 'd["steps"][0]["kind"] == "get_ready" and d["total_ms"] == sum(s["duration_ms"] for s in d["steps"])' "$tmp/out"

# Week 1: a session every day, pain at 3, below the 4 of the intake.
printf 'before 3\nafter 3\n' >"$tmp/easy.txt"
for day in 02 03 04 05 06 07 08; do
    check "session-$day" 0 at "2026-11-${day}T08:00:00Z" "$unload" --format json session --clock virtual --events "$tmp/easy.txt"
done
expect_py session-json 'd["outcome"] == "completed" and d["active_ms"] == d["planned_ms"] and d["flare"] is False and len(d["steps"]) > 10' "$tmp/out"
check diary 0 at 2026-11-08T20:00:00Z "$unload" log pain 3 --note "long walk, felt fine"
check diary-range 2 "$unload" log pain 11
check diary-not-utf8 2 "$unload" log pain 3 --note $'caf\xe9'
expect_in diary-not-utf8-msg "$tmp/err" "--note: not valid UTF-8"
# A note a spreadsheet would run as a formula, for the CSV export below.
check diary-formula 0 at 2026-11-08T20:30:00Z "$unload" log pain 3 --note "=HYPERLINK(\"http://x\")"
printf 'before 3\n' >"$tmp/no-after.txt"
check session-needs-pain-after 2 at 2026-11-08T21:30:00Z "$unload" session --clock virtual --events "$tmp/no-after.txt"
expect_in session-needs-pain-after-msg "$tmp/err" "--pain-after"
expect_in diary-range-msg "$tmp/err" "pain"
check log-json 0 at 2026-11-08T21:00:00Z "$unload" --format json log --days 7
expect_py log-counts 'len(d["sessions"]) == 7 and d["pain"][0]["note"] == "long walk, felt fine"' "$tmp/out"

# How an exercise felt, one rating per exercise and session. The counter lean felt too easy three
# times, but its harder version needs a pull-up bar this person does not have.
check feedback-1 0 at 2026-11-08T21:05:00Z "$unload" feedback 1 counter_decompression right
check feedback-1-again 0 at 2026-11-08T21:06:00Z "$unload" feedback 1 counter_decompression too_easy
expect_in feedback-saved "$tmp/out" "Saved: Counter lean felt too easy in session 1"
check feedback-2 0 at 2026-11-08T21:07:00Z "$unload" --format json feedback 2 counter_decompression too_easy
expect_py feedback-json 'd["session"] == 2 and d["rating"] == "too_easy"' "$tmp/out"
check feedback-3 0 at 2026-11-08T21:08:00Z "$unload" feedback 3 counter_decompression too_easy
check feedback-no-session 2 "$unload" feedback 99 counter_decompression right
expect_in feedback-no-session-msg "$tmp/err" "session: no session 99 is stored"
check feedback-not-played 2 "$unload" feedback 1 plank right
expect_in feedback-not-played-msg "$tmp/err" "exercise: session 1 did not play 'plank'"
check feedback-bad-rating 2 "$unload" feedback 1 counter_decompression meh
expect_in feedback-bad-rating-msg "$tmp/err" "rating"
check feedback-help 0 "$unload" feedback --help
expect_in feedback-help-text "$tmp/out" "held at its easier version"

# The review is due after seven days, and asks the warning signs again.
echo '{"warning_signs": {}, "leg": "none"}' >"$tmp/none.json"
check review-early 2 at 2026-11-08T21:00:00Z "$unload" review --answers "$tmp/none.json"
expect_in review-early-msg "$tmp/err" "not due until 2026-11-09"
check review-needs-answers 2 at 2026-11-09T08:00:00Z "$unload" review
expect_in review-needs-answers-msg "$tmp/err" "--answers"
echo '{"warning_signs": {"sadle_numbness": true}, "leg": "none"}' >"$tmp/typo.json"
check review-typo 2 at 2026-11-09T08:00:00Z "$unload" review --answers "$tmp/typo.json"
expect_in review-typo-msg "$tmp/err" "warning_signs.sadle_numbness"
check review 0 at 2026-11-09T08:00:00Z "$unload" --format json review --answers "$tmp/none.json"
expect_py review-progress 'd["decision"] == "progress" and d["to_stage"] == "relief_twice" and d["because"]' "$tmp/out"
expect_py review-feedback '[r["id"] for r in d["because"] if r["id"].startswith("feedback_")] == ["feedback_harder_none"] and "Counter lean felt too easy in 3 sessions" in [r["text"] for r in d["because"] if r["id"] == "feedback_harder_none"][0]' "$tmp/out"
check program-week-2 0 at 2026-11-09T08:01:00Z "$unload" --format json program
expect_py program-week-2-stage 'd["stage"] == "relief_twice" and d["week"] == 2 and d["origin"] == "review"' "$tmp/out"
expect_py program-week-2-no-offer 'd["offers"] == [] and d["changes"] == []' "$tmp/out"
check program-harder-none 2 at 2026-11-09T08:02:00Z "$unload" program harder counter_decompression
expect_in program-harder-none-msg "$tmp/err" "exercise: the program offers no harder version"

# Stops: spreading leg symptoms ends the session and advises an assessment.
printf 'before 4\n1:00 x spreading_leg_symptoms\nafter 5\n' >"$tmp/leg.txt"
check stop-leg 0 at 2026-11-09T09:00:00Z "$unload" --format json session --clock virtual --events "$tmp/leg.txt"
expect_py stop-leg-json 'd["outcome"] == "stopped" and d["stops"][0]["session_ended"] and d["stops"][0]["advice"][0]["id"] == "book_pt_assessment"' "$tmp/out"
# A flare: pain after more than two points above pain before.
printf 'before 2\nafter 5\n' >"$tmp/flare.txt"
check flare 0 at 2026-11-09T18:00:00Z "$unload" session --clock virtual --events "$tmp/flare.txt"
expect_in flare-text "$tmp/out" "flare"

# Scores, progress, reminders.
echo '{"answers": [1,2,1,0,2,1,null,1,2,1]}' >"$tmp/odi.json"
check score-save 0 at 2026-11-09T19:00:00Z "$unload" score odi --answers "$tmp/odi.json" --save
check progress-json 0 at 2026-11-09T20:00:00Z "$unload" --format json progress --weeks 2
expect_py progress-json-counts 'd["done_sessions"] == 9 and d["scores"][0]["instrument"] == "odi" and d["baseline_pain"] == 4' "$tmp/out"
expect_py progress-json-feedback 'd["feedback"] == [{"exercise": "counter_decompression", "name": "Counter lean", "too_easy": 3, "right": 0, "too_hard": 0, "hurt": 0, "latest": "too_easy"}]' "$tmp/out"
check progress-csv 0 at 2026-11-09T20:00:00Z "$unload" --format csv progress --weeks 2
expect_in progress-csv-header "$tmp/out" "day,planned_sessions,done_sessions,minutes,mean_pain,flare"
expect_in progress-csv-row "$tmp/out" "2026-11-09,2,2,"
check progress-text 0 at 2026-11-09T20:00:00Z "$unload" progress
expect_in progress-text-calendar "$tmp/out" "Mo Tu We Th Fr Sa Su"
expect_in progress-text-feedback "$tmp/out" "How the exercises felt"
check csv-elsewhere 2 "$unload" --format csv plan --intake "$intake"

check remind-set 0 "$unload" remind set --sessions 07:30,19:00 --work 09:00-17:00 --days mon-fri
expect_in remind-set-show "$tmp/out" "07:30, 19:00"
check remind-bad-time 2 "$unload" remind set --sessions 7.30
expect_in remind-bad-time-msg "$tmp/err" "--sessions"
check remind-once 0 at 2026-11-10T07:00:00Z "$unload" --format json remind --once
expect_py remind-once-next 'd["time"] == "07:30" and d["kind"] == "session"' "$tmp/out"
check remind-ics 0 at 2026-11-10T07:00:00Z "$unload" remind --ics "$tmp/unload.ics"
expect_in remind-ics-calendar "$tmp/unload.ics" "BEGIN:VCALENDAR"
expect_in remind-ics-desk "$tmp/unload.ics" "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"

# A new numbness or weakness stop re-asks the warning signs; one that fires stops the program.
printf 'before 4\n0:30 x new_numbness_or_weakness\nafter 4\nrescreen saddle_numbness\n' >"$tmp/numb.txt"
check stop-numb 0 at 2026-11-10T08:00:00Z "$unload" --format json session --clock virtual --events "$tmp/numb.txt"
expect_py stop-numb-emergency 'd["outcome"] == "stopped" and d["rescreen"]["verdict"] == "emergency"' "$tmp/out"
check stopped-program 2 at 2026-11-10T09:00:00Z "$unload" session --dry-run
expect_in stopped-program-msg "$tmp/err" "the program is stopped"

# Your data.
check export-json 0 "$unload" export --out "$tmp/export.json"
expect_py export-counts 'd["format"] == "unload-export/1" and len(d["sessions"]) == 10 and len(d["reviews"]) == 1 and len(d["intakes"]) == 3 and d["sessions"][0]["steps"]' "$tmp/export.json"
check export-csv 0 "$unload" --format csv export --out "$tmp/csv"
expect_in export-csv-steps "$tmp/csv/steps.csv" "session,index,kind,exercise,side,planned_ms,started_ms,ended_ms,result"
# Exports are the owner's alone, like the database, and a formula is neutralised as text.
[ "$(stat -c %a "$tmp/export.json")" = 600 ] && [ "$(stat -c %a "$tmp/csv")" = 700 ] \
    && [ -z "$(find "$tmp/csv" -type f ! -perm 600)" ] && ok=$((ok+1)) \
    || { failed=$((failed+1)); echo "FAIL export-private: $(stat -c '%a %n' "$tmp/export.json" "$tmp/csv" "$tmp"/csv/*)"; }
grep -q "'=HYPERLINK" "$tmp/csv/pain.csv" && ! grep -q ',"\?=HYPERLINK' "$tmp/csv/pain.csv" && ok=$((ok+1)) \
    || { failed=$((failed+1)); echo "FAIL export-csv-formula: $(grep HYPERLINK "$tmp/csv/pain.csv")"; }
check export-csv-needs-dir 2 "$unload" --format csv export
check forget-asks 2 "$unload" forget </dev/null
check forget 0 "$unload" forget --yes
check export-empty 0 "$unload" --format json export
expect_py export-empty-all 'not d["sessions"] and not d["intakes"] and not d["pain"] and not d["reviews"]' "$tmp/out"

check bad-now 2 env UNLOAD_NOW=yesterday "$unload" log
expect_in bad-now-msg "$tmp/err" "UNLOAD_NOW"
check bad-db 2 "$unload" --db postgresql://nowhere/unload log
# A --db that is not a database, or in a place that cannot be written, is the caller's mistake.
echo "not a database" >"$tmp/notes.txt"
check db-not-a-database 2 "$unload" --db "sqlite:$tmp/notes.txt" log
expect_in db-not-a-database-file "$tmp/err" "$tmp/notes.txt: file is not a database"
check db-unwritable-place 2 "$unload" --db "sqlite:$tmp/notes.txt/unload.db" log
expect_in db-unwritable-place-file "$tmp/err" "$tmp/notes.txt"
# Standard input that never ends is cut off, not read until memory runs out.
check intake-endless-stdin 2 sh -c "'$unload' plan --intake - </dev/zero"
expect_in intake-endless-stdin-msg "$tmp/err" "larger than"
# A warning sign stops the program until answers without one come in: `unload rescreen` asks
# again, and `--seen` first records that a clinician has seen the person (on a database of its own).
export UNLOAD_DB="sqlite:$tmp/stop.db"
check stop-start 0 at 2026-11-02T07:00:00Z "$unload" start --intake "$intake"
echo '{"warning_signs": {"saddle_numbness": true}, "leg": "none"}' >"$tmp/saddle.json"
check stop-rescreen 0 at 2026-11-02T08:00:00Z "$unload" --format json rescreen --answers "$tmp/saddle.json"
expect_py stop-rescreen-stopped 'd["stopped"] is True and d["screen"]["verdict"] == "emergency"' "$tmp/out"
check stop-no-session 2 at 2026-11-02T08:05:00Z "$unload" session --dry-run
expect_in stop-no-session-msg "$tmp/err" "unload rescreen --seen"
check stop-needs-answers 2 at 2026-11-02T08:10:00Z "$unload" rescreen </dev/null
expect_in stop-needs-answers-msg "$tmp/err" "--answers"
check stop-cleared 0 at 2026-11-03T09:00:00Z "$unload" rescreen --seen --answers "$tmp/none.json"
expect_in stop-cleared-msg "$tmp/out" "No warning sign now"
check stop-session-again 0 at 2026-11-03T09:05:00Z "$unload" session --dry-run
check stop-export 0 "$unload" --format json export
expect_py stop-export-seen 'len(d["stops"]) == 1 and d["stops"][0]["seen_at"] == "2026-11-03T09:00:00Z" and d["stops"][0]["cleared_at"] == "2026-11-03T09:00:00Z"' "$tmp/out"
check stop-seen-without-stop 2 at 2026-11-03T09:10:00Z "$unload" rescreen --seen --answers "$tmp/none.json"
expect_in stop-seen-without-stop-msg "$tmp/err" "stop"
finish
