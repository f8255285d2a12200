package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/docgen/graphgen/schema"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/templates"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

// gen runs the command and returns its exit code and stderr.
func gen(t *testing.T, args ...string) (int, string) {
	t.Helper()
	var stderr bytes.Buffer
	code := run(testHooks(t), args, io.Discard, &stderr)
	return code, stderr.String()
}

var (
	diagLine    = regexp.MustCompile(`^([^:]+:\d+:\d+|gen): (warning|error): [a-z0-9-]+: .+$`)
	summaryLine = regexp.MustCompile(`^gen: \d+ pages, \d+ types \(\d+ enums\); \d+ errors, \d+ warnings$`)
)

// checkStderr asserts that every line is a diagnostic but the last, which
// is the summary, and that diagnostics come sorted.
func checkStderr(t *testing.T, stderr string) {
	t.Helper()
	lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n")
	require.NotEmpty(t, lines)
	assert.Regexp(t, summaryLine, lines[len(lines)-1])
	for _, l := range lines[:len(lines)-1] {
		assert.Regexp(t, diagLine, l)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
	require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
}

func repoPath(parts ...string) string {
	return filepath.Join(append([]string{corpus.Root()}, parts...)...)
}

func TestUsageErrors(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "x.md"), "# x resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
	cases := map[string][]string{
		"no flags":           {},
		"no out":             {"-in", in},
		"unknown flag":       {"-in", in, "-out", t.TempDir(), "-bogus"},
		"bad default pkg":    {"-in", in, "-out", filepath.Join(t.TempDir(), "my-models")},
		"bad pkg":            {"-in", in, "-out", t.TempDir(), "-pkg", "func"},
		"out is in":          {"-in", in, "-out", in, "-pkg", "x"},
		"out inside in":      {"-in", in, "-out", filepath.Join(in, "models")},
		"out contains in":    {"-in", in, "-out", filepath.Dir(in), "-pkg", "x"},
		"unknown subcommand": {"frobnicate", "-in", in},
		"extra argument":     {"-in", in, "-out", t.TempDir(), "-pkg", "x", "extra"},
	}
	// -out inside -in through links to folders that do not exist yet: a
	// link to -in with a new folder under it, and a dangling link into -in.
	links := t.TempDir()
	require.NoError(t, os.Symlink(in, filepath.Join(links, "to-in")))
	require.NoError(t, os.Symlink(filepath.Join(in, "new", "models"), filepath.Join(links, "dangling")))
	cases["out inside in through a link, not made yet"] = []string{"-in", in, "-out", filepath.Join(links, "to-in", "new", "models")}
	cases["out a dangling link into in"] = []string{"-in", in, "-out", filepath.Join(links, "dangling")}
	cases["out under a dangling link into in"] = []string{"-in", in, "-out", filepath.Join(links, "dangling", "deeper")}
	// -out a file, and a folder with a hand-written file of another package.
	aFile := filepath.Join(t.TempDir(), "models")
	writeFile(t, aFile, "not a folder")
	cases["out is a file"] = []string{"-in", in, "-out", aFile}
	other := filepath.Join(t.TempDir(), "models")
	writeFile(t, filepath.Join(other, "client.go"), "// Hand-written.\n\npackage mymodels\n")
	cases["out holds another package"] = []string{"-in", in, "-out", other}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			code, stderr := gen(t, args...)
			assert.Equal(t, exitUsage, code, stderr)
			assert.NotEmpty(t, stderr)
		})
	}
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(t.TempDir(), "my-models"))
	assert.Contains(t, stderr, "-pkg")
	assert.Equal(t, exitUsage, code)
}

// gen -h lists each subcommand on a line of its own that starts with it.
func TestHelpListsTheSubcommands(t *testing.T) {
	var stderr strings.Builder
	run(testHooks(t), []string{"-h"}, &stderr, &stderr)
	for _, sub := range []string{"gen validate", "gen diff"} {
		found := false
		for _, line := range strings.Split(stderr.String(), "\n") {
			found = found || strings.HasPrefix(strings.TrimSpace(line), sub+" ")
		}
		assert.True(t, found, "gen -h lists %q on a line of its own", sub)
	}
}

