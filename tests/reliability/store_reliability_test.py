#!/usr/bin/env python3
"""Storage reliability (architecture.md: nothing acknowledged is ever lost).

kill WRITER
    Runs the writer again and again on one database and SIGKILLs it at a random moment each
    round (seeded; the seed is printed, and UNLOAD_RELIABILITY_SEED replays it). After every round
    the database must pass SQLite's integrity and foreign-key checks, every acknowledged record
    must be there, and every stored session must be complete: all 30 steps and 3 events, since a
    session is written in one transaction.

concurrent WRITER
    Starts two writers on one new database at the same moment. Both must finish without error
    (no "database is locked") with every acknowledged record present and carrying its own tag.

The database is read with Python's own sqlite3 module, not with the adapter under test.
"""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

STEPS_PER_SESSION = 30
EVENTS_PER_SESSION = 3
KILL_ROUNDS = 20
CONCURRENT_ROUNDS = 100


def fail(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def read_acks(path):
    """The acknowledgements in a writer's output, by kind: only whole lines count."""
    acks = {"program": [], "session": [], "pain": []}
    with open(path, encoding="utf-8") as output:
        text = output.read()
    for line in text.split("\n")[:-1]:
        word, kind, record_id = line.split(" ")
        if word != "ack" or kind not in acks:
            fail(f"unexpected writer output line: {line!r}")
        acks[kind].append(int(record_id))
    return acks


def check_database(path, acks, tags=None):
    """Checks integrity, completeness of every session, and that every acknowledged id is stored."""
    acknowledged = sum(len(ids) for ids in acks.values())
    if not os.path.exists(path):
        if acknowledged:
            fail("records were acknowledged but the database file does not exist")
        return 0, 0
    db = sqlite3.connect(path)
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchall()
        if integrity != [("ok",)]:
            fail(f"integrity_check: {integrity}")
        # A writer killed while creating the database may leave it before the first migration.
        has_schema = db.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'sessions'"
        ).fetchone()[0]
        if not has_schema:
            if acknowledged:
                fail("records were acknowledged but the database has no schema")
            return 0, 0
        broken = db.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            fail(f"foreign_key_check: {broken}")
        incomplete = db.execute(
            "SELECT s.id, "
            " (SELECT count(*) FROM session_steps st WHERE st.session_id = s.id), "
            " (SELECT count(*) FROM session_events ev WHERE ev.session_id = s.id) "
            "FROM sessions s").fetchall()
        for session_id, steps, events in incomplete:
            if steps != STEPS_PER_SESSION or events != EVENTS_PER_SESSION:
                fail(f"session {session_id} is half-written: {steps} steps, {events} events")
        sessions = {row[0] for row in db.execute("SELECT id FROM sessions")}
        pains = {row[0]: row[1] for row in db.execute("SELECT id, note FROM pain_entries")}
        programs = {row[0] for row in db.execute("SELECT id FROM program_versions")}
        for record_id in acks["session"]:
            if record_id not in sessions:
                fail(f"acknowledged session {record_id} is missing")
        for record_id in acks["pain"]:
            if record_id not in pains:
                fail(f"acknowledged pain entry {record_id} is missing")
        for record_id in acks["program"]:
            if record_id not in programs:
                fail(f"acknowledged program version {record_id} is missing")
        if tags:
            for record_id, tag in tags.items():
                if pains.get(record_id) != tag:
                    fail(f"pain entry {record_id} has note {pains.get(record_id)!r}, not {tag!r}")
        return len(sessions), len(pains)
    finally:
        db.close()


