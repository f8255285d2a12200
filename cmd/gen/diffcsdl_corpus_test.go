package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/internal/csdl"
	"github.com/docgen/graphgen/parser/corpus"
	"github.com/docgen/graphgen/schema"
)

// TestDiffServiceCorpus compares the en-2020-05 pages with the service's
// metadata of that month, as docs/csdl-diff.md reports: the metadata reads
// without a warning, the counts per kind are the report's, and each finding
// checked by hand against the pages is there, at its place. Only this test
// (and the user who passes it to gen diff) reads the metadata.
func TestDiffServiceCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("skipped with -short: resolves two corpus folders")
	}
	type finding struct{ change, element, aspect, name, old, new, at string }
	cases := []struct {
		version  string
		types    int    // in the metadata
		summary  string // as gen diff's text summary prints it
		findings []finding
	}{
		{"v1.0", 951, "gen diff: 461 changes, 268 breaking: types +30 -79 ~98, properties +64 -86 ~53, members +4 -25 ~17, go-names +0 -0 ~5; 0 descriptions changed", []finding{
			{"changed", "property", "type", "microsoft.graph.user.otherMails", "Collection(Edm.String)", "Edm.String", "user.md:159"},
			{"changed", "property", "type", "microsoft.graph.application.addIns", "Collection(microsoft.graph.addIn)", "microsoft.graph.addIn", "application.md:51"},
			{"changed", "property", "type", "microsoft.graph.call.direction", "microsoft.graph.callDirection", "Edm.String", "call.md:66"},
			{"removed", "type", "", "microsoft.graph.callDirection", "enum", "", "xml:1409"},
			{"changed", "property", "type", "microsoft.graph.call.mediaConfig", "microsoft.graph.mediaConfig", "microsoft.graph.appHostedMediaConfig", "call.md:68"},
			{"removed", "property", "", "microsoft.graph.device.transitiveMemberOf", "Collection(microsoft.graph.directoryObject)", "", "xml:2633"},
			{"added", "property", "", "microsoft.graph.device.List", "", "Collection(microsoft.graph.directoryObject)", "device.md:68"},
			{"changed", "property", "wire-name", "microsoft.graph.audioConferencing.ConferenceId", "conferenceId", "ConferenceId", "audioconferencing.md:21"},
			{"changed", "member", "value", "microsoft.graph.alertStatus.newAlert", "1", "10", "enums.md:621"},
			{"removed", "member", "", "microsoft.graph.alertStatus.dismissed", "4", "", "xml:1292"},
			{"changed", "type", "base", "microsoft.graph.subscribedSku", "microsoft.graph.entity", "microsoft.graph.directoryObject", "subscribedsku.md:10"},
			{"removed", "property", "", "microsoft.graph.directoryObject.deletedDateTime", "Edm.DateTimeOffset", "", "xml:1821"},
			{"added", "property", "", "microsoft.graph.user.deletedDateTime", "", "Edm.DateTimeOffset", "user.md:127"},
		}},
		{"beta", 2631, "gen diff: 1790 changes, 1153 breaking: types +71 -395 ~413, properties +223 -236 ~330, members +23 -54 ~21, go-names +0 -0 ~24; 0 descriptions changed", []finding{
			{"changed", "type", "kind", "microsoft.graph.emailActivitySummary", "entity", "complex", "emailactivitysummary.md:10"},
			{"changed", "type", "base", "microsoft.graph.emailActivitySummary", "microsoft.graph.entity", "", "emailactivitysummary.md:10"},
		}},
	}
	for _, c := range cases {
		t.Run(c.version, func(t *testing.T) {
			metadata := corpus.Require(t, "oracle", "csdl", "en-2020-05-"+c.version+".xml")
			pages := corpus.Require(t, "corpus", "en-2020-05", c.version, "resources")
			data, err := os.ReadFile(metadata)
			require.NoError(t, err)
			m, diags := csdl.Read(metadata, data)
			require.NotNil(t, m)
			assert.Empty(t, diags, "the service's metadata is CSDL gen reads whole")
			assert.Len(t, m.Types, c.types)

			code, stdout, _ := genOut(t, "diff", "-q", metadata, pages)
			assert.Equal(t, exitError, code)
			assert.Contains(t, stdout, "\n"+c.summary+"\n")

			code, r, _ := runDiffJSON(t, "-q", metadata, pages)
			assert.Equal(t, exitError, code)
			got := map[finding]bool{}
			for _, ch := range r.Changes {
				// At is in the metadata (xml:line) or in a page (name.md:line).
				at := filepath.Base(ch.At)
				if line, ok := strings.CutPrefix(ch.At, filepath.ToSlash(metadata)+":"); ok {
					at = "xml:" + line
				}
				got[finding{ch.Change, ch.Element, ch.Aspect, ch.Name, ch.Old, ch.New, at}] = true
			}
			for _, f := range c.findings {
				assert.True(t, got[f], "finding not in the report: %+v", f)
			}
			for _, ch := range r.Changes {
				assert.NotEqual(t, schema.ElemDescription, ch.Element, "descriptions are not compared with a service")
			}
		})
	}
}