func TestErrors(t *testing.T) {
	t.Run("missing input", func(t *testing.T) {
		code, stderr := gen(t, "-in", filepath.Join(t.TempDir(), "nope"), "-out", filepath.Join(t.TempDir(), "models"))
		assert.Equal(t, exitError, code)
		checkStderr(t, stderr)
		assert.Regexp(t, `(?m)^gen: error: read-input: -in .*nope: `, stderr, "an error about no page has no made-up position")
	})
	t.Run("nothing to generate", func(t *testing.T) {
		in := t.TempDir()
		writeFile(t, filepath.Join(in, "overview.md"), "# Overview\n\nProse only.\n")
		out := filepath.Join(t.TempDir(), "models")
		code, stderr := gen(t, "-in", in, "-out", out)
		assert.Equal(t, exitError, code)
		checkStderr(t, stderr)
		assert.Contains(t, stderr, "error: nothing-to-generate")
		_, err := os.Stat(out)
		assert.True(t, os.IsNotExist(err), "nothing is written")
	})
	t.Run("hand-written file in the way", func(t *testing.T) {
		in := t.TempDir()
		writeFile(t, filepath.Join(in, "thing.md"), "# thing resource type\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|a|String|x|\n")
		out := filepath.Join(t.TempDir(), "models")
		hand := "package models\n\n// mine\n"
		writeFile(t, filepath.Join(out, "thing.go"), hand)
		code, stderr := gen(t, "-in", in, "-out", out)
		assert.Equal(t, exitError, code)
		assert.Contains(t, stderr, "thing.go")
		got, err := os.ReadFile(filepath.Join(out, "thing.go"))
		require.NoError(t, err)
		assert.Equal(t, hand, string(got))
		_, err = os.Stat(filepath.Join(out, "edm.go"))
		assert.True(t, os.IsNotExist(err), "nothing else is written either")
	})
}

func TestWarningsStillWriteAPackage(t *testing.T) {
	in := t.TempDir()
	writeFile(t, filepath.Join(in, "a.md"), "# a resource type\n\nInherits from [b](b.md)\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|x|[missing](missing.md)|x|\n")
	writeFile(t, filepath.Join(in, "b.md"), "# b resource type\n\nInherits from [a](a.md)\n\n## Properties\n|Property|Type|Description|\n|:--|:--|:--|\n|y|String|x|\n")
	writeFile(t, filepath.Join(in, "sub", "empty.md"), "")
	t.Chdir(in)
	out := filepath.Join(t.TempDir(), "models")
	code, stderr := gen(t, "-in", in, "-out", out)
	assert.Equal(t, exitOK, code, stderr)
	checkStderr(t, stderr)
	assertLine(t, stderr, "sub/empty.md:1:1: warning: no-type:")
	assert.Contains(t, stderr, "warning: inheritance-cycle:")
	assert.Contains(t, stderr, "warning: unknown-type:")
	assert.True(t, strings.HasSuffix(stderr, "gen: 3 pages, 2 types (0 enums); 0 errors, 3 warnings\n"), stderr)
	buildPackage(t, filepath.Dir(out))
}

func TestSchemaOut(t *testing.T) {
	out := filepath.Join(t.TempDir(), "generated")
	schemaFile := filepath.Join(t.TempDir(), "schema.json")
	code, stderr := gen(t, "-in", repoPath("docs-input"), "-out", out, "-schema-out", schemaFile)
	require.Equal(t, exitOK, code, stderr)
	data, err := os.ReadFile(schemaFile)
	require.NoError(t, err)
	var doc struct {
		Version int `json:"version"`
		Types   []struct {
			Name       string            `json:"name"`
			Kind       string            `json:"kind"`
			Base       *string           `json:"base"`
			Source     string            `json:"source"`
			GoName     string            `json:"goName"`
			Properties []json.RawMessage `json:"properties"`
			Members    []json.RawMessage `json:"members"`
		} `json:"types"`
		Diagnostics []json.RawMessage `json:"diagnostics"`
	}
	require.NoError(t, json.Unmarshal(data, &doc))
	assert.Equal(t, schema.Version, doc.Version)
	var names []string
	for _, ty := range doc.Types {
		names = append(names, ty.Name)
		assert.NotNil(t, ty.Properties)
		assert.NotNil(t, ty.Members)
	}
	assert.True(t, sort.StringsAreSorted(names), "types sorted by qualified name")
	byName := map[string]int{}
	for i, ty := range doc.Types {
		byName[ty.Name] = i
	}
	book := doc.Types[byName["microsoft.graph.book"]]
	assert.Equal(t, "entity", book.Kind)
	assert.Equal(t, "microsoft.graph.libraryItem", *book.Base)
	assert.Equal(t, "resources/book.md:7", book.Source)
	assert.Equal(t, "LendingLoan", doc.Types[byName["microsoft.graph.lending.loan"]].GoName)
	assert.Len(t, doc.Diagnostics, strings.Count(stderr, "\n")-1)
}

