#!/usr/bin/env python3
"""Where a build's memory goes over time: runs `tsunagu build` with
TSUNAGU_TIMINGS=1, samples the process's resident memory (VmRSS, Linux)
every --every seconds, and prints the samples with the stages that ended
between them, so the peak can be put on a stage.

    cargo build --release -p tsunagu -p tsunagu-synth
    target/release/tsunagu-synth 100000 /tmp/scale100k/site-100000 --seed 1
    python3 benches/rss_timeline.py /tmp/scale100k/site-100000 /tmp/rss-out

A measurement, not a test: nothing here runs in CI.
"""
import argparse
import os
import subprocess
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def rss_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        pass
    return None


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("root", help="site folder")
    p.add_argument("out", help="output folder")
    p.add_argument("--tsunagu", default=str(REPO / "target/release/tsunagu"))
    p.add_argument("--every", type=float, default=0.5, help="seconds between samples")
    p.add_argument("--today", default="2026-12-02")
    a = p.parse_args()

    env = dict(os.environ, TSUNAGU_TIMINGS="1")
    start = time.monotonic()
    proc = subprocess.Popen(
        [a.tsunagu, "build", "--root", a.root, "--out", a.out, "--today", a.today],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )
    stages = []

    def read_stages():
        for line in proc.stderr:
            stages.append((time.monotonic() - start, line.rstrip()))

    reader = threading.Thread(target=read_stages)
    reader.start()
    samples = []
    while proc.poll() is None:
        kib = rss_kib(proc.pid)
        if kib is not None:
            samples.append((time.monotonic() - start, kib))
        time.sleep(a.every)
    reader.join()

    events = sorted([(t, f"{kib / 1024:8.0f} MiB") for t, kib in samples]
                    + [(t, f"  {line}") for t, line in stages])
    for t, text in events:
        print(f"{t:7.1f} s {text}")
    if samples:
        t, kib = max(samples, key=lambda s: s[1])
        print(f"peak {kib / 1024:.0f} MiB at {t:.1f} s; exit {proc.returncode}")


if __name__ == "__main__":
    main()
