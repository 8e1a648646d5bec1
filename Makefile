# Two commands do the whole set-up on a fresh Debian machine with Python 3.11:
#   make build   bootstrap, then build every brief in content/ into output/
#   make test    bootstrap, then lint, type-check and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# axe-core, for the web edition's accessibility tests in Chromium (tests/web/)
AXE_VERSION := 4.14.1
AXE := $(VENV)/axe/node_modules/axe-core/axe.min.js

.PHONY: build test bench bootstrap test-tools system-deps lint clean

build: bootstrap
	$(BIN)/briefbuilder build content --out output

test: bootstrap test-tools lint
	$(BIN)/python -m pytest -q

lint: bootstrap
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy src

bench: bootstrap
	$(BIN)/python bench/run.py

bootstrap: system-deps $(STAMP)

# What only the tests need: LibreOffice (reviewed drafts), Chromium and axe-core (web pages).
test-tools: $(AXE)
	@sh scripts/system-deps.sh test

system-deps:
	@sh scripts/system-deps.sh

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

$(AXE):
	@sh scripts/system-deps.sh test
	npm install --silent --no-audit --no-fund --prefix $(VENV)/axe axe-core@$(AXE_VERSION)

clean:
	rm -rf $(VENV) output .pytest_cache .mypy_cache .ruff_cache
