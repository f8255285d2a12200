# The two set-up commands are `make generate` and `make test`.
GO       ?= go
GOTEST   ?= $(GO) test -count=1 -timeout 20m
GEN      := $(GO) run ./cmd/gen -in docs-input -out generated -pkg generated -go-generate -client
FUZZTIME ?= 30s

.PHONY: help generate check test test-all fidelity bench bench-codec bench-sdk fuzz lint install snapshot-record snapshot-compare

SNAPSHOT ?= /tmp/graphgen-snapshot

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

generate: ## regenerate generated/ from docs-input/
	$(GEN)

check: ## fail when generated/ is not what docs-input/ generates (writes nothing)
	$(GEN) -check

test: ## the fast tests (-short): everything but building packages with the go tool and the corpus-wide checks
	$(GOTEST) -short ./...

test-all: ## every test: also builds, vets and runs generated packages (corpus ones too) and the fidelity floors
	$(GOTEST) ./...

fidelity: ## measure the schema against ../shared/oracle, and a held-out language, and print the misses by cause
	$(GO) test -count=1 -run 'TestFidelity|TestHeldOut' -v ./schema

bench: ## run the benchmarks and the end-to-end timing script (see BENCHMARKS.md)
	$(GO) test -run '^$$' -bench . -benchmem ./...
	./scripts/bench.sh
	./scripts/codecbench/bench.sh

bench-codec: ## the generated package's codec against encoding/json (and the SDK with CODEC_SDK=1); see BENCHMARKS.md
	./scripts/codecbench/bench.sh

bench-sdk: ## build one program with the generated client and with msgraph-sdk-go, cold: build CPU, memory, binary size (minutes, 5 GB)
	./scripts/sdkbench/bench.sh

fuzz: ## run each fuzz target for FUZZTIME (default 30s)
	./scripts/fuzz.sh $(FUZZTIME)

lint: ## gofmt -l and go vet; fails on findings
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt -l:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

snapshot-record: ## record every corpus folder's schema JSON and package in SNAPSHOT (before a refactor)
	./scripts/snapshot.sh record $(SNAPSHOT)

snapshot-compare: ## fail when a corpus folder's schema JSON or package differs from SNAPSHOT
	./scripts/snapshot.sh compare $(SNAPSHOT)

install: ## install gen into GOBIN
	$(GO) install ./cmd/gen
