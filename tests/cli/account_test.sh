#!/usr/bin/env bash
# End-to-end checks of the clinic's accounts and audit trail from the command line: adding
# accounts (names, roles, password rules, a personal-mode record linked as person 1), disabling and
# enabling, a new password, the audit trail and its --verify, which must catch an edited row.
set -u
unload="$1"; root="$2"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
source "$(dirname "$0")/lib.sh"
export UNLOAD_DB="sqlite:$tmp/unload.db" TZ=UTC UNLOAD_NOW=2026-12-01T09:00:00Z
printf 'correct horse battery\n' >"$tmp/password"
printf 'too short\n' >"$tmp/short"
printf 'Carla.Rossi\n' >"$tmp/same-as-name"

# A personal-mode record first: it becomes the account's person 1, as clinic.md describes.
check personal-start 0 "$unload" start --intake "$root/examples/desk-worker.json"
check no-accounts 0 "$unload" account list
expect_in personal-mode "$tmp/out" "personal mode"

check add-person 0 "$unload" account add Ben12345678 --role person --person 1 --password-file "$tmp/password"
expect_in add-person-msg "$tmp/out" "Added ben12345678 (person, person 1)."
expect_in now-a-clinic "$tmp/out" "now a clinic"
check add-clinician 0 "$unload" --format json account add ana --role clinician --password-file "$tmp/password"
expect_py clinician-json 'd["account"]["username"] == "ana" and d["account"]["role"] == "clinician" and d["account"]["person"] is None and "password_hash" not in d["account"]' "$tmp/out"
check add-admin-global-person 2 "$unload" --person 1 account add other --role person --password-file "$tmp/password"
expect_in one-account-per-person "$tmp/err" "person 1 already has an account"

check duplicate 2 "$unload" account add ANA --role admin --password-file "$tmp/password"
expect_in duplicate-msg "$tmp/err" "NAME: an account named ana exists"
check short-password 2 "$unload" account add cara --role clinician --password-file "$tmp/short"
expect_in short-msg "$tmp/err" "password: too short"
check name-as-password 2 "$unload" account add carla.rossi --role person --password-file "$tmp/same-as-name"
expect_in name-as-password-msg "$tmp/err" "must not be the account's name"
check bad-name 2 "$unload" account add "ana silva" --role clinician --password-file "$tmp/password"
expect_in bad-name-msg "$tmp/err" "NAME: use small letters"
check bad-role 2 "$unload" account add cara --role nurse --password-file "$tmp/password"
expect_in bad-role-msg "$tmp/err" "--role"
check unknown-person 2 "$unload" account add cara --role person --person 42 --password-file "$tmp/password"
expect_in unknown-person-msg "$tmp/err" "no person 42"
# No terminal and no file: refused, never read from the command line.
check no-password-source 2 "$unload" account add cara --role clinician </dev/null
expect_in no-password-msg "$tmp/err" "--password-file"
# Nothing refused was stored.
check list-json 0 "$unload" --format json account list
expect_py two-accounts '[a["username"] for a in d["accounts"]] == ["ana", "ben12345678"]' "$tmp/out"

check disable 0 "$unload" account disable ana
expect_in disable-msg "$tmp/out" "Disabled and signed out ana"
check list-disabled 0 "$unload" account list
expect_in disabled-state "$tmp/out" "disabled"
check enable 0 "$unload" account enable ANA
check disable-unknown 2 "$unload" account disable nobody
expect_in unknown-msg "$tmp/err" "no account is named nobody"
check new-password 0 "$unload" account password ana --password-file "$tmp/password"
expect_in new-password-msg "$tmp/out" "New password for ana"

# The record commands go on for the host operator; in a clinic, each look is in the audit trail.
check progress 0 "$unload" --person 1 progress
check audit 0 "$unload" --format json audit
expect_py audit-events 'any(e["action"] == "read" and e["person"] == 1 and e["actor"].startswith("host:") for e in d["events"]) and any(e["action"] == "disable" for e in d["events"])' "$tmp/out"
expect_py audit-no-secrets 'all("horse" not in json.dumps(e) for e in d["events"])' "$tmp/out"
check audit-person 0 "$unload" --format json audit --person 1
expect_py audit-person-only 'd["events"] and all(e["person"] == 1 for e in d["events"])' "$tmp/out"
check audit-since-future 0 "$unload" --format json audit --since 2027-01-01
expect_py audit-since 'd["events"] == []' "$tmp/out"
check audit-bad-since 2 "$unload" audit --since yesterday
expect_in audit-bad-since-msg "$tmp/err" "--since"
check verify 0 "$unload" audit --verify
expect_in verify-whole "$tmp/out" "whole"

# An edited row breaks the chain, and --verify says where.
python3 - "$tmp/unload.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("UPDATE audit_events SET actor = 'someone-else' WHERE id = 2")
db.commit()
PY
check verify-broken 1 "$unload" --format json audit --verify
expect_py verify-broken-json 'd["intact"] is False and d["broken_at"] == 2' "$tmp/out"

finish