def kill_test(writer):
    seed = int(os.environ.get("UNLOAD_RELIABILITY_SEED", str(time.time_ns() % 2**32)))
    print(f"seed {seed} (set UNLOAD_RELIABILITY_SEED={seed} to replay)", flush=True)
    rng = random.Random(seed)
    all_acks = {"program": [], "session": [], "pain": []}
    with tempfile.TemporaryDirectory(prefix="unload-kill-") as tmp:
        db = os.path.join(tmp, "unload.db")
        for round_number in range(KILL_ROUNDS):
            out_path = os.path.join(tmp, f"round-{round_number}.out")
            err_path = os.path.join(tmp, f"round-{round_number}.err")
            # The first rounds may die while the database is being created and migrated; later
            # ones mostly in the middle of writes.
            delay = rng.uniform(0.0, 0.4)
            with open(out_path, "wb") as out, open(err_path, "wb") as err:
                writer_process = subprocess.Popen(
                    [writer, "sqlite:" + db, "0", f"round{round_number}"], stdout=out, stderr=err)
                try:
                    # This wait is the random kill point, not synchronisation: the writer never
                    # stops on its own, and the test holds whatever it acknowledged by then.
                    writer_process.wait(timeout=delay)
                    with open(err_path, encoding="utf-8", errors="replace") as message:
                        fail(f"round {round_number}: the writer exited with "
                             f"{writer_process.returncode} before the kill: {message.read()}")
                except subprocess.TimeoutExpired:
                    writer_process.send_signal(signal.SIGKILL)
                    writer_process.wait()
            acks = read_acks(out_path)
            for kind, ids in acks.items():
                all_acks[kind].extend(ids)
            sessions, pains = check_database(db, all_acks)
            print(f"round {round_number}: killed after {delay * 1000:.0f} ms; "
                  f"{len(acks['session'])} sessions and {len(acks['pain'])} pain entries "
                  f"acknowledged; {sessions} sessions and {pains} pain entries stored", flush=True)
        if not all_acks["session"]:
            fail("no round acknowledged a session, so the test checked nothing; "
                 "the kill points are too early for this machine")
    print(f"ok: {len(all_acks['session'])} acknowledged sessions all present and complete")


def concurrent_test(writer):
    with tempfile.TemporaryDirectory(prefix="unload-two-writers-") as tmp:
        db = os.path.join(tmp, "unload.db")
        processes = []
        for tag in ("writer_a", "writer_b"):
            out = open(os.path.join(tmp, f"{tag}.out"), "wb")
            err = open(os.path.join(tmp, f"{tag}.err"), "wb")
            processes.append((tag, subprocess.Popen(
                [writer, "sqlite:" + db, str(CONCURRENT_ROUNDS), tag], stdout=out, stderr=err),
                out, err))
        for tag, process, out, err in processes:
            try:
                process.wait(timeout=100)
            except subprocess.TimeoutExpired:
                process.kill()
                fail(f"{tag} did not finish")
            out.close()
            err.close()
        tags = {}
        acks_by_tag = {}
        all_acks = {"program": [], "session": [], "pain": []}
        for tag, process, _, _ in processes:
            with open(os.path.join(tmp, f"{tag}.err"), encoding="utf-8", errors="replace") as err:
                errors = err.read()
            if process.returncode != 0 or errors:
                fail(f"{tag} exited with {process.returncode}: {errors}")
            acks = read_acks(os.path.join(tmp, f"{tag}.out"))
            if len(acks["session"]) != CONCURRENT_ROUNDS or len(acks["pain"]) != CONCURRENT_ROUNDS:
                fail(f"{tag} acknowledged {len(acks['session'])} sessions and "
                     f"{len(acks['pain'])} pain entries, expected {CONCURRENT_ROUNDS} of each")
            for kind, ids in acks.items():
                all_acks[kind].extend(ids)
            tags.update({record_id: tag for record_id in acks["pain"]})
            acks_by_tag[tag] = acks["session"]
        if len(set(all_acks["session"])) != 2 * CONCURRENT_ROUNDS:
            fail("the two writers were given the same session id")
        sessions_a = acks_by_tag["writer_a"]
        sessions_b = acks_by_tag["writer_b"]
        if not (min(sessions_a) < max(sessions_b) and min(sessions_b) < max(sessions_a)):
            fail("the two writers did not overlap in time, so nothing concurrent was tested")
        sessions, pains = check_database(db, all_acks, tags)
        if sessions != 2 * CONCURRENT_ROUNDS or pains != 2 * CONCURRENT_ROUNDS:
            fail(f"stored {sessions} sessions and {pains} pain entries, "
                 f"expected {2 * CONCURRENT_ROUNDS} of each")
    print(f"ok: two writers stored {2 * CONCURRENT_ROUNDS} sessions and "
          f"{2 * CONCURRENT_ROUNDS} pain entries without a lock error")


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("kill", "concurrent"):
        print("usage: store_reliability_test.py kill|concurrent WRITER", file=sys.stderr)
        return 2
    if sys.argv[1] == "kill":
        kill_test(sys.argv[2])
    else:
        concurrent_test(sys.argv[2])
    return 0


if __name__ == "__main__":
    sys.exit(main())
