# bogo — the two commands: `make demo` and `make test` (they build the environment).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SAMPLES := $(wildcard ../shared/samples/real)
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bench lint docs clean env screenshots

$(STAMP): pyproject.toml
	@# Debian packages the tests use: a PostgreSQL server (store tests), Chromium (browser tests)
	@# and poppler-utils (pdftotext: the export variants of bench/layouts.py and its test)
	@missing=""; \
	  { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } || missing="$$missing postgresql"; \
	  command -v chromium >/dev/null 2>&1 || missing="$$missing chromium"; \
	  command -v pdftotext >/dev/null 2>&1 || missing="$$missing poppler-utils"; \
	  if [ -n "$$missing" ]; then echo "Debian 패키지 설치:$$missing"; \
	    $(SUDO) apt-get update -q >/dev/null && \
	    DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing >/dev/null; fi
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $(STAMP)

env: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/bogo demo examples
	$(VENV)/bin/bogo check examples/*.txt --fail-on never
	-$(VENV)/bin/bogo ingest examples $(SAMPLES) --db bogo.db
	$(VENV)/bin/bogo serve --db bogo.db --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(VENV)/bin/ruff check src tests bench tools
	$(PY) -m pytest -n 2 --dist loadgroup -p no:cacheprovider

bench: $(STAMP)
	$(PY) -m pip install -q -e '.[dev,bench]'
	$(PY) bench/parse.py
	-$(PY) bench/formats.py
	$(PY) bench/hwp.py
	-$(PY) bench/pdf.py
	-$(PY) bench/check.py
	-$(PY) bench/cli.py
	-$(PY) bench/mutate.py
	-$(PY) bench/layouts.py

docs: $(STAMP)
	$(PY) -m bogo.schema --write
	$(PY) -m bogo.checks.docs --write

screenshots: $(STAMP)
	@fc-list 2>/dev/null | grep -qi nanum || { $(SUDO) apt-get update -q >/dev/null && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q fonts-nanum >/dev/null; }
	$(PY) tools/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
