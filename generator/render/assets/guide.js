// Decision guide: one question at a time, the state in the URL.
// The page is a complete document without this script (every answer is an
// anchor); the script only hides what is not the current step.
// State lives in the hash, "#a=node:answer,node:answer", never in
// history.state: mkdocs-material overwrites history.state on scroll.
(function () {
  "use strict";

  function readHash() {
    var raw = location.hash.slice(1);
    try { raw = decodeURIComponent(raw); } catch (e) { return null; }
    if (raw.slice(0, 2) !== "a=") return [];
    return raw.slice(2).split(",").filter(Boolean).map(function (pair) {
      var i = pair.indexOf(":");
      return i < 0 ? [pair, ""] : [pair.slice(0, i), pair.slice(i + 1)];
    });
  }

  function hashOf(path) {
    return path.length ? "#a=" + path.map(function (p) { return p[0] + ":" + p[1]; }).join(",") : "";
  }

  function Guide(root) {
    this.root = root;
    this.nodes = {};
    var self = this;
    root.querySelectorAll("[data-node]").forEach(function (el) { self.nodes[el.getAttribute("data-node")] = el; });
    this.start = root.getAttribute("data-start");
    this.longest = +root.getAttribute("data-longest") || 0;
    this.path = [];
    root.addEventListener("click", function (ev) { self.onClick(ev); });
    root.querySelector("[data-controls]").hidden = false;
  }

  Guide.prototype.answerOf = function (nodeId, answerId) {
    var node = this.nodes[nodeId];
    if (!node) return null;
    var found = null;
    node.querySelectorAll("[data-answer]").forEach(function (a) {
      if (a.getAttribute("data-answer") === answerId) found = a;
    });
    return found;
  };

  // Walk the answers from the start; stop at the first that does not fit.
  Guide.prototype.walk = function (pairs) {
    var current = this.start, valid = [];
    for (var i = 0; i < pairs.length; i++) {
      var answer = pairs[i][0] === current ? this.answerOf(current, pairs[i][1]) : null;
      var next = answer && answer.getAttribute("data-next");
      if (!next || !this.nodes[next] || this.nodes[next].getAttribute("data-kind") === "link") {
        return { path: valid, current: current, broken: true };
      }
      valid.push(pairs[i]);
      current = next;
    }
    return { path: valid, current: current, broken: false };
  };

  Guide.prototype.fromUrl = function (focus) {
    var pairs = readHash();
    var state = pairs ? this.walk(pairs) : { path: [], current: this.start, broken: true };
    var anchor = location.hash.slice(0, 3) === "#n-" && this.nodes[location.hash.slice(3)];
    if (anchor && !pairs.length) state = { path: [], current: location.hash.slice(3), broken: false };
    this.path = state.path;
    this.show(state.current, focus, state.broken ? "This link did not fit the guide any more: " +
      "we kept the answers that still apply." : "");
  };

  Guide.prototype.go = function (path) {
    this.path = path;
    history.pushState(null, "", location.pathname + location.search + hashOf(path) || location.pathname);
    this.show(this.walk(path).current, true, "");
  };

  Guide.prototype.show = function (current, focus, notice) {
    var self = this;
    Object.keys(this.nodes).forEach(function (id) { self.nodes[id].hidden = id !== current; });
    var node = this.nodes[current];
    var heading = node.querySelector(".dg-title");
    var remaining = +node.getAttribute("data-remaining") || 0;
    var progress = this.root.querySelector("[data-progress]");
    progress.hidden = false;
    var step = "Question " + (this.path.length + 1);
    progress.textContent = node.getAttribute("data-kind") === "outcome" ?
      "Your result, after " + this.path.length + (this.path.length === 1 ? " answer" : " answers") :
      remaining > 1 ? step + ", at most " + (remaining - 1) + " more to go" : step + ", the last one";
    var noticeEl = this.root.querySelector("[data-notice]");
    noticeEl.hidden = !notice;
    noticeEl.textContent = notice;
    this.renderTrail();
    this.root.querySelector("[data-action=back]").disabled = !this.path.length;
    node.querySelectorAll("[data-answer]").forEach(function (a) {
      var target = self.nodes[a.getAttribute("data-next")];
      if (target && target.getAttribute("data-kind") !== "link") {
        a.setAttribute("href", hashOf(self.path.concat([[current, a.getAttribute("data-answer")]])));
      }
    });
    this.root.querySelector("[data-live]").textContent = heading ? heading.textContent : "";
    if (focus && heading) heading.focus();
  };

  Guide.prototype.renderTrail = function () {
    var trail = this.root.querySelector("[data-trail]");
    var list = trail.querySelector("[data-trail-list]");
    var self = this;
    list.textContent = "";
    this.path.forEach(function (pair) {
      var question = self.nodes[pair[0]].querySelector(".dg-title").textContent;
      var answer = self.answerOf(pair[0], pair[1]).textContent;
      var li = document.createElement("li");
      var q = document.createElement("span");
      q.className = "dg-trail-q";
      q.textContent = question + " ";
      var a = document.createElement("strong");
      a.textContent = answer + " ";
      var change = document.createElement("button");
      change.type = "button";
      change.className = "dg-change";
      change.setAttribute("data-change", pair[0]);
      change.textContent = "Change";
      change.setAttribute("aria-label", "Change your answer to: " + question);
      li.append(q, a, change);
      list.appendChild(li);
    });
    trail.hidden = !this.path.length;
  };

  Guide.prototype.onClick = function (ev) {
    var el = ev.target.closest("[data-answer],[data-action],[data-change]");
    if (!el || !this.root.contains(el)) return;
    if (el.hasAttribute("data-answer")) {
      var node = el.closest("[data-node]");
      var target = this.nodes[el.getAttribute("data-next")];
      if (!target || target.getAttribute("data-kind") === "link") return; // a real link to another tree
      ev.preventDefault();
      this.go(this.path.concat([[node.getAttribute("data-node"), el.getAttribute("data-answer")]]));
    } else if (el.getAttribute("data-action") === "back") {
      this.go(this.path.slice(0, -1));
    } else if (el.getAttribute("data-action") === "restart") {
      this.go([]);
    } else {
      var at = this.path.map(function (p) { return p[0]; }).indexOf(el.getAttribute("data-change"));
      if (at >= 0) this.go(this.path.slice(0, at));
    }
  };

  var guides = [];

  function init() {
    guides = [];
    document.querySelectorAll("[data-guide-tree]").forEach(function (root) {
      // document$ fires again on every instant navigation: set up once per element.
      if (!root.guide) root.guide = new Guide(root);
      guides.push(root.guide);
      root.guide.fromUrl(false);
    });
  }

  window.addEventListener("popstate", function () {
    guides.forEach(function (g) { if (document.contains(g.root)) g.fromUrl(true); });
  });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
