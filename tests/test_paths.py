"""`guide paths` and `guide new tree`: what contributors see of a change."""
from __future__ import annotations

import shutil

from conftest import FIXTURES, ROOT
from test_build import guide


def test_committed_paths_snapshot_is_up_to_date():
    result = guide("paths", "--check", cwd=ROOT)
    assert result.returncode == 0, "rules/paths.txt is stale: run `guide paths` (or `make paths`) and commit it"


def test_a_routing_change_makes_the_snapshot_stale_and_shows_in_its_diff(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    assert guide("paths", cwd=project).returncode == 0
    before = (project / "rules" / "paths.txt").read_text(encoding="utf-8")
    assert "buyers:yes → time:yes-i-do ⇒ sell\n" in before
    shop = project / "rules" / "shop.yml"
    text = shop.read_text(encoding="utf-8")
    swapped = (text.replace("next: sell", "next: SELL").replace("next: skip\n        reasoning: Then do less.",
                                                                "next: sell\n        reasoning: Then do less.")
               .replace("next: SELL", "next: skip"))
    assert swapped != text
    shop.write_text(swapped, encoding="utf-8")
    stale = guide("paths", "--check", cwd=project)
    assert stale.returncode == 1 and "stale" in stale.stderr
    assert guide("paths", cwd=project).returncode == 0
    after = (project / "rules" / "paths.txt").read_text(encoding="utf-8")
    changed = set(after.splitlines()) - set(before.splitlines())
    assert "buyers:yes → time:yes-i-do ⇒ skip" in changed


def test_new_tree_scaffold_passes_check(tmp_path):
    project = tmp_path / "project"
    shutil.copytree(FIXTURES / "mini", project)
    result = guide("new", "tree", "restaurants", cwd=project)
    assert result.returncode == 0, result.stderr
    text = (project / "rules" / "restaurants.yml").read_text(encoding="utf-8")
    # Outside this repository (a fork's copy, a `guide init` project) there is
    # no schema file at ../generator/schema/: the comment names `guide schema`.
    assert "$schema=" not in text and "`guide schema` prints every key" in text
    assert "# must stay equal to the file's name" in text
    check = guide("check", cwd=project)
    assert check.returncode == 0 and "0 error(s), 0 warning(s)" in check.stderr, check.stdout
    again = guide("new", "tree", "restaurants", cwd=project)
    assert again.returncode == 1 and "already exists" in again.stderr
    assert guide("new", "tree", "Bad Name", cwd=project).returncode == 1
    # With the repository's schema beside the rules, editors are pointed at it.
    (project / "generator" / "schema").mkdir(parents=True)
    shutil.copy(ROOT / "generator" / "schema" / "rules.schema.json", project / "generator" / "schema")
    assert guide("new", "tree", "cafes", cwd=project).returncode == 0
    assert (project / "rules" / "cafes.yml").read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../generator/schema/rules.schema.json")
