"""The plugin's options in mkdocs.yml, checked where they are written.

MkDocs checks a plugin's options itself, but reports a bad one without its
place; `guide check` used to keep the default in silence. Both doors now
read them here, from the composed YAML, so `steps_in_page: many` is an
error at its line and column, with a hint, before anything is built.
"""
from __future__ import annotations

import difflib
from pathlib import Path

import yaml

from ..diagnostics import Diagnostic
from ..registry import LEVELS, RULES
from .brand import _get  # the (key, value) nodes of a key in a composed mapping
from .nodes import LANGUAGE
from ..yamlfile import STR, mark_of

PLUGIN = "decision-guide"
_COUNT = ("a whole number, 0 or more", lambda n: n.tag == "tag:yaml.org,2002:int" and int(n.value) >= 0)
_FOLDER = ("a folder, written as text", lambda n: n.tag == STR and bool(n.value.strip()))
_LANGUAGE = ("a language code such as en or fr", lambda n: n.tag == STR and bool(LANGUAGE.match(n.value)))
_BOOL = ("true or false", lambda n: n.tag == "tag:yaml.org,2002:bool")
OPTIONS = {
    "rules_dir": _FOLDER,
    "sources_dir": _FOLDER,
    "pages_dir": _FOLDER,
    "languages": None,  # a list of language codes, checked item by item
    "text_language": _LANGUAGE,
    "steps_in_page": _COUNT,
    "stale_after_years": _COUNT,
    "publish_maintainer_pages": _BOOL,
    "checks": None,  # rule id: level, checked by _check_levels against the registry
}
EXAMPLES = {"rules_dir": "rules", "sources_dir": "content/sources", "pages_dir": "guide", "text_language": "en",
            "steps_in_page": "200", "stale_after_years": "8", "publish_maintainer_pages": "false"}


def check_options(mkdocs_yml: Path, display: str) -> list[Diagnostic]:
    """What is wrong with the plugin's options and the theme's language, placed."""
    try:
        root = yaml.compose(mkdocs_yml.read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []  # the brand loader reports an unreadable mkdocs.yml
    problems: list[Diagnostic] = []

    def bad(node, message, hint):
        problems.append(Diagnostic(mark_of(display, node), "plugin-option", message, hint))

    theme = _get(root, "theme")
    language = _get(theme[1], "language") if theme else None
    if language and not (isinstance(language[1], yaml.ScalarNode) and _LANGUAGE[1](language[1])):
        bad(language[1], "theme.language must be a language code such as en or fr",
            "write the language of the edition at the site's root: language: en")
    plugins = _get(root, "plugins")
    items = plugins[1].value if plugins and isinstance(plugins[1], yaml.SequenceNode) else []
    entry = next((_get(i, PLUGIN) for i in items if _get(i, PLUGIN)), None)
    if entry is None or isinstance(entry[1], yaml.ScalarNode) and entry[1].tag == "tag:yaml.org,2002:null":
        return problems
    if not isinstance(entry[1], yaml.MappingNode):
        bad(entry[1], f"the options of {PLUGIN} must be key: value lines", f"for example:  {PLUGIN}: {{steps_in_page: 200}}")
        return problems
    for key_node, value in entry[1].value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in OPTIONS:
            close = difflib.get_close_matches(str(key), list(OPTIONS), n=1, cutoff=0.6)
            bad(key_node, f"{PLUGIN} has no option {key!r}",
                f"did you mean {close[0]!r}?" if close else f"its options: {', '.join(OPTIONS)}")
            continue
        if key == "languages":
            if not isinstance(value, yaml.SequenceNode):
                bad(value, f"{PLUGIN}.languages must be a list of language codes", "for example: languages: [en, fr]")
                continue
            for item in value.value:
                if not (isinstance(item, yaml.ScalarNode) and _LANGUAGE[1](item)):
                    bad(item, f"{PLUGIN}.languages: {getattr(item, 'value', item)!r} is not a language code",
                        "use two-letter codes such as en, fr, de")
            continue
        if key == "checks":
            if not isinstance(value, yaml.MappingNode):
                bad(value, f"{PLUGIN}.checks must be check: level lines",
                    "for example: checks: {missing-measure: error}")
            else:
                _check_levels(value, bad)
            continue
        if key == "sources_dir" and isinstance(value, yaml.ScalarNode) and value.tag == "tag:yaml.org,2002:null":
            continue
        what, valid = OPTIONS[key]
        if not (isinstance(value, yaml.ScalarNode) and valid(value)):
            shown = value.value if isinstance(value, yaml.ScalarNode) else "a list or mapping"
            bad(value, f"{PLUGIN}.{key} must be {what}, not {shown!r}", f"for example: {key}: {EXAMPLES[key]}")
    return problems


_YAML_BOOLEANS = {"off", "false", "no", "on", "true", "yes"}  # read as true/false by YAML 1.1


def _check_levels(node: yaml.MappingNode, bad) -> None:
    """`checks:`: each a rule of the registry that a guide may switch, set to a level."""
    for key_node, value in node.value:
        key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
        if key not in RULES:
            close = difflib.get_close_matches(str(key), list(RULES), n=1, cutoff=0.6)
            bad(key_node, f"there is no check {key!r}",
                f"did you mean {close[0]!r}?" if close else "the page Writing rules lists the checks")
        elif not RULES[key].switchable:
            bad(key_node, f"the check {key!r} cannot be switched",
                "it keeps the guide true (a quote in its source, a link that leads somewhere), so it always "
                "runs; remove this line")
        elif not (isinstance(value, yaml.ScalarNode) and value.value.lower() in (*LEVELS, *_YAML_BOOLEANS)):
            shown = value.value if isinstance(value, yaml.ScalarNode) else "a list or mapping"
            bad(value, f"{PLUGIN}.checks.{key} must be error, warning or off, not {shown!r}",
                f"for example: {key}: error")
