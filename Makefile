VENV ?= .venv
PY := $(VENV)/bin/python
STORE ?= ./data/store
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install install-dev run ingest test lint bench clean

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

install-dev: $(VENV)/.installed-dev

ingest: install
	@if [ ! -d "$(STORE)" ] || [ -z "$$(ls -A $(STORE) 2>/dev/null)" ]; then \
		$(VENV)/bin/veikart ingest corpus --store $(STORE); \
	else echo "store $(STORE) is not empty: skipping the corpus ingest"; fi

run: ingest
	$(VENV)/bin/veikart serve --store $(STORE) --host $(HOST) --port $(PORT)

lint: install-dev
	$(VENV)/bin/ruff check ontology ingest graph api tests bench
	$(VENV)/bin/mypy graph ontology

test: install-dev lint
	$(VENV)/bin/pytest -q

bench: install
	$(PY) bench/ingest_bench.py --sizes 10 100

clean:
	rm -rf $(VENV) data .pytest_cache .ruff_cache .mypy_cache
