"""The `guide` command: check, build, pages, schema.

Every failure a contributor can cause ends in diagnostics and exit code 1,
never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from .build import ENGINES
from .config import GuideConfig, find_config
from .diagnostics import CompileError, Diagnostic, format_github, format_text, has_errors, summary
from .model import Mark
from .pipeline import check_guide, compile_guide, write_outputs


def _config(args):
    root = Path(args.root).resolve() if args.root else Path.cwd()
    return find_config(root)


def cmd_check(args) -> int:
    # The path snapshot is checked here, not in builds: a preview must keep
    # reloading while routing is being edited.
    _, diagnostics = check_guide(_config(args), snapshot=True)
    if args.format == "github":
        if diagnostics:
            print(format_github(diagnostics))
    elif diagnostics:
        print(format_text(diagnostics))
    print(summary(diagnostics), file=sys.stderr)
    return 1 if has_errors(diagnostics) else 0


def cmd_pages(args) -> int:
    """Write the generated pages and files into a folder, for any engine."""
    config = _config(args)
    try:
        compiled = compile_guide(config)
    except CompileError as e:
        print(format_text(e.diagnostics))
        print(summary(e.diagnostics), file=sys.stderr)
        return 1
    out = Path(args.out)
    write_outputs(compiled, out, out)
    print(f"wrote {len(compiled.pages)} pages and {len(compiled.files)} files to {out}", file=sys.stderr)
    return 0


def cmd_build(args) -> int:
    """Build every edition into a fresh folder, swapped in for site/ only when all succeeded."""
    from .build import BuildFailed, build_site

    config = _config(args)
    site = Path(args.site_dir).resolve() if args.site_dir else config.root / "site"
    try:
        build_site(config, site, engine=args.engine, strict=args.strict)
    except BuildFailed as e:
        print(f"error: the build failed ({e}); {site} was left as it was", file=sys.stderr)
        return 1
    print(f"built {site}", file=sys.stderr)
    return 0


def cmd_serve(args) -> int:
    """Preview every edition on localhost, rebuilt and reloaded on each change
    to the rules, the sources, the docs or mkdocs.yml."""
    import socket

    config = _config(args)
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", args.port))
        except OSError:
            print(f"error: port {args.port} is busy (another preview, or another program, uses it): "
                  f"run `make serve PORT={args.port + 1}` (`guide serve --port {args.port + 1}` where there "
                  "is no Makefile) or stop the other one", file=sys.stderr)
            return 1
    from mkdocs.commands.serve import serve
    from mkdocs.exceptions import MkDocsException

    from .build import site_texts
    from .config import read_mkdocs_yml

    mkdocs_yml = config.root / (config.mkdocs_file or "mkdocs.yml")
    _show_progress()
    try:
        # A site_name or site_description per language, as MkDocs takes it: the root edition's text.
        serve(str(mkdocs_yml), dev_addr=f"127.0.0.1:{args.port}",
              **site_texts(read_mkdocs_yml(mkdocs_yml), config.edition))
    except MkDocsException as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    return 0


def _show_progress() -> None:
    """MkDocs says what the preview is doing ("Building documentation...",
    "Serving on http://..."), but through logging, which nothing here set up:
    a contributor saw no address and could not tell when the site was ready."""
    import logging

    logger = logging.getLogger("mkdocs")
    if not logger.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


def cmd_paths(args) -> int:
    """Write (or with --check, compare) the snapshot of every path."""
    from .decision_paths import paths_file, render_paths, stale_paths

    config = _config(args)
    guide, diagnostics = check_guide(config)
    if has_errors(diagnostics):
        print(format_text(diagnostics))
        print(summary(diagnostics), file=sys.stderr)
        return 1
    if args.check:
        stale = stale_paths(guide, config) if paths_file(config).is_file() else None
        if stale is None:
            print(f"{config.display(paths_file(config))} does not exist: run `guide paths` and commit it",
                  file=sys.stderr)
        elif stale:
            print(format_text(stale))
        return 1 if stale or stale is None else 0
    text = render_paths(guide)
    target = paths_file(config)
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
        print(f"wrote {config.display(target)}", file=sys.stderr)
    return 0


def cmd_new(args) -> int:
    from .scaffold import new_tree

    config = _config(args)
    return new_tree(config, args.name)


def cmd_init(args) -> int:
    from .scaffold import init_project

    return init_project(Path(args.folder))


def cmd_messages(args) -> int:
    """Write messages/LANG.yml: every interface word, with its English text, to fill in."""
    from .load.messages import write_catalogue

    config = _config(args)
    return write_catalogue(config.root, args.language, config.display)


def cmd_schema(args) -> int:
    from .schema import rules_schema

    print(json.dumps(rules_schema(), indent=2, ensure_ascii=False))
    return 0


def _yaml_problem(error: "yaml.YAMLError") -> Diagnostic:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    path = Path(mark.name) if mark is not None else Path("mkdocs.yml")
    where = Mark(GuideConfig(root=Path.cwd()).display(path), mark.line + 1 if mark else 1,
                 mark.column + 1 if mark else 1)
    what = " ".join(str(getattr(error, "problem", None) or error).split())
    context, begun = getattr(error, "context", None), getattr(error, "context_mark", None)
    if context and begun is not None and mark is not None and begun.line != mark.line:
        what += f" ({context} begun on line {begun.line + 1})"  # an unclosed bracket is found where it began
    return Diagnostic(where, "yaml-syntax", f"{path.name} is not valid YAML: {what}",
                      "compare the line with the ones around it: an indentation off by a space, a bracket or a "
                      "quote not closed, or a text with ': ' that needs quotes")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="guide", description="Check and build a decision guide.")
    parser.add_argument("--root", help="project folder (default: the nearest folder with mkdocs.yml)")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="check the rules and sources; exit 1 on any error")
    p.add_argument("--format", choices=("text", "github"), default="text",
                   help="'github' prints GitHub Actions annotations")
    p.set_defaults(run=cmd_check)

    p = sub.add_parser("build", help="build the site with MkDocs, replacing site/ only on success")
    p.add_argument("--site-dir", help="output folder (default: site/)")
    p.add_argument("--strict", action="store_true", help="fail on MkDocs warnings too")
    p.add_argument("--engine", choices=ENGINES, default="mkdocs",
                   help="mkdocs runs the plugin; zensical gets the generated pages in a copy of the docs")
    p.set_defaults(run=cmd_build)

    p = sub.add_parser("serve", help="preview every edition on http://127.0.0.1:PORT, rebuilt as you edit")
    p.add_argument("--port", type=int, default=8000, help="port on 127.0.0.1 (default 8000)")
    p.set_defaults(run=cmd_serve)

    p = sub.add_parser("pages", help="write the generated pages into a folder (for other engines)")
    p.add_argument("--out", required=True, help="folder to write into")
    p.set_defaults(run=cmd_pages)

    p = sub.add_parser("paths", help="write rules/paths.txt, every path through every tree")
    p.add_argument("--check", action="store_true", help="exit 1 if rules/paths.txt is stale, write nothing")
    p.set_defaults(run=cmd_paths)

    p = sub.add_parser("new", help="scaffold a new tree: guide new tree NAME")
    p.add_argument("kind", choices=("tree",))
    p.add_argument("name", help="the tree's id, e.g. restaurants")
    p.set_defaults(run=cmd_new)

    p = sub.add_parser("init", help="write a new guide project into a new or empty folder: guide init DIR")
    p.add_argument("folder", help="the folder to create, e.g. my-guide")
    p.set_defaults(run=cmd_init)

    p = sub.add_parser("messages", help="write messages/LANG.yml, every interface word to translate: "
                                        "guide messages LANG")
    p.add_argument("language", help="the language's code, e.g. de")
    p.set_defaults(run=cmd_messages)

    p = sub.add_parser("schema", help="print the JSON Schema of the rules language")
    p.set_defaults(run=cmd_schema)

    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130
    except yaml.YAMLError as e:
        # Every command reads mkdocs.yml first (find_config): a typo there is
        # a contributor's mistake like any other, placed, never a traceback.
        diagnostic = _yaml_problem(e)
        print(format_text([diagnostic]))
        print(summary([diagnostic]), file=sys.stderr)
        return 1
    except OSError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
