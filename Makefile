# One entry point: `make run` sets up and serves the demo; `make test` runs the whole suite.
SHELL := /bin/bash
VENV ?= .venv
PY := $(VENV)/bin/python
STYRKORT := $(VENV)/bin/styrkort
FRONTEND := var/frontend
export STYRKORT_DEBUG ?= true

.PHONY: office-deps run setup deps assets messages demo serve test lint fmt ci browser-deps bench clean

run: setup demo serve

setup: deps assets messages .env
	@mkdir -p var
	$(STYRKORT) migrate --no-input -v0

# Debug on and a key of its own, so `.venv/bin/styrkort …` works in a new shell; never overwritten.
.env:
	@printf 'STYRKORT_DEBUG=true\nSTYRKORT_SECRET_KEY=%s\n' "$$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote .env (debug on, a generated secret key) for commands run in a new shell."

deps: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
	$(PY) -m pip install -q -e ".[dev]" 2>&1 | grep -v "is ignored" || true
	$(PY) -c "import django, openpyxl, playwright, xdist" && touch $@

assets: $(FRONTEND)/.installed
$(FRONTEND)/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	rm -rf $(FRONTEND) && mkdir -p $(FRONTEND)/ds $(FRONTEND)/htmx $(FRONTEND)/inter
	cp node_modules/@digdir/designsystemet-css/dist/src/index.css $(FRONTEND)/ds/index.css
	cp node_modules/@digdir/designsystemet-theme/brand/digdir.css $(FRONTEND)/ds/theme.css
	cp node_modules/htmx.org/dist/htmx.min.js $(FRONTEND)/htmx/htmx.min.js
	cp -r node_modules/@fontsource/inter/files $(FRONTEND)/inter/files
	cat node_modules/@fontsource/inter/{400,600,700}.css > $(FRONTEND)/inter/inter.css
	touch $@

messages: deps
	cd src/styrkort && ../../$(STYRKORT) compilemessages -v0

demo: setup
	$(STYRKORT) demo

# The background worker runs beside the web server (large imports wait for it) and stops with it.
serve:
	@echo "Styrkort serves the demo at http://127.0.0.1:8000 (Ctrl-C stops it)."
	$(STYRKORT) db_worker --no-reload --interval 1 & trap 'kill $$! 2>/dev/null' EXIT; $(STYRKORT) runserver 127.0.0.1:8000

# The whole suite: lint, then every test on SQLite and, when STYRKORT_TEST_POSTGRES_URL names a
# server (CI sets it), on PostgreSQL, each pass on all cores (tests/suite.sh). Browser tests need Chromium,
# the reports' tests LibreOffice: installed here when we are root on Debian.
test: setup browser-deps office-deps lint
	PYTEST=$(VENV)/bin/pytest bash tests/suite.sh

browser-deps:
	@if [ ! -x "$${STYRKORT_CHROMIUM:-/usr/bin/chromium}" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null; \
	  else echo "Chromium is missing: install Debian's chromium (apt-get install chromium) for the browser tests."; fi; fi

office-deps:
	@if ! command -v soffice >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui libreoffice-calc-nogui >/dev/null; \
	  else echo "LibreOffice is missing: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui for the reports' tests."; fi; fi

lint: deps
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: deps
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: setup
	$(PY) bench/pages.py
	$(PY) bench/reports.py

clean:
	rm -rf $(VENV) node_modules var
