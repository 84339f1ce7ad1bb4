"""Every benchmark the project owes, printed as one table.

    .venv/bin/python bench/bench_all.py            # everything, about 10 minutes on 2 cores
    .venv/bin/python bench/bench_all.py --quick    # 1,000 nodes only, no profile: about 1 minute
    .venv/bin/python bench/bench_all.py --only browser --guide-js /tmp/guide.js   # try a candidate script

Sections (see bench/README.md for what each figure means and its target):

1. overhead  `guide build` of a synthetic guide against `mkdocs build` of a bare
             mkdocs-material site: same theme settings, same pages, plain Markdown.
2. scaling   check_guide and the full build at 1,000 and 10,000 nodes.
3. loader    check_guide against PyYAML's C loader alone on the same rules files,
             the C loader timed with the garbage collector on and paused.
4. browser   Chromium: click on an answer -> next question painted, on one tree.
5. assets    the guide's own script and stylesheet, gzipped.
6. profile   cProfile of check_guide and of the full build at 10,000 nodes:
             the top functions of generator/ by cumulative time.

Timed work runs in child processes (`--worker`), so one measurement never
inherits the objects, caches or garbage-collector debt of another.
"""
from __future__ import annotations

import argparse
import datetime
import gc
import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from synthetic import write_bare_twin, write_guide  # noqa: E402

BIN = Path(sys.executable).parent
CHROMIUM = "/usr/bin/chromium"
ASSETS = ROOT / "generator" / "render" / "assets"

# Targets, as the project states them.
OVERHEAD_TARGET = 1.3
CHECK_10K_TARGET = 2.0
LOADER_TARGET = 2.0
FRAME_MS = 16.0
ASSET_BUDGET = 6 * 1024


# --------------------------------------------------------------------------- helpers

def command(name: str) -> list[str]:
    """The virtualenv's console script, or the module behind it."""
    script = BIN / name
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", {"guide": "generator.cli", "mkdocs": "mkdocs"}[name]]


def timed(cmd: list[str], cwd: Path) -> float:
    """Wall time of one command; stops the benchmark if it fails."""
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return elapsed


def worker(kind: str, *args: str) -> dict:
    """Run `--worker kind args` in a fresh interpreter and read its JSON answer."""
    result = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--worker", kind, *args],
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"worker {kind} failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def ratio(a: float, b: float) -> float:
    return a / b if b else float("inf")


def verdict(ok: bool) -> str:
    return "ok" if ok else "MISSED"


class Report:
    """The summary table printed at the end."""

    def __init__(self):
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, figure: str, measured: str, target: str = "", ok: bool | None = None):
        self.rows.append((figure, measured, target, "" if ok is None else verdict(ok)))

    def print(self):
        widths = [max(len(r[i]) for r in self.rows + [("figure", "measured", "target", "")]) for i in range(4)]
        line = "  ".join("-" * w for w in widths)
        print("\n" + "  ".join(h.ljust(w) for h, w in zip(("figure", "measured", "target", ""), widths)))
        print(line)
        for row in self.rows:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)))


def heading(text: str) -> None:
    print(f"\n== {text}", flush=True)


# --------------------------------------------------------------------------- workers (child processes)

def _best(reps: int, function, paused: bool = False) -> float:
    """Best of `reps` runs, each from a collected heap, the result dropped after."""
    best = float("inf")
    for _ in range(reps):
        gc.collect()
        if paused:
            gc.disable()
        try:
            start = time.perf_counter()
            result = function()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
        del result
    return best


def work_loader(folder: str, reps: str) -> dict:
    """C loader (GC on, GC paused), the generator's load_all and check_guide, interleaved."""
    import yaml

    from generator.config import find_config
    from generator.load import load_all
    from generator.pipeline import check_guide

    config = find_config(Path(folder))
    files = sorted((Path(folder) / "rules").glob("*.yml"))
    guide, diagnostics = check_guide(config)  # warm: imports and lazy imports done
    errors = [d for d in diagnostics if d.severity == "error"]
    if errors:
        raise SystemExit(f"the synthetic guide has errors: {errors[:3]}")
    del guide, diagnostics

    def c_loader():
        return [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]

    def load_paused():  # as check_guide runs it
        return load_all(config)

    times: dict[str, float] = {}
    for _ in range(int(reps)):
        for name, function, paused in (("c_gc_on", c_loader, False), ("c_gc_paused", c_loader, True),
                                       ("load_all", load_paused, True), ("check", lambda: check_guide(config), False)):
            times[name] = min(times.get(name, float("inf")), _best(1, function, paused))
    times["bytes"] = sum(f.stat().st_size for f in files)
    times["files"] = len(files)
    return times


