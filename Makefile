# Two commands do all the set-up: `make run` and `make test`. Both create .venv when it is missing.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run worker test install install-test bench bench-jobs soak eval clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	HOST=$(HOST) PORT=$(PORT) $(BIN)/python -m service serve

worker: install  # one more RQ worker on REDIS_URL (make run already starts one)
	$(BIN)/python -m service worker

test: install-test  # the browser tests need Chromium: tools/ensure-browser installs it or says how
	bash tools/ensure-browser
	$(BIN)/python -m pytest

eval: install
	$(BIN)/python -m service.eval

bench: install-test
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	$(BIN)/python bench/run.py

bench-jobs: install-test  # event grouping of 1,000 and 5,000 articles with 1 and 2 workers; a 200-article job
	$(BIN)/python bench/jobs.py

soak: install
	$(BIN)/python bench/soak.py --seconds 180

clean:
	rm -rf $(VENV) var .pytest_cache .hypothesis
