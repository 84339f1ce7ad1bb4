"""`mkdocs build` of THIS repository against a bare mkdocs-material twin.

    .venv/bin/python bench/bench_repo.py              # best of 5, runs alternated
    .venv/bin/python bench/bench_repo.py --reps 9
    .venv/bin/python bench/bench_repo.py --profile    # cProfile of our root edition's build

Two figures, each like with like:

- *root edition* (the judged one): `mkdocs build` with the plugin told it is
  building one edition on behalf of the site (DECISION_GUIDE_EDITION_BUILD),
  so it builds the English edition alone, against `mkdocs build` of a twin of
  that edition. One MkDocs run each side.
- *all editions*: a plain `mkdocs build`, whose on_post_build builds the other
  editions in the same process, against one process building the twin of each
  edition in turn with MkDocs' own `build()`. As many MkDocs runs each side.

The twin of an edition (bench/synthetic.py `write_bare_twin`) has the
repository's mkdocs.yml with the edition's language, the search plugin and
the same Markdown extensions, no decision-guide plugin, and one plain
Markdown page per page of the edition (generated or written, translated
pages picked as the edition picks them), sized two ways:

- `markdown`: as many bytes of Markdown as our page. Our generated pages
  are mostly markup (one raw-HTML block, passed through without
  Python-Markdown, see plugin.py), so this twin has twice the text to parse
  and is the easier figure to beat.
- `text`: as many bytes as the text a reader sees on our page (tags
  dropped, entities decoded, spaces collapsed; written pages as they are),
  the same content in plain Markdown: the stricter figure, judged against
  the target.
"""
from __future__ import annotations

import argparse
import dataclasses
import html
import os
import re
import shutil
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

import yaml  # noqa: E402

from synthetic import write_bare_twin  # noqa: E402

TARGET = 1.3
BIN = Path(sys.executable).parent
EDITION_BUILD = "DECISION_GUIDE_EDITION_BUILD"  # generator/plugin.py; imported lazily there too

# Builds each twin edition in one process, as our on_post_build builds ours.
TWIN_ALL = """
import sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
for config_file in sys.argv[1:]:
    build(load_config(config_file))
"""


def mkdocs_command() -> list[str]:
    script = BIN / "mkdocs"
    return [str(script)] if script.exists() else [sys.executable, "-m", "mkdocs"]


def timed(cmd: list[str], cwd: Path, env: dict | None = None) -> float:
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{result.stderr[-3000:]}")
    return elapsed


def visible_text_bytes(markdown: str) -> int:
    """Bytes of the text a reader sees in one of our generated pages."""
    body = markdown.split("\n---\n", 1)[-1]  # front matter off
    return len(" ".join(html.unescape(re.sub(r"<[^>]+>", " ", body)).split()).encode("utf-8"))


def edition_pages(sizing: str) -> dict[str, dict[str, int]]:
    """Bytes of every page of each edition (`sizing`: markdown or text), by path in the docs folder."""
    from generator.build import _docs_for, site_texts
    from generator.config import find_config, read_mkdocs_yml
    from generator.pipeline import compile_guide

    config = find_config(ROOT)
    mkdocs = read_mkdocs_yml(ROOT / "mkdocs.yml")
    out = {}
    for language in config.editions:
        texts = site_texts(mkdocs, language)
        edition = dataclasses.replace(config, edition=language, title=texts.get("site_name", config.title))
        with tempfile.TemporaryDirectory() as tmp:
            docs = Path(tmp) / "docs"
            _docs_for(config, language, docs)  # the edition's own prose pages, maintainers' pages left out
            sizes = {p.relative_to(docs).as_posix(): p.stat().st_size for p in docs.rglob("*.md")}
        # A generated page replaces a written one at the same path, as in the plugin.
        measure = (lambda text: len(text.encode("utf-8"))) if sizing == "markdown" else visible_text_bytes
        sizes.update({rel: measure(text) for rel, text in compile_guide(edition).pages.items()})
        out[language] = sizes
    return out


def twin_settings(language: str) -> str:
    """The repository's mkdocs.yml for a twin edition: its theme, search and
    Markdown extensions, this language, no decision-guide plugin."""
    from generator.build import site_texts
    from generator.config import read_mkdocs_yml

    mkdocs = read_mkdocs_yml(ROOT / "mkdocs.yml")
    mkdocs.update(site_texts(mkdocs, language))
    mkdocs["plugins"] = [p for p in mkdocs.get("plugins") or []
                         if p == "search" or (isinstance(p, dict) and "search" in p)]
    mkdocs["theme"] = {**mkdocs["theme"], "language": language}
    mkdocs.update(docs_dir="content", site_dir="site")
    return yaml.safe_dump(mkdocs, allow_unicode=True, sort_keys=False)


def write_twins(work: Path, pages: dict[str, dict[str, int]], sizing: str) -> dict[str, Path]:
    twins = {}
    for language, sizes in pages.items():
        twins[language] = work / f"twin-{sizing}-{language}"
        write_bare_twin(twins[language], sizes, mkdocs_yml=twin_settings(language))
    return twins


SIZINGS = ("text", "markdown")


