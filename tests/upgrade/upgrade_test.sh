#!/usr/bin/env bash
# A real stage-3 database (stage3.db: five weeks of sessions, diary, scores, ratings, reviews, a
# stop seen and cleared, reminder settings; see make_stage3_db.sh) upgraded in place by today's
# binary: its record becomes person 1, every row is still there, the export says exactly what the
# stage-3 binary's export said, and the record goes on working in personal mode.
set -u
unload="$1"; root="$2"
here="$root/tests/upgrade"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
source "$root/tests/cli/lib.sh"
cp "$here/stage3.db" "$tmp/unload.db"
export UNLOAD_DB="sqlite:$tmp/unload.db" TZ=UTC UNLOAD_CONTENT="$root/content"
counts() { # every table of stage 3 but the migration log, with its row count
    python3 - "$1" "$here/stage3.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
stage3 = sqlite3.connect(f"file:{sys.argv[2]}?mode=ro&immutable=1", uri=True)
tables = [r[0] for r in stage3.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name <> 'schema_migrations' ORDER BY name")]
for t in tables:
    print(t, db.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
PY
}
counts "$tmp/unload.db" >"$tmp/before.txt"
expect_py stage3-is-version-6 'True' <(python3 -c "
import sqlite3, json; db = sqlite3.connect('$tmp/unload.db')
assert db.execute('SELECT max(version) FROM schema_migrations').fetchone()[0] == 6
print('{}')")

check export-after-upgrade 0 env UNLOAD_NOW=2026-12-03T08:00:00Z "$unload" --format json export --out "$tmp/export.json"
if python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); sys.exit(a != b)" "$here/stage3-export.json" "$tmp/export.json"; then
    ok=$((ok+1)); else failed=$((failed+1)); echo "FAIL export-unchanged: the upgraded export differs from stage 3's"
    diff <(python3 -m json.tool --sort-keys "$here/stage3-export.json") <(python3 -m json.tool --sort-keys "$tmp/export.json") | head -20
fi
counts "$tmp/unload.db" >"$tmp/after.txt"
if diff "$tmp/before.txt" "$tmp/after.txt"; then ok=$((ok+1)); else failed=$((failed+1)); echo "FAIL rows-kept"; fi
check integrity 0 python3 -c "
import sqlite3; db = sqlite3.connect('$tmp/unload.db')
assert db.execute('PRAGMA integrity_check').fetchone()[0] == 'ok'
assert db.execute('PRAGMA foreign_key_check').fetchall() == []
import glob
assert db.execute('SELECT max(version) FROM schema_migrations').fetchone()[0] == len(glob.glob('$root/src/store/migrations/*.sql'))
for t in ('intakes', 'program_versions', 'sessions', 'pain_entries', 'instrument_scores', 'reviews', 'safety_stops', 'reminder_settings'):
    assert db.execute(f'SELECT count(*) FROM {t} WHERE person_id <> 1').fetchone()[0] == 0, t
"

check people-list 0 "$unload" --format json people list
expect_py person-1 'd["people"] == [{"id": 1, "name": "", "created_at": "2026-11-02T07:00:00Z"}]' "$tmp/out"

# Personal mode goes on as before: the program, the reminders and a new session.
check program 0 env UNLOAD_NOW=2026-12-03T08:00:00Z "$unload" --format json program
expect_py program-stage 'd["stage"] == "mobility"' "$tmp/out"
check remind-show 0 "$unload" remind show
expect_in remind-kept "$tmp/out" "07:30, 19:00"
printf 'before 3\nafter 2\n' >"$tmp/good.txt"
check session 0 env UNLOAD_NOW=2026-12-03T08:05:00Z "$unload" --format json session --clock virtual --events "$tmp/good.txt"
check person-1-explicit 0 env UNLOAD_NOW=2026-12-03T09:00:00Z "$unload" --person 1 --format json log --days 3
expect_py log-has-new-session '[s["day"] for s in d["sessions"]] == ["2026-12-02", "2026-12-03"]' "$tmp/out"

# A second person: the first record is no longer anyone's by default, and stays whole.
check add-person 0 "$unload" people add "Ben Okafor"
expect_in add-person-says "$tmp/out" "as person 2"
check which-person 2 "$unload" progress
expect_in which-person-msg "$tmp/err" "--person"
check person-2-empty 0 "$unload" --person 2 --format json export
expect_py person-2-nothing 'd["sessions"] == [] and d["intakes"] == []' "$tmp/out"
check no-person-3 2 "$unload" --person 3 progress
expect_in no-person-3-msg "$tmp/err" "--person: no person 3"
check person-1-export 0 env UNLOAD_NOW=2026-12-03T08:00:00Z "$unload" --person 1 --format json export
expect_py person-1-whole 'len(d["sessions"]) == 46' "$tmp/out"
finish
