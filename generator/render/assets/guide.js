// Decision guide: one question at a time, the state in the URL.
// The page is a complete document without this script (every answer is an
// anchor); the script only hides what is not the current step.
// The state lives in the hash, "#a=node:answer,node:answer", never in
// history.state: mkdocs-material overwrites history.state on scroll.
// The DOM is changed with textContent and prebuilt elements only: nothing
// read from the URL is ever parsed as HTML.
(function () {
  "use strict";

  function pairs(text) {
    return text.split(",").filter(Boolean).map(function (pair) {
      var i = pair.indexOf(":");
      return i < 0 ? [pair, ""] : [pair.slice(0, i), pair.slice(i + 1)];
    });
  }

  function joined(path) { return path.map(function (p) { return p[0] + ":" + p[1]; }).join(","); }

  // "#a=node:answer,...&j=tree.node:answer,...;tree.node:answer,...": this
  // page's answers, then those given in earlier guides of the same journey,
  // one segment per guide, in the order they were given.
  function parseState(hash) {
    var raw = hash.replace(/^#/, ""), state = { path: [], prior: [] };
    try { raw = decodeURIComponent(raw); } catch (e) { return null; }
    if (raw.slice(0, 2) !== "a=") return state;
    raw.split("&").forEach(function (part) {
      if (part.slice(0, 2) === "a=") state.path = pairs(part.slice(2));
      else if (part.slice(0, 2) === "j=") state.prior = part.slice(2).split(";").filter(Boolean).map(function (seg) {
        var dot = seg.indexOf(".");
        return { tree: seg.slice(0, dot), path: pairs(seg.slice(dot + 1)) };
      });
    });
    return state;
  }

  function parse(hash) { var state = parseState(hash); return state && state.path; }

  function hashOf(path, prior) {
    var journey = (prior || []).map(function (seg) { return seg.tree + "." + joined(seg.path); }).join(";");
    if (!path.length && !journey) return "";
    return "#a=" + joined(path) + (journey ? "&j=" + journey : "");
  }

  function count(prior) { return prior.reduce(function (n, seg) { return n + seg.path.length; }, 0); }

  function store(key, value) {
    try { if (value) localStorage.setItem(key, value); else localStorage.removeItem(key); } catch (e) { /* private mode */ }
  }

  function stored(key) {
    try { return localStorage.getItem(key) || ""; } catch (e) { return ""; }
  }

  function has(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  // Parses only the build's own markup, read back from <noscript>; never
  // text from the URL. DOMParser runs no script and loads nothing.
  function build(html, selector) {
    var found = new DOMParser().parseFromString(html, "text/html").body.querySelector(selector);
    return found && document.adoptNode(found);
  }

  function Guide(root) {
    // A step is the element with data-node, whatever its tag or the order of
    // its attributes; its kind is read from the same tag. nh3 escapes "<" in
    // text and '"' in attribute values, so only a real tag can match.
    var self = this, found, marks = [], re = /<[^>]*?\sdata-node="([^"]*)"[^>]*>/g;
    this.root = root;
    this.key = "decision-guide:" + root.getAttribute("data-guide-tree");
    this.start = root.getAttribute("data-start");
    // Style work on a click grows with the elements in the document, hidden
    // or not (345,000 for 10,000 nodes). A small tree's steps are all in it,
    // hidden but the current one. A large tree's page keeps the others in
    // <noscript data-steps>, which the browser read as one string: they are
    // built on first use, and only the current step is in the document, where
    // the first one stood. After an instant navigation (parsed without
    // scripting) that noscript holds elements: they are taken out too.
    var box = root.querySelector("noscript[data-steps]");
    this.lazy = !!box;
    this.nodes = {};
    this.slot = document.createComment("step");
    root.querySelectorAll("[data-node]").forEach(function (el, i) {
      if (!i) el.parentNode.insertBefore(self.slot, el);
      self.nodes[el.getAttribute("data-node")] = el;
      if (self.lazy) el.remove(); else el.hidden = true;
    });
    this.text = box && !box.firstElementChild ? box.textContent : "";
    while ((found = re.exec(this.text))) marks.push(found);
    marks.forEach(function (m, i) {
      if (!has(self.nodes, m[1])) self.nodes[m[1]] = { kind: (/\sdata-kind="([^"]*)"/.exec(m[0]) || [])[1], from: m.index, to: (marks[i + 1] || {}).index };
    });
    // The map's own page (map.js) shows the reader's path from the answers
    // in its address: the link takes them along when it is about to be
    // followed, copied or hovered, since every click changes them.
    var map = root.querySelector(".dg-map [data-map-link]");
    if (map) ["focus", "mouseover", "mousedown", "click"].forEach(function (name) {
      map.addEventListener(name, function () {
        map.setAttribute("href", map.getAttribute("href").split("#")[0] + hashOf(self.path, self.prior));
      });
    });
    this.path = [];
    this.future = [];
    this.prior = [];
    this.entry = this.start;
    try { this.messages = JSON.parse(root.getAttribute("data-messages")) || {}; } catch (e) { this.messages = {}; }
    try { this.journey = JSON.parse(root.getAttribute("data-journey") || "{}") || {}; } catch (e) { this.journey = {}; }
    root.addEventListener("click", function (ev) { self.onClick(ev); });
    // An embed page inside an agency's iframe: links out of the guide open
    // outside the frame, events are forwarded to the host page, and the host
    // is told the guide's height whenever it changes, smaller as well as larger.
    this.framed = root.hasAttribute("data-embed") && window.parent !== window;
    if (this.framed) this.frame();
    root.querySelectorAll("[data-controls]").forEach(function (el) { el.hidden = false; });
  }

  Guide.prototype.has = function (id) { return has(this.nodes, id) && !!this.nodes[id]; };

  Guide.prototype.kind = function (id) {
    var node = this.nodes[id];
    return node.nodeType ? node.getAttribute("data-kind") : node.kind;
  };

  // A step's element, built from its markup the first time it is needed.
  Guide.prototype.node = function (id) {
    var node = this.has(id) ? this.nodes[id] : null;
    if (node && !node.nodeType) {
      node = build(this.text.slice(node.from, node.to), "[data-node]");
      this.nodes[id] = node && node.getAttribute("data-node") === id ? node : null;
    }
    return this.nodes[id] || null;
  };

  // An interface string from the page's catalogue, with {name} filled in.
  Guide.prototype.msg = function (key, values) {
    return (this.messages[key] || key).replace(/\{(\w+)\}/g, function (all, name) {
      return values && name in values ? values[name] : all;
    });
  };

  Guide.prototype.$ = function (selector, within) {
    if (within) return within.querySelector(selector);
    var cache = this.found || (this.found = {});
    return selector in cache ? cache[selector] : (cache[selector] = this.root.querySelector(selector));
  };

  Guide.prototype.answerOf = function (nodeId, answerId) {
    var found = null, node = this.node(nodeId);
    if (node) node.querySelectorAll("[data-answer]").forEach(function (a) {
      if (a.getAttribute("data-answer") === answerId) found = a;
    });
    return found;
  };

  // Where an answer leads inside this page, or null (unknown, or another tree).
  Guide.prototype.target = function (answer) {
    var next = answer && answer.getAttribute("data-next");
    return next && this.has(next) && this.kind(next) !== "link" ? next : null;
  };

  // Follow the answers from the start; stop at the first that does not fit.
  Guide.prototype.walk = function (pairs) {
    var current = this.entry, valid = [];
    for (var i = 0; i < pairs.length; i++) {
      var next = pairs[i][0] === current && this.target(this.answerOf(current, pairs[i][1]));
      if (!next) return { path: valid, current: current, broken: true };
      valid.push(pairs[i]);
      current = next;
    }
    return { path: valid, current: current, broken: false };
  };

  // The answers given in earlier guides, if they really lead here: each
  // segment walked in its guide (from data-journey), each ending on a
  // hand-over to the next. Returns the node this guide starts at, or null.
  Guide.prototype.checkPrior = function (prior) {
    var here = this.root.getAttribute("data-guide-tree"), entry = this.start;
    for (var i = 0; i < prior.length; i++) {
      var seg = prior[i], data = has(this.journey, seg.tree) && this.journey[seg.tree];
      var to = i + 1 < prior.length ? prior[i + 1].tree : here, current = data && data.start, node = null;
      if (!data || !seg.path.length) return null;
      for (var k = 0; k < seg.path.length; k++) {
        node = current && has(data.nodes, current) ? data.nodes[current] : null;
        if (!node || !node.a || seg.path[k][0] !== current || !has(node.a, seg.path[k][1])) return null;
        current = node.a[seg.path[k][1]][1];
      }
      node = has(data.nodes, current) ? data.nodes[current] : null;
      if (!node || node.tree !== to) return null;
      if (i + 1 === prior.length && node.node) entry = node.node;
    }
    return entry;
  };

  Guide.prototype.fromUrl = function (focus) {
    var hash = location.hash, parsed = parseState(hash), pairs = parsed && parsed.path;
    var entry = parsed && parsed.prior.length ? this.checkPrior(parsed.prior) : this.start;
    var lost = !!(parsed && parsed.prior.length && !entry);
    this.prior = parsed && entry ? parsed.prior : [];
    this.entry = entry && this.has(entry) ? entry : this.start;
    var state = pairs ? this.walk(pairs) : { path: [], current: this.start, broken: true };
    if (lost) state.broken = true;
    var anchor = hash.slice(0, 3) === "#n-" && hash.slice(3);
    if (anchor && this.has(anchor)) state.current = anchor;
    this.path = state.path;
    this.show(state.current, focus, state.broken ? this.msg("broken") : "");
    var saved = stored(this.key);
    this.$("[data-resume]").hidden = !(hash.length < 2 && saved && (parse(saved) || []).length);
  };

  Guide.prototype.go = function (path) {
    var hash = hashOf(path, this.prior);
    this.path = path;
    // Before show(): listeners of the events it sends may read the new address.
    history.pushState(null, "", location.pathname + location.search + hash);
    store(this.key, hash);
    this.$("[data-resume]").hidden = true;
    this.show(this.walk(path).current, true, "");
  };

  Guide.prototype.answer = function (nodeId, answerId) {
    var path = this.path.concat([[nodeId, answerId]]);
    // After "change", answers given further on are kept while they still fit.
    var current = this.walk(path).current;
    while (this.future.length && this.future[0][0] === current && this.target(this.answerOf(current, this.future[0][1]))) {
      path.push(this.future.shift());
      current = this.walk(path).current;
    }
    this.future = [];
    this.go(path);
  };

  // State flows one way: the step, its kind and the count of answers are
  // worked out first, from the path; each part below only writes what it is
  // given to the page, and none reads what another wrote.
  Guide.prototype.show = function (current, focus, notice) {
    var node = this.node(current), outcome = node.getAttribute("data-kind") === "outcome";
    var n = count(this.prior) + this.path.length;
    this.reveal(node);
    this.status(node, outcome, n, notice);
    this.links(node, current);
    this.trails(node, outcome, n);
    // Last, on the page in its final shape: focus scrolls to where the
    // heading has settled, listeners and the host page find the new step in
    // place, and the height sent is the new one.
    this.announce(node, outcome, focus);
    this.emit(outcome ? "outcome" : "question", { node: current, answers: n });
    // Before the page is ready its steps are not all laid out yet: the
    // observer in frame() reports the first height.
    if (this.framed && this.root.classList.contains("dg-ready")) this.resized(true);
  };

  // One step shown at a time; in a large tree, the only one in the document.
  Guide.prototype.reveal = function (node) {
    var shown = this.shown;
    if (shown === node) return;
    if (shown && this.lazy) shown.remove();
    else if (shown) shown.hidden = true;
    if (this.lazy) this.slot.parentNode.insertBefore(node, this.slot.nextSibling);
    node.hidden = false;
    this.shown = node;
  };

  // The lines around the step: progress, the tree's summary, a notice, Back.
  Guide.prototype.status = function (node, outcome, n, notice) {
    var progress = this.$("[data-progress]"), box = this.$("[data-notice]"), left = (+node.getAttribute("data-remaining") || 0) - 1;
    progress.hidden = false;
    // No answers yet on an outcome: opened from the map (#n-), not reached.
    progress.textContent = outcome ? (n ? this.msg(n === 1 ? "result_one" : "result", { n: n }) : this.msg("possible_result")) :
      this.msg("question", { n: n + 1 }) + (left > 0 ? this.msg("more", { n: left }) : this.msg("last"));
    this.$(".dg-summary") && (this.$(".dg-summary").hidden = this.path.length > 0);
    box.hidden = !notice;
    box.textContent = notice;
    this.$("[data-action=back]").disabled = !n;
  };

  // Each link of the step carries the state it leads to. Hand-overs are
  // written before frameLinks(), which reads their new addresses.
  Guide.prototype.links = function (node, current) {
    var self = this;
    node.querySelectorAll("[data-answer]").forEach(function (a) {
      var path = self.path.concat([[current, a.getAttribute("data-answer")]]);
      if (self.target(a)) a.setAttribute("href", hashOf(path, self.prior));
      else self.handOver(a, path);
    });
    node.querySelectorAll("[data-link-tree]").forEach(function (a) { self.handOver(a, self.path); });
    if (this.framed) this.frameLinks(node);
  };

  // The answers so far: a trail under a question; in a result, its own list
  // with the reasons, its actions and the other profiles instead.
  Guide.prototype.trails = function (node, outcome, n) {
    this.renderTrail(this.$("[data-trail-list]"), false);
    this.$("[data-trail]").hidden = !n || outcome;
    if (this.$("[data-others]")) this.$("[data-others]").hidden = !outcome;
    if (outcome) {
      this.renderTrail(this.$("[data-result-list]", node), true);
      this.$("[data-result-answers]", node).hidden = !n;
      this.$("[data-result-actions]", node).hidden = false;
    }
  };

  // A screen reader hears the new step; the keyboard goes on from its
  // heading when the reader moved there, not on the page's first load.
  Guide.prototype.announce = function (node, outcome, focus) {
    var heading = this.$(".dg-title", node);
    this.$("[data-live]").textContent = (outcome ? this.msg("result_prefix") : "") + heading.textContent;
    if (focus) heading.focus();
  };

  // Documented events for an agency's own analytics: ids only, nothing typed
  // by the reader. In an iframe they also go to the host page, which cannot
  // listen inside a frame of another origin: ids only, so any origin may see them.
  Guide.prototype.emit = function (name, detail) {
    detail.tree = this.root.getAttribute("data-guide-tree");
    this.root.dispatchEvent(new CustomEvent("decision-guide:" + name, { bubbles: true, detail: detail }));
    if (this.framed) window.parent.postMessage({ type: "decision-guide:" + name, detail: detail }, "*");
  };

  // The embed page's links: a link that leaves the guide's embed pages (the
  // call to action, a source, another site) opens in the host's window
  // ("_top"), or a new tab when the host's address asks for it (?links=new);
  // hand-overs to other guides stay in the frame and keep that choice.
  Guide.prototype.frame = function () {
    var self = this, tab = new URLSearchParams(location.search).get("links") === "new";
    this.out = tab ? "_blank" : "_top";
    this.keep = tab ? "?links=new" : "";
    this.folder = new URL("../", location.href).href;
    this.frameLinks(this.root);
    new ResizeObserver(function () { self.resized(); }).observe(this.root);
  };

  Guide.prototype.frameLinks = function (within) {
    var self = this;
    within.querySelectorAll("a[href]").forEach(function (a) {
      var url = new URL(a.getAttribute("href"), location.href);
      if ((url.origin + url.pathname).indexOf(self.folder)) {
        a.target = a.target || self.out;
        if (self.keep) a.rel = "noopener";
      } else if (self.keep && url.pathname !== location.pathname) {
        url.search = self.keep;
        a.href = url.href;
      }
    });
  };

  // The guide's own height, not the document's: scrollHeight never drops
  // below the frame's, so a frame told it would never shrink after Start again.
  Guide.prototype.resized = function (always) {
    if (!document.contains(this.root)) return; // replaced by an instant navigation
    var box = this.root.closest(".md-content__inner") || this.root;
    var height = Math.ceil(box.getBoundingClientRect().bottom + scrollY + parseFloat(getComputedStyle(box).marginBottom));
    if (always || height !== this.height) window.parent.postMessage({ type: "decision-guide:resize", height: height }, "*");
    this.height = height;
  };

  // Every answer of the journey, earlier guides' first: [tree or "", node, answer].
  Guide.prototype.steps = function () {
    var out = [];
    this.prior.forEach(function (seg) { seg.path.forEach(function (p) { out.push([seg.tree, p[0], p[1]]); }); });
    this.path.forEach(function (p) { out.push(["", p[0], p[1]]); });
    return out;
  };

  Guide.prototype.renderTrail = function (list, withReasons) {
    var self = this, kept = 0, items = list.children, steps = this.steps();
    // Keep the items the path still starts with: each click then styles one
    // new item, not the whole trail again.
    while (kept < items.length && kept < steps.length &&
           items[kept].getAttribute("data-step") === steps[kept].join(":")) kept++;
    while (items.length > kept) list.removeChild(list.lastChild);
    steps.slice(kept).forEach(function (step) {
      var tree = step[0], earlier = tree && self.journey[tree].nodes[step[1]];
      var question = earlier ? earlier.q : self.$(".dg-title", self.node(step[1])).textContent;
      var li = document.createElement("li");
      li.setAttribute("data-step", step.join(":"));
      var q = document.createElement("span");
      var a = document.createElement("strong");
      q.textContent = question + " ";
      a.textContent = earlier ? earlier.a[step[2]][0] : self.answerOf(step[1], step[2]).textContent;
      li.append(q, a);
      var change = document.createElement("button");
      change.type = "button";
      change.className = "dg-change";
      change.setAttribute("data-change", step[1]);
      if (tree) change.setAttribute("data-change-tree", tree);
      change.textContent = self.msg("change");
      change.setAttribute("aria-label", self.msg("change_label", { question: question }));
      li.append(" ", change);
      var reason = withReasons && !tree &&
        self.node(step[1]).querySelector('[data-reason-for="' + CSS.escape(step[2]) + '"] .dg-reason');
      if (reason) li.appendChild(reason.cloneNode(true));
      list.appendChild(li);
    });
  };

  // A link to another guide carries the journey: the answers so far, this
  // guide's included, so the next page counts, lists and can undo them.
  Guide.prototype.handOver = function (a, path) {
    if (!a.hasAttribute("data-page")) a.setAttribute("data-page", a.getAttribute("href").split("#")[0]);
    var seg = { tree: this.root.getAttribute("data-guide-tree"), path: path };
    a.setAttribute("href", a.getAttribute("data-page") + hashOf([], path.length ? this.prior.concat([seg]) : this.prior));
  };

  // Leave for an earlier guide of the journey, at a given state.
  Guide.prototype.leave = function (k, path) {
    var seg = this.prior[k], page = this.journey[seg.tree].page || "./";
    location.assign(page + (this.keep || "") + (hashOf(path, this.prior.slice(0, k)) || "#a="));
  };

  Guide.prototype.onClick = function (ev) {
    var cta = ev.target.closest(".dg-cta a");
    // The call to action: which result led to it, never the answers.
    if (cta) return this.emit("cta", { node: cta.closest("[data-node]").getAttribute("data-node") });
    var el = ev.target.closest("[data-answer],[data-action],[data-change]");
    if (!el) return;
    var action = el.getAttribute("data-action");
    if (el.hasAttribute("data-answer")) {
      // No target here: a real link, to another guide, where the journey goes on.
      var from = el.closest("[data-node]").getAttribute("data-node"), answer = el.getAttribute("data-answer");
      var inPage = this.target(el);
      if (inPage) ev.preventDefault();
      // Before answer(): the answer is told before the step it leads to.
      this.emit("answer", { node: from, answer: answer, next: el.getAttribute("data-next"),
                            answers: count(this.prior) + this.path.length + 1 });
      if (inPage) this.answer(from, answer);
    } else if (el.hasAttribute("data-change-tree")) {
      for (var k = 0; k < this.prior.length; k++) {
        if (this.prior[k].tree !== el.getAttribute("data-change-tree")) continue;
        var i = this.prior[k].path.map(function (p) { return p[0]; }).indexOf(el.getAttribute("data-change"));
        if (i >= 0) return this.leave(k, this.prior[k].path.slice(0, i));
      }
    } else if (el.hasAttribute("data-change")) {
      var at = this.path.map(function (p) { return p[0]; }).indexOf(el.getAttribute("data-change"));
      if (at < 0) return;
      this.future = this.path.slice(at + 1);
      this.go(this.path.slice(0, at));
    } else if (action === "back") {
      // On the first step after a hand-over, Back is the question that handed over.
      if (!this.path.length && this.prior.length) {
        var last = this.prior.length - 1;
        return this.leave(last, this.prior[last].path.slice(0, -1));
      }
      this.go(this.path.slice(0, -1));
    } else if (action === "restart") {
      if (this.prior.length) return this.leave(0, []);
      this.go([]);
    } else if (action === "resume") {
      this.go(this.walk(parse(stored(this.key)) || []).path);
    } else if (action === "dismiss") {
      store(this.key, "");
      this.$("[data-resume]").hidden = true;
    } else if (action === "copy") {
      var done = this.$("[data-copied]", el.parentNode), url = location.href, self = this;
      (navigator.clipboard ? navigator.clipboard.writeText(url) : Promise.reject()).then(
        function () { done.textContent = self.msg("copied"); },
        function () { done.textContent = self.msg("copy_this", { url: url }); });
    } else if (action === "print") {
      window.print();
    }
  };

  // The printout is one page: the answers given are shown, and the date and
  // the address of the result are added under the verdict.
  Guide.prototype.beforePrint = function () {
    var node = this.shown, meta = node && this.$("[data-print-meta]", node);
    if (!meta) return;
    var date = new Date().toLocaleDateString(document.documentElement.lang || undefined,
                                             { year: "numeric", month: "long", day: "numeric" });
    meta.textContent = this.msg("printed_on", { date: date, url: location.href });
    var answers = this.$("[data-result-answers]", node);
    if (answers && !answers.open) { answers.open = true; this.closeAfterPrint = answers; }
  };

  Guide.prototype.afterPrint = function () {
    if (this.closeAfterPrint) this.closeAfterPrint.open = false;
    this.closeAfterPrint = null;
  };

  var guides = [];

  function init() {
    guides = [];
    document.querySelectorAll("[data-guide-tree]").forEach(function (root) {
      // document$ fires again on every instant navigation: set up once per element.
      try {
        if (!root.guide) root.guide = new Guide(root);
        guides.push(root.guide);
        root.guide.fromUrl(false);
      } finally {
        root.classList.add("dg-ready"); // whatever happens, never leave the steps hidden
      }
    });
    // For the line at the top of the page (generator/render/history.py): Back
    // and Forward within this page are ours, not the theme's navigation.
    window.decisionGuide = guides.length ? { page: location.pathname, follow: follow } : null;
  }

  // A Back to another hash of the same page fires no document$; a link or a
  // typed address with a new hash fires hashchange.
  function follow() {
    guides.forEach(function (g) { if (document.contains(g.root)) g.fromUrl(true); });
  }
  window.addEventListener("beforeprint", function () { guides.forEach(function (g) { g.beforePrint(); }); });
  window.addEventListener("afterprint", function () { guides.forEach(function (g) { g.afterPrint(); }); });
  window.addEventListener("popstate", follow);
  window.addEventListener("hashchange", follow);

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
