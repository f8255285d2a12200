# The two set-up commands are `make generate` and `make test`.
GO       ?= go
GOTEST   ?= $(GO) test -count=1 -timeout 20m

.PHONY: help generate test
help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/' | expand -t 12

generate: ## regenerate generated/ from docs-input/
	$(GO) run ./cmd/gen -in docs-input -out generated -pkg generated

test: ## run every test (corpus tests skip where ../shared is absent)
	$(GOTEST) ./...
