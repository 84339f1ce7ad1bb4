"""Bad input to the loader: every case gives file:line:column and a rule."""
from __future__ import annotations

import re

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, VALID_TREE, diagnostics_of


def test_valid_tree_has_no_problem(check):
    assert check({"shop.yml": VALID_TREE}) == []


def test_yaml_syntax_error_points_at_the_line(check):
    assert check({"shop.yml": "id: shop\ntitle: [unclosed\nprofile: x\n"}) == [("shop.yml", 3, 8, "yaml-syntax")]


def test_tab_indentation_says_how_to_fix(tmp_path):
    [d] = diagnostics_of(tmp_path, {"shop.yml": "id: shop\n\ttitle: x\n"})
    assert d.rule == "yaml-syntax" and (d.mark.line, d.mark.column) == (2, 1)
    assert "spaces" in d.hint


def test_duplicate_key_is_caught_not_silently_dropped(check):
    text = VALID_TREE.replace("title: Shop\n", "title: Shop\ntitle: Boutique\n")
    assert check({"shop.yml": text}) == [("shop.yml", 3, 1, "duplicate-key")]


def test_unknown_key_suggests_the_right_one(tmp_path):
    text = VALID_TREE.replace("        next: good\n", "        nxt: good\n        next: good\n")
    [d] = diagnostics_of(tmp_path, {"shop.yml": text})
    assert (d.rule, d.mark.line, d.mark.column) == ("unknown-key", 12, 9)
    assert d.hint == "did you mean 'next'?"


def test_wrong_type(check):
    text = VALID_TREE.replace("title: Shop", "title: [a, b]")
    assert check({"shop.yml": text}) == [("shop.yml", 2, 8, "wrong-type")]


def test_yaml_11_booleans_are_refused_where_text_is_expected(tmp_path):
    text = VALID_TREE.replace('label: "No"', "label: no").replace('label: "Yes"', "label: NO")
    ds = diagnostics_of(tmp_path, {"shop.yml": text})
    assert [(d.rule, d.mark.line, d.mark.column) for d in ds] == [
        ("implicit-type", 11, 16), ("implicit-type", 14, 16)]
    assert ds[1].hint == 'put it in quotes: "no"'


def test_numbers_are_refused_where_text_is_expected(check):
    text = VALID_TREE.replace("title: Shop", "title: 2020")
    assert check({"shop.yml": text}) == [("shop.yml", 2, 8, "implicit-type")]


def test_file_over_the_size_limit(check, monkeypatch):
    from generator import yamlfile

    monkeypatch.setattr(yamlfile, "MAX_FILE_BYTES", 2_000)
    padded = VALID_TREE + "# padding\n" * 300
    assert check({"shop.yml": padded}) == [("shop.yml", 1, 1, "file-too-large")]


def test_too_many_nodes_in_a_tree(tmp_path, monkeypatch):
    from generator.load import rules

    monkeypatch.setattr(rules, "MAX_NODES", 2)
    [d] = diagnostics_of(tmp_path, {"shop.yml": VALID_TREE})
    assert (d.rule, d.mark.line) == ("too-many-nodes", 6)
    assert "the limit is 2" in d.message


def test_a_quote_over_the_length_limit(tmp_path):
    from generator.load.rules import MAX_QUOTE

    text = VALID_TREE.replace("Selling on social media works when your buyers are already there.",
                              "x" * (MAX_QUOTE + 1), 1)
    found = [(d.rule, d.mark.line) for d in diagnostics_of(tmp_path, {"shop.yml": text})]
    assert ("quote-too-long", 9) in found


def test_alias_bomb_is_refused_quickly(check):
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefgh", "bcdefghi"))
    found = check({"shop.yml": bomb})
    assert found == [("shop.yml", 2, 8, "alias")]  # the first alias, not its expansion


def test_deep_nesting_is_refused_before_parsing(check):
    # libyaml's composer would crash the process on this; the pure one would
    # raise RecursionError.
    assert check({"shop.yml": "a: " + "[" * 100_000 + "]" * 100_000 + "\n"}) == [
        ("shop.yml", 1, 67, "too-deep")]
    assert check({"shop.yml": "- " * 5_000 + "x\n"})[0][3] == "too-deep"


