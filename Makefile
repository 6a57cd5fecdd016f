# The two commands: `make run` and `make test`. Both work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium

.PHONY: run test install browser lint migrate demo clean

run: install
	DEBUG=true $(PY) manage.py migrate --no-input
	DEBUG=true $(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:8000/ (Ctrl+C stops)"
	DEBUG=true $(PY) manage.py runserver 127.0.0.1:8000

test: install browser
	@set +e; \
	if [ -x $(CHROMIUM) ]; then $(PY) -m pytest $(PYTEST_ARGS); rc=$$?; \
	else echo "!! $(CHROMIUM) is missing and cannot be installed (not root): browser tests NOT run."; \
	  $(PY) -m pytest -m "not browser" $(PYTEST_ARGS); rc=$$?; fi; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: that is a failure here."; exit 1; fi; \
	exit $$rc

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check --upgrade pip
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $@

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
