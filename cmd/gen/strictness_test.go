package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/emitter"
	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/schema"
)

// oddPage makes an unknown-type warning on top of docs-input's own.
const oddPage = "# odd resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|[nowhere](nowhere.md)|x|\n"

func codesIn(stderr string) map[string]int {
	out := map[string]int{}
	for _, l := range strings.Split(stderr, "\n") {
		if m := diagLine.FindStringSubmatch(l); m != nil {
			out[strings.SplitN(strings.SplitN(l, ": "+m[2]+": ", 2)[1], ":", 2)[0]]++
		}
	}
	return out
}

func TestIgnore(t *testing.T) {
	in, out := copyDocsInput(t)
	writeFile(t, filepath.Join(in, "odd.md"), oddPage)
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	seen := codesIn(stderr)
	require.Positive(t, seen["unknown-type"], stderr)
	require.Positive(t, seen["member-name-from-property"], stderr)

	t.Run("strict fails on the warnings", func(t *testing.T) {
		code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-strict")
		assert.Equal(t, exitError, code)
		assert.Contains(t, stderr, "error: unknown-type:")
	})
	t.Run("ignored warnings are left out, also under -strict", func(t *testing.T) {
		var list []string
		for c := range seen {
			list = append(list, c)
		}
		code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-strict", "-ignore", strings.Join(list, ","))
		assert.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stderr, "; 0 errors, 0 warnings")
	})
	t.Run("only the named codes", func(t *testing.T) {
		code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-ignore", "unknown-type")
		assert.Equal(t, exitOK, code)
		got := codesIn(stderr)
		assert.Zero(t, got["unknown-type"])
		assert.Equal(t, seen["member-name-from-property"], got["member-name-from-property"])
	})
	t.Run("an unknown code is bad usage and lists the codes", func(t *testing.T) {
		code, _, stderr := genOut(t, "-in", in, "-out", out, "-ignore", "unknown-type,no-such-code")
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, stderr, `unknown code "no-such-code"`)
		assert.Contains(t, stderr, "no-type, ")
		assert.Contains(t, stderr, "unknown-type")
	})
	t.Run("errors cannot be ignored", func(t *testing.T) {
		code, _, stderr := genOut(t, "-in", in, "-out", out, "-ignore", "nothing-to-generate")
		assert.Equal(t, exitUsage, code)
		assert.Contains(t, stderr, `"nothing-to-generate" is an error code, and errors cannot be ignored`)
	})
	t.Run("validate takes -ignore too and shows page warnings", func(t *testing.T) {
		code, _, stderr := genOut(t, "validate", "-in", in)
		assert.Equal(t, exitOK, code, stderr)
		assert.Contains(t, stderr, "warning: unknown-type:")
		code, _, stderr = genOut(t, "validate", "-in", in, "-ignore", "unknown-type")
		assert.Equal(t, exitOK, code, stderr)
		assert.NotContains(t, stderr, "unknown-type")
	})
}

func TestExclude(t *testing.T) {
	in, out := copyDocsInput(t)
	writeFile(t, filepath.Join(in, "odd.md"), oddPage)
	writeFile(t, filepath.Join(in, "drafts", "draft-thing.md"), strings.Replace(oddPage, "odd", "draftThing", 1))
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-exclude", "odd.md,drafts")
	require.Equal(t, exitOK, code, stderr)
	assert.NotContains(t, stderr, "odd.md", "both pages with the unknown type are skipped")
	assert.NotContains(t, stderr, "draft")
	assert.Contains(t, stderr, "gen: 14 pages,")
	assert.NoFileExists(t, filepath.Join(out, "odd.go"))
	assert.NoFileExists(t, filepath.Join(out, "draft_thing.go"))

	// A file-name pattern matches at any depth; a path pattern from -in.
	code, _, stderr = genOut(t, "-in", in, "-out", out, "-no-cache", "-exclude", "draft-*.md")
	require.Equal(t, exitOK, code, stderr)
	assert.FileExists(t, filepath.Join(out, "odd.go"))
	assert.NoFileExists(t, filepath.Join(out, "draft_thing.go"))
	code, _, stderr = genOut(t, "-in", in, "-out", out, "-no-cache", "-exclude", "drafts/*.md,o*")
	require.Equal(t, exitOK, code, stderr)
	assert.NoFileExists(t, filepath.Join(out, "odd.go"))
	assert.NoFileExists(t, filepath.Join(out, "draft_thing.go"))

	code, _, stderr = genOut(t, "-in", in, "-out", out, "-exclude", "[")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `-exclude pattern "["`)

	code, _, stderr = genOut(t, "-h")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stderr, "path.Match")
}

