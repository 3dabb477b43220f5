# dochouse: the two commands a fresh Debian machine with the Swift toolchain needs.
#   make site   installs what is missing, builds dochouse, renders content/ into site/
#   make test   installs what is missing, runs the test suite
SWIFT ?= swift
CONFIG ?= release
BIN = $(shell $(SWIFT) build -c $(CONFIG) --show-bin-path 2>/dev/null)/dochouse

.PHONY: site test deps build check clean

deps:
	@scripts/ensure-deps

build: deps
	$(SWIFT) build -c $(CONFIG) --product dochouse

site: build
	$(BIN) build --content content --templates templates --out site

check: build
	$(BIN) check --content content

test: deps
	$(SWIFT) test

clean:
	rm -rf .build site .site.previous
