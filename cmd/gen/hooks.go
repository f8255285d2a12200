// The run's surroundings, passed in rather than held in package variables
// (sqlc's MutateConfig): where the cache lives, and the stages and signals
// a test replaces. main runs with defaultHooks; each test with its own
// (testHooks), so tests that replace a stage run in parallel, and no test
// touches the user's cache.

package main

import (
	"os"
	"os/signal"
	"syscall"

	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/emitter/openapi"
	"github.com/docgen/graphgen/internal/cache"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

type hooks struct {
	cacheDir string // the cache folder (cache.DefaultDir); "" for none
	// The stages after parsing.
	resolve func([]*parser.Page, schema.Options) *schema.Schema
	render  func(*schema.Schema, emitter.Options) ([]emitter.File, error)
	openapi func(o options, s, whole *schema.Schema) ([]byte, openapi.Report, error)
	write   func(dir string, files []emitter.File) (emitter.WriteResult, error)
	// readPage reads a page found under -in.
	readPage func(path string) ([]byte, error)
	// watchSignals delivers the interrupt that stops -watch, and a
	// function that stops delivering it.
	watchSignals func() (<-chan os.Signal, func())
	// watchRan, when set, is called after each run of -watch.
	watchRan func()
}

// defaultHooks is the command as the user runs it.
func defaultHooks() hooks {
	return hooks{
		cacheDir:     cache.DefaultDir(),
		resolve:      schema.ResolveWith,
		render:       emitter.Render,
		openapi:      renderOpenAPI,
		write:        emitter.Write,
		readPage:     readPageFile,
		watchSignals: interruptSignals,
	}
}

// interruptSignals delivers an interrupt or SIGTERM.
func interruptSignals() (<-chan os.Signal, func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM)
	return ch, func() { signal.Stop(ch) }
}
