"""Four owners through the guide on a 390x844 phone, in Chromium: answers
given, words read to the verdict, and where the verdict and the copy-link
button sit on the result page.

    python bench/journeys.py URL before|after

URL is a served build (e.g. `python -m http.server` in site/). The two
sets of answers are the ones these owners give in the guide before and
after issue 11 reworked its questions; an id that no longer exists stops
the walk with an error rather than measuring another path.
"""
from __future__ import annotations

import math
import sys

from playwright.sync_api import sync_playwright

OWNERS = {
    "before": {
        "bakery": ["consumers", "repeat-products", "sell", "yes-there", "likes-not-sales"],
        "wedding photographer": ["consumers", "high-priced", "new-clients", "price-drop-outs"],
        "accountant selling to firms": ["businesses", "find-leads", "dont-know"],
        "estate agent": ["consumers", "once", "find-buyers", "yes-there", "trackable", "worth-it", "pay-someone"],
    },
    "after": {
        "bakery": ["consumers", "repeat-products", "now-and-then", "sell", "visual", "in-person"],
        "wedding photographer": ["consumers", "high-priced", "now-and-then", "new-clients", "visual",
                                 "price-drop-outs"],
        "accountant selling to firms": ["businesses", "no", "find-leads", "weekly", "dont-know"],
        "estate agent": ["consumers", "once", "often", "find-buyers", "facebook-instagram", "yes-active",
                         "pay-someone"],
    },
}
PHONE = {"width": 390, "height": 844}


def words(text: str) -> int:
    return len(text.split())


def walk(page, base: str, answers: list[str]) -> dict:
    page.goto(f"{base}/guide/start/")
    page.wait_for_selector(".dg.dg-ready")
    read = 0
    for answer in answers:
        node = page.locator("[data-node]:not([hidden])")
        read += words(node.locator(".dg-title").text_content())
        read += sum(words(a) for a in node.locator("[data-answer]").all_text_contents())
        target = node.locator(f'[data-answer="{answer}"]')
        if not target.count():
            raise SystemExit(f"no answer {answer!r} on {node.get_attribute('data-node')!r} at {page.url}")
        target.click()
        page.wait_for_timeout(400)
        page.wait_for_selector(".dg.dg-ready")
    node = page.locator("[data-node]:not([hidden])")
    assert node.get_attribute("data-kind") == "outcome", page.url
    short = node.locator("[data-short-verdict]")
    glance = short if short.count() else node.locator(".dg-verdict")
    scroll = page.evaluate("window.scrollY")
    verdict = glance.bounding_box()
    copy = node.locator("[data-action=copy]").bounding_box()
    # What a reader reads to the verdict and its first actions: the result's
    # visible text above the copy-link button.
    above = page.evaluate("""([node, limit]) => {
        const root = document.querySelector(`[data-node="${node}"]`);
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        let out = 0, n;
        while ((n = walker.nextNode())) {
            const el = n.parentElement;
            if (!el.offsetParent || el.closest('details:not([open]) > :not(summary)')) continue;
            if (el.getBoundingClientRect().top + scrollY >= limit) continue;
            out += n.textContent.split(/\\s+/).filter(Boolean).length;
        }
        return out;
    }""", [node.get_attribute("data-node"), copy["y"] + scroll])
    return {"answers": len(answers), "words": read + above, "outcome": node.get_attribute("data-node"),
            "verdict_screens": math.ceil((verdict["y"] + scroll + verdict["height"]) / PHONE["height"]),
            "copy_px": round(copy["y"] + scroll), "page_px": page.evaluate("document.documentElement.scrollHeight")}


def main(base: str, version: str) -> None:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True,
                                    args=["--no-sandbox", "--disable-background-networking"])
        page = browser.new_page(viewport=PHONE)
        print(f"{'owner':28s} {'answers':>7} {'words':>6} {'verdict in screen':>17} {'copy link px':>12} "
              f"{'page px':>8}  outcome")
        for owner, answers in OWNERS[version].items():
            r = walk(page, base, answers)
            print(f"{owner:28s} {r['answers']:>7} {r['words']:>6} {r['verdict_screens']:>17} {r['copy_px']:>12} "
                  f"{r['page_px']:>8}  {r['outcome']}")
        browser.close()


if __name__ == "__main__":
    main(sys.argv[1].rstrip("/"), sys.argv[2])
