package emitter

import (
	"go/importer"
	"go/token"
	"go/types"
	"sync"
	"testing"
)

// stdImporter type-checks the standard library packages the generated
// code uses from source (no export data needed); shared, so each package
// is checked once per test binary. The source importer looks each package
// up on disk again on every call, which is most of a type-check of a small
// package: packages found are kept by path.
var stdImporter types.Importer = &cachedImporter{from: importer.ForCompiler(token.NewFileSet(), "source", nil).(types.ImporterFrom)}

type cachedImporter struct {
	from types.ImporterFrom
	mu   sync.Mutex
	pkgs map[string]*types.Package
}

func (c *cachedImporter) Import(path string) (*types.Package, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if p, ok := c.pkgs[path]; ok {
		return p, nil
	}
	p, err := c.from.ImportFrom(path, "", 0)
	if err != nil {
		return nil, err
	}
	if c.pkgs == nil {
		c.pkgs = map[string]*types.Package{}
	}
	c.pkgs[path] = p
	return p, nil
}

func importerFor(t *testing.T) types.Importer {
	t.Helper()
	return stdImporter
}
