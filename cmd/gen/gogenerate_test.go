package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The //go:generate line runs gen the way the module holding -out can:
// "go tool gen" where its go.mod has gen as a tool, else "go run" of gen's
// package, with a comment saying what that needs.
func TestGoGenerateLineFollowsTheModule(t *testing.T) {
	in, _ := copyDocsInput(t)
	for _, c := range []struct {
		name, gomod, want, note string
	}{
		{"tool", "module example.com/app\n\ngo 1.24\n\ntool github.com/docgen/graphgen/cmd/gen\n", "//go:generate go tool gen -in ", ""},
		{"tool block", "module example.com/app\n\ntool (\n\texample.com/other\n\tgithub.com/docgen/graphgen/cmd/gen // gen\n)\n", "//go:generate go tool gen -in ", ""},
		{"no tool", "module example.com/app\n\ngo 1.24\n", "//go:generate go run github.com/docgen/graphgen/cmd/gen -in ", "needs github.com/docgen/graphgen in the module's go.mod"},
	} {
		t.Run(c.name, func(t *testing.T) {
			mod := t.TempDir()
			writeFile(t, filepath.Join(mod, "go.mod"), c.gomod)
			out := filepath.Join(mod, "internal", "models")
			code, _, stderr := genOut(t, "-in", in, "-out", out, "-go-generate", "-no-cache")
			require.Equal(t, exitOK, code, stderr)
			doc, err := os.ReadFile(filepath.Join(out, "doc.go"))
			require.NoError(t, err)
			assert.Contains(t, string(doc), c.want)
			if c.note == "" {
				assert.NotContains(t, string(doc), "needs github.com")
			} else {
				assert.Contains(t, strings.Join(strings.Fields(strings.ReplaceAll(string(doc), "//", "")), " "), c.note)
			}
		})
	}
}
