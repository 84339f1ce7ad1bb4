"""The repository's automation: GitHub workflows, the pre-commit hook, editor settings.

The workflows are checked twice: against the GitHub workflow JSON Schema that
check-jsonschema vendors (is it a workflow GitHub will run?), and against our
own rules (is it a safe one?). Each rule is a function that returns the list of
what is wrong, so the tests can also show that it refuses a broken workflow.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = ROOT / ".github" / "workflows"
DEPLOY = WORKFLOWS / "deploy.yml"
PR = WORKFLOWS / "pr.yml"

PINNED = re.compile(r"^[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]+@[0-9a-f]{40}$")
USES_LINE = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>[^\s#]+)\s*(?P<comment>#.*)?$")
VERSION_COMMENT = re.compile(r"^#\s*v\d+\.\d+\.\d+\s*$")


# --- reading ----------------------------------------------------------------

def load(text: str) -> dict:
    """A workflow as a mapping, with `on` kept as the key "on" (YAML 1.1 reads it as True)."""
    data = yaml.safe_load(text)
    assert isinstance(data, dict), "a workflow is a mapping"
    if True in data:
        data["on"] = data.pop(True)
    return data


def triggers(workflow: dict) -> set[str]:
    on = workflow.get("on")
    if isinstance(on, str):
        return {on}
    return set(on or ())


def steps(workflow: dict):
    for job in (workflow.get("jobs") or {}).values():
        yield from job.get("steps") or ()


def all_uses(workflow: dict) -> list[str]:
    """Every action and reusable workflow the file refers to."""
    found = [job["uses"] for job in (workflow.get("jobs") or {}).values() if "uses" in job]
    return found + [step["uses"] for step in steps(workflow) if "uses" in step]


def runs(workflow: dict) -> list[str]:
    return [step["run"] for step in steps(workflow) if "run" in step]


# --- rules: each returns what is wrong ---------------------------------------

def unpinned(text: str) -> list[str]:
    """Every `uses:` names a full 40-hex commit SHA, with the release in a `# vX.Y.Z` comment."""
    problems = [f"{ref} is not pinned to a commit SHA" for ref in all_uses(load(text)) if not PINNED.match(ref)]
    for number, line in enumerate(text.splitlines(), 1):
        m = USES_LINE.match(line)
        if m and not (m["comment"] and VERSION_COMMENT.match(m["comment"])):
            problems.append(f"line {number}: {m['ref']} has no '# vX.Y.Z' comment naming its release")
    return problems


def credentials_kept(text: str) -> list[str]:
    """actions/checkout does not leave the token in .git/config."""
    return [f"{step['uses']} without persist-credentials: false" for step in steps(load(text))
            if step.get("uses", "").startswith("actions/checkout@")
            and (step.get("with") or {}).get("persist-credentials") is not False]


def read_only(permissions) -> bool:
    return isinstance(permissions, dict) and all(v in ("read", "none") for v in permissions.values())


def pr_problems(text: str) -> list[str]:
    wf = load(text)
    problems = []
    on = triggers(wf)
    if "pull_request" not in on:
        problems.append("does not run on pull_request")
    if "pull_request_target" in on:
        problems.append("runs on pull_request_target, which gives a fork's code the repository's token and secrets")
    if wf.get("permissions") is None or not read_only(wf["permissions"]):
        problems.append(f"top-level permissions are not read-only: {wf.get('permissions')!r}")
    for name, job in (wf.get("jobs") or {}).items():
        if "permissions" in job and not read_only(job["permissions"]):
            problems.append(f"job {name} asks for {job['permissions']!r}")
    if re.search(r"\$\{\{[^}]*\bsecrets\b|^\s*secrets:", text, re.M):
        problems.append("uses secrets")
    if not wf.get("concurrency") or not (wf["concurrency"] or {}).get("cancel-in-progress"):
        problems.append("no concurrency group cancelling superseded runs")
    commands = "\n".join(runs(wf))
    if not re.search(r"\bguide check --format github\b", commands):
        problems.append("does not run `guide check --format github`")
    if "make test" not in commands:
        problems.append("does not run the test suite (`make test`)")
    if not re.search(r"\bguide build\b|\bmake build\b", commands):
        problems.append("does not build the site")
    uploads = [s for s in steps(wf) if s.get("uses", "").startswith("actions/upload-artifact@")]
    if not any(str((s.get("with") or {}).get("path", "")).rstrip("/") == "site" for s in uploads):
        problems.append("does not upload site/ as an artifact")
    return problems


def deploy_problems(text: str) -> list[str]:
    wf = load(text)
    problems = []
    on = wf.get("on")
    push = on.get("push") if isinstance(on, dict) else None
    if not (isinstance(push, dict) and "main" in (push.get("branches") or ())):
        problems.append("does not run on push to main")
    if "workflow_dispatch" not in triggers(wf):
        problems.append("cannot be run by hand (workflow_dispatch)")
    if wf.get("permissions") not in ({}, {"contents": "read"}):
        problems.append(f"top-level permissions are not empty or contents: read: {wf.get('permissions')!r}")
    jobs = wf.get("jobs") or {}
    deployers = [name for name, job in jobs.items()
                 if any(s.get("uses", "").startswith("actions/deploy-pages@") for s in job.get("steps") or ())]
    if not deployers:
        problems.append("no job runs actions/deploy-pages")
    for name in deployers:
        permissions = jobs[name].get("permissions") or {}
        if permissions.get("pages") != "write" or permissions.get("id-token") != "write":
            problems.append(f"job {name} lacks pages: write and id-token: write")
    for name, job in jobs.items():
        writes = {k for k, v in (job.get("permissions") or {}).items() if v == "write"}
        if writes and name not in deployers:
            problems.append(f"job {name} does not deploy but may write {sorted(writes)}")
    if not any((c or {}).get("group") for c in [wf.get("concurrency")] + [j.get("concurrency") for j in jobs.values()]):
        problems.append("no concurrency group")
    if not any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in steps(wf)):
        problems.append("does not upload the site with actions/upload-pages-artifact")
    if not re.search(r"\bguide build\b|\bmake build\b", "\n".join(runs(wf))):
        problems.append("does not build the site")
    return problems


# --- the schema ---------------------------------------------------------------

def schema_check(path: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows",
                           str(path)], capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("path", [DEPLOY, PR], ids=lambda p: p.name)
def test_workflow_matches_the_github_workflow_schema(path):
    result = schema_check(path)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("path", [DEPLOY, PR], ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit(path):
    assert unpinned(path.read_text(encoding="utf-8")) == []


@pytest.mark.parametrize("path", [DEPLOY, PR], ids=lambda p: p.name)
def test_checkout_does_not_keep_the_token(path):
    assert credentials_kept(path.read_text(encoding="utf-8")) == []


def test_pull_request_workflow_is_read_only_and_checks_everything():
    assert pr_problems(PR.read_text(encoding="utf-8")) == []


def test_deploy_workflow_deploys_pages_with_least_privilege():
    assert deploy_problems(DEPLOY.read_text(encoding="utf-8")) == []


# --- zizmor, the GitHub Actions auditor ------------------------------------------

def zizmor(*paths: Path) -> subprocess.CompletedProcess:
    """zizmor (pinned in requirements.lock), offline: its audits that need GitHub's API are skipped."""
    return subprocess.run([str(Path(sys.executable).parent / "zizmor"), "--offline", "--min-severity", "medium",
                           "--format", "plain", *map(str, paths)], capture_output=True, text=True, timeout=120)