def work_profile(what: str, folder: str, out: str, top: str) -> dict:
    """cProfile one cold run of check_guide or of the full build; top generator/ functions."""
    import cProfile
    import pstats

    from generator.build import build_site
    from generator.config import find_config
    from generator.pipeline import check_guide

    config = find_config(Path(folder))
    function = (lambda: check_guide(config)) if what == "check" else (lambda: build_site(config, Path(folder) / "site"))
    profile = cProfile.Profile()
    start = time.perf_counter()
    profile.enable()
    function()
    profile.disable()
    elapsed = time.perf_counter() - start
    profile.dump_stats(out)
    stats = pstats.Stats(out)
    prefix = str(ROOT / "generator")
    rows = []
    for (file, line, name), (cc, nc, tt, ct, _) in stats.stats.items():
        if file.startswith(prefix):
            rows.append({"where": f"{Path(file).relative_to(ROOT).as_posix()}:{line}", "function": name,
                         "calls": nc, "tottime": tt, "cumtime": ct})
    own = sorted(rows, key=lambda r: -r["tottime"])[: int(top)]
    rows.sort(key=lambda r: -r["cumtime"])
    compile_time = next((r["cumtime"] for r in rows if r["function"] == "compile_guide"), 0.0)
    return {"elapsed": elapsed, "total": stats.total_tt, "rows": rows[: int(top)], "own": own,
            "compile": compile_time}


def work_check_command(folder: str, reps: str) -> dict:
    """`guide check` as a user runs it: a fresh process each time, interpreter start included."""
    return {"wall": min(timed(command("guide") + ["check"], Path(folder)) for _ in range(int(reps)))}


def work_compile(folder: str, reps: str) -> dict:
    """compile_guide (load, check and render into memory), best of `reps` from a collected heap."""
    from generator.config import find_config
    from generator.pipeline import compile_guide

    config = find_config(Path(folder))
    return {"compile": _best(int(reps), lambda: compile_guide(config))}


WORKERS = {"compile": work_compile, "loader": work_loader, "profile": work_profile, "check-command": work_check_command}


# --------------------------------------------------------------------------- 1 + 2: builds

def page_sizes(folder: Path) -> dict[str, int]:
    """Bytes of every page the synthetic guide's site is built from (generated and prose)."""
    from generator.config import find_config
    from generator.pipeline import compile_guide

    compiled = compile_guide(find_config(folder))
    sizes = {rel: len(text.encode("utf-8")) for rel, text in compiled.pages.items()}
    for path in (folder / "content").rglob("*.md"):
        sizes[path.relative_to(folder / "content").as_posix()] = path.stat().st_size
    return sizes


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def bench_builds(sizes: list[int], reps: int, work: Path, report: Report) -> dict[int, dict]:
    heading("1. Build overhead: `guide build` against a bare mkdocs-material site "
            "(same theme settings, same page count and sizes, plain Markdown, no decision-guide plugin)")
    print(f"{'nodes':>7} {'pages':>5} {'MB md':>6} {'guide build':>12} {'bare mkdocs':>12} {'ratio':>6} "
          f"{'MB site':>8} {'MB bare site':>13}   (best of {reps}, runs alternated)", flush=True)
    results = {}
    for nodes in sizes:
        guide_dir, bare_dir = work / f"guide-{nodes}", work / f"bare-{nodes}"
        count = write_guide(guide_dir, nodes)
        pages = page_sizes(guide_dir)
        write_bare_twin(bare_dir, pages)
        ours, bare = [], []
        for _ in range(reps):
            ours.append(timed(command("guide") + ["build"], guide_dir))
            bare.append(timed(command("mkdocs") + ["build", "-q"], bare_dir))
        ours_t, bare_t = min(ours), min(bare)
        results[nodes] = {"count": count, "build": ours_t, "bare": bare_t, "dir": guide_dir}
        print(f"{count:>7} {len(pages):>5} {sum(pages.values()) / 1e6:>6.1f} {ours_t:>11.2f}s {bare_t:>11.2f}s "
              f"{ratio(ours_t, bare_t):>5.2f}x {folder_mb(guide_dir / 'site'):>8.1f} "
              f"{folder_mb(bare_dir / 'site'):>13.1f}", flush=True)
        report.add(f"1. build overhead, {count:,} nodes", f"{ours_t:.2f}s / {bare_t:.2f}s = "
                   f"{ratio(ours_t, bare_t):.2f}x", f"<= {OVERHEAD_TARGET}x", ratio(ours_t, bare_t) <= OVERHEAD_TARGET)
    return results


