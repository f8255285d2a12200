package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/docgen/graphgen/parser"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// docFiles are the Markdown files users read: the README, CONTRIBUTING,
// BENCHMARKS and docs/.
func docFiles(t *testing.T) []string {
	t.Helper()
	files := []string{repoPath("README.md"), repoPath("CONTRIBUTING.md"), repoPath("BENCHMARKS.md")}
	more, err := filepath.Glob(repoPath("docs", "*.md"))
	require.NoError(t, err)
	require.NotEmpty(t, more)
	return append(files, more...)
}

var mdLink = regexp.MustCompile(`\]\(([^)\s]+)\)`)

var codeSpan = regexp.MustCompile("`[^`\n]*`")

// prose is a Markdown file without its fenced blocks and code spans, where
// link syntax is an example, not a link.
func prose(md string) string {
	var b strings.Builder
	fence := false
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(l), "```") {
			fence = !fence
			continue
		}
		if !fence {
			b.WriteString(codeSpan.ReplaceAllString(l, "") + "\n")
		}
	}
	return b.String()
}

func anchors(t *testing.T, path string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	out := map[string]bool{}
	fence := false
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "```") {
			fence = !fence
		}
		if !fence && strings.HasPrefix(l, "#") {
			out[parser.HeadingSlug(strings.TrimLeft(l, "# "))] = true
		}
	}
	return out
}

// TestDocLinks: every relative link in the docs names a file that exists,
// and an anchor a heading there has.
func TestDocLinks(t *testing.T) {
	checked := 0
	for _, file := range docFiles(t) {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		for _, m := range mdLink.FindAllStringSubmatch(prose(string(data)), -1) {
			target := m[1]
			if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
				continue
			}
			path, anchor, _ := strings.Cut(target, "#")
			dest := file
			if path != "" {
				dest = filepath.Join(filepath.Dir(file), filepath.FromSlash(path))
			}
			_, err := os.Stat(dest)
			if !assert.NoError(t, err, "%s links %s", file, target) {
				continue
			}
			if anchor != "" && strings.HasSuffix(dest, ".md") {
				assert.True(t, anchors(t, dest)[anchor], "%s links %s: no such heading", file, target)
			}
			checked++
		}
	}
	assert.Greater(t, checked, 20, "the links were found")
}

// TestReadmeIsAGuide: the README stays short and shows how to install.
func TestReadmeIsAGuide(t *testing.T) {
	info, err := os.Stat(repoPath("README.md"))
	require.NoError(t, err)
	assert.LessOrEqual(t, info.Size(), int64(12*1024), "README.md is at most 12 KB; the rest belongs in docs/")
	data, _ := os.ReadFile(repoPath("README.md"))
	assert.Contains(t, string(data), "go mod edit -replace github.com/docgen/graphgen=../graphgen -require github.com/docgen/graphgen@v0.0.0 -tool github.com/docgen/graphgen/cmd/gen",
		"the install that works today, which scripts/install-check.sh runs")
	assert.Contains(t, string(data), "make generate")
	assert.Contains(t, string(data), "make test")
}

// TestReadmeExampleIsTheExampleTest: the README's Go example is the body of
// the generated package's Example test (testdata/runtime_test.go.txt),
// which TestGeneratedPackageRuntime runs, so it cannot rot.
func TestReadmeExampleIsTheExampleTest(t *testing.T) {
	readme, err := os.ReadFile(repoPath("README.md"))
	require.NoError(t, err)
	test, err := os.ReadFile(filepath.Join("testdata", "runtime_test.go.txt"))
	require.NoError(t, err)
	norm := func(s string) []string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			if l = strings.Join(strings.Fields(l), " "); l != "" {
				out = append(out, l)
			}
		}
		return out
	}
	// The README's first Go block is Example's (the client), its second
	// Example_decoding's.
	rest := string(readme)
	for _, fn := range []string{"func Example() {", "func Example_decoding() {"} {
		start := strings.Index(rest, "```go\n")
		require.GreaterOrEqual(t, start, 0, "a README Go block for %s", fn)
		block := rest[start+len("```go\n"):]
		block = block[:strings.Index(block, "```")]
		rest = rest[start+len("```go\n")+len(block):]
		i := strings.Index(string(test), fn)
		require.GreaterOrEqual(t, i, 0, fn)
		example := string(test)[i:]
		example = example[:strings.Index(example, "\n}\n")]
		body := norm(example)
		at := 0
		for _, line := range norm(block) {
			found := false
			for ; at < len(body); at++ {
				if body[at] == line {
					found = true
					at++
					break
				}
			}
			require.True(t, found, "README line %q is not in %s (in order)", line, fn)
		}
	}
}
