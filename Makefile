# Two commands do all set-up on a fresh Debian machine: `make serve` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
CHROMIUM ?= /usr/bin/chromium
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test check lint chromium golden messages screenshots bench clean

serve: $(VENV)/.installed  ## install, then preview the example at http://127.0.0.1:8000
	$(BIN)/explainer serve -a 127.0.0.1:8000

build: $(VENV)/.installed  ## build the site into site/
	$(BIN)/mkdocs build --strict

check: $(VENV)/.installed  ## validate the content
	$(BIN)/explainer check

test: $(VENV)/.installed-test chromium  ## install what the tests need, then run them all
	$(BIN)/ruff check .
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .

golden: $(VENV)/.installed-test  ## rewrite the render goldens on purpose; review the diff by eye
	UPDATE_GOLDEN=1 $(BIN)/pytest tests/test_render_golden.py

bench: $(VENV)/.installed-test chromium  ## measure speed and weight at 10, 100 and 1,000 articles
	$(BIN)/python bench/run.py

messages: $(VENV)/.installed  ## extract the interface's words into generator/locale/ and update every catalog
	$(BIN)/python tools/messages.py

screenshots: $(VENV)/.installed-test chromium  ## photograph the example's reading page for the README
	$(BIN)/python tools/screenshots.py

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed

# Debian's Chromium drives the browser tests; Playwright never downloads a browser here.
chromium:
	@if [ -x "$(CHROMIUM)" ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then \
		echo "Installing Debian's chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else \
		echo "The browser tests need Chromium at $(CHROMIUM): run 'sudo apt-get install chromium'"; exit 1; \
	fi

clean:
	rm -rf site build *.egg-info .pytest_cache .ruff_cache
