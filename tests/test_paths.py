"""`guide paths`: what contributors see of a change (`guide new tree` is in test_scaffold.py)."""
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
    assert stale.returncode == 1 and "error[stale-paths]: rules/paths.txt is out of date" in stale.stdout
    assert guide("paths", cwd=project).returncode == 0
    after = (project / "rules" / "paths.txt").read_text(encoding="utf-8")
    changed = set(after.splitlines()) - set(before.splitlines())
    assert "buyers:yes → time:yes-i-do ⇒ skip" in changed
