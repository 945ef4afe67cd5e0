# Waymark: `make guides` builds every guide into Output/; `make test` runs every test.
# Both install what is missing first (Debian packages, and Python tools for the checks).

SHELL := /bin/bash
SWIFT ?= swift
APT_PACKAGES := libxml2-dev libzip-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
WAYMARK := .build/debug/waymark

.PHONY: guides test deps build unit lint clean help

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

test: lint unit

clean:
	rm -rf .build Output/*/
