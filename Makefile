# Two entry points (see README): `make demo` and `make test`.
PYTHON ?= python3.11
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip

.PHONY: demo test install install-dev lint browser typecheck

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

# mypy cannot follow setuptools' package-dir mapping: give it the installed layout as links.
typecheck:
	rm -rf build/typecheck && mkdir -p build/typecheck/dechiffre
	for d in pipeline evaluation models; do ln -s ../../../$$d build/typecheck/dechiffre/$$d; done
	ln -s ../../../dechiffre/__init__.py ../../../dechiffre/py.typed build/typecheck/dechiffre/
	$(VENV)/bin/mypy

test: install-dev browser
	$(VENV)/bin/ruff check dechiffre pipeline evaluation models tests benchmarks corpus
	$(MAKE) typecheck
	$(PY) -m pytest -q
