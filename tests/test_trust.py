"""What a reader is told about the guide itself: when it was last reviewed,
and no internal id in anything they read."""
from __future__ import annotations

import dataclasses
import datetime
import json
import re
import subprocess

import pytest

from conftest import VALID_TREE, write_project
from generator.pipeline import compile_guide, reviewed_date
from generator.render.pages import long_date


def git(project, *args, date="2025-03-04T10:00:00+00:00"):
    env = {"GIT_AUTHOR_DATE": "2001-01-01T00:00:00+00:00", "GIT_COMMITTER_DATE": date, "PATH": "/usr/bin:/bin",
           "HOME": str(project), "GIT_CONFIG_NOSYSTEM": "1"}
    subprocess.run(["git", "-c", "user.name=T", "-c", "user.email=t@example.org", "-c", "init.defaultBranch=main",
                    "-c", "commit.gpgsign=false", *args], cwd=project, env=env, check=True, capture_output=True)


# --- the date ----------------------------------------------------------------

def test_reviewed_is_the_last_commit_touching_rules_or_sources(tmp_path):
    config = write_project(tmp_path, {"shop.yml": VALID_TREE})
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "rules", date="2025-03-04T23:30:00-05:00")
    # A later commit elsewhere (the generator, a prose page) is not a review of the advice.
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    git(tmp_path, "add", "README.md")
    git(tmp_path, "commit", "-qm", "readme", date="2025-06-01T10:00:00+00:00")
    # The committer's date, as committed (%cs), not the author's and not today.
    assert reviewed_date(config) == datetime.date(2025, 3, 4)
    (tmp_path / "content" / "sources" / "plain-talk.txt").write_text(
        (tmp_path / "content" / "sources" / "plain-talk.txt").read_text(encoding="utf-8") + "More.\n",
        encoding="utf-8")
    git(tmp_path, "commit", "-qam", "source", date="2025-07-08T10:00:00+00:00")
    assert reviewed_date(config) == datetime.date(2025, 7, 8)


def test_reviewed_falls_back_to_source_date_epoch_then_to_nothing(tmp_path, monkeypatch):
    config = write_project(tmp_path, {"shop.yml": VALID_TREE})  # not a git repository
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796083200")
    assert reviewed_date(config) == datetime.date(2026, 12, 1)
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert reviewed_date(config) is None
    compiled = compile_guide(config)
    assert json.loads(compiled.files["guide.json"])["reviewed"] is None
    assert "dg-reviewed" not in compiled.pages["guide/shop.md"]


@pytest.mark.parametrize("language, date, expected", [
    ("en", datetime.date(2026, 12, 1), "1 December 2026"),
    ("en", datetime.date(2025, 3, 14), "14 March 2025"),
    ("fr", datetime.date(2026, 12, 1), "1er décembre 2026"),
    ("fr", datetime.date(2025, 8, 9), "9 août 2025"),
])
def test_dates_are_written_as_each_language_writes_them(language, date, expected):
    assert long_date(language, date) == expected


def test_every_tree_page_and_guide_json_carry_the_reviewed_date(tmp_path):
    config = write_project(tmp_path, {"shop.yml": VALID_TREE})
    compiled = compile_guide(config)  # SOURCE_DATE_EPOCH is 2026-12-01 in the tests
    assert json.loads(compiled.files["guide.json"])["reviewed"] == "2026-12-01"
    line = '<p class="dg-reviewed">Last reviewed: <time datetime="2026-12-01">1 December 2026</time></p>'
    assert line in compiled.pages["guide/shop.md"] and line in compiled.pages["guide/embed/shop.md"]
    french = compile_guide(dataclasses.replace(config, edition="fr", editions=("en", "fr")))
    assert ('<p class="dg-reviewed">Dernière relecture : <time datetime="2026-12-01">1er décembre 2026</time></p>'
            in french.pages["guide/shop.md"])


# --- no internal id shown ------------------------------------------------------

IDS_TREE = (VALID_TREE.replace("start: q\n", "start: team-and-time\n").replace("  q:\n", "  team-and-time:\n")
            .replace("  good:\n", "  go-for-it:\n").replace("next: good", "next: go-for-it"))


def visible_text(html: str) -> str:
    """What a reader reads: the text between tags, without attributes or the front matter."""
    body = html.split("\n---\n", 1)[1]
    body = re.sub(r"<title>.*?</title>", lambda m: m.group(0)[7:-8], body)  # an SVG title is read out
    return re.sub(r"<[^>]+>", " ", body)


def test_no_page_shows_a_node_id_as_text(tmp_path):
    compiled = compile_guide(write_project(tmp_path, {"shop.yml": IDS_TREE}))
    source = compiled.pages["guide/sources/plain-talk.md"]
    assert "Shop: “Are your buyers there?”" in source and "Shop: the verdict “Yes”" in source
    assert 'href="../../shop/#n-team-and-time"' in source  # ids in addresses are fine
    for path, page in compiled.pages.items():
        text = visible_text(page)
        for node_id in ("team-and-time", "go-for-it"):
            assert node_id not in text, (path, node_id)
