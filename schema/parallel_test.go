package schema

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/docgen/graphgen/diag"
	"github.com/docgen/graphgen/parser/corpus"
)

func TestParallelCallsEachIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, minChunk, 1000} {
		calls := make([]atomic.Int32, n)
		parallel(n, func(i int) { calls[i].Add(1) })
		for i := range calls {
			require.Equal(t, int32(1), calls[i].Load(), "n=%d, index %d", n, i)
		}
	}
}

// A panic in a worker reaches the caller's guard, which names the
// function that panicked, not the worker pool.
func TestParallelRaisesAPanicInTheCaller(t *testing.T) {
	explode := func(i int) {
		if i == 700 {
			panic("item 700")
		}
	}
	err := diag.Guard("resolve", func() error {
		parallel(1000, func(i int) { explode(i) })
		return nil
	})
	var ie *diag.InternalError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "item 700", ie.Value)
	assert.Contains(t, ie.Where, "schema.TestParallelRaisesAPanicInTheCaller")
	assert.NotContains(t, ie.Where, "parallel.func")
}

// The passes that run on all cores give the schema the sequential passes
// give, names and diagnostics included (run with -race, this also finds
// passes that share what they write).
func TestParallelResolveMatchesSequential(t *testing.T) {
	folders := map[string]string{"docs-input": "../docs-input"}
	if !testing.Short() {
		folders["en-2020-05 v1.0"] = corpus.Require(t, "corpus", "en-2020-05", "v1.0", "resources")
		// Translated pages: the learning passes change rows.
		folders["localized-de-2019-03 v1.0"] = corpus.Require(t, "corpus", "localized-de-2019-03", "v1.0", "resources")
	}
	defer func(saved int) { minChunk = saved }(minChunk)
	for name, dir := range folders {
		t.Run(name, func(t *testing.T) {
			pages, _ := loadPages(t, dir, nil, nil)
			minChunk = 1 << 30
			sequential := schemaJSON(t, Resolve(pages))
			minChunk = 1
			assert.Equal(t, sequential, schemaJSON(t, Resolve(pages)))
		})
	}
}
