"""An agency's analytics under the pages' policy, and a call to action that
knows where the reader ended (contract section 3: `extra.brand.analytics`,
`extra.brand.cta`)."""
from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import threading

import pytest

from conftest import FIXTURES, ROOT
from generator.load.brand import ANALYTICS_KEY, load_brand
from generator.render.csp import policy_for
from generator.render.pages import cta_href
from test_build import guide

DOC = ROOT / "content" / "embed-and-measure.md"


def brand_of(tmp_path, text: str):
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n" + text, encoding="utf-8")
    return load_brand(tmp_path / "mkdocs.yml", tmp_path)


def analytics(origin: str) -> str:
    return f"extra:\n  brand:\n    analytics:\n      origin: {origin}\n"


def directive(policy: str, name: str) -> list[str]:
    [found] = [d.split()[1:] for d in policy.split("; ") if d.split()[0] == name]
    return found


# -- the policy ----------------------------------------------------------------

def test_the_origin_is_added_to_script_src_and_connect_src_only():
    html = "<html><head></head><body><script>1</script></body></html>"
    plain, opened = policy_for(html), policy_for(html, "https://plausible.io")
    assert "plausible" not in plain
    assert directive(opened, "script-src")[:2] == ["'self'", "https://plausible.io"]
    assert directive(opened, "connect-src") == ["'self'", "https://plausible.io"]
    others = [d for d in opened.split("; ") if d.split()[0] not in ("script-src", "connect-src")]
    assert "plausible" not in "; ".join(others)


@pytest.mark.parametrize("origin, kept", [
    ("https://plausible.io", "https://plausible.io"),
    ("https://Stats.Example.org:8443/", "https://stats.example.org:8443"),
    ("http://localhost:8123", "http://localhost:8123"),
    ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
])
def test_a_plain_origin_is_accepted(tmp_path, origin, kept):
    brand, problems = brand_of(tmp_path, analytics(origin))
    assert problems == [] and brand.analytics_origin == kept


@pytest.mark.parametrize("origin", [
    "http://plausible.io", "https://plausible.io/js/script.js", "https://plausible.io?x=1", "https://*.example.org",
    "https://user:pw@plausible.io", "http://localhost", "ftp://plausible.io", "plausible.io", "'https://a b'", "42",
    "[https://plausible.io]",
])
def test_a_bad_origin_fails_at_its_line_with_a_hint(tmp_path, origin):
    brand, problems = brand_of(tmp_path, analytics(origin))
    [problem] = problems
    assert brand.analytics_origin is None and problem.severity == "error"
    assert (problem.mark.line, problem.mark.column) == (5, 15)
    assert problem.message.startswith(ANALYTICS_KEY) and "https://host[:port]" in problem.message
    assert "https://plausible.io" in problem.hint


def test_analytics_needs_its_origin(tmp_path):
    [problem] = brand_of(tmp_path, "extra:\n  brand:\n    analytics: https://plausible.io\n")[1]
    assert problem.message == "extra.brand.analytics: needs 'origin'" and problem.mark.line == 4


@pytest.mark.parametrize("entry, line", [
    ("  - https://plausible.io/js/script.js\n", 4),
    ("  - path: //cdn.example.com/x.js\n    defer: true\n", 4),
])
def test_a_script_from_a_host_the_policy_blocks_fails_naming_the_key(tmp_path, entry, line):
    [problem] = brand_of(tmp_path, "extra_javascript:\n  - js/own.js\n" + entry)[1]
    assert problem.severity == "error" and problem.mark.line == line
    assert "Content-Security-Policy blocks" in problem.message
    assert ANALYTICS_KEY in problem.hint and "https://" in problem.hint


def test_a_script_from_the_analytics_origin_is_allowed(tmp_path):
    brand, problems = brand_of(tmp_path, "extra_javascript:\n  - https://plausible.io/js/script.js\n"
                               + analytics("https://plausible.io"))
    assert problems == []


