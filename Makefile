# The two commands of the README. Each installs what it needs, so they work
# on a fresh machine and in CI alike.
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml requirements.lock | cksum | cut -d' ' -f1)
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve test install build check tree paths lock chromium bench clean

PORT ?= 8000
serve: $(STAMP)  ## build every edition and serve it on http://127.0.0.1:$(PORT)/decision-guide/ (site_url's path), rebuilt as you edit
	$(VENV)/bin/guide serve --port $(PORT)

test: $(STAMP) chromium node_modules/.installed  ## run the whole test suite (unit, build, browser)
	$(PY) -m pytest -q

install: $(STAMP)  ## the virtualenv in .venv, from requirements.lock (hashes checked)

build: $(STAMP)
	$(VENV)/bin/guide build

check: $(STAMP)
	$(VENV)/bin/guide check

tree: $(STAMP)  ## write a new tree full of placeholders: make tree NAME=restaurants
	@test -n "$(NAME)" || { echo "usage: make tree NAME=the-new-tree-id" >&2; exit 2; }
	$(VENV)/bin/guide new tree $(NAME)

paths: $(STAMP)  ## rewrite rules/paths.txt after a routing change
	$(VENV)/bin/guide paths

bench: $(STAMP)
	$(PY) bench/bench_compile.py

# Every dependency comes from requirements.lock, checked against its hashes:
# a changed or tampered package fails the install.
$(STAMP): pyproject.toml requirements.lock
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --require-hashes -r requirements.lock
	$(PY) -m pip install -q --no-deps -e .
	rm -f $(VENV)/.installed-*
	touch $@

lock:  ## re-resolve requirements.lock from pyproject.toml, with hashes
	python3 -m venv /tmp/guide-pip-tools && /tmp/guide-pip-tools/bin/pip install -q pip-tools
	/tmp/guide-pip-tools/bin/pip-compile -q --generate-hashes --extra test --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml

# Browser tests drive Debian's Chromium; Playwright's own browser download
# cannot work on a machine that reaches only package registries.
chromium:
	@command -v chromium >/dev/null || { \
	  $(SUDO) apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium >/dev/null; }

# axe-core, injected into pages by the accessibility tests.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --silent
	touch $@

clean:
	rm -rf site .pytest_cache
