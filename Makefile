# Each target makes its own virtual environment on first use, so the README's two
# commands work on a fresh clone of a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: check test bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test,tui,office]"
	touch $(STAMP)

# The main job on the bundled samples. Exit status 1 only means "violations found".
check: $(STAMP)
	$(BIN)/nianbao check samples/ || [ $$? -eq 1 ]

test: $(STAMP)
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python scripts/bench

clean:
	rm -rf $(VENV) build *.egg-info
