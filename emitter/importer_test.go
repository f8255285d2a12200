package emitter

import (
	"go/importer"
	"go/token"
	"go/types"
	"testing"
)

// stdImporter type-checks the standard library packages the generated
// code uses from source (no export data needed); shared, so each package
// is checked once per test binary.
var stdImporter = importer.ForCompiler(token.NewFileSet(), "source", nil)

func importerFor(t *testing.T) types.Importer {
	t.Helper()
	return stdImporter
}