def test_the_themes_google_analytics_fails_the_build(tmp_path):
    [problem] = brand_of(tmp_path, "extra:\n  analytics:\n    provider: google\n    property: G-X\n")[1]
    assert problem.severity == "error" and problem.mark.line == 3
    assert "block" in problem.message and ANALYTICS_KEY in problem.hint


# -- the call to action --------------------------------------------------------

def cta(url: str) -> str:
    return f'extra:\n  brand:\n    cta:\n      text: Book\n      url: "{url}"\n'


def test_cta_placeholders_are_ids_url_encoded():
    url = "https://acme.example/call?guide={tree}&result={outcome}#{outcome}"
    assert cta_href(url, "shop", "sell") == "https://acme.example/call?guide=shop&result=sell#sell"
    assert cta_href(url, "a b", "x&y=1/z") == "https://acme.example/call?guide=a%20b&result=x%26y%3D1%2Fz#x%26y%3D1%2Fz"
    assert cta_href("mailto:hi@acme.example", "shop", "sell") == "mailto:hi@acme.example"


@pytest.mark.parametrize("placeholder", ["{answer}", "{foo}", "{}", "{tree"])
def test_an_unknown_cta_placeholder_fails_at_its_line(tmp_path, placeholder):
    brand, [problem] = brand_of(tmp_path, cta("https://acme.example/?x=" + placeholder))
    assert brand.cta_url is None and problem.severity == "error"
    assert (problem.mark.line, problem.mark.column) == (6, 12)
    assert problem.message.startswith("extra.brand.cta.url:") and "{tree}" in problem.hint + problem.message


# -- whole builds --------------------------------------------------------------

def fork(tmp_path, extra: str):
    project = tmp_path / "fork"
    shutil.copytree(FIXTURES / "mini", project)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return project


def test_each_outcome_calls_to_action_with_its_own_ids(tmp_path):
    project = fork(tmp_path, cta("https://acme.example/call?guide={tree}&result={outcome}"))
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    for path in ("guide/shop/index.html", "guide/embed/shop/index.html"):
        page = (project / "site" / path).read_text(encoding="utf-8")
        hrefs = dict(re.findall(r'<[a-z]+ [^>]*data-node="(sell|skip)".*?class="dg-cta"><a [^>]*href="([^"]+)"', page, re.S))
        assert hrefs == {"sell": "https://acme.example/call?guide=shop&amp;result=sell",
                         "skip": "https://acme.example/call?guide=shop&amp;result=skip"}, path
        assert "{tree}" not in page and "{outcome}" not in page


@pytest.mark.parametrize("extra, where, words", [
    (cta("https://acme.example/?a={answer}"), "mkdocs.yml:17:12", "unknown placeholder {answer}"),
    (analytics("https://plausible.io/js"), "mkdocs.yml:16:15", "is not a plain https://host[:port] origin"),
    ("extra_javascript:\n  - https://plausible.io/js/script.js\n", "mkdocs.yml:14:5", ANALYTICS_KEY),
])
def test_the_build_and_check_stop_at_the_line(tmp_path, extra, where, words):
    project = fork(tmp_path, extra)
    for command in ("build", "check"):
        result = guide(command, cwd=project)
        assert result.returncode == 1 and where in result.stdout + result.stderr, command
        assert words in result.stdout + result.stderr and "Traceback" not in result.stderr
    assert not (project / "site").exists()


# -- in Chromium: a collector on a second origin, Plausible and Matomo -----------

VIOLATIONS = """window.__violations = [];
document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"""