def bench_scaling(builds: dict[int, dict], reps: int, report: Report) -> dict[int, dict]:
    heading("2. Scaling (trees of 500 nodes) and 3. generator against PyYAML's C loader on the same rules files")
    print(f"{'nodes':>7} {'files':>5} {'MB':>5} {'C GC on':>8} {'C paused':>9} {'load_all':>9} {'check':>7} "
          f"{'guide check':>12} {'build':>7}  {'check/C paused':>14} {'check/C GC on':>13}", flush=True)
    rows = {}
    for nodes, built in sorted(builds.items()):
        t = worker("loader", str(built["dir"]), str(reps))
        wall = worker("check-command", str(built["dir"]), str(reps))["wall"]
        rows[nodes] = {**t, "wall": wall, "build": built["build"], "count": built["count"]}
        print(f"{built['count']:>7} {t['files']:>5} {t['bytes'] / 1e6:>5.1f} {t['c_gc_on']:>7.3f}s "
              f"{t['c_gc_paused']:>8.3f}s {t['load_all']:>8.3f}s {t['check']:>6.3f}s {wall:>11.3f}s "
              f"{built['build']:>6.2f}s  {ratio(t['check'], t['c_gc_paused']):>13.2f}x "
              f"{ratio(t['check'], t['c_gc_on']):>12.2f}x", flush=True)
    for nodes, row in rows.items():
        report.add(f"3. check / C loader (GC paused), {row['count']:,} nodes",
                   f"{row['check']:.3f}s / {row['c_gc_paused']:.3f}s = {ratio(row['check'], row['c_gc_paused']):.2f}x",
                   f"<= {LOADER_TARGET}x", ratio(row["check"], row["c_gc_paused"]) <= LOADER_TARGET)
        report.add(f"   check / C loader (GC on), {row['count']:,} nodes",
                   f"{row['check']:.3f}s / {row['c_gc_on']:.3f}s = {ratio(row['check'], row['c_gc_on']):.2f}x")
    small, large = min(rows), max(rows)
    if small != large:
        a, b = rows[small], rows[large]
        nodes_ratio = b["count"] / a["count"]
        print(f"{large:,}/{small:,} ({nodes_ratio:.1f}x the nodes): check {ratio(b['check'], a['check']):.1f}x, "
              f"build {ratio(b['build'], a['build']):.1f}x (linear = {nodes_ratio:.1f}x)")
        report.add(f"2. check, {a['count']:,} -> {b['count']:,} nodes",
                   f"{a['check']:.3f}s -> {b['check']:.3f}s = {ratio(b['check'], a['check']):.1f}x",
                   f"near {nodes_ratio:.0f}x")
        report.add(f"2. build, {a['count']:,} -> {b['count']:,} nodes",
                   f"{a['build']:.2f}s -> {b['build']:.2f}s = {ratio(b['build'], a['build']):.1f}x",
                   f"near {nodes_ratio:.0f}x")
    if large >= 10_000:
        report.add(f"2. check_guide, {rows[large]['count']:,} nodes", f"{rows[large]['check']:.2f}s "
                   f"(`guide check` {rows[large]['wall']:.2f}s)", f"< {CHECK_10K_TARGET:.0f}s",
                   rows[large]["check"] < CHECK_10K_TARGET)
    return rows


# --------------------------------------------------------------------------- 4: browser