// generated/ must be what gen makes of docs-input/ today.
func TestGeneratedIsCurrent(t *testing.T) {
	// The same flags as make generate: out sits beside docs-input as
	// generated/ does, so the go:generate line comes out the same.
	root := t.TempDir()
	out := filepath.Join(root, "generated")
	in := filepath.Join(root, "docs-input")
	require.NoError(t, os.CopyFS(in, os.DirFS(repoPath("docs-input"))))
	writeFile(t, filepath.Join(root, "go.mod"), "module github.com/docgen/graphgen\n") // as in the repository
	code, stderr := gen(t, "-in", in, "-out", out, "-pkg", "generated", "-go-generate", "-client")
	require.Equal(t, exitOK, code, stderr)
	assertSameTree(t, repoPath("generated"), out, "run `make generate` and commit generated/")
}

// assertSameTree compares the *.go files of two folders.
func assertSameTree(t *testing.T, want, got, hint string) {
	t.Helper()
	wantFiles, gotFiles := goFiles(t, want), goFiles(t, got)
	require.Equal(t, keys(wantFiles), keys(gotFiles), hint)
	for name, content := range wantFiles {
		assert.Equal(t, content, gotFiles[name], "%s differs; %s", name, hint)
	}
}

func goFiles(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]string{}
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".go") {
			b, err := os.ReadFile(filepath.Join(dir, e.Name()))
			require.NoError(t, err)
			out[e.Name()] = string(b)
		}
	}
	return out
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The seed page, the base page it inherits from and the enum pages both
// link to, from each of the three corpora.
var seedPages = []string{
	"intune-onboarding-vpptokenrevokelicensesactionresult.md",
	"intune-onboarding-vpptokenactionresult.md",
	"intune-shared-actionstate.md",
	"intune-shared-vpptokenactionfailurereason.md",
}

var seedCorpora = []string{"bilingual-ru-2020-10", "en-2020-05", "localized-ru-2023"}

func TestGoldenSeed(t *testing.T) {
	for _, c := range seedCorpora {
		t.Run(c, func(t *testing.T) {
			src := corpus.Require(t, "corpus", c, "beta", "resources")
			golden, err := filepath.Abs(filepath.Join("testdata", "golden", c))
			require.NoError(t, err)
			// Run where the pages' folder is, as go generate runs gen in a
			// package folder: the golden stderr names them from there.
			root := t.TempDir()
			in := filepath.Join(root, "resources")
			for _, p := range seedPages {
				b, err := os.ReadFile(filepath.Join(src, p))
				require.NoError(t, err)
				writeFile(t, filepath.Join(in, p), string(b))
			}
			t.Chdir(root)
			out := filepath.Join(t.TempDir(), "seed")
			code, stderr := gen(t, "-in", "resources", "-out", out)
			require.Equal(t, exitOK, code, stderr)
			checkStderr(t, stderr)
			assertSeedStruct(t, filepath.Join(out, "vpp_token_revoke_licenses_action_result.go"))
			writeFile(t, filepath.Join(out, "stderr.golden"), stderr)
			if *update {
				require.NoError(t, os.RemoveAll(golden))
				require.NoError(t, os.MkdirAll(golden, 0o755))
				entries, err := os.ReadDir(out)
				require.NoError(t, err)
				for _, e := range entries {
					if isRuntimeFile(e.Name()) {
						continue // the runtime is tested in templates/runtime, not in goldens
					}
					b, err := os.ReadFile(filepath.Join(out, e.Name()))
					require.NoError(t, err)
					writeFile(t, filepath.Join(golden, e.Name()), string(b))
				}
			}
			for _, rf := range templates.Runtime() {
				if !rf.Client {
					require.NoError(t, os.Remove(filepath.Join(out, rf.Name)), "gen writes the runtime")
				}
			}
			assertSameTree(t, golden, out, "run `go test ./cmd/gen -run TestGoldenSeed -update` if the change is intended")
			wantStderr, err := os.ReadFile(filepath.Join(golden, "stderr.golden"))
			require.NoError(t, err)
			assert.Equal(t, string(wantStderr), stderr)
		})
	}
}

