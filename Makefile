# Each target makes its own virtual environment on first use, so the README's two
# commands work on a fresh clone of a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: check test bench clean

# nianbao itself (the TUI and every report format come with it) and the test tooling.
# The install is editable, so tests run the working tree; setuptools says so in an
# "Editable installation" notice on stderr, which is left out here: it is about the
# kind of install, not a problem.
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	PYTHONWARNINGS="ignore:Editable installation" $(BIN)/pip install --quiet -e ".[test]"
	touch $(STAMP)

# The main job on the bundled samples: every violation, then the summary, which ends
# with the reports, the worst first. Exit status 1 only means "violations found".
check: $(STAMP)
	$(BIN)/nianbao check --summary samples/ || [ $$? -eq 1 ]

# Spread over the machine's cores (pytest-xdist): on a 2-core machine, about half the time.
test: $(STAMP)
	$(BIN)/python -m pytest -q -n auto

bench: $(STAMP)
	$(BIN)/python scripts/bench

clean:
	rm -rf $(VENV) build *.egg-info