# t0 at the click, in a capture listener on window (before any handler of the
# page); `handler` when the click has bubbled back up to window (every click
# handler has run); `paint` when the frame that shows the next question has
# been produced: a message posted from the first requestAnimationFrame
# callback is delivered once that frame's style, layout and paint are done;
# `double` in the second requestAnimationFrame callback, which Chromium runs
# at the start of the *following* frame, so it adds up to one frame interval
# (16.7 ms at 60 Hz) even when nothing is slow. The callbacks are requested in
# the capture listener, but no frame starts before the click's task (and so
# the guide's handler) ends: they run as if requested after the handler.
MEASURE_JS = """() => {
  window.__dg = [];
  window.addEventListener('click', () => {
    const t0 = performance.now(), rec = {};
    window.addEventListener('click', () => { rec.handler = performance.now() - t0; }, {once: true});
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => { rec.paint = performance.now() - t0; };
      channel.port2.postMessage(0);
      requestAnimationFrame(() => {
        rec.double = performance.now() - t0; window.__dg.push(rec); console.debug('dg-painted'); });
    });
  }, {capture: true});
}"""


SETTLE_SECONDS = (1, 5)
"""Clicks start this long after the page is ready. Just after load, the page's
own load work (the search index built in a worker, the collection of the
parsed page) competes for this 2-core machine; a reader reading the first
question gives it seconds. The last value is the one judged."""


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


FLOOR_PAGE = """<!doctype html><html><body><p id="shown">0</p><button id="go">Next</button>
<script>document.getElementById('go').addEventListener('click', () => {
  const p = document.getElementById('shown'); p.textContent = +p.textContent + 1; });</script></body></html>"""


def measure_clicks(page, selectors: list[str]) -> list[dict]:
    """Click each selector in turn; the measuring script's record of each click."""
    page.evaluate(MEASURE_JS)
    for selector in selectors:
        # The guide's Content-Security-Policy forbids eval, and with it
        # wait_for_function: the measuring script logs a line instead.
        with page.expect_console_message(lambda m: m.text == "dg-painted", timeout=120_000):
            page.click(selector, timeout=120_000)
    return page.evaluate("window.__dg")


def click_row(label: str, records: list[dict], extra: str = "") -> dict:
    out = {"label": label}
    for key in ("handler", "paint", "double"):
        values = [r[key] for r in records]
        out[key] = (statistics.median(values), percentile(values, .95))
    print(f"{label:<22} {out['handler'][0]:>7.1f} {out['paint'][0]:>7.1f} {out['paint'][1]:>7.1f} "
          f"{out['double'][0]:>7.1f} {out['double'][1]:>7.1f}   {extra}", flush=True)
    return out