// assertSeedStruct checks the struct the project was specified with:
// embedded base, fields, types and tags exactly.
func assertSeedStruct(t *testing.T, path string) {
	t.Helper()
	src, err := os.ReadFile(path)
	require.NoError(t, err)
	file, err := parser.ParseFile(token.NewFileSet(), path, src, 0)
	require.NoError(t, err)
	var got []string
	ast.Inspect(file, func(n ast.Node) bool {
		ts, ok := n.(*ast.TypeSpec)
		if !ok || ts.Name.Name != "VppTokenRevokeLicensesActionResult" {
			return true
		}
		for _, f := range ts.Type.(*ast.StructType).Fields.List {
			var b bytes.Buffer
			require.NoError(t, format.Node(&b, token.NewFileSet(), f.Type))
			line := b.String()
			if len(f.Names) > 0 {
				line = f.Names[0].Name + " " + line
			}
			if f.Tag != nil {
				line += " " + f.Tag.Value
			}
			got = append(got, line)
		}
		return false
	})
	assert.Equal(t, []string{
		"VppTokenActionResult",
		"TotalLicensesCount *int32 `json:\"totalLicensesCount,omitempty\"`",
		"FailedLicensesCount *int32 `json:\"failedLicensesCount,omitempty\"`",
		"ActionFailureReason *VppTokenActionFailureReason `json:\"actionFailureReason,omitempty\"`",
	}, got)
}

// The goldens live under testdata, which go build ignores: copy each into
// a module of its own and build and vet it there.
func TestGoldensCompile(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join("testdata", "golden", "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs, "goldens are committed")
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			mod := t.TempDir()
			for name, content := range goFiles(t, dir) {
				writeFile(t, filepath.Join(mod, "seed", name), content)
			}
			// The goldens hold the type files; the runtime comes from
			// templates/runtime, as gen copies it.
			for _, rf := range templates.Runtime() {
				if rf.Client {
					continue // only with -client
				}
				writeFile(t, filepath.Join(mod, "seed", rf.Name), strings.Replace(string(rf.Source), "\npackage runtime\n", "\npackage seed\n", 1))
			}
			buildPackage(t, mod)
		})
	}
}

// buildPackage builds and vets the packages under dir in a temporary module.
func buildPackage(t *testing.T, dir string) {
	t.Helper()
	skipGoTool(t)
	if _, err := os.Stat(filepath.Join(dir, "go.mod")); err != nil {
		writeFile(t, filepath.Join(dir, "go.mod"), "module gencheck\n\ngo 1.22\n")
	}
	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		out, err := cmd.CombinedOutput()
		require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
	}
}

// corpusFolders are the corpus folders TestCorpusFoldersBuild builds:
// version folders (resources/ and api/, so the package has the operation
// table and action bodies) where there is an api/, resources/ otherwise.
var corpusFolders = []string{
	"bilingual-ru-2020-10/beta/resources",
	"bilingual-ru-2020-10/v1.0",
	"en-2020-05/beta",
	"en-2020-05/v1.0",
	"localized-de-2019-03/beta",
	"localized-de-2019-03/v1.0",
	"localized-ru-2023/beta/resources",
}

// Each corpus folder generates without errors into a package that builds
// and passes go vet; a version folder's has its operations and, with
// -client, the client.
func TestCorpusFoldersBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped in -short mode: generates and builds the whole corpus")
	}
	for _, folder := range corpusFolders {
		t.Run(strings.ReplaceAll(folder, "/", "_"), func(t *testing.T) {
			mod, stderr := corpusModule(t, folder) // generated, built and vetted
			checkStderr(t, stderr)
			t.Log(lastLines(stderr, 1))
			if folder == "bilingual-ru-2020-10/beta/resources" {
				assertSeedStruct(t, filepath.Join(mod, "models", "vpp_token_revoke_licenses_action_result.go"))
			}
			if !strings.HasSuffix(folder, "/resources") {
				table, err := os.ReadFile(filepath.Join(mod, "models", "operations.go"))
				require.NoError(t, err)
				assert.Greater(t, strings.Count(string(table), "\tGoName:"), 500, "the operation table of a version folder")
				assert.FileExists(t, filepath.Join(mod, "models", "operation_bodies.go"))
			}
			if withClient(folder) {
				methods, err := os.ReadFile(filepath.Join(mod, "models", "operation_methods.go"))
				require.NoError(t, err)
				assert.Greater(t, strings.Count(string(methods), "\nfunc (c *Client) "), 500, "the client's methods")
			}
		})
	}
}

