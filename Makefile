# The two commands at the top of the README: `make demo` and `make test`.
# Both build a virtual environment in .venv from pyproject.toml on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: demo test lint bench clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "claimwatch needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	@# setuptools reports every editable install with an information-only warning; nothing to act on
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/pip install --quiet -e '.[test,dev]'
	@touch $(STAMP)

demo: $(STAMP)
	rm -f demo.db demo-alerts.jsonl
	$(BIN)/claimwatch replay examples/ --db sqlite:///demo.db --alerts-out demo-alerts.jsonl --until +48h

test: $(STAMP)
	$(BIN)/python -m pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

clean:
	rm -rf $(VENV) demo.db demo-alerts.jsonl
