# Two commands matter: `make demo` and `make test`. Both create .venv and install the
# pinned dependencies from requirements/*.lock; nothing else needs to be installed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The suite runs on every core (pytest-xdist); `make test PYTEST_ARGS="-n 0 -x"` runs it in one process.
PYTEST_ARGS ?= -n auto

.PHONY: demo serve test lint fix typecheck imports migrations-check check install install-dev \
        translations messages lock clean

demo: install translations
	$(BIN)/aftersail demo

serve: install translations
	$(BIN)/aftersail serve

test: install-dev translations
	$(BIN)/pytest $(PYTEST_ARGS)

# ruff, mypy, the import contracts and the migrations check: what .ci/run runs after the
# test suites.
check: lint typecheck imports migrations-check

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

fix: install-dev
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: install-dev
	$(BIN)/mypy

# The layers, the doors between apps and no import circles (.importlinter, docs/architecture.md).
imports: install-dev
	$(BIN)/lint-imports --no-cache

migrations-check: install-dev
	$(BIN)/aftersail makemigrations --check --dry-run

install: $(VENV)/.base-installed
install-dev: $(VENV)/.dev-installed

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.base-installed: requirements/base.lock pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements/base.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps \
		--no-build-isolation -e .
	touch $@

$(VENV)/.dev-installed: requirements/dev.lock $(VENV)/.base-installed
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes \
		-r requirements/base.lock -r requirements/dev.lock
	touch $@

# Compiles every aftersail/*/locale/*/LC_MESSAGES/django.po into its .mo (pure Python,
# no gettext needed); cheap enough to run on every start.
translations: install
	$(BIN)/python -m aftersail.core.i18n_compile

# Re-extracts the messages of every app that has a locale/ folder (needs GNU gettext).
messages: install
	$(BIN)/python -m aftersail.core.i18n_extract

# Re-pins requirements/*.lock from requirements/*.in (needs network access to PyPI).
lock: install
	$(BIN)/python -m pip install --quiet uv
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		requirements/base.in -o requirements/base.lock
	$(BIN)/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		requirements/dev.in -o requirements/dev.lock

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
