#!/usr/bin/env python3
"""Checks that `unload serve` reaps connections that stay silent (bench/http/load_test.sh).

It opens IDLE connections that never send a byte and SLOW connections that send the start of a
request and then nothing more, reads the server's own gauge `unload_http_open_connections` from
/metrics while they are open, then waits until WAIT seconds after the first connection and checks
that the gauge has fallen back to at most 1 (the /metrics request itself) and that every socket has
seen the server close it (EOF). The server must run with idle and read timeouts shorter than WAIT.

Only the standard library is used, so it runs anywhere python3 does. Exit status 0 when all of that
holds, 1 otherwise, with one line per check saying what was seen.
"""

import argparse
import selectors
import socket
import sys
import time
import urllib.request


def open_gauge(port: int) -> int:
    """unload_http_open_connections from /metrics (urllib closes its connection afterwards)."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5) as answer:
        for line in answer.read().decode().splitlines():
            if line.startswith("unload_http_open_connections "):
                return int(float(line.split()[1]))
    raise RuntimeError("/metrics has no unload_http_open_connections")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("port", type=int)
    parser.add_argument("--idle", type=int, default=200, help="connections that send nothing")
    parser.add_argument("--slow", type=int, default=50, help="connections that send half a request")
    parser.add_argument("--timeout", type=float, default=2.0, help="the server's timeouts, seconds")
    parser.add_argument("--wait", type=float, default=4.0, help="when to check, seconds after opening")
    args = parser.parse_args()

    # Open everything as fast as possible so that all connections share (nearly) one start time.
    started = time.monotonic()
    idle, slow = [], []
    for _ in range(args.idle):
        idle.append(socket.create_connection(("127.0.0.1", args.port)))
    for _ in range(args.slow):
        s = socket.create_connection(("127.0.0.1", args.port))
        # A request line and one header, but never the blank line that ends the header block: the
        # server has begun a request and must give up on it after its read timeout.
        s.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        slow.append(s)
    opened = time.monotonic() - started
    total = args.idle + args.slow
    print(f"opened {args.idle} idle and {args.slow} slow connections in {opened:.2f} s")

    # The server accepts asynchronously; poll its gauge until it counts them all (plus the
    # /metrics request), but only for half the timeout, so that none has been reaped yet.
    seen = 0
    while True:
        seen = open_gauge(args.port)
        if seen >= total + 1 or time.monotonic() - started > args.timeout / 2:
            break
        time.sleep(0.05)
    ok_open = seen >= total
    print(f"{'ok  ' if ok_open else 'FAIL'} while open: unload_http_open_connections = {seen} "
          f"(expected >= {total}: {args.idle} idle + {args.slow} slow, plus this request)")

    # Wait for every socket to be closed by the server, noting when, until the check time.
    selector = selectors.DefaultSelector()
    for kind, group in (("idle", idle), ("slow", slow)):
        for s in group:
            s.setblocking(False)
            selector.register(s, selectors.EVENT_READ, kind)
    closed_at = {"idle": [], "slow": []}
    data_before_eof = {"idle": 0, "slow": 0}
    first_bytes = {}
    resets = 0
    deadline = started + args.wait
    pending = total
    while pending and time.monotonic() < deadline:
        for key, _ in selector.select(timeout=max(0.0, deadline - time.monotonic())):
            s, kind = key.fileobj, key.data
            try:
                chunk = s.recv(65536)
            except ConnectionResetError:
                chunk, resets = b"", resets + 1
            if chunk:
                # The server may answer a half request (408, say) before closing; note it.
                data_before_eof[kind] += 1
                first_bytes.setdefault(kind, chunk.split(b"\r\n", 1)[0].decode(errors="replace"))
                continue
            closed_at[kind].append(time.monotonic() - started)
            selector.unregister(s)
            s.close()
            pending -= 1
    time.sleep(max(0.0, deadline - time.monotonic()))

    after = open_gauge(args.port)
    ok_after = after <= 1
    print(f"{'ok  ' if ok_after else 'FAIL'} {args.wait:g} s after opening: "
          f"unload_http_open_connections = {after} (expected <= 1, this request)")

    ok_eof = True
    for kind, count in (("idle", args.idle), ("slow", args.slow)):
        times = closed_at[kind]
        ok = len(times) == count
        ok_eof = ok_eof and ok
        when = f", closed {min(times):.2f} to {max(times):.2f} s after opening" if times else ""
        sent = ""
        if data_before_eof[kind]:
            sent = f"; {data_before_eof[kind]} got bytes first ({first_bytes[kind]!r})"
        print(f"{'ok  ' if ok else 'FAIL'} {kind} sockets that saw EOF: {len(times)} of {count}{when}{sent}")
    if resets:
        print(f"note: {resets} of those closes were resets rather than an orderly EOF")
    for key in list(selector.get_map().values()):
        key.fileobj.close()

    if data_before_eof["idle"]:
        print("FAIL idle connections received bytes they never asked for")
    ok = ok_open and ok_after and ok_eof and not data_before_eof["idle"]
    print("idle reaping: " + ("PASS" if ok else "FAIL"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
