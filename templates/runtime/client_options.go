// The client's request options: the OData query options, headers, and the
// paging links of a list.

package runtime

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
)

// RequestOption adds a query option or a header to a request of an
// operation method.
type RequestOption func(*requestConfig)

// requestConfig is what the options of one call set.
type requestConfig struct {
	params    []queryParam
	header    http.Header
	nextLink  string  // a page method's: the page to read
	deltaLink *string // a list's: where the last page's deltaLink goes
	maxPages  int
}

type queryParam struct{ name, value string }

func newRequestConfig(opts []RequestOption) *requestConfig {
	cfg := &requestConfig{}
	for _, o := range opts {
		if o != nil {
			o(cfg)
		}
	}
	return cfg
}

// query writes the query options in the order they were given.
func (cfg *requestConfig) query() string {
	var parts []string
	for _, p := range cfg.params {
		parts = append(parts, p.name+"="+queryEscape(p.value))
	}
	return strings.Join(parts, "&")
}

// queryEscape escapes a query option's value as the service's docs write
// them: what would end or change the value (space, &, #, +, %, ;, =) and
// what is not printable ASCII, but not $ , ' ( ) : / @ * which OData
// expressions are full of.
func queryEscape(v string) string {
	const keep = "$,'():/@*!-._~?"
	var b strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte(keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// WithQuery adds a query option as it is (name unescaped, value escaped):
// WithQuery("$skipToken", t).
func WithQuery(name, value string) RequestOption {
	return func(cfg *requestConfig) { cfg.params = append(cfg.params, queryParam{name, value}) }
}

// WithSelect asks for these properties only ($select).
func WithSelect(properties ...string) RequestOption {
	return WithQuery("$select", strings.Join(properties, ","))
}

// WithExpand expands these navigation properties ($expand).
func WithExpand(properties ...string) RequestOption {
	return WithQuery("$expand", strings.Join(properties, ","))
}

// WithFilter filters a collection ($filter): WithFilter("startswith(displayName,'a')").
func WithFilter(expr string) RequestOption { return WithQuery("$filter", expr) }

// WithOrderBy orders a collection ($orderby): WithOrderBy("displayName desc").
func WithOrderBy(orders ...string) RequestOption {
	return WithQuery("$orderby", strings.Join(orders, ","))
}

// WithTop asks for pages of at most n items ($top).
func WithTop(n int) RequestOption { return WithQuery("$top", strconv.Itoa(n)) }

// WithSkip skips the first n items ($skip).
func WithSkip(n int) RequestOption { return WithQuery("$skip", strconv.Itoa(n)) }

// WithSearch searches a collection ($search): WithSearch(`"displayName:ada"`).
func WithSearch(expr string) RequestOption { return WithQuery("$search", expr) }

// WithCount asks for the number of items in all pages ($count=true), in
// Collection.Count.
func WithCount() RequestOption { return WithQuery("$count", "true") }

// WithHeader sets a request header.
func WithHeader(name, value string) RequestOption {
	return func(cfg *requestConfig) {
		if cfg.header == nil {
			cfg.header = http.Header{}
		}
		cfg.header.Set(name, value)
	}
}

// WithConsistencyLevel sets the ConsistencyLevel header ("eventual"),
// which $count and $search on directory objects need.
func WithConsistencyLevel(level string) RequestOption {
	return WithHeader("ConsistencyLevel", level)
}

// WithNextLink makes a page method read the page a previous page's
// NextLink names (the query options are in the link).
func WithNextLink(link string) RequestOption {
	return func(cfg *requestConfig) { cfg.nextLink = link }
}

// WithDeltaLinkOut makes a list store the @odata.deltaLink of its last
// page in *link (a delta function's: where the next round of changes
// starts).
func WithDeltaLinkOut(link *string) RequestOption {
	return func(cfg *requestConfig) { cfg.deltaLink = link }
}

// WithMaxPages bounds the pages a list reads; past them it ends with an
// error. 0 (the default) is no bound but ErrPagingLoop's.
func WithMaxPages(n int) RequestOption {
	return func(cfg *requestConfig) { cfg.maxPages = n }
}