func TestPagesThatAreNotReferencePages(t *testing.T) {
	in, out := copyDocsInput(t)
	for _, dt := range []string{"conceptualPageType", `"apiPageType"`} {
		writeFile(t, filepath.Join(in, strings.Trim(dt, `"`)+".md"), "---\ntitle: About\ndoc_type: "+dt+"\n---\n# About the API\n\nProse only.\n")
	}
	writeFile(t, filepath.Join(in, "plain.md"), "# About the API\n\nProse only.\n")
	t.Chdir(filepath.Dir(out))
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 1, codesIn(stderr)["no-type"], stderr)
	assertLine(t, stderr, "docs-input/resources/plain.md:1:1: warning: no-type:")
}

func TestFolderHint(t *testing.T) {
	root := t.TempDir()
	require.NoError(t, os.CopyFS(filepath.Join(root, "v1.0", "resources"), os.DirFS(repoPath("docs-input", "resources"))))
	for i := range 20 {
		writeFile(t, filepath.Join(root, "v1.0", "api", "op"+string(rune('a'+i))+".md"), "# Get thing\n\nAn operation.\n")
	}
	out := filepath.Join(t.TempDir(), "models")
	code, _, stderr := genOut(t, "-in", root, "-out", out, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	assert.Equal(t, 1, codesIn(stderr)["folder-hint"], stderr)
	assert.Contains(t, stderr, "gen: warning: folder-hint: 20 of 34 pages under "+root+" describe no type; 14 of the 14 that do are under v1.0/resources/: did you mean -in "+filepath.Join(root, "v1.0", "resources")+"?")

	code, _, stderr = genOut(t, "-in", filepath.Join(root, "v1.0", "resources"), "-out", out, "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	assert.Zero(t, codesIn(stderr)["folder-hint"], "the right folder gets no hint")
}

func TestTypesHint(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-types", "loan")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, `gen: error: types: -types pattern "loan" matches no type; did you mean microsoft.graph.lending.loan?`)
	code, _, stderr = genOut(t, "-in", in, "-out", out, "-types", "microsoft.graph.membr")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stderr, "did you mean microsoft.graph.member?")
}

func TestOutDotTakesTheFolderName(t *testing.T) {
	in, out := copyDocsInput(t)
	require.NoError(t, os.MkdirAll(out, 0o755))
	t.Chdir(out)
	code, _, stderr := genOut(t, "-in", in, "-out", ".", "-no-cache")
	require.Equal(t, exitOK, code, stderr)
	b, err := os.ReadFile(filepath.Join(out, "doc.go"))
	require.NoError(t, err)
	assert.Contains(t, string(b), "\npackage models\n")

	require.NoError(t, os.MkdirAll(filepath.Join(out, "3d"), 0o755))
	t.Chdir(filepath.Join(out, "3d"))
	code, _, stderr = genOut(t, "-in", in, "-out", ".")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `the -out folder's name "3d" is not a valid Go package name; give one with -pkg`)
}

