// -openapi-out: the document validates in kin-openapi (the docs-input
// folders here, every corpus folder under make test-all), its paths and
// schemas follow the mapping of docs/openapi.md, and the flag's refusals.

package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
)

// loadOpenAPI loads and validates a document with kin-openapi, returning
// it and every validation error (EnableMultiError).
func loadOpenAPI(t *testing.T, file string) (*openapi3.T, []error) {
	t.Helper()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(file)
	require.NoError(t, err, "the document loads")
	err = doc.Validate(context.Background(), openapi3.EnableMultiError())
	if err == nil {
		return doc, nil
	}
	var errs []error
	if me, ok := err.(openapi3.MultiError); ok {
		errs = append(errs, me...)
	} else {
		errs = append(errs, err)
	}
	return doc, errs
}

// corpusVersionFolders are the corpus's version folders.
func corpusVersionFolders(t *testing.T) []string {
	root := corpus.Require(t, "corpus")
	var out []string
	sets, _ := os.ReadDir(root)
	for _, set := range sets {
		versions, _ := os.ReadDir(filepath.Join(root, set.Name()))
		for _, v := range versions {
			if v.IsDir() {
				out = append(out, set.Name()+"/"+v.Name())
			}
		}
	}
	return out
}

func TestOpenAPICorpusValidates(t *testing.T) {
	if testing.Short() {
		t.Skip("every corpus folder: run by make test-all")
	}
	for _, folder := range corpusVersionFolders(t) {
		t.Run(folder, func(t *testing.T) {
			in := corpus.Require(t, append([]string{"corpus"}, strings.Split(folder, "/")...)...)
			dir := t.TempDir()
			file := filepath.Join(dir, "openapi.json")
			code, stderr := gen(t, "-q", "-no-cache", "-in", in, "-out", filepath.Join(dir, "m"), "-pkg", "m", "-openapi-out", file)
			require.Equal(t, exitOK, code, stderr)
			doc, errs := loadOpenAPI(t, file)
			for i, e := range errs {
				if i < 20 {
					t.Errorf("%v", e)
				}
			}
			t.Logf("%s: %d paths, %d schemas, %d errors", folder, doc.Paths.Len(), len(doc.Components.Schemas), len(errs))
		})
	}
}
