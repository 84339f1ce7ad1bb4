"""Time `guide check` and a full build on synthetic guides of growing size.

Prints, for 100, 1,000 and 10,000 nodes (trees of 500 nodes): PyYAML's C
loader alone on the same rules files with the garbage collector paused, as
the generator's loading runs (the floor), our load + check, their ratio,
compile_guide (load, check and render into memory) and a full `guide build`.
Run with `make bench` (or `python bench/bench_compile.py 100 1000`).
Every figure is taken in a fresh child process; `bench/bench_all.py` has the
rest (overhead against bare MkDocs, browser, assets, profiles).
"""
from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_all import command, timed, worker  # noqa: E402
from synthetic import write_guide  # noqa: E402


def main(sizes: list[int]) -> None:
    print(f"{'nodes':>7} {'files':>5} {'C loader':>9} {'check':>8} {'ratio':>6} {'render':>8} {'build':>8}")
    for nodes in sizes:
        folder = Path(tempfile.mkdtemp(prefix="bench-"))
        try:
            counted = write_guide(folder, nodes)
            loader = worker("loader", str(folder), "3")
            compiled = worker("compile", str(folder), "1")["compile"]
            built = timed(command("guide") + ["build"], folder)
            print(f"{counted:>7} {loader['files']:>5} {loader['c_gc_paused']:>8.3f}s {loader['check']:>7.3f}s "
                  f"{loader['check'] / loader['c_gc_paused']:>5.2f}x {compiled:>7.3f}s {built:>7.2f}s", flush=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [100, 1_000, 10_000])