func TestCheckNamesTheGoGenerateSetting(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-go-generate")
	require.Equal(t, exitOK, code, stderr)
	code, stdout, _ := genOut(t, "-in", in, "-out", out, "-check")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stdout, "doc.go in -out has a //go:generate line (it was made with -go-generate) and this run has no -go-generate: add -go-generate")
	code, stdout, _ = genOut(t, "-in", in, "-out", out, "-check", "-go-generate")
	assert.Equal(t, exitOK, code, stdout)

	out2 := filepath.Join(t.TempDir(), "models")
	code, _, stderr = genOut(t, "-in", in, "-out", out2)
	require.Equal(t, exitOK, code, stderr)
	code, stdout, _ = genOut(t, "-in", in, "-out", out2, "-check", "-go-generate")
	assert.Equal(t, exitError, code)
	assert.Contains(t, stdout, "this run has -go-generate but doc.go in -out has no //go:generate line")
}

// TestNoStageCrashesARun injects a panic into each stage after parsing: the
// run ends with an internal error naming the stage, and -out is untouched.
func TestNoStageCrashesARun(t *testing.T) {
	t.Parallel()
	in, out := copyDocsInput(t)
	writeFile(t, filepath.Join(in, "odd.md"), oddPage) // a page whose type the last run lacked
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-no-cache", "-exclude", "odd.md")
	require.Equal(t, exitOK, code, stderr)
	ageFiles(t, out)
	before, times := goFiles(t, out), modTimes(t, out)

	boom := func() { panic("injected failure") }
	cases := map[string]func(h *hooks){
		"resolve": func(h *hooks) {
			h.resolve = func([]*parser.Page, schema.Options) *schema.Schema { boom(); return nil }
		},
		"render": func(h *hooks) {
			h.render = func(*schema.Schema, emitter.Options) ([]emitter.File, error) { boom(); return nil, nil }
		},
		"render (a type, on a worker)": func(h *hooks) {
			h.render = func(s *schema.Schema, o emitter.Options) ([]emitter.File, error) {
				s.Types[len(s.Types)/2].Properties = nil
				s.Types[len(s.Types)/2].Members = []*schema.Member{nil}
				s.Types[len(s.Types)/2].Kind = schema.Enum
				return emitter.Render(s, o)
			}
		},
		"write": func(h *hooks) {
			// emitter's TestPanicWhileStagingLeavesTheFolder panics
			// inside Write itself.
			h.write = func(string, []emitter.File) (emitter.WriteResult, error) { boom(); return emitter.WriteResult{}, nil }
		},
	}
	for name, inject := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			h := testHooks(t)
			inject(&h)
			stage := strings.Fields(name)[0]
			for _, format := range []string{"text", "json"} {
				code, _, stderr := genWith(t, h, "-in", in, "-out", out, "-no-cache", "-diagnostics", format)
				assert.Equal(t, exitError, code, stderr)
				if format == "text" {
					assert.Regexp(t, `(?m)^gen: error: internal: `+stage+` failed: .*; this is a bug in gen`, stderr)
					continue
				}
				found := false
				for _, l := range strings.Split(stderr, "\n") {
					var d map[string]any
					if json.Unmarshal([]byte(l), &d) == nil && d["code"] == "internal" {
						found = true
						assert.NotContains(t, d, "file", "an error about no file has no position")
						assert.NotContains(t, d, "line")
						assert.NotContains(t, d, "col")
					}
				}
				assert.True(t, found, stderr)
			}
			assert.Equal(t, before, goFiles(t, out), "-out is untouched")
			assert.Equal(t, times, modTimes(t, out))
		})
	}
}

func TestUpperCasePackageNamesAreUsageErrors(t *testing.T) {
	in, out := copyDocsInput(t)
	code, _, stderr := genOut(t, "-in", in, "-out", out, "-pkg", "Models")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `-pkg "Models": Go package names are lower case; use -pkg models`)
	code, _, stderr = genOut(t, "-in", in, "-out", filepath.Join(filepath.Dir(out), "Models"))
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, `the -out folder's name "Models" is not a lower-case Go package name; give one with -pkg models`)
}
