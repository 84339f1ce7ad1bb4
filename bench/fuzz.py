"""The fuzz properties of tests/test_fuzz.py, at a meaningful size.

    python bench/fuzz.py                         # 2,000 checks and 100 builds
    python bench/fuzz.py --checks 5000 --builds 300 --seed 1
    python bench/fuzz.py --minutes 30            # as many as fit, a check batch then a build batch

Prints how many cases ran, how many ended in a clean check or build, how
many in diagnostics (by rule: a case counts once per rule among its errors),
and the slowest case. A failing case is shrunk by hypothesis, printed, saved
in /tmp/guide-fuzz-failures/, and the run goes on.
"""
from __future__ import annotations

import argparse
import faulthandler
import logging
import os
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

from hypothesis import given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

import test_fuzz as fuzz  # noqa: E402


CURRENT = Path(tempfile.gettempdir()) / "guide-fuzz-current"
"""The case being run, written before it runs: if the process dies (a crash in C code), it is there."""


def _keep(case) -> None:
    shutil.rmtree(CURRENT, ignore_errors=True)
    CURRENT.mkdir(parents=True)
    for rel, data in case.files.items():
        (CURRENT / rel.replace("/", "__")).write_bytes(data)
    (CURRENT / "steps.txt").write_text("\n".join(case.steps) + "\n", encoding="utf-8")


def run(prop_case, strategy, examples: int, deadline, seed_value):
    @settings(max_examples=examples, deadline=deadline, **fuzz.FUZZ_SETTINGS)
    @given(case=strategy)
    def prop(case):
        _keep(case)
        prop_case(case, fuzz.STATS)

    if seed_value is not None:
        prop = seed(seed_value)(prop)
    try:
        prop()
        return None
    except Exception as e:  # noqa: BLE001 - report it and go on with the next batch
        traceback.print_exc()
        return f"{type(e).__name__}: {str(e)[:300]}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checks", type=int, default=2000, help="examples of the check property")
    parser.add_argument("--builds", type=int, default=100, help="examples of the build property")
    parser.add_argument("--minutes", type=float, help="run batches until this much time has passed")
    parser.add_argument("--batch", type=int, default=250, help="check examples per batch with --minutes")
    parser.add_argument("--seed", type=int, help="hypothesis seed, to repeat a run")
    args = parser.parse_args()
    faulthandler.enable()  # a crash in C code (libyaml, nh3) prints where it happened
    logging.getLogger("mkdocs").setLevel(logging.ERROR)  # MkDocs' warnings about the damaged pages

    started = time.perf_counter()
    p = fuzz.project()
    print(f"project copied to {p.root}: {len(p.rules)} rules files, {len(p.sources)} sources", flush=True)
    failures = []
    build_strategy = st.one_of(fuzz.cases(mild=True), fuzz.cases())
    check_time = build_time = 0.0
    batch = 0
    while True:
        batch += 1
        n_checks = args.batch if args.minutes else args.checks
        n_builds = max(1, args.batch // 20) if args.minutes else args.builds
        s = None if args.seed is None else args.seed + batch
        t = time.perf_counter()
        if n_checks:
            failures.append(run(fuzz.check_case, fuzz.cases(), n_checks, fuzz.CHECK_DEADLINE, s))
        check_time += time.perf_counter() - t
        t = time.perf_counter()
        if n_builds:
            failures.append(run(fuzz.build_case, build_strategy, n_builds, fuzz.BUILD_DEADLINE, s))
        build_time += time.perf_counter() - t
        stats = fuzz.STATS
        print(f"[{time.perf_counter() - started:7.0f} s] batch {batch}: {stats.cases:,} checks, "
              f"{stats.builds:,} builds so far", flush=True)
        if not args.minutes or time.perf_counter() - started > args.minutes * 60:
            break
    failures = [f for f in failures if f]

    stats = fuzz.STATS
    total = time.perf_counter() - started
    print()
    print(f"cases run:           {stats.cases + stats.builds:,} in {total:,.0f} s "
          f"({stats.cases:,} checks in {check_time:,.0f} s, {stats.builds:,} compile+builds in {build_time:,.0f} s)")
    print(f"check property:      {stats.clean:,} clean, {stats.with_errors:,} ended in error diagnostics")
    print(f"build property:      {stats.clean_builds:,} clean builds (site with guide.json), "
          f"{stats.failed_builds:,} failed builds (site/ left byte-identical)")
    print("errors by rule (cases, check property):")
    for rule, count in stats.by_rule.most_common():
        print(f"  {rule:24} {count:6,}")
    print(f"slowest check:       {stats.slowest_check[0]:.2f} s  {stats.slowest_check[1][:300]}")
    print(f"slowest compile+build: {stats.slowest_build[0]:.2f} s  {stats.slowest_build[1][:300]}")
    print(f"failures:            {len(failures)}")
    for f in failures:
        print(f"  {f}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
