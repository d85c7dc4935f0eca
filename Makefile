# Two entry points (see README): `make demo` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: demo test install install-dev lint browser

$(PY):
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(PIP) install -q --upgrade pip

install: $(PY)
	# torch first and pinned: an unpinned torch pulls a multi-GB CUDA build
	$(PIP) install -q torch==2.13.0
	$(PIP) install -q -e .

install-dev: install
	$(PIP) install -q -e '.[dev]'

demo: install
	mkdir -p out
	$(VENV)/bin/dechiffre extract corpus/sample/articles.jsonl -o out/sample.jsonl --table

browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null) || echo "chromium not installed: the HTML report browser test will skip"; }

test: install-dev browser
	$(VENV)/bin/ruff check pipeline evaluation tests
	$(VENV)/bin/mypy
	$(PY) -m pytest -q
