#!/usr/bin/env python3
"""Scale benchmark (issue 12): full builds of generated sites with wall time
and peak RSS, next to Hugo x2 (citizen + staff config) + Pagefind on the same
records, interleaved, printing ratios.

    python3 benches/scale.py 1000 10000          # sizes; default 1000 10000
    python3 benches/scale.py --runs 3 1000       # runs per tool (median)
    python3 benches/scale.py --smoke             # 50 agencies, 1 run, tsunagu only
    python3 benches/scale.py --install 1000      # apt-get hugo, npm i pagefind first
    python3 benches/scale.py --baseline /tmp/tsunagu-old 10000   # and an older build, interleaved

Sites come from `tsunagu-synth N DIR --seed 1` (deterministic). Hugo gets the
same records as content files (front matter = the TOML record) and the
minimal templates in benches/hugo/. Runs on a busy machine vary; the ratios
of interleaved runs are what count. Records go to stdout as a table.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TODAY = "2026-12-02"


def run(cmd, cwd=None, env=None):
    """Runs cmd; returns (wall seconds, peak RSS in MiB)."""
    start = time.monotonic()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - start
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{err[-3000:]}")
    return wall, usage.ru_maxrss / 1024


def cargo_build(release=True):
    """The binaries; a smoke run uses the debug ones the tests built."""
    profile = ["--release"] if release else []
    subprocess.run(
        ["cargo", "build", *profile, "--locked", "-p", "tsunagu", "-p", "tsunagu-synth"],
        cwd=REPO, check=True)
    target = REPO / "target" / ("release" if release else "debug")
    return target / "tsunagu", target / "tsunagu-synth"


def hugo_site(site: Path, dest: Path):
    """The records of `site` as a Hugo project in `dest`."""
    shutil.copytree(REPO / "benches/hugo/layouts", dest / "layouts")
    (dest / "data").mkdir(parents=True)
    shutil.copy(site / "content/topics.toml", dest / "data/topics.toml")
    settings = tomllib.loads((site / "content/site.toml").read_text())
    for audience, staff in (("citizen", False), ("staff", True)):
        (dest / f"{audience}.toml").write_text(
            f'title = "{settings[audience]["title"]}"\nbaseURL = "{settings[audience]["base_url"]}"\n'
            f'languageCode = "ja"\npublishDir = "public-{audience}"\ndisableKinds = ["RSS"]\n'
            f'[taxonomies]\ntopic = "topics"\n[params]\nstaff = {str(staff).lower()}\n')
    out = dest / "content/agencies"
    out.mkdir(parents=True)
    for f in sorted((site / "content/agencies").glob("*.toml")):
        rec = tomllib.loads(f.read_text())
        rec["title"] = rec.pop("name")
        rec["topics"] = sorted({m["topic"] for m in rec.get("matter", [])})
        rec.pop("verified", None)
        (out / f"{rec['id']}.md").write_text(json.dumps(rec, ensure_ascii=False) + "\n")


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sizes", nargs="*", type=int)
    ap.add_argument("--runs", type=int, default=None)
    ap.add_argument("--smoke", action="store_true")
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--no-hugo", action="store_true")
    ap.add_argument("--work", type=Path, default=None, help="scratch folder (default: a temp dir)")
    ap.add_argument("--baseline", type=Path, default=None,
                    help="another tsunagu binary (an older commit) to build the same sites, interleaved")
    a = ap.parse_args()
    sizes = a.sizes or ([50] if a.smoke else [1000, 10000])
    runs = a.runs or (1 if a.smoke else 3)
    work = a.work or Path(tempfile.mkdtemp(prefix="tsunagu-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    pagefind_dir = work / "pagefind"
    if a.install and not a.smoke:
        subprocess.run(["apt-get", "install", "-y", "-qq", "hugo"], check=False)
        pagefind_dir.mkdir(exist_ok=True)
        subprocess.run(["npm", "i", "--no-audit", "--no-fund", "pagefind@1"], cwd=pagefind_dir, check=False)
    tsunagu, synth = cargo_build(release=not a.smoke)
    hugo = None if (a.smoke or a.no_hugo) else shutil.which("hugo")
    pagefind = None
    for cand in [pagefind_dir, Path(os.environ.get("PAGEFIND_DIR", "/nonexistent"))]:
        p = cand / "node_modules/.bin/pagefind"
        if p.exists():
            pagefind = p
    if hugo is None and not a.smoke:
        print("hugo not installed: tsunagu figures only (use --install)", file=sys.stderr)
    rows = []
    baselines = []
    for n in sizes:
        site = work / f"site-{n}"
        if not (site / "content/site.toml").exists():
            subprocess.run([synth, str(n), site, "--seed", "1"], check=True, stdout=subprocess.DEVNULL)
        if hugo and not (work / f"hugo-{n}").exists():
            hugo_site(site, work / f"hugo-{n}")
        t, h, hp = [], [], []
        t_rss, h_rss = [], []
        b, b_rss = [], []
        for _ in range(runs):
            if a.baseline:
                wall, rss = run([a.baseline, "build", "--root", site, "--out", work / f"out-{n}", "--today", TODAY])
                b.append(wall)
                b_rss.append(rss)
            wall, rss = run([tsunagu, "build", "--root", site, "--out", work / f"out-{n}", "--today", TODAY])
            t.append(wall)
            t_rss.append(rss)
            if hugo:
                hs = work / f"hugo-{n}"
                w1, r1 = run([hugo, "--quiet", "--config", "citizen.toml"], cwd=hs)
                w2, r2 = run([hugo, "--quiet", "--config", "staff.toml"], cwd=hs)
                h.append(w1 + w2)
                h_rss.append(max(r1, r2))
                if pagefind:
                    w3, _ = run([pagefind, "--site", "public-citizen"], cwd=hs)
                    hp.append(w1 + w2 + w3)
        rows.append((n, median(t), max(t_rss), median(h), median(hp), max(h_rss) if h_rss else float("nan")))
        if b:
            baselines.append((n, median(b), max(b_rss), median(t), max(t_rss)))
    print(f"runs per tool: {runs} (median wall; peak RSS is the max over runs)")
    print("| agencies | tsunagu build (both sites + indexes) | Hugo x2 | Hugo x2 + Pagefind | tsunagu / Hugo x2 | tsunagu / (Hugo x2 + Pagefind) | tsunagu peak RSS | Hugo peak RSS |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n, t, trss, h, hp, hrss in rows:
        print(f"| {n:,} | {t:.2f} s | {h:.2f} s | {hp:.2f} s | {t / h:.2f}x | {t / hp:.2f}x | {trss:.0f} MiB | {hrss:.0f} MiB |")
    if baselines:
        print(f"\n| agencies | baseline ({a.baseline}) | this build | ratio | baseline peak RSS | this build peak RSS | ratio |")
        print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        for n, bw, brss, t, trss in baselines:
            print(f"| {n:,} | {bw:.2f} s | {t:.2f} s | {t / bw:.2f}x | {brss:.0f} MiB | {trss:.0f} MiB | {trss / brss:.2f}x |")
    if a.smoke:
        out = work / f"out-{sizes[0]}"
        pages = sum(1 for _ in out.rglob("*.html"))
        if pages < sizes[0] * 2:
            sys.exit(f"smoke: only {pages} pages in {out}")
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