def test_zizmor_finds_nothing_of_medium_or_higher():
    result = zizmor(DEPLOY, PR)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout


@pytest.mark.parametrize("old, new, audit", [
    # A fork's branch name expanded into a shell script: code injection.
    ("run: make install\n", 'run: echo "${{ github.head_ref }}" && make install\n', "template-injection"),
    # Runs with the base repository's token and secrets on a fork's pull request.
    ("  pull_request:\n", "  pull_request_target:\n", "dangerous-triggers"),
])
def test_zizmor_flags_a_weakened_workflow(tmp_path, old, new, audit):
    weakened = tmp_path / "pr.yml"
    weakened.write_text(swap(PR.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    result = zizmor(weakened)
    assert result.returncode != 0 and audit in result.stdout, result.stdout + result.stderr


# --- the rules refuse broken workflows ------------------------------------------

def swap(text: str, old: str, new: str) -> str:
    assert old in text, f"{old!r} is no longer in the workflow: update this test"
    return text.replace(old, new, 1)


def test_the_schema_refuses_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(swap(PR.read_text(encoding="utf-8"), "runs-on:", "run-on:"), encoding="utf-8")
    result = schema_check(broken)
    assert result.returncode != 0 and "run-on" in result.stdout + result.stderr


def test_the_schema_refuses_an_unknown_permission_level(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(swap(DEPLOY.read_text(encoding="utf-8"), "pages: write", "pages: admin"), encoding="utf-8")
    assert schema_check(broken).returncode != 0


@pytest.mark.parametrize("old, new", [
    ("actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd", "actions/checkout@v6"),
    ("actions/checkout@de0fac2e4500dabe0009e67214ff5f5447ce83dd", "actions/checkout@de0fac2"),
    ("# v6.0.2", ""),
])
def test_an_unpinned_action_is_refused(old, new):
    assert unpinned(swap(PR.read_text(encoding="utf-8"), old, new))


def test_a_checkout_keeping_its_token_is_refused():
    assert credentials_kept(swap(PR.read_text(encoding="utf-8"), "persist-credentials: false",
                                 "persist-credentials: true"))


@pytest.mark.parametrize("old, new, expected", [
    ("  pull_request:\n", "  pull_request_target:\n", "pull_request_target"),
    ("  contents: read\n", "  contents: write\n", "not read-only"),
    ("cancel-in-progress: true", "cancel-in-progress: false", "concurrency"),
    ("guide check --format github", "guide check", "guide check --format github"),
    ("run: make test", "run: make check", "make test"),
    ("path: site/", "path: public/", "site/"),
])
def test_a_weakened_pull_request_workflow_is_refused(old, new, expected):
    problems = pr_problems(swap(PR.read_text(encoding="utf-8"), old, new))
    assert any(expected in p for p in problems), problems


def test_a_pull_request_workflow_using_secrets_is_refused():
    text = PR.read_text(encoding="utf-8") + "        env:\n          TOKEN: ${{ secrets.TOKEN }}\n"
    assert "uses secrets" in pr_problems(text)


@pytest.mark.parametrize("old, new, expected", [
    ("permissions: {}", "permissions: write-all", "top-level permissions"),
    ("      id-token: write", "      id-token: none", "id-token: write"),
    ("      pages: read", "      pages: write", "does not deploy but may write"),
    ("concurrency:\n  group: pages\n", "concurrency:\n  cancel: no\n", "concurrency"),
    ("branches: [main]", "branches: [gh-pages]", "push to main"),
])
def test_a_weakened_deploy_workflow_is_refused(old, new, expected):
    problems = deploy_problems(swap(DEPLOY.read_text(encoding="utf-8"), old, new))
    assert any(expected in p for p in problems), problems


# --- pre-commit hook ------------------------------------------------------------

def console_scripts() -> dict[str, str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
    except ImportError:  # Python 3.10
        section = re.search(r"^\[project\.scripts\]\n(.*?)(?=^\[|\Z)", text, re.M | re.S).group(1)
        return dict(re.findall(r'^\s*([\w-]+)\s*=\s*"([^"]+)"', section, re.M))
    return tomllib.loads(text)["project"]["scripts"]


def test_pre_commit_hook_runs_the_declared_guide_script():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list)
    hook = next(h for h in hooks if h["id"] == "guide-check")
    assert hook["language"] == "python" and hook["pass_filenames"] is False
    command = hook["entry"].split()
    assert command == ["guide", "check"]
    assert command[0] in console_scripts()
    files = re.compile(hook["files"])
    for path in ["rules/product-shop.yml", "content/sources/social-media-waste-of-time.txt", "rules/paths.txt"]:
        assert files.search(path), path
    for path in ["README.md", "generator/cli.py", "content/index.md"]:
        assert not files.search(path), path


def _snippet_for_other_guides() -> dict:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    block = re.search(r"^#   (repos:\n(?:#   .*\n)+)", text, re.M).group(1)
    return yaml.safe_load(re.sub(r"^#   ", "", block, flags=re.M))


def test_the_snippet_for_other_guides_needs_no_url_or_revision():
    # It runs the generator the guide already has installed: nothing to fill in.
    (hook,) = _snippet_for_other_guides()["repos"][0]["hooks"]
    assert _snippet_for_other_guides()["repos"][0]["repo"] == "local"
    assert hook["entry"] == "guide check" and hook["language"] == "system" and hook["pass_filenames"] is False
    assert re.compile(hook["files"]).search("rules/paths.txt")


def test_a_new_guide_carries_the_snippet_as_its_pre_commit_config():
    starter = yaml.safe_load((ROOT / "generator/starter/pre-commit-config.yaml").read_text(encoding="utf-8"))
    assert starter == _snippet_for_other_guides()


def test_this_repository_runs_ci_s_check_before_each_commit():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    (hook,) = config["repos"][0]["hooks"]
    assert config["repos"][0]["repo"] == "local" and hook["pass_filenames"] is False
    # `make check` is `guide check`, the command of CI's first step (pr.yml).
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert hook["entry"] == "make check"
    assert re.search(r"^check: .*\n\t\$\(VENV\)/bin/guide check$", makefile, re.M)
    assert ".venv/bin/guide check --format github" in (ROOT / ".github/workflows/pr.yml").read_text(encoding="utf-8")
    files = re.compile(hook["files"])
    for path in ["rules/product-shop.yml", "rules/paths.txt", "content/sources/x.txt", "mkdocs.yml",
                 "messages/de.yml"]:
        assert files.search(path), path
    for path in ["README.md", "generator/cli.py", "content/index.md", "docs/mkdocs.yml"]:
        assert not files.search(path), path
    # And it passes on this repository as committed, as CI's check does.
    result = subprocess.run(hook["entry"].split(), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


# --- editor -----------------------------------------------------------------------

def test_vscode_points_rules_files_at_the_shipped_schema():
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    schemas = settings["yaml.schemas"]
    assert schemas, "no yaml.schemas"
    for schema, globs in schemas.items():
        assert (ROOT / schema).is_file(), schema
        assert "rules/*.yml" in ([globs] if isinstance(globs, str) else globs)
    extensions = json.loads((ROOT / ".vscode" / "extensions.json").read_text(encoding="utf-8"))
    assert "redhat.vscode-yaml" in extensions["recommendations"]
