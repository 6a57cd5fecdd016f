# The two commands: `make run` and `make test`. Both work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --quiet --disable-pip-version-check
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
# The whole dependency tree, hashes included: the runtime (the Dockerfile's) and the
# development one. `make lock` rebuilds both from pyproject.toml's pins.
LOCK := requirements.lock
DEV_LOCK := requirements-dev.lock
# For `make lock LOCK_FLAGS=--upgrade-package=NAME`: by default the locked versions stay.
LOCK_FLAGS ?=
COMPILE := $(VENV)/bin/uv pip compile pyproject.toml --quiet --generate-hashes --universal \
	--python-version 3.11 --custom-compile-command "make lock" $(LOCK_FLAGS)
# `make test-pg`: the suite on the local PostgreSQL (started, and the database created,
# when missing).
PG_HOST ?= 127.0.0.1
PG_PORT ?= 5432
PG_USER ?= postgres
PG_DB ?= newsannot

.PHONY: run test test-pg install browser lint lock check-lock migrate demo clean

run: install
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:8000/, with a job worker beside it (Ctrl+C stops both)"
	@# Jobs (uploads' imports, export files) queue in the database; the worker runs them and
	@# reloads on code changes, as runserver does. Both stop together.
	@DEBUG=true $(PY) manage.py db_worker & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT; \
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

test: install browser
	@set +e; \
	if [ -x $(CHROMIUM) ]; then $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	else echo "!! $(CHROMIUM) is missing and cannot be installed (not root): browser tests NOT run."; \
	  $(PY) -m pytest -m "not browser" $(PYTEST_ARGS); rc=$$?; fi; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here."; exit 1; fi; \
	exit $$rc

# The suite on PostgreSQL, as CI runs it: the PostgreSQL-only paths (COPY, the SQL-built
# export, statement-level triggers) run only there.
test-pg: install
	@command -v pg_isready >/dev/null || { echo "PostgreSQL is not installed (apt-get install postgresql)." >&2; exit 1; }
	@if ! pg_isready -q -h $(PG_HOST) -p $(PG_PORT); then \
	  echo "Starting the local PostgreSQL…"; \
	  pg_ctlcluster --skip-systemctl-redirect "$$(ls /etc/postgresql | sort -V | tail -n 1)" main start; \
	  for _ in $$(seq 30); do pg_isready -q -h $(PG_HOST) -p $(PG_PORT) && break; sleep 1; done; \
	fi
	@if ! psql -h $(PG_HOST) -p $(PG_PORT) -U $(PG_USER) -tAc "SELECT 1 FROM pg_database WHERE datname = '$(PG_DB)'" | grep -q 1; then \
	  createdb -h $(PG_HOST) -p $(PG_PORT) -U $(PG_USER) $(PG_DB); \
	fi
	DATABASE_URL=postgres://$(PG_USER)@$(PG_HOST):$(PG_PORT)/$(PG_DB) $(MAKE) --no-print-directory test

install: $(INSTALLED)

# Exactly the locked tree (pip refuses any file whose hash is not in the lock), then this
# project itself on top, without resolving anything again.
$(INSTALLED): pyproject.toml $(DEV_LOCK)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip
	$(PIP) install --require-hashes --no-deps -r $(DEV_LOCK)
	$(PIP) install --no-deps -e .
	touch $@

# After changing a pin in pyproject.toml. Needs PyPI; versions already locked stay unless
# pyproject.toml or LOCK_FLAGS asks otherwise.
lock: install
	$(COMPILE) --extra prod -o $(LOCK)
	$(COMPILE) --extra dev -o $(DEV_LOCK)

# The locks resolve again from pyproject.toml to the same versions (hashes aside: PyPI may
# add files to a release). Needs PyPI. tests/unit/test_lock.py checks the pins offline.
check-lock: install
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	for lock in $(LOCK):prod $(DEV_LOCK):dev; do \
	  file=$${lock%%:*}; cp $$file "$$tmp/$$file"; \
	  $(COMPILE) --extra $${lock##*:} -o "$$tmp/$$file"; \
	  if ! diff <(grep -E '^[A-Za-z0-9]' $$file) <(grep -E '^[A-Za-z0-9]' "$$tmp/$$file"); then \
	    echo "$$file is out of step with pyproject.toml: run make lock." >&2; exit 1; \
	  fi; \
	done; echo "$(LOCK) and $(DEV_LOCK) are in step with pyproject.toml."

# Debian's Chromium for the Playwright tests; Playwright never downloads a browser here.
browser:
	@if [ -x $(CHROMIUM) ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then \
	  echo "Installing Debian's chromium for the browser tests…"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	elif [ "$$CI" = true ]; then \
	  echo "CI=true and $(CHROMIUM) is missing: the browser tests cannot run." >&2; exit 1; \
	fi

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

clean:
	rm -rf $(VENV) staticfiles db.sqlite3 .pytest_cache .ruff_cache
