package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/parser"
	"github.com/docgen/graphgen/parser/corpus"
)

type apiExample struct {
	Where      string          `json:"where"`
	Type       string          `json:"type"`
	Collection bool            `json:"collection"`
	JSON       json.RawMessage `json:"json"`
	Raw        string          `json:"raw,omitempty"`
}

// responseExamples finds every response example with an @odata.type on the
// API pages of dir: the JSON in the fenced block after a
// <!-- {"blockType": "response", "@odata.type": ...} --> annotation.
func responseExamples(t *testing.T, dir string) []apiExample {
	paths, err := filepath.Glob(filepath.Join(dir, "*.md"))
	require.NoError(t, err)
	sort.Strings(paths)
	var out []apiExample
	for _, p := range paths {
		data, err := os.ReadFile(p)
		require.NoError(t, err)
		lines := strings.Split(string(data), "\n")
		for i := 0; i < len(lines); i++ {
			if !strings.Contains(lines[i], "<!--") {
				continue
			}
			start := i
			var comment strings.Builder
			for ; i < len(lines); i++ {
				comment.WriteString(lines[i] + "\n")
				if strings.Contains(lines[i], "-->") {
					break
				}
			}
			c := comment.String()
			open := strings.Index(c, "{")
			if open < 0 {
				continue
			}
			ann, _ := parser.ParseJSONish(c[open:strings.LastIndex(c, "-->")])
			if ann == nil || ann.Get("blockType") == nil || ann.Get("blockType").Str != "response" {
				continue
			}
			typ := ann.Get("@odata.type")
			if typ == nil || typ.Str == "" {
				continue
			}
			// The fenced block that follows.
			j := i + 1
			for j < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[j]), "```") {
				j++
			}
			var body []string
			for k := j + 1; k < len(lines) && !strings.HasPrefix(strings.TrimSpace(lines[k]), "```"); k++ {
				body = append(body, lines[k])
			}
			text := strings.Join(body, "\n")
			if at := strings.IndexAny(text, "{["); at >= 0 {
				text = text[at:]
			}
			ex := apiExample{Where: fmt.Sprintf("%s:%d", filepath.Base(p), start+1), Type: strings.TrimPrefix(typ.Str, "#"),
				Collection: ann.Get("isCollection") != nil && strings.EqualFold(ann.Get("isCollection").Str, "true")}
			if json.Valid([]byte(text)) {
				ex.JSON = json.RawMessage(text)
			} else {
				ex.Raw = text
				if len(ex.Raw) > 200 {
					ex.Raw = ex.Raw[:200]
				}
			}
			out = append(out, ex)
		}
	}
	return out
}

type rtResult struct {
	Where, Cause, Message string
	Exact                 bool
	Kept                  []string
}

// TestCorpusRoundTrip takes each en-2020-05 version folder's package (built
// once for every test: corpusModule) and decodes every
// typed response example of the matching api/ folder into the generated
// types: decode, encode, decode again. It reports the rate and the first
// failures by cause (the docs have errors) and asserts that whatever
// decodes round-trips without loss.
func TestCorpusRoundTrip(t *testing.T) {
	skipGoTool(t)
	harness, err := os.ReadFile(filepath.Join("testdata", "roundtrip_harness.go.txt"))
	require.NoError(t, err)
	for _, v := range []string{"v1.0", "beta"} {
		t.Run(v, func(t *testing.T) {
			api := corpus.Require(t, "corpus", "en-2020-05", v, "api")
			examples := responseExamples(t, api)
			require.NotEmpty(t, examples)
			mod, _ := corpusModule(t, "en-2020-05/"+v) // the package TestCorpusFoldersBuild builds
			writeFile(t, filepath.Join(mod, "rt", "main.go"), string(harness))
			b, err := json.Marshal(examples)
			require.NoError(t, err)
			writeFile(t, filepath.Join(mod, "examples.json"), string(b))
			cmd := exec.Command("go", "run", "./rt", "examples.json")
			cmd.Dir = mod
			cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
			var stdout, errOut bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &errOut
			require.NoError(t, cmd.Run(), errOut.String())
			var results []rtResult
			require.NoError(t, json.Unmarshal(stdout.Bytes(), &results))

			byCause := map[string][]rtResult{}
			byKept := map[string][]string{} // "want X, got Y" -> where
			lossless, exact, typed, clean := 0, 0, 0, 0
			for _, r := range results {
				if r.Cause != "type not in the schema" && r.Cause != "example is not valid JSON" && r.Cause != "collection example without items" {
					typed++
				}
				if r.Cause == "" {
					lossless++
					if r.Exact {
						exact++
					}
					if len(r.Kept) == 0 {
						clean++
					}
					for _, k := range r.Kept {
						_, kind, _ := strings.Cut(k, ": ")
						kind, _, _ = strings.Cut(kind, ", got ")
						byKept[kind] = append(byKept[kind], r.Where+" "+k)
					}
					continue
				}
				byCause[r.Cause] = append(byCause[r.Cause], r)
			}
			var report strings.Builder
			fmt.Fprintf(&report, "en-2020-05/%s/api: %d examples (%d values); %d typed by the schema; decoded with nothing kept aside %d/%d = %.1f%%; "+
				"decoded, keeping values that do not fit the docs, %d; round trip lossless %d/%d = %.1f%%; re-encoded JSON equal to the input %d/%d = %.1f%%\n",
				v, len(examples), len(results), typed, clean, typed, 100*float64(clean)/float64(typed), lossless-clean,
				lossless, typed, 100*float64(lossless)/float64(typed), exact, lossless, 100*float64(exact)/float64(max(lossless, 1)))
			causes := make([]string, 0, len(byCause))
			for c := range byCause {
				causes = append(causes, c)
			}
			sort.Slice(causes, func(i, j int) bool { return len(byCause[causes[i]]) > len(byCause[causes[j]]) })
			for _, c := range causes {
				fmt.Fprintf(&report, "  %4d %s\n", len(byCause[c]), c)
				for _, r := range byCause[c][:min(3, len(byCause[c]))] {
					msg := r.Message
					if len(msg) > 160 {
						msg = msg[:160] + "..."
					}
					fmt.Fprintf(&report, "         %s %s\n", r.Where, msg)
				}
			}
			kinds := make([]string, 0, len(byKept))
			for k := range byKept {
				kinds = append(kinds, k)
			}
			sort.Slice(kinds, func(i, j int) bool {
				return len(byKept[kinds[i]]) > len(byKept[kinds[j]]) || len(byKept[kinds[i]]) == len(byKept[kinds[j]]) && kinds[i] < kinds[j]
			})
			fmt.Fprintf(&report, "  values kept as they came (the docs' type does not fit the example), by what the docs want:\n")
			for _, k := range kinds {
				fmt.Fprintf(&report, "  %4d %s, e.g. %s\n", len(byKept[k]), k, byKept[k][0])
			}
			t.Log(report.String())
			// Every typed example decodes: what fits the docs into its fields,
			// the rest kept as it came and listed; and the round trip loses
			// nothing.
			assert.Equal(t, typed, lossless, "every typed example decodes and round-trips without loss")
			assert.Empty(t, byCause["lossy round trip"], "whatever decodes must survive encode and decode")
			assert.Empty(t, byCause["encode"])
		})
	}
}
