"""Every rule a diagnostic may name, with its severity and what it wants.

One table for the whole compiler, as yamllint keeps one per rule: a
diagnostic takes its severity from here (`Diagnostic` refuses a rule that is
not listed), the checks register their functions against these ids
(check/registry.py), and the tables of the page "Writing rules" are compared
with this one by tests/test_registry.py. It imports nothing of the compiler,
so the loader can use it without pulling in the checks.
"""
from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
OFF = "off"
LEVELS = (ERROR, WARNING, OFF)
"""What the plugin's `checks:` option may set a switchable rule to."""


@dataclass(frozen=True)
class Rule:
    """One named rule: what `error[id]` in a diagnostic stands for."""

    id: str
    """Shown in brackets after the severity, e.g. `dangling-next`."""
    severity: str
    """`error` fails the build, `warning` does not; `off` for a house rule a guide turns on."""
    wants: str
    """What it wants, in one line, as the page "Writing rules" says it."""
    switchable: bool = False
    """Whether a guide may set its level (the plugin's `checks:` option)."""


_RULES = (
    # Reading one file: the rules, the sources, mkdocs.yml, a fork's messages.
    Rule("yaml-syntax", ERROR, "the file is valid YAML"),
    Rule("duplicate-key", ERROR, "a key, or a language of a text, is written once in its mapping"),
    Rule("unknown-key", ERROR, "every key is one the format knows (a misspelled one gets a suggestion)"),
    Rule("missing-key", ERROR, "every key the format requires is there"),
    Rule("wrong-type", ERROR, "a value is of the kind its key wants: text, a list, a mapping, an id"),
    Rule("implicit-type", ERROR, "text that YAML would read as true/false or a number is in quotes"),
    Rule("empty-value", ERROR, "no key is left empty"),
    Rule("bad-id", ERROR, "an id is lower-case letters, digits and dashes"),
    Rule("node-kind", ERROR, "a node has exactly one of `question`, `verdict` or `tree`"),
    Rule("alias", ERROR, "no anchors or aliases (`&name`, `*name`)"),
    Rule("unsupported-tag", ERROR, "no tags (`!!python/...`)"),
    Rule("too-deep", ERROR, "mappings and lists nest at most 64 levels deep"),
    Rule("file-too-large", ERROR, "a rules or source file is at most 8 MiB"),
    Rule("encoding", ERROR, "a file is UTF-8"),
    Rule("empty-file", ERROR, "a rules file holds a YAML document"),
    Rule("not-a-mapping", ERROR, "a rules file's top level is a mapping (`id:`, `title:`, ...)"),
    Rule("too-many-nodes", ERROR, "a tree has at most 20,000 nodes"),
    Rule("quote-too-long", ERROR, "a quote is at most 2,000 characters"),
    Rule("missing-main-language", ERROR,
         "a text written per language (`{en: ..., fr: ...}`) has one in the rules' language"),
    Rule("bad-language", ERROR, "a language is a language code (`en`, `fr`)"),
    Rule("no-rules", ERROR, "the rules folder holds at least one rules file"),
    Rule("front-matter", ERROR, "a source starts with its front matter between `---` lines"),
    Rule("bad-url", ERROR, "a source's `url` is an http(s) address"),
    Rule("bad-date", ERROR, "a source's `published` is a date (`2021`, `2021-09`, `2021-09-30`)"),
    Rule("empty-source", ERROR, "a source has its text after the front matter"),
    Rule("plugin-option", ERROR, "the plugin's options in `mkdocs.yml` are known and well formed"),
    Rule("brand", ERROR, "the site's name, texts and `extra.brand` in `mkdocs.yml` are well formed"),
    Rule("brand-untranslated", WARNING, "a site text written per language has every edition's language"),
    Rule("brand-contrast", WARNING, "a brand colour reads at 4.5:1 where the theme draws text in it"),
    Rule("blocked-script", ERROR,
         "no script comes from where the pages' Content-Security-Policy blocks it (`extra_javascript`, "
         "the theme's Google Analytics)"),
    Rule("theme-analytics", WARNING,
         "the theme's own analytics loads from the site or the `extra.brand.analytics` origin only"),
    Rule("messages", ERROR,
         "a fork's `messages/<language>.yml` has only the interface's keys, with text that fills in the "
         "English message's `{placeholders}`"),
    # The guide as a whole: check/*.py, and the pipeline's last two.
    Rule("duplicate-id", ERROR, "tree, source and answer ids are unique"),
    Rule("page-clash", ERROR, "no tree or source page takes the address of the list of sources "
                              "(a tree `sources`, a source `index`)"),
    Rule("dangling-next", ERROR, "every `start` and `next` names a node of the tree"),
    Rule("dangling-link", ERROR, "a hand-over names an existing tree (and node)"),
    Rule("unreachable-node", ERROR, "every node can be reached from `start`"),
    Rule("cycle", ERROR, "no path comes back to a node it passed, across trees too"),
    Rule("dead-end", ERROR, "a question has answers"),
    Rule("duplicate-label", ERROR, "two answers of a question do not read the same"),
    Rule("missing-citation", ERROR, "every question and outcome cites a source"),
    Rule("missing-answer-citation", OFF, "every answer cites a source", switchable=True),
    Rule("missing-next-steps", OFF, "every outcome has `next_steps`", switchable=True),
    Rule("missing-measure", OFF, "every outcome has a `measure`", switchable=True),
    Rule("missing-existing-accounts", OFF, "every outcome has `existing_accounts`: what a reader who "
                                           "already posts should keep and close", switchable=True),
    Rule("placeholder", ERROR, "no text of a tree still starts with `TODO:`, the placeholders "
                               "`guide new tree` writes, in any language"),
    Rule("unknown-source", ERROR, "a citation names a file of `content/sources/`"),
    Rule("quote-not-in-source", ERROR, "the quote is in the source, verbatim"),
    Rule("missing-translation", ERROR, "a quote in another language than the rules' has a translation into it"),
    Rule("untranslated-quote", WARNING, "with several languages, a quote has a translation into each "
                                        "edition's language but its own"),
    Rule("single-answer", WARNING, "a question offers a choice", switchable=True),
    Rule("missing-reasoning", WARNING, "questions, answers and outcomes say why", switchable=True),
    Rule("short-quote", WARNING, "a quote has at least 20 characters", switchable=True),
    Rule("tree-file-name", WARNING, "a tree's id is its file's name", switchable=True),
    Rule("unrouted-tree", WARNING, "every tree is reached by a hand-over from the start tree (`start`)",
         switchable=True),
    Rule("untranslated", WARNING, "with several languages, every text has each of them", switchable=True),
    Rule("short-verdict", ERROR, "every outcome has a `short_verdict` of one to four words, in every language"),
    Rule("undated-source", WARNING, "every source has a `published` date, stated or estimated", switchable=True),
    Rule("stale-evidence", WARNING, "an outcome resting only on sources older than `stale_after_years` has "
                                    "a `caveat`", switchable=True),
    Rule("inconsistent-translation", WARNING, "one quote has one translation per language, wherever it is cited",
         switchable=True),
    Rule("stale-paths", ERROR, "`rules/paths.txt`, when the guide keeps one, lists the trees' paths as they "
                               "are (`guide check` only)"),
    Rule("interface-untranslated", WARNING, "every edition's language has all the interface's words, "
                                            "shipped or in the fork's `messages/<language>.yml`"),
)

RULES: dict[str, Rule] = {rule.id: rule for rule in _RULES}
if len(RULES) != len(_RULES):
    raise ValueError("a rule id is listed twice in generator/registry.py")


def rule(rule_id: str) -> Rule:
    """The registered rule with this id; a KeyError names an unregistered one."""
    try:
        return RULES[rule_id]
    except KeyError:
        raise KeyError(f"no rule {rule_id!r} in generator/registry.py: register it there") from None
