# `make build` and `make test` are the two commands the README opens with.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: build test test-fast setup lint docs vendor-oxigraph

$(BIN)/wmgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

tests/js/node_modules/n3: tests/js/package.json tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent
	touch $@

setup: $(BIN)/wmgraph tests/js/node_modules/n3

build: $(BIN)/wmgraph
	$(BIN)/wmgraph build

lint: setup
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/mypy

test: setup lint
	$(BIN)/wmgraph build --check
	$(BIN)/wmgraph vocabulary --check
	$(BIN)/pytest

# every test but the browser, store and slow ones (markers in pyproject.toml), on every core
test-fast: setup
	$(BIN)/pytest -n auto -m "not browser and not store and not slow"

# docs/commands.md is every command's --help (a test keeps it in step)
docs: $(BIN)/wmgraph
	$(BIN)/python -m wmgraph.cli.reference > docs/commands.md

# the page's query engine, fetched again from npm at its pinned version and checked against its digests
vendor-oxigraph:
	$(PYTHON) scripts/fetch_oxigraph.py
