#!/usr/bin/env python3
"""Serve benchmark (issue 12): how long `tsunagu serve` takes to be ready on a
generated site, and how long a one-record edit takes to reach an open tab
(file saved -> the tab's `reload` server-sent event).

    python3 benches/serve_edit.py 10000            # agencies; default 10000
    python3 benches/serve_edit.py --edits 5 10000
    python3 benches/serve_edit.py --smoke          # 50 agencies, 2 edits
    python3 benches/serve_edit.py --tsunagu /tmp/tsunagu-base 10000   # another build, for a baseline

The site is `tsunagu-synth N DIR --seed 1`; each edit changes the summary
of one agency file, as a webmaster would.
"""
import argparse
import re
import socket
import subprocess
import sys
import tempfile
import time
import statistics
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def get(host, port, path):
    with socket.create_connection((host, port), timeout=120) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nConnection: close\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data.decode(errors="replace")


def wait_for_reload(host, port, since, deadline):
    """Opens the event stream for build `since`; returns when `reload` arrives."""
    s = socket.create_connection((host, port), timeout=deadline)
    s.sendall(f"GET /__tsunagu/events?since={since} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode())
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("size", nargs="?", type=int, default=None)
    ap.add_argument("--edits", type=int, default=3)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--tsunagu", type=Path, default=None,
                    help="the tsunagu binary to measure (default: this checkout's)")
    a = ap.parse_args()
    n = a.size or (50 if a.smoke else 10000)
    edits = 2 if a.smoke else a.edits
    work = a.work or Path(tempfile.mkdtemp(prefix="tsunagu-serve-"))
    # A smoke run uses the debug binaries the tests built.
    profile = "debug" if a.smoke else "release"
    subprocess.run(["cargo", "build", *([] if a.smoke else ["--release"]), "--locked", "-p", "tsunagu",
                    "-p", "tsunagu-synth"], cwd=REPO, check=True)
    target = REPO / "target" / profile
    site = work / f"serve-site-{n}"
    subprocess.run([target / "tsunagu-synth", str(n), site, "--seed", "1"], check=True,
                   stdout=subprocess.DEVNULL)
    started = time.monotonic()
    p = subprocess.Popen([a.tsunagu or target / "tsunagu", "serve", "--root", site, "--port", "0",
                          "--today", "2026-12-02"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = p.stdout.readline()
        ready = time.monotonic() - started
        m = re.search(r"http://([^/:]+):(\d+)/", line)
        if not m:
            sys.exit(f"serve did not start: {line!r} {p.stderr.read()[-2000:]}")
        host, port = m.group(1), int(m.group(2))
        agencies = sorted((site / "content/agencies").glob("*.toml"))
        latencies = []
        for i in range(edits):
            page = get(host, port, "/index.html")
            version = re.search(r'var version = "([^"]+)"', page).group(1)
            stream = wait_for_reload(host, port, version, 300)
            buf = b""
            while b"tsunagu" not in buf:
                buf += stream.recv(4096)
            record = agencies[(i * 7919) % len(agencies)]
            text = record.read_text()
            text = re.sub(r'^summary = "(.*)"$', lambda m: f'summary = "{m.group(1)}（更新{i}）"', text, count=1, flags=re.M)
            t0 = time.monotonic()
            record.write_text(text)
            buf = b""
            while b"event: reload" not in buf:
                chunk = stream.recv(4096)
                if not chunk:
                    sys.exit("event stream closed before a reload")
                buf += chunk
                if b"event: overlay" in buf:
                    sys.exit("the edit was refused (overlay)")
            latencies.append(time.monotonic() - t0)
            stream.close()
        print(f"agencies {n:,}: serve ready in {ready:.2f} s; edit -> reload event: "
              f"median {statistics.median(latencies) * 1000:.0f} ms, all "
              + ", ".join(f"{x * 1000:.0f}" for x in latencies) + " ms")
    finally:
        p.terminate()
        p.wait()
        if a.work is None:
            import shutil
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
