# The project's front door: the same commands locally and in CI.
#   make serve   the site with live reload on http://127.0.0.1:8000
#   make test    the whole test suite
#   make build   strict build into site/
#   make check   validate all content

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
ADDRESS ?= 127.0.0.1:8000
# `mkdocs serve` builds into a temporary folder and deletes it on exit. In memory where the
# system has a memory-backed folder (Linux's /dev/shm), so that each rebuild's rewrite of every
# page never waits for the disk (docs/performance.md: about 0.9 s of a 2 s rebuild at 1,000 case
# studies on a virtual disk). scripts/bench.py serves the same way.
SERVE_TMPDIR ?= $(or $(shell test -d /dev/shm -a -w /dev/shm && echo /dev/shm),$(TMPDIR),/tmp)

# Material prints a banner about MkDocs 2.0, which this project does not use.
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build check case-study adoption-note lint test generate lock clean

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=/path/to/python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $(STAMP)

serve: $(STAMP)
	TMPDIR=$(SERVE_TMPDIR) $(BIN)/mkdocs serve --livereload --no-strict --dev-addr $(ADDRESS)

build: $(STAMP)
	$(BIN)/mkdocs build --strict

check: $(STAMP)
	$(BIN)/python scripts/validate.py

# Start a new case study or adoption note: asks for each field, never overwrites a file.
case-study: $(STAMP)
	$(BIN)/python scripts/new_case_study.py

adoption-note: $(STAMP)
	$(BIN)/python scripts/new_adoption.py

# The stages of hooks/hub import one way only, and never MkDocs (contracts in pyproject.toml);
# the Python is ruff-clean and ruff-formatted (settings in pyproject.toml; `ruff format` fixes layout).
lint: $(STAMP)
	PYTHONPATH=hooks $(BIN)/lint-imports --no-cache
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# The browser tests need Chromium, the HTML check Java and vnu.jar: the ensure scripts
# find or install them (or say how) and print only the path, which is all we read here.
test: lint
	@browser="$$($(BIN)/python scripts/ensure_browser.py)" && \
	vnu="$$($(BIN)/python scripts/ensure_vnu.py)" && \
	HUB_BROWSER="$$browser" HUB_VNU="$$vnu" $(BIN)/python -m pytest $(PYTEST_ARGS)

# Refresh the files derived from the contract: schema lists, issue form, CONTRIBUTING.md table.
generate: $(STAMP)
	$(BIN)/python scripts/generate.py

# Re-resolve requirements.in into exact pins in requirements.txt.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -m pip install --quiet -r requirements.in
	{ echo "# Exact versions of everything the build and tests use."; \
	  echo "# Generated from requirements.in by 'make lock'; edit that file, not this one."; \
	  .lock-venv/bin/python -m pip freeze --exclude pip; } > requirements.txt
	rm -rf .lock-venv

clean:
	rm -rf site $(VENV) .pytest_cache
