# bordersim developer tasks. Everything runs inside a local .venv.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# Only lint folders that exist (benchmarks/ may not be there yet).
LINT_PATHS := $(wildcard sim tests benchmarks)

.PHONY: venv demo test lint bench notebooks docs-figures clean

venv: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' || { \
		echo "error: bordersim needs Python >= 3.11, but '$(PYTHON)' is $$($(PYTHON) --version 2>&1)." >&2; \
		echo "       Re-run with e.g.: make PYTHON=python3.11 venv" >&2; \
		exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev,dashboard,zh]'
	@touch $(STAMP)

# The main job: the bundled default scenario, baseline against two reforms at the sea port,
# over 56 observed days (after the scenario's 14-day warm-up): over the scenario's own 28 the sea
# port's exam-yard queues are still growing (bursty vessel calls) in some replications and
# every row would be flagged not steady-state.
DEMO_OPTIONS := --option sea_scanner:ports.sea_port.scan.scanners.capacity=4 \
                --option ai_clear_90:ports.sea_port.scan.image_review.ai_clear=0.9
# The table printed keeps ten rows a newcomer can read on one screen: clearance, then
# enforcement, then cost, then the two sea-port lanes the reforms act on. Every metric is
# still in the results folder and its report.html.
DEMO_SHOW := clearance_h_mean_import,clearance_h_mean_export,$\
             clearance_h_mean_port_sea_port_import,overall_clearance_h_mean_port_sea_port_import,$\
             inspection_rate,detection_rate,value_slipped,$\
             total_cost_per_consignment_port_sea_port_import,$\
             utilisation_sea_port_scanners,utilisation_sea_port_image_officers

demo: venv
	$(BIN)/bordersim compare $(DEMO_OPTIONS) --reps 5 --days 56 --executor processes \
		--show $(DEMO_SHOW) --only

# The 40 slowest tests are listed at the end, so that CI shows where the suite's time goes.
# Compiled modules are kept (in __pycache__, ignored by git) even where the environment says
# not to write them: the test subprocesses and the second worker then read the package and
# the rewritten tests instead of compiling them again.
test: venv
	PYTHONDONTWRITEBYTECODE= $(BIN)/python -m pytest -n 2 --durations=40

lint: venv
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/mypy

# `make bench BASELINE=<revision>` also times the scenario with the package as it was at that
# revision (which must be able to load the scenario: pass SCENARIO= an older file if needed).
BASELINE ?=
SCENARIO ?=

bench: venv
	$(BIN)/python benchmarks/bench_flow.py $(if $(BASELINE),--baseline $(BASELINE)) $(if $(SCENARIO),--scenario $(SCENARIO))

# The notebooks executed and rendered to HTML in build/notebooks (QUICK=1: short runs).
QUICK ?=

notebooks: venv
	BORDERSIM_QUICK=$(QUICK) $(BIN)/jupyter-nbconvert --to html --execute \
		--output-dir build/notebooks notebooks/*.ipynb

# Re-run the commands behind the docs pages' marked tables of figures and say which figures
# moved (docs/README.md): on demand, before a release; never in the test suite (full runs).
# PAGES= one page or several; by default every page with a figures marker.
PAGES ?= $(shell grep -l '<!-- figures:' docs/*.md)

docs-figures: venv
	@status=0; for page in $(PAGES); do \
		echo "== $$page"; $(BIN)/python -m sim.docs_figures $$page || status=1; \
	done; exit $$status

clean:
	rm -rf $(VENV) build dist *.egg-info sim/*.egg-info .pytest_cache .ruff_cache .hypothesis
	find . -name __pycache__ -type d -prune -not -path './.git/*' -exec rm -rf {} +