def bench_browser(sizes: list[int], clicks: int, spine: int, guide_js: Path | None, work: Path,
                  report: Report) -> None:
    heading(f"4. Chromium: click on an answer -> next question painted, {clicks} clicks down one path of one tree"
            + (f" (script replaced by {guide_js})" if guide_js else ""))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        print("skipped: playwright is not installed (pip install -e '.[test]')")
        return
    if not Path(CHROMIUM).exists():
        print(f"skipped: no {CHROMIUM} (make chromium installs it)")
        return
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    print("milliseconds from the click; handler: every click handler done; paint: the frame showing the next\n"
          "question produced (rAF + message); double rAF: as asked, includes one more frame interval by nature")
    print(f"{'':<22} {'handler':>7} {'paint':>7} {'paint':>7} {'double':>7} {'double':>7}")
    print(f"{'':<22} {'median':>7} {'median':>7} {'p95':>7} {'median':>7} {'p95':>7}", flush=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.set_content(FLOOR_PAGE)
            floor = click_row("floor: a bare button", measure_clicks(page, ["#go"] * clicks),
                              "a page with one button whose handler changes one number: this machine's floor")
            page.close()
            report.add("4. floor: click -> painted on a bare page", f"paint median {floor['paint'][0]:.1f} ms, "
                       f"double rAF median {floor['double'][0]:.1f} ms")
            for nodes in sizes:
                project = work / f"browser-{nodes}"
                count = write_guide(project, nodes, spine=spine)
                built = timed(command("guide") + ["build"], project)
                site = project / "site"
                if guide_js:
                    from generator.render.pages import asset_path

                    shutil.copyfile(guide_js, site / asset_path("guide.js"))  # the page keeps the built name
                page_bytes = (site / "guide" / "big" / "index.html").stat().st_size
                httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0),
                                                        functools.partial(Quiet, directory=str(site)))
                threading.Thread(target=httpd.serve_forever, daemon=True).start()
                rows = {}
                try:
                    for settle in SETTLE_SECONDS:
                        page = browser.new_page()
                        errors: list[str] = []
                        page.on("pageerror", lambda e: errors.append(str(e)))
                        start = time.perf_counter()
                        page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/guide/big/", timeout=600_000)
                        page.wait_for_selector(".dg.dg-ready", state="attached", timeout=600_000)
                        loaded = time.perf_counter() - start
                        elements = page.evaluate("document.getElementsByTagName('*').length")
                        page.wait_for_timeout(settle * 1000)
                        records = measure_clicks(page, [f'[data-node="q{i}"] [data-answer="left-{i}"]'
                                                        for i in range(clicks)])
                        visible = page.evaluate("[...document.querySelectorAll('[data-node]')]"
                                                ".filter(e => !e.hidden).map(e => e.dataset.node)")
                        if visible != [f"q{clicks}"]:
                            raise SystemExit(f"after {clicks} clicks the page shows {visible}, not q{clicks}")
                        if errors:
                            raise SystemExit(f"errors in the page: {errors[:3]}")
                        page.close()
                        rows[settle] = click_row(f"{count:,} nodes, +{settle} s", records,
                                                 f"first click {settle} s after load; build {built:.1f}s, "
                                                 f"page {page_bytes / 1e6:.1f} MB, {elements:,} elements, "
                                                 f"loaded in {loaded:.1f}s")
                finally:
                    httpd.shutdown()
                for settle, row in rows.items():
                    (med, p95), (dmed, dp95) = row["paint"], row["double"]
                    # Judged on what the guide adds to the floor (waiting for the
                    # next frame to start is there on any page, however fast),
                    # once the page's own load work is done (see bench/README.md).
                    added = p95 - floor["paint"][0]
                    judged = settle == SETTLE_SECONDS[-1]
                    report.add(f"4. click -> painted, 1 tree of {count:,} nodes, first click {settle} s after load",
                               f"paint median {med:.1f} ms, p95 {p95:.1f} ms; double rAF {dmed:.1f} / {dp95:.1f} ms",
                               "", None)
                    report.add("   p95 over the floor's paint median", f"{added:.1f} ms",
                               f"< {FRAME_MS:.0f} ms" if judged else "", (added < FRAME_MS) if judged else None)
                report.add("   that tree's page", f"build {built:.1f}s, {page_bytes / 1e6:.1f} MB, "
                           f"{elements:,} elements in the document, load {loaded:.1f}s, "
                           f"handler {row['handler'][0]:.1f} ms")
        finally:
            browser.close()


# --------------------------------------------------------------------------- 5: assets

def bench_assets(report: Report) -> None:
    heading("5. The guide's own script and stylesheet, gzip -9: as written (generator/render/assets/*) "
            "and as shipped (comments and indentation removed by the build)")
    from generator.render.pages import shipped_assets

    built = shipped_assets()
    totals = {"source": [0, 0], "shipped": [0, 0]}
    for path in sorted(ASSETS.iterdir()):
        if not path.is_file():
            continue
        row = []
        for kind, data in (("source", path.read_bytes()), ("shipped", built[path.name])):
            packed = len(gzip.compress(data, compresslevel=9, mtime=0))
            totals[kind][0] += len(data)
            totals[kind][1] += packed
            row.append(f"{kind} {len(data):>6,} B -> {packed:>6,} B")
        print(f"{path.name:>12}  " + "   ".join(row))
    (src_raw, src_gz), (raw, gz) = totals["source"], totals["shipped"]
    print(f"{'total':>12}  source {src_raw:>6,} B -> {src_gz:>6,} B   shipped {raw:>6,} B -> {gz:>6,} B gzipped "
          f"(budget {ASSET_BUDGET:,} B)")
    report.add("5. guide.js + guide.css gzipped, as shipped", f"{gz:,} B ({raw:,} B raw; source {src_gz:,} B gzipped)",
               f"<= {ASSET_BUDGET:,} B", gz <= ASSET_BUDGET)


