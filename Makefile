# The two set-up commands are `make generate` and `make test`.
GO       ?= go
GOTEST   ?= $(GO) test -count=1 -timeout 20m

.PHONY: help generate test fidelity
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

generate: ## regenerate generated/ from docs-input/
	$(GO) run ./cmd/gen -in docs-input -out generated -pkg generated

test: ## run every test (corpus tests skip where ../shared is absent)
	$(GOTEST) ./...

fidelity: ## measure the schema against ../shared/oracle and print the misses by cause
	$(GO) test -count=1 -run TestFidelity -v ./schema
