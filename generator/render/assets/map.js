// "How the guide decides": the reader's path through the map of a tree.
// The tree's page sends its answers along in the address, as it keeps them:
// "#a=node:answer,node:answer" (then "&j=…", earlier guides, kept for the
// way back but not drawn here). Without them the map is shown as built.
// Loaded by map pages alone, at the end of their content: it runs once per
// visit, including after the theme's instant navigation, which runs a
// page's scripts again. Only classes, attributes and textContent change:
// nothing read from the URL is parsed as HTML or used in a selector.
(function () {
  "use strict";

  function answers(hash) {
    var raw = hash.replace(/^#/, "");
    try { raw = decodeURIComponent(raw); } catch (e) { return null; }
    var part = raw.split("&").filter(function (p) { return p.slice(0, 2) === "a="; })[0];
    if (raw.slice(0, 2) !== "a=" || !part) return null;
    return part.slice(2).split(",").filter(Boolean).map(function (pair) {
      var i = pair.indexOf(":");
      return i < 0 ? [pair, ""] : [pair.slice(0, i), pair.slice(i + 1)];
    });
  }

  function mark(root) {
    var pairs = answers(location.hash);
    // Another hash (a "see above" link of the list) leaves the path drawn.
    if (!pairs && /^#m-/.test(location.hash)) return;
    var byNode = {}, bySteps = {};
    root.querySelectorAll("[data-map-node]").forEach(function (el) {
      var id = el.getAttribute("data-map-node");
      (byNode[id] = byNode[id] || []).push(el);
    });
    root.querySelectorAll("[data-from]").forEach(function (el) {
      var key = el.getAttribute("data-from") + "\n" + el.getAttribute("data-answer");
      (bySteps[key] = bySteps[key] || []).push(el);
    });
    root.querySelectorAll(".dg-map-path, .dg-map-here").forEach(function (el) {
      el.classList.remove("dg-map-path", "dg-map-here");
    });
    root.querySelectorAll("[aria-current]").forEach(function (el) { el.removeAttribute("aria-current"); });
    var where = root.querySelector("[data-map-where]");
    where.hidden = true;
    // Follow the answers from the start as the tree's page does, and stop at
    // the first that does not fit.
    var current = root.getAttribute("data-start"), walked = [];
    (pairs || []).every(function (pair) {
      var step = pair[0] === current && bySteps[pair[0] + "\n" + pair[1]];
      if (!step) return false;
      walked.push(current);
      step.forEach(function (el) { el.classList.add("dg-map-path"); });
      current = step[0].getAttribute("data-to");
      return true;
    });
    if (!walked.length) return;
    walked.forEach(function (id) {
      (byNode[id] || []).forEach(function (el) { el.classList.add("dg-map-path"); });
    });
    (byNode[current] || []).forEach(function (el) {
      el.classList.add("dg-map-path", "dg-map-here");
      // The box is itself the link; in the list, the link is the item's first child.
      (el.tagName.toLowerCase() === "li" ? el.firstElementChild : el).setAttribute("aria-current", "step");
    });
    var item = root.querySelector("li.dg-map-here > a");
    if (item) {
      root.querySelector("[data-map-where-name]").textContent = item.textContent;
      where.hidden = false;
    }
  }

  function init() {
    var root = document.querySelector("[data-map-tree]");
    if (!root) return;
    // Back to the guide: to the step the reader came from, answers and all.
    var back = root.querySelector("[data-map-back]");
    if (back && answers(location.hash)) back.setAttribute("href", back.getAttribute("href").split("#")[0] + location.hash);
    mark(root);
  }

  function follow(ev) {
    var box = ev.target instanceof Element && ev.target.closest("[data-map-tree] a.dg-map-node");
    if (!box || ev.button || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
    ev.preventDefault();
    ev.stopPropagation();
    location.assign(new URL(box.getAttribute("xlink:href"), location.href).href);
  }

  // Once per window: the theme's instant navigation runs this file again on every visit.
  if (!window.decisionGuideMap) {
    window.decisionGuideMap = true;
    window.addEventListener("hashchange", init);
    // SVG links are not the theme's business: its instant navigation reads
    // `a.href` as a string, which an SVG link's is not. Followed as a plain
    // navigation, the tree's page opens on the step of the box.
    document.addEventListener("click", follow, true);
  }
  init();
})();