# --------------------------------------------------------------------------- 6: profile

def bench_profile(nodes: int, top: int, work: Path, report: Report) -> None:
    heading(f"6. cProfile at {nodes:,} nodes (trees of 500): top {top} functions of generator/ by cumulative time")
    folder = work / f"guide-{nodes}"  # section 1's guide when it ran
    if not folder.exists():
        write_guide(folder, nodes)
    for what in ("check", "build"):
        out = work / f"profile-{what}-{nodes}.prof"
        result = worker("profile", what, str(folder), str(out), str(top))
        print(f"\n{'check_guide' if what == 'check' else 'full build (build_site: MkDocs + plugin)'}: "
              f"{result['elapsed']:.2f}s under the profiler; stats in {out} (kept with --keep)")
        if what == "build":
            print(f"  of which compile_guide (the plugin's on_pre_build: load, check, render): "
                  f"{result['compile']:.2f}s; the rest is MkDocs, Python-Markdown, the theme and search")
        for title, key in (("by cumulative time", "rows"), ("by own time (tottime)", "own")):
            print(f"  {title}:\n  {'cumtime':>8} {'tottime':>8} {'calls':>10}  function")
            for row in result[key]:
                print(f"  {row['cumtime']:>7.2f}s {row['tottime']:>7.2f}s {row['calls']:>10,}  "
                      f"{row['function']} ({row['where']})")
        heaviest = result["own"][0]
        report.add(f"6. profile of {'check' if what == 'check' else 'build'}, {nodes:,} nodes",
                   f"{result['elapsed']:.1f}s profiled; most own time: {heaviest['function']} "
                   f"({heaviest['where']}) {heaviest['tottime']:.2f}s")


# --------------------------------------------------------------------------- main

SECTIONS = ("overhead", "scaling", "browser", "assets", "profile")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1,000 nodes only, one run each, no profile")
    parser.add_argument("--only", default=",".join(SECTIONS),
                        help=f"comma-separated sections among {', '.join(SECTIONS)} "
                             "(scaling includes the loader comparison and needs overhead's builds)")
    parser.add_argument("--sizes", default="1000,10000", help="node counts for sections 1-3 (default 1000,10000)")
    parser.add_argument("--browser-sizes", default="1000,10000", help="nodes of the single tree in section 4")
    parser.add_argument("--clicks", type=int, default=50, help="clicks down the path in section 4")
    parser.add_argument("--guide-js", type=Path, help="serve this script instead of the built guide.js (section 4)")
    parser.add_argument("--reps", type=int, default=0, help="runs per build timing (default 2, 1 with --quick)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (synthetic sites, .prof files)")
    parser.add_argument("--worker", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        print(json.dumps(WORKERS[args.worker[0]](*args.worker[1:])))
        return 0

    only = set(args.only.split(","))
    unknown = only - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}")
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",")]
    browser_sizes = [1000] if args.quick else [int(s) for s in args.browser_sizes.split(",")]
    reps = args.reps or (1 if args.quick else 2)
    if args.quick:
        only.discard("profile")

    load = os.getloadavg()
    print(f"decision-guide benchmarks, {datetime.date.today().isoformat()}, {platform.node()}: "
          f"{os.cpu_count()} cores, Python {platform.python_version()}, load average {load[0]:.2f} at start")
    report = Report()
    work = Path(tempfile.mkdtemp(prefix="guide-bench-"))
    try:
        builds = {}
        if "overhead" in only or "scaling" in only:
            builds = bench_builds(sizes, reps, work, report)
        if "scaling" in only:
            bench_scaling(builds, max(3, reps), report)
        if "browser" in only:
            bench_browser(browser_sizes, args.clicks, max(60, args.clicks + 10), args.guide_js, work, report)
        if "assets" in only:
            bench_assets(report)
        if "profile" in only:
            bench_profile(max(sizes), 10, work, report)
        report.print()
        print(f"\nload average {os.getloadavg()[0]:.2f} at the end (other work on the machine inflates every time)")
    finally:
        if args.keep:
            print(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
