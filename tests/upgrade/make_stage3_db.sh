#!/usr/bin/env bash
# Makes stage3.db and stage3-export.json: a real stage-3 database (schema version 6), written by
# the stage-3 binary through its own commands over five weeks on a pinned clock, and that binary's
# export of it. The upgrade test (upgrade_test.sh) copies the database, lets today's binary upgrade
# it, and checks the export still says the same. Run once, with a stage-3 build:
#   tests/upgrade/make_stage3_db.sh /path/to/stage-3/unload
# (stage3.db was made with commit 4582206, the last one before people.)
set -euo pipefail
unload=$(realpath "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export UNLOAD_DB="sqlite:$tmp/unload.db" TZ=UTC UNLOAD_CONTENT="$root/content"
at() { UNLOAD_NOW="$1" "${@:2}" >/dev/null; }

printf 'before 4\nafter 3\n' >"$tmp/good.txt"
printf 'before 3\nafter 2\n' >"$tmp/better.txt"
printf 'before 4\n2:00 s\n3:10 w\nafter 4\n' >"$tmp/skips.txt"
printf 'before 5\n4:00 q\nafter 5\n' >"$tmp/quit.txt"
printf 'before 4\n1:30 x sharp_pain\nafter 5\n' >"$tmp/sharp.txt"
echo '{"warning_signs": {}, "leg": "none"}' >"$tmp/none.json"
echo '{"warning_signs": {"saddle_numbness": true}, "leg": "none"}' >"$tmp/saddle.json"
echo '{"answers": [1,2,1,0,2,1,null,1,2,1]}' >"$tmp/odi-1.json"
echo '{"answers": [1,1,1,0,1,1,null,1,1,0]}' >"$tmp/odi-2.json"
echo '{"answers": [false,true,false,false,false,false,false,false,"slightly"]}' >"$tmp/startback.json"

at 2026-11-02T07:00:00Z "$unload" start --intake "$root/examples/desk-worker.json"
at 2026-11-02T07:05:00Z "$unload" score startback --answers "$tmp/startback.json" --save
at 2026-11-02T07:06:00Z "$unload" score odi --answers "$tmp/odi-1.json" --save
"$unload" remind set --sessions 07:30,19:00 --work 08:30-17:00 --days mon-fri >/dev/null

# Four weeks of sessions, a diary, ratings and a review at the end of each week.
for week in 0 1 2 3; do
    for offset in 0 1 2 3 4 5 6; do
        day=$(date -u -d "2026-11-02 + $((week * 7 + offset)) days" +%Y-%m-%d)
        case $(( (week * 7 + offset) % 9 )) in
            3) script=skips ;;
            5) script=quit ;;
            7) script=sharp ;;
            *) if [ "$week" -ge 2 ]; then script=better; else script=good; fi ;;
        esac
        at "${day}T08:00:00Z" "$unload" session --clock virtual --events "$tmp/$script.txt"
        if [ $((offset % 2)) -eq 0 ]; then
            at "${day}T18:30:00Z" "$unload" session --clock virtual --events "$tmp/good.txt"
        fi
        at "${day}T21:00:00Z" "$unload" log pain $((4 - week / 2)) --note "day $((week * 7 + offset + 1)), week $((week + 1))"
    done
    first=$((week * 7 * 2 + 1))
    at "${day}T21:05:00Z" "$unload" feedback "$first" counter_decompression too_easy || true
    review_day=$(date -u -d "2026-11-02 + $(((week + 1) * 7)) days" +%Y-%m-%d)
    at "${review_day}T07:00:00Z" "$unload" review --answers "$tmp/none.json"
done
at 2026-11-16T19:00:00Z "$unload" score odi --answers "$tmp/odi-2.json" --save
at 2026-11-30T19:00:00Z "$unload" score odi --answers "$tmp/odi-2.json" --save

# Week five: a warning sign stops the program, a clinician sees the person, and it goes on.
at 2026-12-01T08:00:00Z "$unload" rescreen --answers "$tmp/saddle.json"
at 2026-12-02T10:00:00Z "$unload" rescreen --seen --answers "$tmp/none.json"
at 2026-12-02T18:00:00Z "$unload" session --clock virtual --events "$tmp/better.txt"

cp "$tmp/unload.db" "$here/stage3.db"
UNLOAD_NOW=2026-12-03T08:00:00Z "$unload" --format json export >"$here/stage3-export.json"
sqlite3 "$here/stage3.db" 'SELECT max(version) FROM schema_migrations'