def snippet(marker: str) -> str:
    """A script of Embed and measure, as written there."""
    [found] = [block for block in re.findall(r"```js\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
               if marker in block]
    return found


class Collector(http.server.SimpleHTTPRequestHandler):
    received: list

    def do_POST(self):
        self.received.append((self.path, self.headers.get("Origin"),
                              self.rfile.read(int(self.headers["Content-Length"])).decode()))
        self.send_response(204)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def collector(tmp_path):
    """A second local origin: serves measure.js and records what is posted to it."""
    folder = tmp_path / "collector"
    folder.mkdir()
    received: list = []
    handler = type("Handler", (Collector,), {"received": received})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", folder, received
    httpd.shutdown()


def serve(project, tmp_path):
    result = guide("build", cwd=project)
    assert result.returncode == 0, result.stderr
    from conftest import serve_folder

    return serve_folder(project / "site")


def reach_an_outcome(page, base):
    page.goto(base + "/guide/shop/")
    page.click('[data-node="buyers"] [data-answer="yes"]')
    page.click('[data-node="time"] [data-answer]')
    page.wait_for_selector('[data-node="sell"]:not([hidden])')


def test_a_collector_on_another_origin_receives_the_outcome(tmp_path, page, collector):
    origin, folder, received = collector
    (folder / "measure.js").write_text(snippet("sendBeacon").replace("https://stats.example.org", origin),
                                       encoding="utf-8")
    project = fork(tmp_path, f"extra_javascript:\n  - {origin}/measure.js\n" + analytics(origin)
                   + cta("https://acme.example/call?guide={tree}&result={outcome}").replace("extra:\n  brand:\n", ""))
    for base in serve(project, tmp_path):
        page.add_init_script(VIOLATIONS)
        reach_an_outcome(page, base)
        for _ in range(50):
            if received:
                break
            page.wait_for_timeout(100)
        assert [(path, json.loads(body)["node"]) for path, _, body in received] == [("/collect", "sell")]
        assert json.loads(received[0][2])["tree"] == "shop" and received[0][1] == base
        assert page.evaluate("window.__violations") == [] and page.errors == []
        # The call to action the reader sees names where they ended, and nothing more.
        assert page.get_attribute('[data-node="sell"] .dg-cta a', "href") == \
            "https://acme.example/call?guide=shop&result=sell"


STUBS = {
    # Stand-ins for the providers' scripts, answered by the browser itself:
    # nothing leaves this machine.
    "https://plausible.io/js/script.js": """var q = (window.plausible && window.plausible.q) || [];
        window.__calls = Array.from(q, a => Array.from(a));
        window.plausible = function () { window.__calls.push(Array.from(arguments)); };""",
    "https://matomo.example.org/matomo.js": """window.__calls = window._paq.slice();
        window._paq = {push: function (c) { window.__calls.push(c); }};""",
}


@pytest.mark.parametrize("provider, origin, expected", [
    ("plausible(", "https://plausible.io",
     [["Guide outcome", {"props": {"tree": "shop", "outcome": "sell"}}]]),
    ("_paq.push", "https://matomo.example.org",
     [["setTrackerUrl", "https://matomo.example.org/matomo.php"], ["setSiteId", "1"], ["trackPageView"],
      ["trackEvent", "Guide", "shop:buyers", "yes"], ["trackEvent", "Guide", "shop:time", "yes-i-do"]]),
])
def test_the_documented_plausible_and_matomo_scripts(tmp_path, page, provider, origin, expected):
    project = fork(tmp_path, "extra_javascript:\n  - js/measure.js\n" + analytics(origin))
    (project / "content" / "js").mkdir()
    (project / "content" / "js" / "measure.js").write_text(snippet(provider), encoding="utf-8")
    loaded = []

    def stand_in(route):
        loaded.append(route.request.url)
        if route.request.url in STUBS:
            route.fulfill(status=200, content_type="text/javascript", body=STUBS[route.request.url])
        else:
            route.abort()

    page.route(origin + "/**", stand_in)
    for base in serve(project, tmp_path):
        page.add_init_script(VIOLATIONS)
        reach_an_outcome(page, base)
        page.wait_for_function("() => window.__calls && window.__calls.length >= %d" % len(expected))
        assert page.evaluate("window.__calls") == expected
        assert loaded == [url for url in STUBS if url.startswith(origin)]
        assert page.evaluate("window.__violations") == [] and page.errors == []