def test_deep_nesting_the_raw_count_cannot_see_is_placed_by_the_parser(check):
    # `'` inside a plain scalar looks like the start of a quoted string to a
    # count on the raw text; libyaml's own events place the 65th level.
    text = "# éé\nk: [a 'b, " + "[" * 3_000 + "]" * 3_001 + "\n"
    assert check({"shop.yml": text}) == [("shop.yml", 2, 73, "too-deep")]


def test_python_tags_are_refused(check):
    text = VALID_TREE.replace("title: Shop", "title: !!python/object/apply:os.system [echo hi]")
    assert ("shop.yml", 2, 8, "unsupported-tag") in check({"shop.yml": text})


def test_non_utf8_byte_gets_line_and_column(check):
    data = VALID_TREE.replace("title: Shop", "title: Caf\xe9").encode("latin-1")
    assert check({"shop.yml": data}) == [("shop.yml", 2, 11, "encoding")]


def test_empty_file(check):
    assert check({"shop.yml": "# only a comment\n"}) == [("shop.yml", 1, 1, "empty-file")]


def test_top_level_must_be_a_mapping(check):
    assert check({"shop.yml": "- a\n- b\n"}) == [("shop.yml", 1, 1, "not-a-mapping")]


def test_missing_key_names_the_key(tmp_path):
    [d] = diagnostics_of(tmp_path, {"shop.yml": VALID_TREE.replace("start: q\n", "")})
    assert (d.rule, d.mark.line) == ("missing-key", 1) and "'start'" in d.message


def test_node_of_no_kind(check):
    text = VALID_TREE.replace("    verdict: Stay\n", "")
    assert check({"shop.yml": text}) == [("shop.yml", 22, 3, "node-kind")]


def test_bad_id(check):
    text = VALID_TREE.replace("  bad:\n", "  Bad Node:\n").replace("next: bad", "next: Bad Node")
    found = check({"shop.yml": text})
    assert found == [("shop.yml", 15, 15, "bad-id"), ("shop.yml", 22, 3, "bad-id")]


def test_control_character(check):
    assert check({"shop.yml": "id: shop\ntitle: a\x07b\n"}) == [("shop.yml", 2, 9, "yaml-syntax")]


def test_many_mistakes_are_reported_in_one_round(check):
    text = VALID_TREE.replace('label: "No"', "label: no").replace("title: Shop", "title: 12").replace(
        "reasoning: Good.", "reasonning: Good.")
    assert [p[3] for p in check({"shop.yml": text})] == ["implicit-type", "unknown-key", "implicit-type"]


def test_source_front_matter_is_checked(check):
    bad = "---\nid: s\ntitle: T\nlanguage: fr\nurl: ftp://x\npublished: null\n---\n\ntext\n"
    found = check({"shop.yml": VALID_TREE}, {"s.txt": bad, "plain-talk.txt": __import__("conftest").SOURCE_EN})
    assert ("s.txt", 2, 1, "missing-key") in found  # no author: unknown is null, not absent
    assert ("s.txt", 5, 6, "bad-url") in found


# --- found by fuzzing (tests/test_fuzz.py): positions as editors count lines, and depth ----------


@pytest.mark.parametrize("data, rule, where", [
    (b"a: 1\rb: 2\r- c\r", "yaml-syntax", (3, 1)),                    # end clamp: was 1:15, past the end
    (b"a: 1\rb: \x01\r", "yaml-syntax", (2, 4)),                       # bad character after a CR: was 1:9
    (b'a: "x\xe2\x80\xa8y"\nb: 1\n- c\nd: 2\n', "yaml-syntax", (3, 1)),  # LS in a string: was 4:1
    (b'title: "a\xe2\x80\xa8b"\nid: Bad Id\n', "bad-id", (2, 5)),      # node mark after an LS: was 3:5
    (b'title: "a\xc2\x85b"\nid: Bad Id\n', "bad-id", (2, 5)),          # and after a NEL: was 3:5
    (b"a: \xc3\xa9\x01\n", "yaml-syntax", (1, 5)),                     # libyaml's byte offset: was 1:6
    (b"a: \xc3\xa9\xc3\xa9\nb: \x01\n", "yaml-syntax", (2, 4)),          # was 3:4, in a 2-line file
])
def test_marks_count_lines_as_editors_do(data, rule, where):
    from generator.load.rules import load_tree

    _, diagnostics = load_tree("x.yml", data)
    assert [(d.mark.line, d.mark.column) for d in diagnostics if d.rule == rule] == [where]