def measure(reps: int, work: Path, pages: dict[str, dict[str, dict[str, int]]], which: list[str]) -> dict:
    """Best time of ours and of each twin, per figure: {figure: {"ours": s, sizing: s}}."""
    twins = {sizing: write_twins(work, pages[sizing], sizing) for sizing in SIZINGS}
    root_language = next(iter(pages["text"]))
    env_root = {**os.environ, EDITION_BUILD: root_language}
    env_all = {k: v for k, v in os.environ.items() if k != EDITION_BUILD}
    ours_site = work / "ours-site"

    def ours(figure: str) -> float:
        return timed(mkdocs_command() + ["build", "-q", "-d", str(ours_site)], ROOT,
                     env_root if figure == "root" else env_all)

    def twin(figure: str, sizing: str) -> float:
        if figure == "root":
            return timed(mkdocs_command() + ["build", "-q"], twins[sizing][root_language], env_all)
        return timed([sys.executable, "-c", TWIN_ALL, *(str(t / "mkdocs.yml") for t in twins[sizing].values())],
                     work, env_all)

    best = {figure: {"ours": float("inf"), **{s: float("inf") for s in SIZINGS}} for figure in which}
    for _ in range(reps):
        for figure in which:  # alternated: ours, then each twin, then the next figure
            best[figure]["ours"] = min(best[figure]["ours"], ours(figure))
            for sizing in SIZINGS:
                best[figure][sizing] = min(best[figure][sizing], twin(figure, sizing))
    return best


def load_average() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


def profile(top: int, all_editions: bool) -> None:
    """cProfile of one in-process build of this repository; the top functions
    of generator/ and of the theme's search plugin."""
    import cProfile
    import pstats

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    if not all_editions:
        os.environ[EDITION_BUILD] = "en"
    site = Path(tempfile.mkdtemp(prefix="bench-repo-profile-"))
    try:
        # The first build of the process, as `mkdocs build` runs it: a second
        # one would find our caches (rendered Markdown, citations) already full.
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.enable()
        build(load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site)))
        profiler.disable()
        elapsed = time.perf_counter() - start
    finally:
        shutil.rmtree(site, ignore_errors=True)
        os.environ.pop(EDITION_BUILD, None)
    stats = pstats.Stats(profiler)
    ours_prefix = str(ROOT / "generator")
    rows = [(file, line, name, nc, tt, ct) for (file, line, name), (cc, nc, tt, ct, _) in stats.stats.items()]

    def cumulative(predicate) -> float:
        return max((ct for file, line, name, nc, tt, ct in rows if predicate(file, name)), default=0.0)

    def is_search(file: str) -> bool:
        return "/plugins/search/" in file or "/contrib/search/" in file

    search_hooks = sum(ct for file, line, name, nc, tt, ct in rows if is_search(file) and name.startswith("on_"))
    total = stats.total_tt
    print(f"\ncProfile of one build ({'all editions' if all_editions else 'root edition'}), the process's first: "
          f"{elapsed:.2f}s under the profiler, {total:.2f}s of profiled time")
    for label, value in (("compile_guide (ours)", cumulative(lambda f, n: n == "compile_guide")),
                         ("  render_pages", cumulative(lambda f, n: n == "render_pages")),
                         ("  check_guide", cumulative(lambda f, n: n == "check_guide")),
                         ("theme's search plugin (its on_* hooks)", search_hooks)):
        print(f"  {label:<40} {value:6.2f}s  {100 * value / total:5.1f}%")
    for title, predicate in (("generator/", lambda f: f.startswith(ours_prefix)), ("search plugin", is_search)):
        chosen = [r for r in rows if predicate(r[0])]
        for order, key in (("cumulative", 5), ("own time", 4)):
            print(f"\n{title}, by {order}:")
            print(f"  {'calls':>8} {'own':>7} {'cumul.':>7}  where")
            for file, line, name, nc, tt, ct in sorted(chosen, key=lambda r: -r[key])[:top]:
                where = Path(file).relative_to(ROOT).as_posix() if file.startswith(str(ROOT)) else \
                    "/".join(Path(file).parts[-3:])
                print(f"  {nc:>8} {tt:>6.3f}s {ct:>6.3f}s  {where}:{line} {name}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reps", type=int, default=5, help="runs of each build, best kept (default 5)")
    parser.add_argument("--editions", choices=("root", "all", "both"), default="both")
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions instead of timing")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--keep", action="store_true", help="keep the twins and the built sites")
    args = parser.parse_args()
    if args.profile:
        profile(args.top, args.editions == "all")
        return
    which = ["root", "all"] if args.editions == "both" else [args.editions]
    work = Path(tempfile.mkdtemp(prefix="bench-repo-"))
    try:
        pages = {sizing: edition_pages(sizing) for sizing in SIZINGS}
        print(f"load average at start: {load_average()}")
        for language, sizes in pages["markdown"].items():
            print(f"edition {language}: {len(sizes)} pages, {sum(sizes.values()) / 1e3:.0f} kB of Markdown, "
                  f"{sum(pages['text'][language].values()) / 1e3:.0f} kB of text")
        best = measure(args.reps, work, pages, which)
        print(f"\n{'figure':<14} {'mkdocs build':>12} {'text twin':>10} {'ratio':>6} {'md twin':>8} {'ratio':>6}"
              f"   (best of {args.reps}, runs alternated)")
        for figure, times in best.items():
            label = {"root": "root edition", "all": "all editions"}[figure]
            ours = times["ours"]
            print(f"{label:<14} {ours:>11.2f}s {times['text']:>9.2f}s {ours / times['text']:>5.2f}x "
                  f"{times['markdown']:>7.2f}s {ours / times['markdown']:>5.2f}x"
                  + (f"   target <= {TARGET}x against the text twin: "
                     f"{'ok' if ours / times['text'] <= TARGET else 'MISSED'}" if figure == "root" else ""))
        print(f"load average at end: {load_average()}")
    finally:
        if args.keep:
            print(f"kept in {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
