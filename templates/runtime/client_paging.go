// The client's lists: a Go iterator over every page's items, following
// @odata.nextLink, and one page at a time.

package runtime

import (
	"context"
	"errors"
	"fmt"
	"iter"
)

// ErrPagingLoop ends a list whose @odata.nextLink names a page it has
// already read, or that reads more pages than WithMaxPages allows.
var ErrPagingLoop = errors.New("paging: the service's nextLink names a page already read")

// pager is a page of a list: a *Collection[T].
type pager interface {
	links() (next, delta *string)
}

// page reads one page of a list into out: the one WithNextLink names, else
// the first one of path.
func (c *Client) page(ctx context.Context, path string, out pager, opts []RequestOption) error {
	cfg := newRequestConfig(opts)
	u := cfg.nextLink
	if u == "" {
		u = c.url(path, cfg)
	}
	return c.send(ctx, "GET", u, nil, out, cfg)
}

// eachPage reads the pages of a list into out one after another, calling
// each after every page, until the last page, an error, or each returns
// false. A page whose values did not all fit their documented types is
// read all the same: its *DecodeError goes to mismatch, and the list goes
// on while mismatch returns true.
func (c *Client) eachPage(ctx context.Context, path string, out pager, opts []RequestOption, each func() bool, mismatch func(error) bool) error {
	cfg := newRequestConfig(opts)
	u := cfg.nextLink
	if u == "" {
		u = c.url(path, cfg)
	}
	seen := map[string]bool{u: true}
	for n := 1; ; n++ {
		err := c.send(ctx, "GET", u, nil, out, cfg)
		if failed(err) {
			return err
		}
		if !each() || err != nil && !mismatch(err) {
			return nil
		}
		next, delta := out.links()
		if next == nil || *next == "" {
			if cfg.deltaLink != nil && delta != nil {
				*cfg.deltaLink = *delta
			}
			return nil
		}
		if seen[*next] {
			return fmt.Errorf("%w: page %d links to %s", ErrPagingLoop, n, *next)
		}
		if cfg.maxPages > 0 && n >= cfg.maxPages {
			return fmt.Errorf("%w: more than %d pages (WithMaxPages)", ErrPagingLoop, cfg.maxPages)
		}
		seen[*next] = true
		u = *next
	}
}

// pages is the iterator of a list operation: every item of every page,
// then an error if one ended the list.
func pages[T any](c *Client, ctx context.Context, path string, opts []RequestOption) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var page Collection[T]
		var zero T
		err := c.eachPage(ctx, path, &page, opts, func() bool {
			for _, v := range page.Value {
				if !yield(v, nil) {
					return false
				}
			}
			return true
		}, func(err error) bool { return yield(zero, err) })
		if err != nil {
			yield(zero, err)
		}
	}
}