@pytest.mark.parametrize("data", [
    b"? " * 30_000 + b"x\n",                        # explicit keys, 60 KB
    b"- ? " * 30_000 + b"x\n",
    b"-\r" + b"- " * 30_000 + b"x\n",               # compact sequences after a lone CR
    b"k:\xe2\x80\xa8  " + b"- " * 30_000 + b"x\n",   # after a LINE SEPARATOR
    b"-\t" * 30_000 + b"x\n",                      # a tab is a blank after an indicator
    b"? x\n: " + b"- " * 30_000 + b"x\n",            # compact sequences after an explicit value
    b"k: [a 'b, " + b"[" * 30_000 + b"]" * 30_001,  # a quote inside a plain scalar hid the brackets
])
def test_deep_compact_nesting_is_too_deep_not_a_crash(data, tmp_path):
    """Found by fuzzing: the depth limit, counted on the raw text, missed `? ` and lines ended by CR, NEL, LS
    or PS; some 25,000 such levels reach libyaml's composer, which recurses in C and kills the process with
    SIGSEGV. Run in a subprocess so that a regression fails this test instead of killing pytest."""
    import subprocess
    import sys

    (tmp_path / "x.yml").write_bytes(data)
    code = ("import sys; from generator.load.rules import load_tree; "
            "print([d.rule for d in load_tree('x.yml', open(sys.argv[1], 'rb').read())[1]])")
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "x.yml")], capture_output=True, text=True,
                            cwd=ROOT, timeout=120)
    assert result.returncode == 0, f"exit status {result.returncode} (-11: SIGSEGV)"
    assert "'too-deep'" in result.stdout


_NESTED = st.recursive(st.sampled_from(["x", "a b", 1]),
                       lambda inner: st.lists(inner, min_size=1, max_size=3)
                       | st.dictionaries(st.sampled_from(["k", "j", "? q"]), inner, min_size=1, max_size=2),
                       max_leaves=30)


@settings(max_examples=300, deadline=None)
@given(data=_NESTED, indent=st.integers(1, 4), flow=st.sampled_from([False, None]))
def test_the_fast_depth_screen_never_passes_a_deep_file(data, indent, flow):
    """provably_shallow() lets a file skip the line-by-line depth count: every
    file it passes must be within the limit by libyaml's own events. Valid YAML
    of every shape PyYAML writes (compact `- - x`, lists at a key's column,
    flow leaves, keys starting with `?`)."""
    from generator.yamlfile import provably_shallow

    text = yaml.safe_dump(data, indent=indent, default_flow_style=flow, width=30)
    depth = level = 0
    for event in yaml.parse(text, Loader=yaml.CSafeLoader):
        level += isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent))
        level -= isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent))
        depth = max(depth, level)
    run = max(len(m) for m in re.findall(r"(?m)^[ \t?:-]*", text))  # the longest prefix of any line
    assert depth <= 2 * (run + 1) + text.count("[") + text.count("{"), text  # the bound the screen relies on
    assert provably_shallow(text, depth, run + 1) == (2 * (run + 1) + text.count("[") + text.count("{") <= depth)


def test_a_bad_byte_after_a_lone_cr_is_placed_as_editors_count():
    """Found by fuzzing: decode() counted lines by LF only."""
    from generator.load.rules import load_tree

    _, diagnostics = load_tree("x.yml", b"a: 1\rb: \xff\n")
    assert [(d.mark.line, d.mark.column, d.rule) for d in diagnostics] == [(2, 4, "encoding")]  # was 1:9
