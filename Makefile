VENV ?= .venv
PY := $(VENV)/bin/python
STORE ?= ./data/store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev web browser wrk run ingest test lint eval bench screenshots clean

$(VENV)/bin/activate:
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(VENV)/bin/activate pyproject.toml
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

web/node_modules/.package-lock.json: web/package.json web/package-lock.json
	npm ci --prefix web --no-audit --no-fund --silent

api/web/vendor: web/node_modules/.package-lock.json web/vendor.py
	python3 web/vendor.py
	touch $@

web: api/web/vendor

browser:
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; }

install-dev: $(VENV)/.installed-dev

ingest: install
	@if [ ! -d "$(STORE)" ] || [ -z "$$(ls -A $(STORE) 2>/dev/null)" ]; then \
		$(VENV)/bin/veikart ingest corpus --store $(STORE); \
	else echo "store $(STORE) is not empty: skipping the corpus ingest"; fi

run: ingest web
	$(VENV)/bin/veikart serve --store $(STORE) --host $(HOST) --port $(PORT)

lint: install-dev
	$(VENV)/bin/ruff check ontology ingest graph api tests bench eval testkit web/vendor.py setup.py
	$(VENV)/bin/mypy --strict graph ontology
	$(VENV)/bin/mypy api ingest

eval: install
	$(PY) eval/run.py --details

test: install-dev web browser lint
	$(VENV)/bin/pytest -q

screenshots: install-dev web browser
	$(VENV)/bin/pytest -q tests/web -k embedded --screenshots docs/screenshots

wrk:
	@command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }

bench: install-dev wrk
	$(PY) bench/run_all.py

clean:
	rm -rf $(VENV) data web/node_modules .pytest_cache .ruff_cache .mypy_cache
