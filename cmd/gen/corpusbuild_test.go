package main

// The corpus packages the go-tool tests share: each corpus folder is
// generated once per test process into a fixed folder and built and vetted
// once, so the build cache hits from one run to the next (a fresh folder
// per test never hits: the source paths are part of the compiler's
// inputs). TestCorpusFoldersBuild, TestCorpusRoundTrip and
// TestContractExamples use them.

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

// corpusBuild is one corpus folder's package, generated and built.
type corpusBuild struct {
	mod    string // the module: go.mod, models/ (the package), schema.json
	stderr string // what gen printed
	failed string // why it could not be made; "" when it was
}

var (
	corpusBuildsMu sync.Mutex
	corpusBuilds   = map[string]*corpusBuild{}
)

// withClient: the client is generated for the v1.0 version folders only:
// a beta package with it takes 2.5 GB and over a minute of CPU to build
// (BENCHMARKS.md), too much for CI; the beta ones were built by hand.
func withClient(folder string) bool {
	return !strings.HasSuffix(folder, "/resources") && strings.HasSuffix(folder, "/v1.0")
}

// corpusModule generates a corpus folder (corpus-relative, such as
// en-2020-05/v1.0) into its fixed module folder, the first time a test of
// this process asks, and builds and vets it; it returns the module's
// folder and gen's stderr. A test may add files of its own beside the
// package (a main package, an external test file): the next process
// starts the folder afresh.
func corpusModule(t *testing.T, folder string) (mod, stderr string) {
	t.Helper()
	skipGoTool(t)
	in := corpus.Require(t, append([]string{"corpus"}, strings.Split(folder, "/")...)...)
	corpusBuildsMu.Lock()
	defer corpusBuildsMu.Unlock()
	b := corpusBuilds[folder]
	if b == nil {
		b = &corpusBuild{mod: filepath.Join(os.TempDir(), "graphgen-corpus-build", strings.ReplaceAll(folder, "/", "_"))}
		corpusBuilds[folder] = b
		b.failed = b.make(t, in, withClient(folder))
	}
	require.Empty(t, b.failed, "%s: %s", folder, b.failed)
	return b.mod, b.stderr
}

// make generates and builds; it returns why it failed, or "".
func (b *corpusBuild) make(t *testing.T, in string, client bool) string {
	if err := os.RemoveAll(b.mod); err != nil {
		return err.Error()
	}
	if err := os.MkdirAll(b.mod, 0o755); err != nil {
		return err.Error()
	}
	goVersion := "1.22"
	args := []string{"-in", in, "-out", filepath.Join(b.mod, "models"), "-schema-out", filepath.Join(b.mod, "schema.json")}
	if client {
		args = append(args, "-client")
		goVersion = "1.23" // the client's iterators
	}
	if err := os.WriteFile(filepath.Join(b.mod, "go.mod"), []byte("module gencheck\n\ngo "+goVersion+"\n"), 0o644); err != nil {
		return err.Error()
	}
	code, stderr := gen(t, args...)
	b.stderr = stderr
	if code != exitOK {
		return "gen exited " + lastLines(stderr, 20)
	}
	for _, a := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		if out, err := goInModule(t, b.mod, a...); err != nil {
			return "go " + strings.Join(a, " ") + ": " + err.Error() + "\n" + out
		}
	}
	return ""
}