// docsInputFiles is how many files gen writes for docs-input/resources,
// which the workflow tests generate from (copyDocsInput): what generated/
// holds but the action bodies, which come from docs-input/api.
func docsInputFiles() int {
	names, _ := filepath.Glob(repoPath("generated", "*.go"))
	n := 0
	for _, name := range names {
		base := filepath.Base(name)
		if base == "operation_bodies.go" || base == "operation_methods.go" || strings.HasPrefix(base, "odata_client") {
			continue // api/ pages, and -client, which make generate uses
		}
		n++
	}
	return n
}

// skipGoTool skips, under -short (make test), a test that runs the go tool
// on a generated package: make test-all runs those.
func skipGoTool(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a generated package with the go tool: run by make test-all")
	}
}

// isRuntimeFile reports a file gen copies from templates/runtime.
func isRuntimeFile(name string) bool {
	for _, rf := range templates.Runtime() {
		if rf.Name == name {
			return true
		}
	}
	return false
}

func lastLines(s string, n int) string {
	lines := strings.Split(strings.TrimSuffix(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// A hand-written file of the package gen writes, or its external test,
// may sit in -out; the message for one of another package names the file
// and both packages, before any page is read.
func TestOutFolderPackage(t *testing.T) {
	in, _ := copyDocsInput(t)
	out := filepath.Join(t.TempDir(), "models")
	writeFile(t, filepath.Join(out, "client.go"), "package models\n")
	writeFile(t, filepath.Join(out, "client_test.go"), "package models_test\n")
	code, stderr := gen(t, "-in", in, "-out", out)
	assert.Equal(t, exitOK, code, stderr)
	writeFile(t, filepath.Join(out, "extra.go"), "// x\n\npackage mymodels\n")
	code, stderr = gen(t, "-in", filepath.Join(t.TempDir(), "not-read"), "-out", out)
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "holds extra.go, a file of package mymodels that gen did not write, and gen writes package models: give -pkg mymodels")
}

// An -exclude pattern that matches nothing is a warning: a typo would
// otherwise leave the pages it meant in, silently.
func TestExcludeThatMatchesNothingWarns(t *testing.T) {
	in, _ := copyDocsInput(t)
	code, stderr := gen(t, "-in", in, "-out", filepath.Join(t.TempDir(), "models"), "-exclude", "genre.md,overveiw*.md", "-no-cache")
	assert.Equal(t, exitOK, code, stderr)
	assert.Contains(t, stderr, `gen: warning: exclude-unmatched: -exclude pattern "overveiw*.md" matches no page or folder under `)
	assert.NotContains(t, stderr, `pattern "genre.md"`)
}

// With -types, the warnings are those of the pages the selection comes
// from.
func TestTypesShowTheirPagesWarnings(t *testing.T) {
	in, _ := copyDocsInput(t)
	out := filepath.Join(t.TempDir(), "models")
	_, all := gen(t, "-in", in, "-out", out, "-no-cache")
	require.Contains(t, all, "shelfkind.md:", "docs-input warns on shelfkind.md")
	require.Contains(t, all, "book.md:")
	code, some := gen(t, "-in", in, "-out", out, "-no-cache", "-types", "microsoft.graph.author")
	require.Equal(t, exitOK, code, some)
	assert.NotContains(t, some, "shelfkind.md:")
	assert.NotContains(t, some, "book.md:")
	code, some = gen(t, "-in", in, "-out", out, "-no-cache", "-types", "microsoft.graph.book")
	require.Equal(t, exitOK, code, some)
	assert.Contains(t, some, "book.md:40:3: warning: unknown-type")
	assert.NotContains(t, some, "shelfkind.md:")
}
